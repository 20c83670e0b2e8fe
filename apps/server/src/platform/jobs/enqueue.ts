import { sql } from "drizzle-orm";
import type { Static, TSchema } from "typebox";
import type { Executor } from "../db/client.ts";
import { jobs } from "../db/schema.ts";
import type { JobDefinition } from "./registry.ts";

/** Runners LISTEN here to pick up a new job at once instead of at their next poll. */
export const JOBS_CHANNEL = "rapport_jobs";

export interface EnqueueOptions {
  /** Not before this time; as soon as possible when omitted. */
  runAt?: Date | undefined;
  /**
   * While a job with this key exists, enqueueing another is a no-op. Keys are unique
   * across workspaces: build them from the job's name and its subject's id.
   */
  dedupeKey?: string | undefined;
}

/**
 * Enqueues a job. Pass the transaction that makes the change the job follows from:
 * the job exists exactly when that change commits (the transactional outbox), and the
 * NOTIFY that wakes the runners is delivered on commit too. Returns the job's id, or
 * null when the dedupe key was taken.
 */
export async function enqueueJob<S extends TSchema>(
  tx: Executor,
  workspaceId: string | null,
  job: JobDefinition<S>,
  payload: Static<S>,
  options: EnqueueOptions = {},
): Promise<number | null> {
  const [row] = await tx
    .insert(jobs)
    .values({ workspaceId, name: job.name, payload: job.parse(payload), maxAttempts: job.retry.maxAttempts, runAt: options.runAt, dedupeKey: options.dedupeKey })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  if (!row) return null;
  // A job due later is found by polling; waking every runner for it now would be wasted.
  if (!options.runAt || options.runAt <= new Date()) await tx.execute(sql`SELECT pg_notify(${JOBS_CHANNEL}, '')`);
  return row.id;
}
