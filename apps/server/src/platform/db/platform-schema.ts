import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, workspaceId } from "./columns.ts";

/**
 * The domain event log. Every state change others care about appends a row here in
 * the same transaction as the change; analytics, SLA timers, automations, webhooks
 * and the journey map read it.
 */
export const domainEvents = pgTable(
  "domain_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: workspaceId(),
    type: text("type").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: uuid("subject_id").notNull(),
    actorType: text("actor_type").notNull(),
    actorId: uuid("actor_id"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("domain_events_workspace_idx").on(t.workspaceId, t.id),
    index("domain_events_subject_idx").on(t.workspaceId, t.subjectId, t.id),
  ],
);

/**
 * Durable background jobs, claimed with `FOR UPDATE SKIP LOCKED`. Enqueued in the
 * same transaction as the change that needs them, this table is also the outbox.
 * `workspace_id` is null only for jobs that serve the whole installation.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid("workspace_id"),
    name: text("name").notNull(),
    payload: jsonb("payload").$type<unknown>().notNull(),
    status: text("status", { enum: ["queued", "running", "done", "dead"] }).notNull().default("queued"),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(10),
    lockedBy: text("locked_by"),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    dedupeKey: text("dedupe_key"),
    createdAt: createdAt(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("jobs_due_idx").on(t.runAt).where(sql`status = 'queued'`),
    index("jobs_running_idx").on(t.lockedUntil).where(sql`status = 'running'`),
    uniqueIndex("jobs_dedupe_idx").on(t.dedupeKey),
  ],
);

/**
 * Results of creates sent with an `Idempotency-Key`. The row is inserted in the same
 * transaction as the create, so a concurrent retry waits on the unique key and then
 * replays the stored response instead of creating twice.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    workspaceId: workspaceId(),
    key: text("key").notNull(),
    fingerprint: text("fingerprint").notNull(),
    statusCode: integer("status_code").notNull(),
    response: jsonb("response").$type<unknown>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.key] }), index("idempotency_keys_created_idx").on(t.createdAt)],
);
