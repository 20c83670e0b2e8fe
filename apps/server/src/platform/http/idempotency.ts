import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { AppError } from "../errors.ts";
import { idempotencyKeys } from "../db/schema.ts";
import { inWorkspace } from "../tenancy.ts";
import { withDb, type ServiceContext } from "../context.ts";

export interface IdempotentResult<T> {
  statusCode: number;
  body: T;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * Runs a create at most once per `Idempotency-Key`. The key row is inserted in the
 * same transaction as the create: a concurrent retry blocks on the key until the
 * first commits, then replays its response. A failed create rolls the key back, so
 * the client may retry it. A key reused for a different request is refused.
 */
export async function idempotent<T>(
  ctx: ServiceContext,
  request: FastifyRequest,
  create: (ctx: ServiceContext) => Promise<IdempotentResult<T>>,
): Promise<IdempotentResult<T>> {
  const header = request.headers["idempotency-key"];
  if (header === undefined) return create(ctx);
  const key = Array.isArray(header) ? header[0]! : header;
  if (!KEY_PATTERN.test(key)) throw new AppError("invalid_request", "Idempotency-Key must be 1–255 visible ASCII characters, e.g. a UUID.");
  const fingerprint = createHash("sha256")
    .update(`${request.method} ${request.routeOptions.url ?? request.url} ${JSON.stringify(request.params)} ${JSON.stringify(request.body ?? null)}`)
    .digest("hex");
  const workspaceId = ctx.actor.workspaceId;

  return ctx.db.transaction(async (tx) => {
    const claimed = await tx
      .insert(idempotencyKeys)
      .values({ workspaceId, key, fingerprint, statusCode: 0, response: {} })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length === 0) {
      const [stored] = await tx.select().from(idempotencyKeys).where(inWorkspace(idempotencyKeys, workspaceId, eq(idempotencyKeys.key, key)));
      if (!stored || stored.fingerprint !== fingerprint) {
        throw new AppError("idempotency_key_reused", "This Idempotency-Key was already used for a different request; use a new key for a new request.");
      }
      return { statusCode: stored.statusCode, body: stored.response as T };
    }
    const result = await create(withDb(ctx, tx));
    // Store the response exactly as it will be sent, so a replay is byte-for-byte the same JSON.
    const response = JSON.parse(JSON.stringify(result.body)) as T;
    await tx
      .update(idempotencyKeys)
      .set({ statusCode: result.statusCode, response })
      .where(inWorkspace(idempotencyKeys, workspaceId, eq(idempotencyKeys.key, key)));
    return { statusCode: result.statusCode, body: response };
  });
}
