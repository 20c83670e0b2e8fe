import { randomUUID } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { domainEvents, jobs } from "../../platform/db/schema.ts";
import { JobRunner } from "../../platform/jobs/index.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { createTestWorkspace, publishArticle, sharedServer, until, type TestServer, type TestWorkspace } from "../../testing/harness.ts";
import { messages } from "../conversations/schema.ts";
import { botJobs } from "./jobs.ts";
import { runBotTurn, type BotStats } from "./service.ts";
import { signIdentity } from "../widget/service.ts";

interface Conversation {
  id: string;
  status: string;
  priority: string;
  teamId: string | null;
  assigneeId: string | null;
}
interface ThreadMessage {
  id: string;
  kind: string;
  authorType: string;
  text: string;
}
interface Gap {
  id: string;
  suggestedTitle: string;
  count: number;
  examples: string[];
  lastAskedAt: string;
}

let server: TestServer;
let runner: JobRunner;

beforeAll(async () => {
  server = await sharedServer();
  runner = new JobRunner(server.database, { jobs: botJobs, log: pino({ level: "silent" }), pollIntervalMs: 50 });
  await runner.start();
});

afterAll(async () => {
  await runner.stop();
});

/** A workspace with two articles the bot can answer from. */
async function knowledgeWorkspace(): Promise<TestWorkspace> {
  const ws = await createTestWorkspace(server, "Bot shop");
  await publishArticle(ws, {
    title: "How to reset your password",
    bodyMarkdown: "To reset your password, open the sign-in page and choose **Forgot password**. We email you a link to reset your password; it works for one hour.",
  });
  await publishArticle(ws, {
    title: "Password rules and account security",
    bodyMarkdown: "Your password must be at least 12 characters. To change your password, open account settings, then security, and choose a new password.",
  });
  return ws;
}

/** Waits for the bot's turn on a message; a failed attempt fails the test with its error rather than a timeout. */
async function turnDone(messageId: string): Promise<void> {
  const job = await until(async () => {
    const [row] = await server.database.db.select({ status: jobs.status, lastError: jobs.lastError }).from(jobs).where(eq(jobs.dedupeKey, `bot.turn:${messageId}`));
    return row && (row.status === "done" || row.lastError) ? row : undefined;
  });
  if (job.lastError) throw new Error(job.lastError);
}

/** A chat visitor, talking through the widget's HTTP fallback: the same frames as the socket. */
class Visitor {
  private constructor(readonly token: string) {}

  static async open(ws: TestWorkspace, identity?: { userId: string; signature: string }): Promise<Visitor> {
    const response = await fetch(`${server.url}/widget/v1/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ workspace: ws.slug, identity }) });
    expect(response.status).toBe(200);
    return new Visitor(((await response.json()) as { token: string }).token);
  }

  async send(text: string): Promise<{ conversationId: string; messageId: string }> {
    const response = await fetch(`${server.url}/widget/v1/frames?token=${encodeURIComponent(this.token)}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ frames: [{ type: "send", clientId: randomUUID(), text }] }),
    });
    const { frames } = (await response.json()) as { frames: { type: string; conversationId: string; messageId: string }[] };
    const ack = frames.find((frame) => frame.type === "ack");
    if (!ack) throw new Error(`No ack: ${JSON.stringify(frames)}`);
    return ack;
  }

  /** Sends and waits for the bot's turn on that message to be done. */
  async ask(text: string): Promise<string> {
    const { conversationId, messageId } = await this.send(text);
    await turnDone(messageId);
    return conversationId;
  }

  widgetMessages = async () => {
    const response = await fetch(`${server.url}/widget/v1/frames?token=${encodeURIComponent(this.token)}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ frames: [{ type: "sync", after: 0 }] }),
    });
    const { frames } = (await response.json()) as { frames: { type: string; messages?: { author: string; authorName: string | null; text: string; articles?: { title: string; url: string }[]; quickReplies?: string[] }[] }[] };
    return frames.find((frame) => frame.type === "synced")!.messages!;
  };
}

const thread = async (ws: TestWorkspace, conversationId: string) =>
  (await ws.api.get<{ items: ThreadMessage[] }>(`/api/v1/conversations/${conversationId}/messages?limit=100`)).body.items;
const conversationOf = async (ws: TestWorkspace, id: string) => (await ws.api.get<Conversation>(`/api/v1/conversations/${id}`)).body;

async function botEvents(ws: TestWorkspace, conversationId: string) {
  const rows = await server.database.db
    .select({ type: domainEvents.type, payload: domainEvents.payload })
    .from(domainEvents)
    .where(inWorkspace(domainEvents, ws.id, eq(domainEvents.subjectId, conversationId), sql`${domainEvents.type} LIKE 'bot.%'`))
    .orderBy(asc(domainEvents.id));
  return rows;
}

describe("the answer bot in a chat", () => {
  it("answers a question the articles cover, with links to them, keeps the conversation out of the open queue and unassigned", async () => {
    const ws = await knowledgeWorkspace();
    const visitor = await Visitor.open(ws);
    const conversationId = await visitor.ask("How do I reset my password?");

    const messagesSeen = await visitor.widgetMessages();
    const answer = messagesSeen.at(-1)!;
    expect(answer.author).toBe("bot");
    expect(answer.authorName).toBe("Answer Bot");
    expect(answer.text).toContain("Did that answer your question?");
    expect(answer.articles?.[0]).toEqual({ title: "How to reset your password", url: `${server.config.publicUrl}/help/${ws.slug}/en/articles/how-to-reset-your-password` });
    expect(answer.quickReplies).toEqual(["Yes, thanks", "No", "Talk to a person"]);

    const stored = (await thread(ws, conversationId)).at(-1)!;
    expect(stored).toMatchObject({ kind: "reply", authorType: "bot" });
    const conversation = await conversationOf(ws, conversationId);
    expect(conversation).toMatchObject({ status: "pending", assigneeId: null });
    const [answered] = await botEvents(ws, conversationId);
    expect(answered).toMatchObject({ type: "bot.answered", payload: { engine: "retrieval" } });
    expect((answered!.payload as { confidence: number }).confidence).toBeGreaterThan(0.35);
  });

  it("resolves the conversation itself when the customer says it helped, and starts again when they come back", async () => {
    const ws = await knowledgeWorkspace();
    const visitor = await Visitor.open(ws);
    const conversationId = await visitor.ask("How do I reset my password?");
    await visitor.ask("Yes, thanks");

    expect((await conversationOf(ws, conversationId)).status).toBe("resolved");
    expect((await thread(ws, conversationId)).at(-1)).toMatchObject({ authorType: "bot", text: expect.stringContaining("Glad that helped") });
    expect((await botEvents(ws, conversationId)).map((event) => event.type)).toEqual(["bot.answered", "bot.feedback", "bot.resolved"]);

    await visitor.ask("How do I change my password?");
    expect((await conversationOf(ws, conversationId)).status).toBe("pending");
    expect((await botEvents(ws, conversationId)).at(-1)?.type).toBe("bot.answered");
  });

  it("tries other articles after a no, and hands over after the second", async () => {
    const ws = await knowledgeWorkspace();
    const visitor = await Visitor.open(ws);
    const conversationId = await visitor.ask("How do I reset my password?");
    await visitor.ask("No");
    const second = (await thread(ws, conversationId)).at(-1)!;
    expect(second.authorType).toBe("bot");
    expect(second.text).toContain("Password rules and account security");
    expect(second.text).not.toContain("How to reset your password:");
    await visitor.ask("No");

    const conversation = await conversationOf(ws, conversationId);
    expect(conversation).toMatchObject({ status: "open", assigneeId: null });
    const events = await botEvents(ws, conversationId);
    expect(events.map((event) => event.type)).toEqual(["bot.answered", "bot.feedback", "bot.answered", "bot.feedback", "bot.handed_over"]);
    expect(events.at(-1)?.payload).toMatchObject({ reason: "unhelpful" });
  });

  it.each([
    ["talk to a human please", "en"],
    ["quiero hablar con un agente", "es"],
  ])("hands over at once on %j, with a note that tells the agent why, the question, the articles tried and a summary", async (text) => {
    const ws = await knowledgeWorkspace();
    const team = await ws.api.post<{ id: string }>("/api/v1/teams", { name: "Support" });
    expect((await ws.api.patch("/api/v1/bot/settings", { handoverTeamId: team.body.id })).status).toBe(200);
    const visitor = await Visitor.open(ws);
    const conversationId = await visitor.ask("How do I reset my password?");
    await visitor.ask(text);

    const conversation = await conversationOf(ws, conversationId);
    expect(conversation).toMatchObject({ status: "open", teamId: team.body.id, assigneeId: null });
    const items = await thread(ws, conversationId);
    const note = items.find((message) => message.kind === "note")!;
    expect(note.authorType).toBe("bot");
    expect(note.text).toContain("the customer asked for a person");
    expect(note.text).toContain("Question: How do I reset my password?");
    expect(note.text).toContain("Articles tried: How to reset your password");
    expect(note.text).toContain(`Customer: ${text}`);
    const told = items.filter((message) => message.kind === "reply").at(-1)!;
    expect(told.text).toMatch(/person on our team/);
    // No agent has the app open in this test: the customer is told so.
    expect(told.text).toMatch(/Nobody is online/);
    expect((await botEvents(ws, conversationId)).at(-1)).toMatchObject({ type: "bot.handed_over", payload: { reason: "human_requested" } });
  });

  it("hands an urgent message over at urgent priority and an angry one at high", async () => {
    const ws = await knowledgeWorkspace();
    const urgent = await Visitor.open(ws);
    const urgentId = await urgent.ask("I was charged twice, this is urgent!");
    expect(await conversationOf(ws, urgentId)).toMatchObject({ status: "open", priority: "urgent" });

    const angry = await Visitor.open(ws);
    const angryId = await angry.ask("This is terrible, your service is awful and I am furious");
    expect(await conversationOf(ws, angryId)).toMatchObject({ status: "open", priority: "high" });
    expect((await botEvents(ws, angryId)).at(-1)?.payload).toMatchObject({ reason: "negative" });
  });

  it("sends customers of a listed tier straight to a person", async () => {
    const ws = await knowledgeWorkspace();
    expect((await ws.api.patch("/api/v1/bot/settings", { humanTiers: ["VIP"] })).status).toBe(200);
    const userId = `user-${randomUUID()}`;
    expect((await ws.api.post("/api/v1/customers", { externalId: userId, name: "Vera Vip", attributes: { tier: "vip" } })).status).toBe(201);
    const { identitySecret } = (await ws.api.get<{ identitySecret: string }>("/api/v1/widget/settings")).body;
    const visitor = await Visitor.open(ws, { userId, signature: signIdentity(identitySecret, userId, undefined) });
    const conversationId = await visitor.ask("How do I reset my password?");
    expect((await conversationOf(ws, conversationId)).status).toBe("open");
    expect((await botEvents(ws, conversationId)).map((event) => [event.type, (event.payload as { reason?: string }).reason])).toEqual([["bot.handed_over", "tier"]]);
  });

  it("answers a message once, however often its job runs", async () => {
    const ws = await knowledgeWorkspace();
    const visitor = await Visitor.open(ws);
    const { conversationId, messageId } = await visitor.send("How do I reset my password?");
    await runBotTurn(server.database.db, ws.id, { conversationId, messageId });
    await runBotTurn(server.database.db, ws.id, { conversationId, messageId });
    await turnDone(messageId);
    const replies = await server.database.db
      .select({ id: messages.id })
      .from(messages)
      .where(inWorkspace(messages, ws.id, eq(messages.conversationId, conversationId), eq(messages.authorType, "bot")));
    expect(replies).toHaveLength(1);
    expect((await botEvents(ws, conversationId)).filter((event) => event.type === "bot.answered")).toHaveLength(1);
  });

  it("stays silent after handing over, also when an agent resolves and the customer writes again", async () => {
    const ws = await knowledgeWorkspace();
    const visitor = await Visitor.open(ws);
    const conversationId = await visitor.ask("I want to speak to a real person");
    const botMessages = async () => (await thread(ws, conversationId)).filter((message) => message.authorType === "bot").length;
    expect(await botMessages()).toBe(2);
    await visitor.send("How do I reset my password?");
    expect((await conversationOf(ws, conversationId)).status).toBe("open");
    expect((await ws.api.post(`/api/v1/conversations/${conversationId}/status`, { status: "resolved" })).status).toBe(200);
    await visitor.send("How do I reset my password?");
    expect((await conversationOf(ws, conversationId)).status).toBe("open");
    const queued = await server.database.db.select().from(jobs).where(and(eq(jobs.name, "bot.turn"), sql`${jobs.payload}->>'conversationId' = ${conversationId}`));
    expect(queued).toHaveLength(1);
    expect(await botMessages()).toBe(2);
  });

  it("does not answer when switched off", async () => {
    const ws = await knowledgeWorkspace();
    expect((await ws.api.patch("/api/v1/bot/settings", { enabled: false })).status).toBe(200);
    const visitor = await Visitor.open(ws);
    const { conversationId } = await visitor.send("How do I reset my password?");
    expect((await conversationOf(ws, conversationId)).status).toBe("open");
    const [job] = await server.database.db.select().from(jobs).where(and(eq(jobs.name, "bot.turn"), sql`${jobs.payload}->>'conversationId' = ${conversationId}`));
    expect(job).toBeUndefined();
  });
});

describe("the bot's statistics and content gaps", () => {
  it("counts answered, resolved, handed over by reason and the deflection rate from the events", async () => {
    const ws = await knowledgeWorkspace();
    const from = new Date(Date.now() - 1000).toISOString();
    // Two resolved by the bot, one handed over on request, one handed over for want of an article.
    for (let i = 0; i < 2; i++) {
      const visitor = await Visitor.open(ws);
      await visitor.ask("How do I reset my password?");
      await visitor.ask("Yes, thanks");
    }
    await (await Visitor.open(ws)).ask("Can I talk to a person?");
    await (await Visitor.open(ws)).ask("Do you ship kayaks to Iceland?");

    const stats = await ws.api.get<BotStats>(`/api/v1/bot/stats?from=${encodeURIComponent(from)}`);
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({
      conversations: 4,
      answered: 2,
      resolvedByBot: 2,
      handedOver: 2,
      handedOverByReason: { human_requested: 1, no_answer: 1 },
      helpful: 2,
      unhelpful: 0,
      deflectionRate: 0.5,
    });
    const later = await ws.api.get<BotStats>(`/api/v1/bot/stats?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 120_000).toISOString())}`);
    expect(later.body).toMatchObject({ conversations: 0, deflectionRate: 0 });
    expect((await ws.api.get(`/api/v1/bot/stats?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z`)).status).toBe(400);
    expect((await ws.api.get(`/api/v1/bot/stats?from=yesterday`)).status).toBe(400);
  });

  it("groups unanswered questions by likeness into suggested articles, and hides a dismissed one", async () => {
    const ws = await knowledgeWorkspace();
    for (const question of ["How do I cancel my subscription?", "cancel subscription please", "Can I cancel my subscription online?", "Do you ship kayaks to Iceland?"]) {
      await (await Visitor.open(ws)).ask(question);
    }
    const gaps = await ws.api.get<{ items: Gap[] }>("/api/v1/bot/content-gaps");
    expect(gaps.status).toBe(200);
    expect(gaps.body.items.map((gap) => [gap.suggestedTitle, gap.count])).toEqual([
      ["How do I cancel my subscription", 3],
      ["Do you ship kayaks to Iceland", 1],
    ]);
    expect(gaps.body.items[0]!.examples).toEqual(["Can I cancel my subscription online?", "cancel subscription please", "How do I cancel my subscription?"]);

    const other = await createTestWorkspace(server, "Elsewhere");
    expect((await other.api.post(`/api/v1/bot/content-gaps/${gaps.body.items[1]!.id}/dismiss`)).status).toBe(404);
    expect((await ws.api.post(`/api/v1/bot/content-gaps/${gaps.body.items[1]!.id}/dismiss`)).status).toBe(204);
    expect((await ws.api.get<{ items: Gap[] }>("/api/v1/bot/content-gaps")).body.items).toHaveLength(1);
  });
});

describe("bot settings", () => {
  it("are the defaults until changed, and refuse what makes no sense with a message", async () => {
    const ws = await createTestWorkspace(server);
    const read = await ws.api.get<Record<string, unknown>>("/api/v1/bot/settings");
    expect(read.body).toMatchObject({ enabled: true, handoverTeamId: null, humanTiers: [], confidenceThreshold: 0.35 });

    const bad = await ws.api.patch<{ error: { code: string; message: string } }>("/api/v1/bot/settings", { confidenceThreshold: 2 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/confidenceThreshold/);
    expect((await ws.api.patch("/api/v1/bot/settings", { unknown: true })).status).toBe(400);
    expect((await ws.api.patch("/api/v1/bot/settings", { handoverTeamId: randomUUID() })).status).toBe(404);

    const changed = await ws.api.patch<Record<string, unknown>>("/api/v1/bot/settings", { humanTiers: [" Gold ", "gold", "VIP"], confidenceThreshold: 0.6, name: "Sunny" });
    expect(changed.body).toMatchObject({ humanTiers: ["gold", "vip"], confidenceThreshold: 0.6, name: "Sunny" });
    expect((await ws.api.get("/api/v1/bot/settings")).body).toMatchObject({ name: "Sunny" });

    const agent = await ws.member("agent");
    expect((await agent.api.patch("/api/v1/bot/settings", { enabled: false })).status).toBe(403);
  });

  it("are one workspace's own, as are its statistics and gaps", async () => {
    const ws = await knowledgeWorkspace();
    await ws.api.patch("/api/v1/bot/settings", { name: "Mine" });
    await (await Visitor.open(ws)).ask("Do you ship kayaks to Iceland?");
    const other = await createTestWorkspace(server, "Other");
    expect((await other.api.get("/api/v1/bot/settings")).body).toMatchObject({ name: "Answer Bot" });
    expect((await other.api.get("/api/v1/bot/stats")).body).toMatchObject({ conversations: 0 });
    expect((await other.api.get<{ items: Gap[] }>("/api/v1/bot/content-gaps")).body.items).toEqual([]);
    expect((await ws.api.get<{ items: Gap[] }>("/api/v1/bot/content-gaps")).body.items).toHaveLength(1);
  });
});
