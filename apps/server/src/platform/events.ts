import { sql } from "drizzle-orm";
import type { Executor } from "./db/client.ts";
import { domainEvents } from "./db/schema.ts";

export type ActorType = "user" | "api_token" | "customer" | "system";

export interface EventActor {
  type: ActorType;
  id: string | null;
}

export interface DomainEventInput {
  workspaceId: string;
  type: string;
  subjectType: string;
  subjectId: string;
  actor: EventActor;
  payload?: Record<string, unknown>;
}

/** The channel realtime listeners subscribe to; the payload is an `EventNotice`. */
export const EVENTS_CHANNEL = "rapport_events";

export interface EventNotice {
  id: number;
  workspaceId: string;
  type: string;
  subjectType: string;
  subjectId: string;
  payload: Record<string, unknown>;
}

/**
 * Appends a domain event. Call it with the transaction that makes the change: the
 * event exists exactly when the change does. The NOTIFY is transactional too, so
 * listeners hear about the change only once it is committed.
 */
export async function appendEvent(tx: Executor, input: DomainEventInput): Promise<number> {
  const payload = input.payload ?? {};
  const [row] = await tx
    .insert(domainEvents)
    .values({
      workspaceId: input.workspaceId,
      type: input.type,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      actorType: input.actor.type,
      actorId: input.actor.id,
      payload,
    })
    .returning({ id: domainEvents.id });
  const id = row!.id;
  const notice: EventNotice = { id, workspaceId: input.workspaceId, type: input.type, subjectType: input.subjectType, subjectId: input.subjectId, payload };
  let text = JSON.stringify(notice);
  // NOTIFY payloads are capped at 8000 bytes; a large payload is fetched by id instead.
  if (Buffer.byteLength(text) > 7900) text = JSON.stringify({ ...notice, payload: { truncated: true } });
  await tx.execute(sql`SELECT pg_notify(${EVENTS_CHANNEL}, ${text})`);
  return id;
}
