import { setTimeout as sleep } from "node:timers/promises";
import { and, asc, eq, sql } from "drizzle-orm";
import pino from "pino";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { domainEvents, jobs } from "../../platform/db/schema.ts";
import { JobRunner } from "../../platform/jobs/index.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { createConversation, createTestWorkspace, sharedServer, type TestServer, type TestWorkspace } from "../../testing/harness.ts";
import { conversationJobs } from "./jobs.ts";

interface Conversation {
  id: string;
  status: string;
  snoozedUntil: string | null;
}

let server: TestServer;
let ws: TestWorkspace;
let runner: JobRunner | undefined;

beforeAll(async () => {
  server = await sharedServer();
  ws = await createTestWorkspace(server);
});

afterEach(async () => {
  await runner?.stop();
  runner = undefined;
});

async function startRunner(): Promise<void> {
  runner = new JobRunner(server.database, { jobs: conversationJobs, log: pino({ level: "silent" }), pollIntervalMs: 100 });
  await runner.start();
}

async function setStatus(id: string, body: { status: string; snoozedUntil?: string }): Promise<Conversation> {
  const response = await ws.api.post<Conversation>(`/api/v1/conversations/${id}/status`, body);
  expect(response.status).toBe(200);
  return response.body;
}

const getConversation = async (id: string) => (await ws.api.get<Conversation>(`/api/v1/conversations/${id}`)).body;
const secondsFromNow = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

async function statusChanges(conversationId: string) {
  const rows = await server.database.db
    .select({ payload: domainEvents.payload })
    .from(domainEvents)
    .where(inWorkspace(domainEvents, ws.id, eq(domainEvents.subjectId, conversationId), eq(domainEvents.type, "conversation.status_changed")))
    .orderBy(asc(domainEvents.id));
  return rows.map((row) => row.payload);
}

/** The wake-up jobs scheduled for a conversation, earliest first. */
async function wakeJobs(conversationId: string) {
  return server.database.db
    .select({ status: jobs.status, runAt: jobs.runAt })
    .from(jobs)
    .where(and(eq(jobs.name, "conversation.wake"), sql`${jobs.payload}->>'conversationId' = ${conversationId}`))
    .orderBy(asc(jobs.runAt));
}

async function until(probe: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error("Timed out waiting for a condition");
    await sleep(50);
  }
}

const firstWakeDone = (conversationId: string) => until(async () => (await wakeJobs(conversationId))[0]?.status === "done");

describe("waking snoozed conversations", () => {
  it("reopens a conversation when its snooze ends, with the reason in the event", async () => {
    const { conversation } = await createConversation(ws);
    const snoozedUntil = secondsFromNow(1.5);
    expect(await setStatus(conversation.id, { status: "snoozed", snoozedUntil })).toMatchObject({ status: "snoozed", snoozedUntil });
    await startRunner();

    await firstWakeDone(conversation.id);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(snoozedUntil));
    expect(await getConversation(conversation.id)).toMatchObject({ status: "open", snoozedUntil: null });
    expect((await statusChanges(conversation.id)).at(-1)).toEqual({ from: "snoozed", to: "open", reason: "snooze_ended" });
  });

  it("schedules one wake-up when the same snooze is saved twice", async () => {
    const { conversation } = await createConversation(ws);
    const snoozedUntil = secondsFromNow(3600);
    await setStatus(conversation.id, { status: "snoozed", snoozedUntil });
    await setStatus(conversation.id, { status: "snoozed", snoozedUntil });
    expect(await wakeJobs(conversation.id)).toHaveLength(1);
  });

  it("does not wake a conversation early when it was snoozed again, or at all when it was reopened", async () => {
    const { conversation: resnoozed } = await createConversation(ws);
    const { conversation: reopened } = await createConversation(ws);
    const later = secondsFromNow(3600);
    await setStatus(resnoozed.id, { status: "snoozed", snoozedUntil: secondsFromNow(1) });
    await setStatus(resnoozed.id, { status: "snoozed", snoozedUntil: later });
    await setStatus(reopened.id, { status: "snoozed", snoozedUntil: secondsFromNow(1) });
    await setStatus(reopened.id, { status: "open" });
    await startRunner();

    // The first snooze's wake-up runs and finds the snooze it was for is gone.
    await Promise.all([firstWakeDone(resnoozed.id), firstWakeDone(reopened.id)]);
    expect((await wakeJobs(resnoozed.id)).map((job) => job.status)).toEqual(["done", "queued"]);
    expect(await getConversation(resnoozed.id)).toMatchObject({ status: "snoozed", snoozedUntil: later });
    expect(await getConversation(reopened.id)).toMatchObject({ status: "open", snoozedUntil: null });
    const reasons = [...(await statusChanges(resnoozed.id)), ...(await statusChanges(reopened.id))].map((payload) => payload.reason);
    expect(reasons).not.toContain("snooze_ended");
  });
});
