import { sql } from "drizzle-orm";
import { queryRows, type Executor } from "./db/client.ts";

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
  const payload = JSON.stringify(input.payload ?? {});
  // NOTIFY payloads are capped at 8000 bytes; listeners fetch a large payload by the event's id.
  const notified = Buffer.byteLength(payload) > 6000 ? JSON.stringify({ truncated: true }) : payload;
  // One round trip: insert the event and queue its notice, which PostgreSQL delivers at commit.
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`WITH event AS (
          INSERT INTO domain_events (workspace_id, type, subject_type, subject_id, actor_type, actor_id, payload)
          VALUES (${input.workspaceId}, ${input.type}, ${input.subjectType}, ${input.subjectId}, ${input.actor.type}, ${input.actor.id}, ${payload}::jsonb)
          RETURNING id
        )
        SELECT id, pg_notify(${EVENTS_CHANNEL}, json_build_object(
          'id', id, 'workspaceId', ${input.workspaceId}::text, 'type', ${input.type}::text, 'subjectType', ${input.subjectType}::text,
          'subjectId', ${input.subjectId}::text, 'payload', ${notified}::json)::text)
        FROM event`,
  );
  return Number(row!.id);
}
