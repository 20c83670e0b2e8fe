import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { and, eq } from "drizzle-orm";
import { simpleParser, type ParsedMail } from "mailparser";
import pino from "pino";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedServer, until, type TestServer, type TestWorkspace } from "../../testing/harness.ts";
import { createMailboxFixture, emailDeps, eml, type MailboxFixture } from "../../testing/email.ts";
import { jobs } from "../../platform/db/schema.ts";
import { JobRunner } from "../../platform/jobs/index.ts";
import { findMailboxByRecipient, type Mailbox, type NewMailbox } from "./mailboxes.ts";
import { receiveEmail, type EmailDeps } from "./receive.ts";
import { configureOutboundMail } from "./outbound.ts";
import { sendEmailJob } from "./jobs.ts";
import { emailAutoReplies, emailMessages } from "./schema.ts";

const MAIL_DOMAIN = "rapport.test";

interface Delivered {
  from: string;
  to: string[];
  raw: Buffer;
  parsed: ParsedMail;
}

/**
 * The outside world's mail system, faked at the network edge: a real SMTP server on loopback that accepts what
 * the relay is handed and, like MX routing, delivers mail for a Rapport mailbox into that mailbox.
 */
class FakeRelay {
  readonly delivered: Delivered[] = [];
  /** Per recipient, the SMTP codes to answer the next attempts with instead of accepting. */
  readonly refusals = new Map<string, number[]>();
  private readonly server: SMTPServer;
  url = "";

  constructor(private readonly route: (mail: Delivered) => Promise<void>) {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const to = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
          const code = to.map((address) => this.refusals.get(address)?.shift()).find((value) => value !== undefined);
          if (code !== undefined) {
            const error = Object.assign(new Error(code >= 500 ? "5.1.1 Mailbox unavailable" : "4.7.1 Try again later"), { responseCode: code });
            return callback(error);
          }
          const raw = Buffer.concat(chunks);
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
          simpleParser(raw)
            .then(async (parsed) => {
              const mail = { from, to, raw, parsed };
              this.delivered.push(mail);
              await this.route(mail);
              callback();
            })
            .catch((error: Error) => callback(error));
        });
      },
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  to(address: string): Delivered[] {
    return this.delivered.filter((mail) => mail.to.includes(address));
  }
}

const headerOf = (mail: ParsedMail, name: string) => {
  const value = mail.headers.get(name);
  return typeof value === "string" ? value : undefined;
};

interface Attachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  rejected?: string;
}

async function upload(ws: TestWorkspace, filename: string, body: Uint8Array, contentType: string): Promise<Attachment> {
  const response = await ws.api.fetch(`/api/v1/attachments?filename=${encodeURIComponent(filename)}`, { method: "POST", body, headers: { "content-type": contentType } });
  expect(response.status).toBe(201);
  const { id, size } = (await response.json()) as Attachment;
  return { id, filename, contentType, size };
}

interface MessageBody {
  id: string;
  kind: string;
  delivery: { status: string; error: string | null } | null;
}

describe("sending email", () => {
  let server: TestServer;
  let deps: EmailDeps;
  let relay: FakeRelay;
  let runner: JobRunner;

  beforeAll(async () => {
    server = await sharedServer();
    deps = emailDeps(server);
    relay = new FakeRelay(async (mail) => {
      for (const recipient of mail.to) {
        const mailbox = await findMailboxByRecipient(server.database.db, recipient, MAIL_DOMAIN);
        if (mailbox) await receiveEmail(deps, { mailbox, raw: mail.raw, envelopeSender: mail.from, envelopeRecipients: [recipient] });
      }
    });
    await relay.start();
    configureOutboundMail({ domain: MAIL_DOMAIN, relayUrl: relay.url, files: deps.files });
    // Retries within the test's patience; the policy itself is the real job's.
    const fastSend = { ...sendEmailJob, retry: { ...sendEmailJob.retry, baseDelayMs: 200, maxDelayMs: 400 } };
    runner = new JobRunner(server.database, { jobs: [fastSend], log: pino({ level: "silent" }), pollIntervalMs: 50 });
    await runner.start();
  });

  afterAll(async () => {
    await runner.stop();
    await relay.stop();
    configureOutboundMail({ domain: server.config.email.domain, relayUrl: server.config.email.relayUrl, files: deps.files });
  });

  const workspaceWithMailbox = (mailbox: Partial<NewMailbox> = {}): Promise<MailboxFixture> => createMailboxFixture(server, mailbox);

  /** A customer's first mail, opening a conversation. */
  async function customerWrites(mailbox: Mailbox, extra: Record<string, string> = {}) {
    const customer = `customer-${randomBytes(4).toString("hex")}@example.net`;
    const messageId = `${randomBytes(6).toString("hex")}@example.net`;
    const outcome = await receiveEmail(deps, {
      mailbox,
      raw: eml({ From: `Sam Doe <${customer}>`, To: mailbox.address, Subject: "Where is my order?", "Message-ID": `<${messageId}>`, References: "<earlier@example.net>", ...extra }, "It has been a week.\nStill nothing."),
    });
    if (outcome.outcome !== "stored") throw new Error(`expected a stored email, got ${outcome.outcome}`);
    return { customer, messageId, conversationId: outcome.conversationId };
  }

  async function reply(ws: TestWorkspace, conversationId: string, text: string, kind = "reply", attachments: Attachment[] = []) {
    const response = await ws.api.post<MessageBody>(`/api/v1/conversations/${conversationId}/messages`, { kind, text, attachments });
    expect(response.status).toBe(201);
    return response.body;
  }

  async function messageOf(ws: TestWorkspace, conversationId: string, messageId: string): Promise<MessageBody> {
    const response = await ws.api.get<{ items: MessageBody[] }>(`/api/v1/conversations/${conversationId}/messages`);
    return response.body.items.find((item) => item.id === messageId)!;
  }

  const deliveryOf = (ws: TestWorkspace, conversationId: string, messageId: string, status: string) =>
    until(async () => {
      const message = await messageOf(ws, conversationId, messageId);
      return message.delivery?.status === status && message.delivery;
    });

  it("sends an agent's reply from the mailbox, threaded, signed, in text and HTML, with the customer's mail quoted", async () => {
    const { ws, mailbox } = await workspaceWithMailbox({ fromName: "Shop Support", signature: "Ana\nShop Example" });
    const { customer, messageId, conversationId } = await customerWrites(mailbox);
    const sent = await reply(ws, conversationId, "We shipped it yesterday.");
    expect(sent.delivery).toEqual({ status: "queued", error: null });

    const [mail] = await until(() => relay.to(customer).length > 0 && relay.to(customer));
    const { parsed } = mail!;
    expect(parsed.messageId).toMatch(new RegExp(`^<[0-9a-f-]+@${MAIL_DOMAIN.replace(".", "\\.")}>$`));
    expect(parsed.inReplyTo).toBe(`<${messageId}>`);
    expect(parsed.references).toEqual(["<earlier@example.net>", `<${messageId}>`]);
    expect(parsed.from?.value).toEqual([{ name: "Shop Support", address: mailbox.address }]);
    expect(mail!.from).toBe(mailbox.address);
    const { number } = (await ws.api.get<{ number: number }>(`/api/v1/conversations/${conversationId}`)).body;
    expect(parsed.replyTo?.value[0]?.address).toBe(mailbox.address.replace("@", `+c${number}@`));
    expect(parsed.subject).toBe(`Re: Where is my order? [#${number}]`);
    expect(parsed.text).toContain("We shipped it yesterday.\n\n-- \nAna\nShop Example");
    expect(parsed.text).toContain(`${customer} wrote:\n> It has been a week.\n> Still nothing.`);
    expect(parsed.html).toContain("We shipped it yesterday.");
    expect(parsed.html).toContain("Ana<br>Shop Example");
    expect(parsed.html).toMatch(/<blockquote[^>]*>.*It has been a week\./s);
    expect(headerOf(parsed, "auto-submitted")).toBeUndefined();

    expect(await deliveryOf(ws, conversationId, sent.id, "sent")).toEqual({ status: "sent", error: null });
    // The customer's answer to it threads back into the conversation.
    const answer = await receiveEmail(deps, {
      mailbox,
      raw: eml({ From: customer, To: mailbox.address, Subject: parsed.subject!, "Message-ID": `<answer-${messageId}>`, "In-Reply-To": parsed.messageId! }, "Thanks!"),
    });
    expect(answer.outcome === "stored" && answer.conversationId).toBe(conversationId);
  });

  it("sends a reply to the Reply-To the customer asked for, while the customer stays the From address and the acknowledgement goes to From", async () => {
    const { ws, mailbox } = await workspaceWithMailbox({ autoAcknowledge: true });
    const other = `assistant-${randomBytes(4).toString("hex")}@example.org`;
    const { customer, conversationId } = await customerWrites(mailbox, { "Reply-To": `Office <${other.toUpperCase()}>` });
    const [inbound] = await server.database.db.select().from(emailMessages).where(and(eq(emailMessages.workspaceId, ws.id), eq(emailMessages.direction, "inbound")));
    expect(inbound).toMatchObject({ fromAddress: customer, replyTo: [other] });

    const [ack] = await until(() => relay.to(customer).length > 0 && relay.to(customer));
    expect(headerOf(ack!.parsed, "auto-submitted")).toBe("auto-replied");

    const sent = await reply(ws, conversationId, "Forwarded to your office.");
    const [mail] = await until(() => relay.to(other).length > 0 && relay.to(other));
    expect(mail!.parsed.to).toMatchObject({ value: [{ address: other }] });
    expect(mail!.parsed.text).toContain("Forwarded to your office.");
    await deliveryOf(ws, conversationId, sent.id, "sent");
    expect(relay.to(customer)).toHaveLength(1);
    expect(relay.to(other)).toHaveLength(1);
    const conversation = (await ws.api.get<{ customer: { email: string } }>(`/api/v1/conversations/${conversationId}`)).body;
    expect(conversation.customer.email).toBe(customer);
  });

  it("attaches the files of a reply, from its own workspace only, with their names, types and bytes", async () => {
    const { ws, mailbox } = await workspaceWithMailbox();
    const { customer, conversationId } = await customerWrites(mailbox);
    const bytes = randomBytes(40_000);
    const invoice = await upload(ws, "Facture n°1001.pdf", bytes, "application/pdf");
    const elsewhere = await upload((await workspaceWithMailbox()).ws, "secret.txt", Buffer.from("another workspace's file"), "text/plain");
    const neverKept: Attachment = { id: "rejected-1", filename: "setup.exe", contentType: "application/x-msdownload", size: 10, rejected: "A program." };
    const unknown: Attachment = { id: "0190c1d2-0000-7000-8000-000000000000", filename: "ghost.txt", contentType: "text/plain", size: 1 };
    // Files that are not this workspace's uploads are refused before anything is stored or sent.
    for (const stranger of [elsewhere, neverKept, unknown]) {
      const refused = await ws.api.post<{ error: { code: string } }>(`/api/v1/conversations/${conversationId}/messages`, { text: "Attached.", attachments: [invoice, stranger] });
      expect(refused.status, stranger.filename).toBe(404);
      expect(refused.body.error.code).toBe("attachment_not_found");
    }

    const sent = await reply(ws, conversationId, "Your invoice is attached.", "reply", [invoice]);
    const [mail] = await until(() => relay.to(customer).length > 0 && relay.to(customer));
    await deliveryOf(ws, conversationId, sent.id, "sent");
    const parts = mail!.parsed.attachments;
    expect(parts.map((part) => part.filename)).toEqual(["Facture n°1001.pdf"]);
    expect(parts[0]!.contentType).toBe("application/pdf");
    expect(parts[0]!.content.equals(bytes)).toBe(true);
    expect(mail!.parsed.text).toContain("Your invoice is attached.");
  });

  it("never sends a note", async () => {
    const { ws, mailbox } = await workspaceWithMailbox();
    const { conversationId } = await customerWrites(mailbox);
    const note = await reply(ws, conversationId, "Customer sounds upset; be gentle.", "note");
    expect(note.delivery).toBeNull();
    const outbound = await server.database.db.$count(emailMessages, and(eq(emailMessages.workspaceId, ws.id), eq(emailMessages.direction, "outbound")));
    expect(outbound).toBe(0);
  });

  it("tries again when the relay refuses for now, and sends", async () => {
    const { ws, mailbox } = await workspaceWithMailbox();
    const { customer, conversationId } = await customerWrites(mailbox);
    relay.refusals.set(customer, [451]);
    const sent = await reply(ws, conversationId, "Sorry for the wait.");
    expect(await deliveryOf(ws, conversationId, sent.id, "sent")).toEqual({ status: "sent", error: null });
    expect(relay.to(customer)).toHaveLength(1);
    const [email] = await server.database.db.select().from(emailMessages).where(and(eq(emailMessages.workspaceId, ws.id), eq(emailMessages.messageId, sent.id)));
    expect(email).toMatchObject({ state: "sent", attempts: 2, error: null });
  });

  it("shows the reply failed, with the relay's reason, after its last attempt", async () => {
    const { ws, mailbox } = await workspaceWithMailbox();
    const { customer, conversationId } = await customerWrites(mailbox);
    relay.refusals.set(customer, [451, 451, 451, 451]);
    const sent = await reply(ws, conversationId, "Are you there?");
    // Two attempts instead of ten, so the test does not wait through them all.
    await server.database.db
      .update(jobs)
      .set({ maxAttempts: 2 })
      .where(and(eq(jobs.name, sendEmailJob.name), eq(jobs.workspaceId, ws.id)));
    const delivery = await deliveryOf(ws, conversationId, sent.id, "failed");
    expect(delivery.error).toMatch(/451.*Try again later/);
    expect(relay.to(customer)).toHaveLength(0);
    const [email] = await server.database.db.select().from(emailMessages).where(and(eq(emailMessages.workspaceId, ws.id), eq(emailMessages.messageId, sent.id)));
    expect(email).toMatchObject({ state: "failed", attempts: 2 });
  });

  it("marks a reply failed when its bounce comes back, without opening a conversation; an unknown bounce is automated mail", async () => {
    const { ws, mailbox } = await workspaceWithMailbox({ autoAcknowledge: true });
    const { customer, conversationId } = await customerWrites(mailbox);
    const sent = await reply(ws, conversationId, "Here is your tracking number.");
    await deliveryOf(ws, conversationId, sent.id, "sent");
    const [outbound] = await server.database.db.select().from(emailMessages).where(and(eq(emailMessages.workspaceId, ws.id), eq(emailMessages.messageId, sent.id)));
    const conversationsBefore = (await ws.api.get<{ items: unknown[] }>("/api/v1/conversations?limit=100")).body.items.length;

    const dsn = (originalId: string, id: string) =>
      Buffer.from(
        [
          "From: Mail Delivery System <MAILER-DAEMON@mx.example.net>",
          `To: ${mailbox.address}`,
          "Subject: Undelivered Mail Returned to Sender",
          `Message-ID: <${id}@mx.example.net>`,
          "Auto-Submitted: auto-replied",
          "MIME-Version: 1.0",
          'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
          "",
          "--b1",
          "Content-Type: text/plain",
          "",
          "I'm sorry to have to inform you that your message could not be delivered.",
          "--b1",
          "Content-Type: message/delivery-status",
          "",
          "Reporting-MTA: dns; mx.example.net",
          "",
          `Final-Recipient: rfc822; ${customer}`,
          "Action: failed",
          "Status: 5.1.1",
          "Diagnostic-Code: smtp; 550 5.1.1 User unknown",
          "--b1",
          "Content-Type: text/rfc822-headers",
          "",
          `From: ${mailbox.address}`,
          `Message-ID: <${originalId}>`,
          "--b1--",
          "",
        ].join("\r\n"),
      );
    const bounced = await receiveEmail(deps, { mailbox, raw: dsn(outbound!.messageIdHeader, "dsn-1"), envelopeSender: "" });
    expect(bounced).toMatchObject({ outcome: "bounce", conversationId });
    expect(await deliveryOf(ws, conversationId, sent.id, "failed")).toEqual({ status: "failed", error: "Bounced: 550 5.1.1 User unknown" });
    expect((await ws.api.get<{ items: unknown[] }>("/api/v1/conversations?limit=100")).body.items.length).toBe(conversationsBefore);

    const acknowledgements = () => server.database.db.$count(emailMessages, and(eq(emailMessages.workspaceId, ws.id), eq(emailMessages.direction, "outbound"), eq(emailMessages.automated, true)));
    const acknowledged = await acknowledgements();
    const unknown = await receiveEmail(deps, { mailbox, raw: dsn("never-sent@elsewhere.example", "dsn-2"), envelopeSender: "" });
    expect(unknown.outcome).toBe("stored");
    const [stored] = await server.database.db.select().from(emailMessages).where(eq(emailMessages.id, unknown.emailId));
    expect(stored!.automated).toBe(true);
    expect(await acknowledgements()).toBe(acknowledged);
  });

  it("acknowledges a new conversation once, and two Rapport workspaces answering each other stop after one round", async () => {
    const a = await workspaceWithMailbox({ autoAcknowledge: true, fromName: "A Support" });
    const b = await workspaceWithMailbox({ autoAcknowledge: true, fromName: "B Support" });
    const first = await receiveEmail(deps, {
      mailbox: a.mailbox,
      raw: eml({ From: `B Support <${b.mailbox.address}>`, To: a.mailbox.address, Subject: "Invoice question", "Message-ID": "<loop-start@b.example>" }, "Could you send the invoice again?"),
      envelopeSender: b.mailbox.address,
    });
    expect(first.outcome).toBe("stored");

    // A's acknowledgement reaches B through the relay, and B stores it without answering.
    const [ack] = await until(() => relay.to(b.mailbox.address).length > 0 && relay.to(b.mailbox.address));
    expect(headerOf(ack!.parsed, "auto-submitted")).toBe("auto-replied");
    expect(headerOf(ack!.parsed, "x-auto-response-suppress")).toBe("All");
    expect(ack!.parsed.inReplyTo).toBe("<loop-start@b.example>");
    expect(ack!.parsed.text).toMatch(/opened request #\d+/);
    const inboundAtB = () => server.database.db.select().from(emailMessages).where(and(eq(emailMessages.workspaceId, b.ws.id), eq(emailMessages.direction, "inbound")));
    await until(async () => (await inboundAtB()).length === 1);
    expect((await inboundAtB())[0]!.automated).toBe(true);

    // Give a second round every chance to happen.
    await sleep(1_000);
    const count = (workspaceId: string, direction: "inbound" | "outbound") =>
      server.database.db.$count(emailMessages, and(eq(emailMessages.workspaceId, workspaceId), eq(emailMessages.direction, direction)));
    expect(await count(b.ws.id, "outbound")).toBe(0);
    expect(await count(a.ws.id, "outbound")).toBe(1);
    expect(relay.to(a.mailbox.address)).toHaveLength(0);

    // B writing again into the same conversation gets no second acknowledgement.
    await receiveEmail(deps, {
      mailbox: a.mailbox,
      raw: eml({ From: b.mailbox.address, To: a.mailbox.address, Subject: "Invoice question", "Message-ID": "<loop-again@b.example>", "In-Reply-To": "<loop-start@b.example>" }, "Hello?"),
    });
    await sleep(300);
    expect(await count(a.ws.id, "outbound")).toBe(1);
    expect(await server.database.db.$count(emailAutoReplies, eq(emailAutoReplies.workspaceId, a.ws.id))).toBe(1);
  });
});
