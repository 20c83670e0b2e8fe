import { randomBytes } from "node:crypto";
import { asc, eq, or } from "drizzle-orm";
import type { Executor } from "../../platform/db/client.ts";
import { appendEvent } from "../../platform/events.ts";
import { AppError } from "../../platform/errors.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { eventActor, type ServiceContext } from "../../platform/context.ts";
import { requireRole } from "../../platform/auth/policy.ts";
import { mailboxes } from "./schema.ts";

export type Mailbox = typeof mailboxes.$inferSelect;

export interface NewMailbox {
  name: string;
  address: string;
  fromName?: string | undefined;
  signature?: string | undefined;
  kind?: Mailbox["kind"] | undefined;
  autoAcknowledge?: boolean | undefined;
}

export const normalizeAddress = (address: string) => address.trim().toLowerCase();

/** A support address for the workspace (admins). Its address may belong to no other workspace on this server. */
export async function createMailbox(ctx: ServiceContext, input: NewMailbox): Promise<Mailbox> {
  requireRole(ctx.actor, "admin");
  const workspaceId = ctx.actor.workspaceId;
  return ctx.db.transaction(async (tx) => {
    const [mailbox] = await tx
      .insert(mailboxes)
      .values({
        workspaceId,
        name: input.name,
        address: normalizeAddress(input.address),
        fromName: input.fromName ?? "",
        signature: input.signature ?? "",
        kind: input.kind ?? "smtp",
        autoAcknowledge: input.autoAcknowledge ?? false,
        forwardingToken: `in-${randomBytes(9).toString("base64url").toLowerCase().replace(/[^a-z0-9]/g, "")}`,
      })
      .onConflictDoNothing()
      .returning();
    if (!mailbox) throw new AppError("conflict", `The address ${normalizeAddress(input.address)} is already a mailbox on this server.`);
    await appendEvent(tx, { workspaceId, type: "mailbox.created", subjectType: "mailbox", subjectId: mailbox.id, actor: eventActor(ctx.actor), payload: { address: mailbox.address } });
    return mailbox;
  });
}

export async function listMailboxes(ctx: ServiceContext): Promise<Mailbox[]> {
  requireRole(ctx.actor, "admin");
  return ctx.db.select().from(mailboxes).where(inWorkspace(mailboxes, ctx.actor.workspaceId)).orderBy(asc(mailboxes.createdAt));
}

/**
 * The mailbox a recipient address reaches: its own address, its forwarding address (`<token>@<mail domain>`),
 * or either with a plus tag (`help+anything@…`). Unknown recipients get none, so the SMTP listener refuses them.
 */
export async function findMailboxByRecipient(db: Executor, recipient: string, mailDomain: string): Promise<Mailbox | undefined> {
  const address = normalizeAddress(recipient);
  const at = address.lastIndexOf("@");
  if (at < 1) return undefined;
  const local = address.slice(0, at).split("+")[0]!;
  const domain = address.slice(at + 1);
  const plain = `${local}@${domain}`;
  const [mailbox] = await db
    .select()
    .from(mailboxes)
    .where(or(eq(mailboxes.address, plain), domain === mailDomain ? eq(mailboxes.forwardingToken, local) : undefined));
  return mailbox;
}

/** The plus tag of a recipient address (`help+c42@…` → `c42`), which Rapport writes into Reply-To to thread replies. */
export function plusTag(recipient: string): string | undefined {
  const local = normalizeAddress(recipient).split("@")[0] ?? "";
  const plus = local.indexOf("+");
  return plus >= 0 ? local.slice(plus + 1) : undefined;
}
