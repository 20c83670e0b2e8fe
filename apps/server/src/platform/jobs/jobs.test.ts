import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { and, eq, sql } from "drizzle-orm";
import pino from "pino";
import Type from "typebox";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../db/client.ts";
import { jobs } from "../db/schema.ts";
import { sharedServer, testDatabaseUrl, until } from "../../testing/harness.ts";
import { defineJob, enqueueJob, JobRunner, retryDelayMs, type JobContext, type JobRunnerOptions, type RetryPolicy } from "./index.ts";

const quiet = pino({ level: "silent" });
const Payload = Type.Object({ n: Type.Integer() });

let database: Database;
const runners: JobRunner[] = [];

beforeAll(async () => {
  database = (await sharedServer()).database;
});

afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
});

/** A job with a name of its own, so runners started by other tests never claim it. */
function testJob(handle: (ctx: JobContext, payload: { n: number }) => Promise<void>, retry?: Partial<RetryPolicy>, name = `test.${randomBytes(4).toString("hex")}`) {
  return defineJob({ name, payload: Payload, retry, handle });
}

async function startRunner(definitions: ReturnType<typeof testJob>[], options: Partial<JobRunnerOptions> = {}, on: Database = database): Promise<JobRunner> {
  const runner = new JobRunner(on, { jobs: definitions, log: quiet, pollIntervalMs: 50, leaseMs: 5_000, stopTimeoutMs: 5_000, ...options });
  runners.push(runner);
  await runner.start();
  return runner;
}

async function jobRow(id: number | null) {
  const [row] = await database.db.select().from(jobs).where(eq(jobs.id, id!));
  return row!;
}

describe("running jobs", () => {
  it("runs a job once, woken by the enqueue's NOTIFY rather than a poll", async () => {
    const seen: number[] = [];
    const job = testJob(async (_ctx, { n }) => void seen.push(n));
    await startRunner([job], { pollIntervalMs: 600_000 });
    const id = await database.db.transaction((tx) => enqueueJob(tx, null, job, { n: 7 }));
    const done = await until(async () => {
      const row = await jobRow(id);
      return row.status === "done" && row;
    });
    expect(seen).toEqual([7]);
    expect(done).toMatchObject({ attempts: 1, lockedBy: null, lockedUntil: null });
    expect(done.finishedAt).toBeInstanceOf(Date);
  });

  it("rejects a payload that does not match the job's schema", async () => {
    const job = testJob(async () => {});
    await expect(enqueueJob(database.db, null, job, { n: "seven" } as unknown as { n: number })).rejects.toThrow(/Invalid payload for job test\.\w+: \/n/);
  });

  it("never runs a job enqueued in a transaction that rolled back", async () => {
    const seen: number[] = [];
    const job = testJob(async (_ctx, { n }) => void seen.push(n));
    await startRunner([job]);
    await expect(
      database.db.transaction(async (tx) => {
        await enqueueJob(tx, null, job, { n: 1 });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await enqueueJob(database.db, null, job, { n: 2 });
    await until(() => seen.includes(2));
    expect(seen).toEqual([2]);
    expect(await database.db.$count(jobs, eq(jobs.name, job.name))).toBe(1);
  });

  it("makes a second enqueue with the same dedupe key a no-op", async () => {
    const seen: number[] = [];
    const job = testJob(async (_ctx, { n }) => void seen.push(n));
    const dedupeKey = `${job.name}:subject`;
    const first = await enqueueJob(database.db, null, job, { n: 1 }, { dedupeKey });
    const second = await enqueueJob(database.db, null, job, { n: 2 }, { dedupeKey });
    expect(first).toEqual(expect.any(Number));
    expect(second).toBeNull();
    await startRunner([job]);
    await until(async () => (await jobRow(first)).status === "done");
    expect(seen).toEqual([1]);
    expect(await database.db.$count(jobs, eq(jobs.name, job.name))).toBe(1);
  });
});

describe("failures", () => {
  it("grows the wait between attempts exponentially, capped, with up to a quarter of jitter", () => {
    const policy = { maxAttempts: 10, baseDelayMs: 1_000, maxDelayMs: 10_000 };
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(policy, attempt, () => 0))).toEqual([1_000, 2_000, 4_000, 8_000, 10_000]);
    expect(retryDelayMs(policy, 2, () => 1)).toBe(2_500);
  });

  it("puts a failed job back in the queue with a backoff and the error", async () => {
    let calls = 0;
    const job = testJob(
      async () => {
        calls++;
        throw new Error("the mail server said no");
      },
      { maxAttempts: 3, baseDelayMs: 60_000 },
    );
    await startRunner([job]);
    const id = await enqueueJob(database.db, null, job, { n: 1 });
    const failed = await until(async () => {
      const row = await jobRow(id);
      return row.lastError !== null && row;
    });
    expect(failed).toMatchObject({ status: "queued", attempts: 1, lockedBy: null });
    expect(failed.lastError).toContain("the mail server said no");
    const wait = failed.runAt.getTime() - Date.now();
    expect(wait).toBeGreaterThan(50_000);
    expect(wait).toBeLessThanOrEqual(75_000);
    expect(calls).toBe(1);
  });

  it("marks a job dead after its last attempt fails", async () => {
    const attempts: number[] = [];
    const job = testJob(
      async (ctx) => {
        attempts.push(ctx.attempt);
        throw new Error(`failure on attempt ${ctx.attempt}`);
      },
      { maxAttempts: 3, baseDelayMs: 1 },
    );
    await startRunner([job]);
    const id = await enqueueJob(database.db, null, job, { n: 1 });
    const dead = await until(async () => {
      const row = await jobRow(id);
      return row.status === "dead" && row;
    });
    expect(attempts).toEqual([1, 2, 3]);
    expect(dead).toMatchObject({ attempts: 3, maxAttempts: 3, lockedBy: null });
    expect(dead.lastError).toContain("failure on attempt 3");
    expect(dead.finishedAt).toBeInstanceOf(Date);
  });
});

describe("leases", () => {
  it("reclaims a job whose runner died, and buries one that has no attempts left", async () => {
    const seen: number[] = [];
    const job = testJob(async (_ctx, { n }) => void seen.push(n));
    const [crashed, exhausted, healthy] = [await enqueueJob(database.db, null, job, { n: 1 }), await enqueueJob(database.db, null, job, { n: 2 }), await enqueueJob(database.db, null, job, { n: 3 })];
    // As a runner that crashed mid-job leaves them; the third is still leased to a live one.
    const leased = { status: "running" as const, lockedBy: "gone:1", attempts: 1 };
    await database.db.update(jobs).set({ ...leased, lockedUntil: sql`now() - interval '1 second'` }).where(eq(jobs.id, crashed!));
    await database.db.update(jobs).set({ ...leased, maxAttempts: 1, lockedUntil: sql`now() - interval '1 second'` }).where(eq(jobs.id, exhausted!));
    await database.db.update(jobs).set({ ...leased, lockedUntil: sql`now() + interval '1 hour'` }).where(eq(jobs.id, healthy!));

    await startRunner([job]);
    await until(async () => (await jobRow(crashed)).status === "done");
    expect(seen).toEqual([1]);
    expect(await jobRow(crashed)).toMatchObject({ attempts: 2, lastError: expect.stringContaining("Lease expired: runner gone:1") });
    expect(await jobRow(exhausted)).toMatchObject({ status: "dead", attempts: 1 });
    expect(await jobRow(healthy)).toMatchObject({ status: "running", lockedBy: "gone:1" });
  });

  it("renews the lease of a job that runs longer than the lease, so no other runner takes it", async () => {
    let calls = 0;
    const job = testJob(async () => {
      calls++;
      await sleep(1_000);
    });
    await startRunner([job], { leaseMs: 300 });
    await startRunner([job], { leaseMs: 300 });
    const id = await enqueueJob(database.db, null, job, { n: 1 });
    await until(async () => (await jobRow(id)).status === "done");
    expect(calls).toBe(1);
    expect((await jobRow(id)).attempts).toBe(1);
  });
});

describe("stopping", () => {
  it("waits for the job in flight before it returns", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    const job = testJob(async () => {
      started = true;
      await gate;
    });
    const runner = await startRunner([job]);
    const id = await enqueueJob(database.db, null, job, { n: 1 });
    await until(() => started);
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await sleep(200);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await jobRow(id)).toMatchObject({ status: "done", attempts: 1 });
  });

  it("leaves a job that outlasts the stop timeout to its lease, and another runner finishes it", async () => {
    const runs: string[] = [];
    const job = testJob(async (ctx) => {
      runs.push(`attempt ${ctx.attempt}`);
      // The first run hangs until shutdown gives up on it.
      if (ctx.attempt === 1) await new Promise((resolve) => ctx.signal.addEventListener("abort", resolve));
    });
    const first = await startRunner([job], { leaseMs: 500, stopTimeoutMs: 100 });
    const id = await enqueueJob(database.db, null, job, { n: 1 });
    await until(() => runs.length === 1);
    await first.stop();
    expect(await jobRow(id)).toMatchObject({ status: "running", lockedBy: first.id });

    await startRunner([job], { leaseMs: 500 });
    await until(async () => (await jobRow(id)).status === "done");
    expect(runs).toEqual(["attempt 1", "attempt 2"]);
  });
});

describe("many runners", () => {
  // PGlite is one connection in one process: there is no second connection to race with.
  it.skipIf(!testDatabaseUrl())("shares 200 jobs between two runners on separate connections, running each exactly once", async () => {
    const handles = await Promise.all([openDatabase({ databaseUrl: testDatabaseUrl() }), openDatabase({ databaseUrl: testDatabaseUrl() })]);
    const name = `test.${randomBytes(4).toString("hex")}`;
    const runsOf = new Map<number, string[]>();
    const jobFor = (label: string) =>
      testJob(
        async (_ctx, { n }) => {
          runsOf.set(n, [...(runsOf.get(n) ?? []), label]);
          await sleep(Math.random() * 5);
        },
        undefined,
        name,
      );
    const [jobA, jobB] = [jobFor("a"), jobFor("b")];
    try {
      await startRunner([jobA], { concurrency: 4 }, handles[0]);
      await startRunner([jobB], { concurrency: 4 }, handles[1]);
      await database.db.transaction(async (tx) => {
        for (let n = 0; n < 200; n++) await enqueueJob(tx, null, jobA, { n });
      });
      await until(async () => (await database.db.$count(jobs, and(eq(jobs.name, name), eq(jobs.status, "done")))) === 200, 60_000);
      expect(runsOf.size).toBe(200);
      expect([...runsOf.values()].every((labels) => labels.length === 1)).toBe(true);
      const byLabel = [...runsOf.values()].flat();
      expect(byLabel.filter((label) => label === "a").length).toBeGreaterThan(0);
      expect(byLabel.filter((label) => label === "b").length).toBeGreaterThan(0);
      expect(await database.db.$count(jobs, and(eq(jobs.name, name), eq(jobs.attempts, 1)))).toBe(200);
    } finally {
      await Promise.all(runners.splice(0).map((runner) => runner.stop()));
      await Promise.all(handles.map((handle) => handle.close()));
    }
  });
});
