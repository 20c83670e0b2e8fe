import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { simpleParser, type ParsedMail } from "mailparser";
import pino from "pino";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { domainEvents, jobs } from "../../platform/db/schema.ts";
import { JobRunner } from "../../platform/jobs/index.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { createTestWorkspace, sharedServer, until, type TestServer, type TestWorkspace } from "../../testing/harness.ts";
import { createTestMailbox, emailDeps, eml } from "../../testing/email.ts";
import { messages } from "../conversations/schema.ts";
import { sendEmailJob } from "../email/jobs.ts";
import type { Mailbox } from "../email/mailboxes.ts";
import { configureOutboundMail } from "../email/outbound.ts";
import { receiveEmail } from "../email/receive.ts";
import { emailMessages } from "../email/schema.ts";
import { botEmailJob } from "./jobs.ts";
import { articleUrl } from "./service.ts";

const MAIL_DOMAIN = "rapport.test";

/** The customers' mail servers, faked at the network edge: a real SMTP server on loopback that keeps what it is handed. */
class MailSink {
  readonly delivered: { to: string[]; parsed: ParsedMail }[] = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData: (stream, session, callback) => {
      simpleParser(stream)
        .then((parsed) => {
          this.delivered.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()), parsed });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  url = "";

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  to = (address: string) => this.delivered.filter((mail) => mail.to.includes(address)).map((mail) => mail.parsed);
}

interface Conversation {
  id: string;
  status: string;
  assigneeId: string | null;
}

let server: TestServer;
let sink: MailSink;
let runner: JobRunner;

beforeAll(async () => {
  server = await sharedServer();
  sink = new MailSink();
  await sink.start();
  configureOutboundMail({ domain: MAIL_DOMAIN, relayUrl: sink.url, files: server.files });
  runner = new JobRunner(server.database, { jobs: [botEmailJob, sendEmailJob], log: pino({ level: "silent" }), pollIntervalMs: 50 });
  await runner.start();
});

afterAll(async () => {
  await runner.stop();
  await sink.stop();
  configureOutboundMail({ domain: server.config.email.domain, relayUrl: server.config.email.relayUrl, files: server.files });
});

interface Shop {
  ws: TestWorkspace;
  mailbox: Mailbox;
  article: { id: string; slug: string };
}

/** A workspace with a mailbox and an article on resetting passwords; the email auto-response on unless told. */
async function shop(emailAutoResponse = true): Promise<Shop> {
  const ws = await createTestWorkspace(server, "Mail shop");
  const created = await ws.api.post<{ id: string; slug: string }>("/api/v1/knowledge/articles", {
    locale: "en",
    title: "How to reset your password",
    bodyMarkdown: "To reset your password, open the sign-in page and choose **Forgot password**. We email you a link to reset your password; it works for one hour.",
  });
  expect(created.status).toBe(201);
  expect((await ws.api.post(`/api/v1/knowledge/articles/${created.body.id}/publish`)).status).toBe(200);
  if (emailAutoResponse) expect((await ws.api.patch("/api/v1/bot/settings", { emailAutoResponse })).status).toBe(200);
  return { ws, mailbox: await createTestMailbox(server, ws), article: created.body };
}

interface Written {
  customer: string;
  messageIdHeader: string;
  conversationId: string;
  messageId: string;
}

/** A mail from a customer into the mailbox, over the same path as the SMTP listener's. */
async function customerWrites(mailbox: Mailbox, mail: { subject: string; body: string; customer?: string; headers?: Record<string, string> }): Promise<Written> {
  const customer = mail.customer ?? `customer-${randomBytes(4).toString("hex")}@example.net`;
  const messageIdHeader = `${randomBytes(6).toString("hex")}@example.net`;
  const outcome = await receiveEmail(emailDeps(server), {
    mailbox,
    raw: eml({ From: customer, To: mailbox.address, Subject: mail.subject, "Message-ID": `<${messageIdHeader}>`, ...mail.headers }, mail.body),
  });
  if (outcome.outcome !== "stored") throw new Error(`expected a stored email, got ${outcome.outcome}`);
  return { customer, messageIdHeader, conversationId: outcome.conversationId, messageId: outcome.messageId };
}

const jobOf = async (messageId: string) => (await server.database.db.select().from(jobs).where(eq(jobs.dedupeKey, `bot.email:${messageId}`)))[0];

/** Waits for the suggestions job on a message; a failed attempt fails the test with its error. */
async function suggestionsDone(messageId: string): Promise<void> {
  const job = await until(async () => {
    const row = await jobOf(messageId);
    return row && (row.status === "done" || row.lastError) ? row : undefined;
  });
  if (job.lastError) throw new Error(job.lastError);
}

const botReplies = (ws: TestWorkspace, conversationId: string) =>
  server.database.db
    .select()
    .from(messages)
    .where(inWorkspace(messages, ws.id, eq(messages.conversationId, conversationId), eq(messages.authorType, "bot")));

const PASSWORD = { subject: "Reset password", body: "How do I reset my password? I can't sign in." };

describe("the answer bot's email auto-response", () => {
  it("is off by default: a new email conversation gets nothing", async () => {
    const { ws, mailbox } = await shop(false);
    expect((await ws.api.get<{ emailAutoResponse: boolean }>("/api/v1/bot/settings")).body.emailAutoResponse).toBe(false);
    const written = await customerWrites(mailbox, PASSWORD);
    expect(await jobOf(written.messageId)).toBeUndefined();
    expect(await botReplies(ws, written.conversationId)).toEqual([]);
  });

  it("refuses a setting that is not a yes or no", async () => {
    const { ws } = await shop(false);
    const response = await ws.api.patch<{ message: string }>("/api/v1/bot/settings", { emailAutoResponse: "sometimes" });
    expect(response.status).toBe(400);
  });

  it("answers a new conversation once with the article, marked as automatic, and leaves it open for a person", async () => {
    const { ws, mailbox, article } = await shop();
    const written = await customerWrites(mailbox, PASSWORD);
    await suggestionsDone(written.messageId);

    const [mail] = await until(() => sink.to(written.customer).length > 0 && sink.to(written.customer));
    const link = articleUrl(server.config.publicUrl, ws.slug, { locale: "en", slug: article.slug });
    expect(mail!.headers.get("auto-submitted")).toBe("auto-replied");
    expect(mail!.inReplyTo).toBe(`<${written.messageIdHeader}>`);
    expect(mail!.text).toContain("A person on our team will answer you");
    expect(mail!.text).toContain(`How to reset your password: ${link}`);
    expect(mail!.html).toContain(`href="${link}"`);

    const [reply] = await botReplies(ws, written.conversationId);
    expect(reply).toMatchObject({ kind: "reply", authorType: "bot" });
    await until(async () => (await botReplies(ws, written.conversationId))[0]?.deliveryStatus === "sent");
    const conversation = (await ws.api.get<Conversation>(`/api/v1/conversations/${written.conversationId}`)).body;
    expect(conversation).toMatchObject({ status: "open", assigneeId: null });
    const events = await server.database.db
      .select()
      .from(domainEvents)
      .where(inWorkspace(domainEvents, ws.id, eq(domainEvents.type, "bot.email_suggested")));
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ messageId: reply!.id, articleIds: [article.id], engine: "retrieval" });
    expect((events[0]!.payload as { confidence: number }).confidence).toBeGreaterThan(0);

    // The customer's next mail in the thread is a reply, not a new conversation: no second auto-response.
    const next = await customerWrites(mailbox, { subject: `Re: ${PASSWORD.subject}`, body: "And how do I reset my password on the app?", customer: written.customer, headers: { "In-Reply-To": `<${written.messageIdHeader}>` } });
    expect(next.conversationId).toBe(written.conversationId);
    expect(await jobOf(next.messageId)).toBeUndefined();

    // A new conversation from the same address within the day gets none either.
    const again = await customerWrites(mailbox, { subject: "Forgot password again", body: "How do I reset my password?", customer: written.customer });
    expect(again.conversationId).not.toBe(written.conversationId);
    await suggestionsDone(again.messageId);
    expect(await botReplies(ws, again.conversationId)).toEqual([]);
    expect(sink.to(written.customer)).toHaveLength(1);
  });

  it("writes in the customer's language when it is known", async () => {
    const { ws, mailbox } = await shop();
    const customer = `cliente-${randomBytes(4).toString("hex")}@example.es`;
    expect((await ws.api.post("/api/v1/customers", { email: customer, name: "Lucía", attributes: { language: "es" } })).status).toBe(201);
    const written = await customerWrites(mailbox, { ...PASSWORD, customer });
    await suggestionsDone(written.messageId);
    const [mail] = await until(() => sink.to(customer).length > 0 && sink.to(customer));
    expect(mail!.text).toContain("Una persona de nuestro equipo te responderá");
  });

  it.each([
    ["an auto-reply", { "Auto-Submitted": "auto-replied" }, undefined],
    ["bulk mail", { Precedence: "bulk" }, undefined],
    ["a mailing list", { "List-Id": "<news.shop.example>", "List-Unsubscribe": "<mailto:leave@shop.example>" }, undefined],
    ["a no-reply sender", {}, `no-reply-${randomBytes(3).toString("hex")}@example.net`],
    ["the mail system", {}, `MAILER-DAEMON@${randomBytes(3).toString("hex")}.example.net`],
  ])("never answers %s", async (_name, headers: Record<string, string>, customer) => {
    const { ws, mailbox } = await shop();
    const written = await customerWrites(mailbox, { ...PASSWORD, headers, customer });
    expect(await jobOf(written.messageId)).toBeUndefined();
    expect(await botReplies(ws, written.conversationId)).toEqual([]);
  });

  it("sends nothing when no article answers the question", async () => {
    const { ws, mailbox } = await shop();
    const written = await customerWrites(mailbox, { subject: "Kayak rental", body: "Can I rent a kayak for the weekend at the lake?" });
    await suggestionsDone(written.messageId);
    expect(await botReplies(ws, written.conversationId)).toEqual([]);
    const outbound = await server.database.db.select().from(emailMessages).where(inWorkspace(emailMessages, ws.id, eq(emailMessages.direction, "outbound")));
    expect(outbound).toEqual([]);
  });

  it("sends once when its job runs again", async () => {
    const { ws, mailbox } = await shop();
    const written = await customerWrites(mailbox, PASSWORD);
    await suggestionsDone(written.messageId);
    await until(() => sink.to(written.customer).length > 0);
    // As if the worker died after its work committed: the job runs a second time.
    await server.database.db
      .update(jobs)
      .set({ status: "queued", runAt: new Date() })
      .where(eq(jobs.dedupeKey, `bot.email:${written.messageId}`));
    await suggestionsDone(written.messageId);
    expect(await botReplies(ws, written.conversationId)).toHaveLength(1);
    const outbound = await server.database.db.select().from(emailMessages).where(inWorkspace(emailMessages, ws.id, eq(emailMessages.direction, "outbound")));
    expect(outbound).toHaveLength(1);
    expect(sink.to(written.customer)).toHaveLength(1);
  });
});
