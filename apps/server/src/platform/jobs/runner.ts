import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { and, eq, inArray, sql } from "drizzle-orm";
import { queryRows, type Database } from "../db/client.ts";
import { jobs } from "../db/schema.ts";
import { JOBS_CHANNEL } from "./enqueue.ts";
import { JobRegistry, retryDelayMs, type JobDefinition, type JobLogger } from "./registry.ts";
import { WakeableSleep } from "../wakeable-sleep.ts";

export interface JobRunnerOptions {
  jobs: Iterable<JobDefinition>;
  log: JobLogger;
  /** Jobs this runner works on at once. */
  concurrency?: number;
  /** How often to look for due jobs without a NOTIFY; jobs scheduled for later are found this way. */
  pollIntervalMs?: number;
  /** How long a claimed job stays ours without renewal. Renewed while it runs, it lapses only when its runner is gone. */
  leaseMs?: number;
  /** How long stop() waits for jobs in flight before leaving them to their leases. */
  stopTimeoutMs?: number;
}

interface ClaimedJob {
  id: number;
  workspaceId: string | null;
  name: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

const RECLAIM_BATCH = 100;
const ERROR_TEXT_LIMIT = 4_000;

const interval = (ms: number) => sql`make_interval(secs => ${ms / 1000})`;

const describeError = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error)).slice(0, ERROR_TEXT_LIMIT);

/**
 * Runs due jobs from the `jobs` table. Any number of runners, in any number of
 * processes, share the table: a job is claimed with `FOR UPDATE SKIP LOCKED` and a
 * lease, so each claim goes to one runner, and a job whose runner died is reclaimed
 * once its lease runs out. A runner claims only the jobs it has a definition for, so
 * processes of different versions can run side by side.
 */
export class JobRunner {
  /** Recorded in `locked_by`, so an operator can tell which process holds a job. */
  readonly id = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  private readonly registry: JobRegistry;
  private readonly log: JobLogger;
  private readonly concurrency: number;
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;
  private readonly stopTimeoutMs: number;
  private readonly inFlight = new Map<number, Promise<void>>();
  private readonly shutdown = new AbortController();
  private running = false;
  /** Set when stop() gave up waiting: outcomes that arrive later are not recorded, the leases decide. */
  private abandoned = false;
  private loop: Promise<void> | undefined;
  private stopping: Promise<void> | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private nextHousekeepingAt = 0;
  private readonly sleeper = new WakeableSleep();

  constructor(
    private readonly database: Database,
    options: JobRunnerOptions,
  ) {
    this.registry = new JobRegistry(options.jobs);
    this.log = options.log;
    this.concurrency = options.concurrency ?? 5;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.stopTimeoutMs = options.stopTimeoutMs ?? 20_000;
  }

  async start(): Promise<void> {
    if (this.loop || this.stopping) throw new Error("A job runner starts once.");
    await this.subscribe();
    this.running = true;
    this.heartbeat = setInterval(() => void this.renewLeases(), this.leaseMs / 3);
    this.loop = this.run();
  }

  /**
   * Stops claiming, then waits for the jobs in flight, at most `stopTimeoutMs`. A job
   * still running after that keeps its lease and runs again on the next runner to
   * find it expired, so nothing is lost.
   */
  stop(): Promise<void> {
    this.stopping ??= this.drain();
    return this.stopping;
  }

  private async drain(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.sleeper.wake();
    await this.loop;
    await this.unlisten?.();
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      Promise.all(this.inFlight.values()).then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), this.stopTimeoutMs))),
    ]);
    clearTimeout(timer);
    clearInterval(this.heartbeat);
    if (!finished) {
      this.abandoned = true;
      this.shutdown.abort();
      this.log.warn({ jobIds: [...this.inFlight.keys()] }, "stopped with jobs still running; they run again when their leases expire");
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      if (Date.now() >= this.nextHousekeepingAt) {
        this.nextHousekeepingAt = Date.now() + this.pollIntervalMs;
        await this.housekeep();
      }
      let more = false;
      try {
        more = await this.claimAndStart();
      } catch (error) {
        this.log.error({ err: error }, "could not claim jobs; trying again at the next poll");
      }
      if (!more) await this.sleep();
    }
  }

  /** Once a poll interval, however busy: listen again if the connection dropped, and reclaim abandoned jobs. */
  private async housekeep(): Promise<void> {
    if (!this.unlisten) await this.subscribe().catch((error: unknown) => this.log.warn({ err: error }, "could not LISTEN for new jobs; polling meanwhile"));
    await this.reclaimExpired().catch((error: unknown) => this.log.error({ err: error }, "could not reclaim expired jobs"));
  }

  private async subscribe(): Promise<void> {
    this.unlisten = await this.database.listen(
      JOBS_CHANNEL,
      () => this.sleeper.wake(),
      (error) => {
        this.unlisten = undefined;
        this.log.warn({ err: error }, "lost the connection that hears new jobs; polling until it is back");
      },
    );
  }

  /** Returns true when every free slot was filled, so more jobs may be waiting. */
  private async claimAndStart(): Promise<boolean> {
    const free = this.concurrency - this.inFlight.size;
    if (free <= 0) return false;
    const names = this.registry.names;
    if (names.length === 0) return false;
    // MATERIALIZED keeps the locking subquery from being re-run inside the update, which could claim past the limit.
    const claimed = await queryRows<ClaimedJob>(
      this.database.db,
      sql`WITH due AS MATERIALIZED (
            SELECT id FROM jobs
            WHERE status = 'queued' AND run_at <= now() AND name IN ${names}
            ORDER BY run_at
            LIMIT ${free}
            FOR UPDATE SKIP LOCKED
          )
          UPDATE jobs SET status = 'running', locked_by = ${this.id}, locked_until = now() + ${interval(this.leaseMs)}, attempts = jobs.attempts + 1
          FROM due WHERE jobs.id = due.id
          RETURNING jobs.id, jobs.workspace_id AS "workspaceId", jobs.name, jobs.payload, jobs.attempts, jobs.max_attempts AS "maxAttempts"`,
    );
    for (const row of claimed) {
      // int8 comes back as a string from node-postgres.
      const job = { ...row, id: Number(row.id) };
      const execution = this.execute(job).finally(() => {
        this.inFlight.delete(job.id);
        this.sleeper.wake();
      });
      this.inFlight.set(job.id, execution);
    }
    return claimed.length === free;
  }

  /** Puts back jobs whose runner vanished; a job that has used up its attempts this way is dead. */
  private async reclaimExpired(): Promise<void> {
    const reclaimed = await queryRows<{ id: number; status: string }>(
      this.database.db,
      sql`WITH expired AS MATERIALIZED (
            SELECT id FROM jobs
            WHERE status = 'running' AND locked_until < now()
            ORDER BY locked_until
            LIMIT ${RECLAIM_BATCH}
            FOR UPDATE SKIP LOCKED
          )
          UPDATE jobs SET
            status = CASE WHEN jobs.attempts >= jobs.max_attempts THEN 'dead' ELSE 'queued' END,
            finished_at = CASE WHEN jobs.attempts >= jobs.max_attempts THEN now() END,
            last_error = 'Lease expired: runner ' || coalesce(jobs.locked_by, '?') || ' stopped before finishing.',
            run_at = now(), locked_by = NULL, locked_until = NULL
          FROM expired WHERE jobs.id = expired.id
          RETURNING jobs.id, jobs.status`,
    );
    if (reclaimed.length > 0) this.log.warn({ jobIds: reclaimed.map((row) => Number(row.id)) }, "reclaimed jobs whose lease expired");
  }

  private async execute(job: ClaimedJob): Promise<void> {
    const definition = this.registry.get(job.name)!;
    let failure: { error: unknown } | undefined;
    try {
      const ctx = { db: this.database.db, jobId: job.id, workspaceId: job.workspaceId, attempt: job.attempts, maxAttempts: job.maxAttempts, signal: this.shutdown.signal, log: this.log };
      await definition.handle(ctx, definition.parse(job.payload));
    } catch (error) {
      failure = { error };
    }
    if (this.abandoned) return;
    try {
      if (failure) await this.recordFailure(job, definition, failure.error);
      else await this.database.db.update(jobs).set({ status: "done", lockedBy: null, lockedUntil: null, finishedAt: sql`now()` }).where(this.stillOurs(job));
    } catch (error) {
      this.log.error({ err: error, jobId: job.id, job: job.name }, "could not record a job's outcome; it runs again when its lease expires");
    }
  }

  private async recordFailure(job: ClaimedJob, definition: JobDefinition, error: unknown): Promise<void> {
    const lastError = describeError(error);
    const context = { err: error, jobId: job.id, job: job.name, attempt: job.attempts };
    if (job.attempts >= job.maxAttempts) {
      await this.database.db
        .update(jobs)
        .set({ status: "dead", lastError, lockedBy: null, lockedUntil: null, finishedAt: sql`now()` })
        .where(this.stillOurs(job));
      this.log.error(context, `job failed ${job.attempts} times; giving up`);
      return;
    }
    const delay = retryDelayMs(definition.retry, job.attempts);
    await this.database.db
      .update(jobs)
      .set({ status: "queued", lastError, lockedBy: null, lockedUntil: null, runAt: sql`now() + ${interval(delay)}` })
      .where(this.stillOurs(job));
    this.log.warn(context, `job failed; retrying in ${Math.round(delay / 1000)}s`);
  }

  /** Guards every write about a claimed job: after a lapsed lease another runner may own it. */
  private stillOurs(job: ClaimedJob) {
    return and(eq(jobs.id, job.id), eq(jobs.status, "running"), eq(jobs.lockedBy, this.id), eq(jobs.attempts, job.attempts));
  }

  private async renewLeases(): Promise<void> {
    if (this.inFlight.size === 0) return;
    try {
      await this.database.db
        .update(jobs)
        .set({ lockedUntil: sql`now() + ${interval(this.leaseMs)}` })
        .where(and(inArray(jobs.id, [...this.inFlight.keys()]), eq(jobs.status, "running"), eq(jobs.lockedBy, this.id)));
    } catch (error) {
      this.log.warn({ err: error }, "could not renew job leases");
    }
  }

  /** Waits for the next poll, a NOTIFY, or a free slot — whichever comes first. */
  private sleep(): Promise<void> {
    return this.running ? this.sleeper.sleep(this.pollIntervalMs) : Promise.resolve();
  }
}
