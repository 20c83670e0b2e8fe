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

/** The notice of an inserted domain_events row, as NOTIFY text (the SQL function is defined by a migration). */
const noticeText = sql`rapport_event_notice(id, workspace_id, type, subject_type, subject_id, payload)`;

/**
 * The SELECT that queues a notice for each row of `events` (a CTE of inserted
 * domain_events rows). PostgreSQL delivers notices at commit, so listeners hear only
 * of committed changes.
 */
const notifyEvents = (events: SQL) => sql`SELECT id, pg_notify(${EVENTS_CHANNEL}, ${noticeText}) AS notice FROM ${events}`;

/**
 * A NOTIFY in a writing transaction holds PostgreSQL's notify lock through the commit's
 * WAL flush, so every such commit waits for the one before: the busiest write would be
 * capped at one commit per flush. Statements that commit on their own publish their
 * notices right after, batched per tick into one short NOTIFY-only transaction.
 */
class NoticePublisher {
  private pending: string[] = [];
  private flushing: Promise<void> | null = null;

  constructor(private readonly db: Executor) {}

  publish(notices: string[]): Promise<void> {
    this.pending.push(...notices);
    this.flushing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.flush());
    return this.flushing;
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    this.flushing = null;
    try {
      await this.db.execute(sql`SELECT pg_notify(${EVENTS_CHANNEL}, notice) FROM jsonb_array_elements_text(${JSON.stringify(batch)}::jsonb) AS notice`);
    } catch {
      // The events are committed; a lost notice only delays a live update until the client's next resync.
    }
  }
}

const publishers = new WeakMap<Executor, NoticePublisher>();

/** Sends the notices of events that are already committed. Never throws: the events themselves are safe. */
export function publishCommittedNotices(db: Executor, notices: string[]): Promise<void> {
  if (notices.length === 0) return Promise.resolve();
  let publisher = publishers.get(db);
  if (!publisher) publishers.set(db, (publisher = new NoticePublisher(db)));
  return publisher.publish(notices);
}

/** Transactions whose notices wait for their commit, each with the notices written so far. */
const deferredNotices = new WeakMap<Executor, string[]>();

/**
 * Runs `fn` in a transaction whose events are announced after it commits rather than from inside it. For busy
 * writers of several events per transaction (every new email opens a customer and a conversation): inside,
 * each would hold the notify lock through its commit, and they would commit one at a time. A crash between
 * the commit and the notices loses only the live update; clients catch up on their next resync.
 */
export async function transactionWithLaterNotices<T>(db: Executor, fn: (tx: Executor) => Promise<T>): Promise<T> {
  const notices: string[] = [];
  const result = await db.transaction((tx) => {
    deferredNotices.set(tx, notices);
    return fn(tx);
  });
  void publishCommittedNotices(db, notices);
  return result;
}

/** Where notices of events written in `tx` wait for its commit, when it is such a transaction. */
export const laterNoticesOf = (tx: Executor): string[] | undefined => deferredNotices.get(tx);

/**
 * Appends a domain event. Call it with the transaction that makes the change: the
 * event exists exactly when the change does, and so does its notice.
 */
export async function appendEvent(tx: Executor, input: DomainEventInput): Promise<number> {
  const later = laterNoticesOf(tx);
  const [row] = await queryRows<{ id: string; notice: string }>(
    tx,
    sql`WITH event AS (
          INSERT INTO domain_events (workspace_id, type, subject_type, subject_id, actor_type, actor_id, payload)
          VALUES (${input.workspaceId}, ${input.type}, ${input.subjectType}, ${input.subjectId}, ${input.actor.type}, ${input.actor.id}, ${JSON.stringify(input.payload ?? {})}::jsonb)
          RETURNING *
        )
        ${later ? sql`SELECT id, ${noticeText} AS notice FROM event` : notifyEvents(sql`event`)}`,
  );
  later?.push(row!.notice);
  return Number(row!.id);
}
