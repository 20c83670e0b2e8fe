import { sql, type SQL } from "drizzle-orm";
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
 * The SELECT that queues a notice for each row of `events` (a CTE of inserted
 * domain_events rows). PostgreSQL delivers notices at commit, so listeners hear only
 * of committed changes. Payloads over the NOTIFY limit are sent as a stub; listeners
 * fetch the event by id.
 */
export const notifyEvents = (events: SQL) => sql`
  SELECT id, pg_notify(${EVENTS_CHANNEL}, json_build_object(
           'id', id, 'workspaceId', workspace_id, 'type', type, 'subjectType', subject_type, 'subjectId', subject_id,
           'payload', CASE WHEN octet_length(payload::text) > 6000 THEN '{"truncated":true}'::jsonb ELSE payload END)::text)
    FROM ${events}`;

/**
 * Appends a domain event. Call it with the transaction that makes the change: the
 * event exists exactly when the change does, and so does its notice.
 */
export async function appendEvent(tx: Executor, input: DomainEventInput): Promise<number> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`WITH event AS (
          INSERT INTO domain_events (workspace_id, type, subject_type, subject_id, actor_type, actor_id, payload)
          VALUES (${input.workspaceId}, ${input.type}, ${input.subjectType}, ${input.subjectId}, ${input.actor.type}, ${input.actor.id}, ${JSON.stringify(input.payload ?? {})}::jsonb)
          RETURNING *
        )
        ${notifyEvents(sql`event`)}`,
  );
  return Number(row!.id);
}
