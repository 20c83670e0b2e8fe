import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { and, eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import type SMTPConnection from "nodemailer/lib/smtp-connection";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, sharedServer, type TestServer, type TestWorkspace } from "../../testing/harness.ts";
import { createTestMailbox } from "../../testing/email.ts";
import { LocalFileStore } from "../../platform/files.ts";
import type { Mailbox } from "./mailboxes.ts";
import { emailMessages } from "./schema.ts";
import { SmtpListener } from "./smtp-listener.ts";

const run = promisify(execFile);
const MAIL_DOMAIN = "mail.rapport.test";
const MAX_BYTES = 64 * 1024;

/** Python's smtplib, a client written by other people than ours: prints the server's replies as JSON. */
async function python(script: string, ...args: string[]): Promise<unknown> {
  const { stdout } = await run("python3", ["-c", script, ...args], { timeout: 20_000 });
  return JSON.parse(stdout) as unknown;
}

function eml(headers: Record<string, string>, body: string): string {
  return `${Object.entries(headers).map(([key, value]) => `${key}: ${value}`).join("\r\n")}\r\n\r\n${body}\r\n`;
}

describe("the SMTP listener", () => {
  let server: TestServer;
  let first: TestWorkspace;
  let second: TestWorkspace;
  let help: Mailbox;
  let sales: Mailbox;
  let listener: SmtpListener;
  let port: number;
  let cert: string;
  let scratch: string;
  const files = () => new LocalFileStore(path.join(scratch, "files"));

  const mailboxIn = (ws: TestWorkspace, name: string): Promise<Mailbox> => createTestMailbox(server, ws, { name, address: `${name}-${ws.slug}@shop.example` });

  const transport = (options: SMTPConnection.Options = {}) => nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true, ...options });

  async function storedEmail(ws: TestWorkspace, messageId: string) {
    const [row] = await server.database.db
      .select()
      .from(emailMessages)
      .where(and(eq(emailMessages.workspaceId, ws.id), eq(emailMessages.direction, "inbound"), eq(emailMessages.messageIdHeader, messageId)));
    return row;
  }

  async function messagesOf(ws: TestWorkspace, conversationId: string): Promise<string[]> {
    const response = await ws.api.get<{ items: { text: string }[] }>(`/api/v1/conversations/${conversationId}/messages`);
    expect(response.status).toBe(200);
    return response.body.items.map((message) => message.text.trim());
  }

  beforeAll(async () => {
    server = await sharedServer();
    [first, second] = [await createTestWorkspace(server), await createTestWorkspace(server)];
    [help, sales] = [await mailboxIn(first, "help"), await mailboxIn(second, "sales")];
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), "rapport-smtp-"));
    // A certificate of our own for STARTTLS, as an operator would configure one.
    await run("openssl", [
      ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=localhost"],
      ...["-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", path.join(scratch, "key.pem"), "-out", path.join(scratch, "cert.pem")],
    ]);
    cert = await fs.readFile(path.join(scratch, "cert.pem"), "utf8");
    listener = new SmtpListener({
      db: server.database.db,
      files: files(),
      email: { smtpPort: 0, smtpHost: "127.0.0.1", domain: MAIL_DOMAIN, maxBytes: MAX_BYTES, tls: { cert: path.join(scratch, "cert.pem"), key: path.join(scratch, "key.pem") } },
      log: pino({ level: "silent" }),
    });
    await listener.start();
    port = listener.port!;
  });

  afterAll(async () => {
    await listener?.stop();
    if (scratch) await fs.rm(scratch, { recursive: true, force: true });
  });

  it("takes mail from nodemailer over STARTTLS and acknowledges it once stored", async () => {
    const info = await transport({ ignoreTLS: false, requireTLS: true, tls: { ca: [cert], servername: "localhost" } }).sendMail({
      from: "Sam Doe <sam@example.net>",
      to: help.address,
      subject: "Where is my order?",
      text: "It has been a week.",
      messageId: "<nodemailer-1@example.net>",
    });
    expect(info.response).toMatch(/^250 /);
    const row = await storedEmail(first, "nodemailer-1@example.net");
    expect(row?.state).toBe("received");
    expect(await messagesOf(first, row!.conversationId!)).toEqual(["It has been a week."]);
  });

  it("takes mail from Python's smtplib, announcing SIZE and STARTTLS but no AUTH", async () => {
    const message = eml({ From: "pat@example.org", To: help.address, Subject: "Invoice", "Message-ID": "<python-1@example.org>" }, "Please send the invoice again.");
    const result = await python(
      `import json, smtplib, sys
s = smtplib.SMTP("127.0.0.1", int(sys.argv[1]), timeout=10)
s.ehlo("client.example.org")
features = dict(s.esmtp_features)
refused = s.sendmail("pat@example.org", [sys.argv[2]], sys.argv[3].encode())
code, reply = s.quit()
print(json.dumps({"size": features.get("size"), "auth": "auth" in features, "starttls": "starttls" in features, "refused": refused}))`,
      String(port),
      help.address,
      message,
    );
    expect(result).toEqual({ size: String(MAX_BYTES), auth: false, starttls: true, refused: {} });
    const row = await storedEmail(first, "python-1@example.org");
    expect(await messagesOf(first, row!.conversationId!)).toEqual(["Please send the invoice again."]);
  });

  it("refuses an unknown recipient at RCPT with 550 5.1.1, and keeps the known one", async () => {
    const result = (await python(
      `import json, smtplib, sys
s = smtplib.SMTP("127.0.0.1", int(sys.argv[1]), timeout=10)
s.ehlo()
s.mail("pat@example.org")
unknown = s.rcpt("nobody@shop.example")
known = s.rcpt(sys.argv[2])
s.quit()
print(json.dumps({"unknown": [unknown[0], unknown[1].decode()], "known": known[0]}))`,
      String(port),
      help.address.toUpperCase().replace("@", "+c42@"),
    )) as { unknown: [number, string]; known: number };
    expect(result.unknown[0]).toBe(550);
    expect(result.unknown[1]).toMatch(/^5\.1\.1 No mailbox here by the name <nobody@shop\.example>/);
    expect(result.known).toBe(250);

    const refused = await transport()
      .sendMail({ from: "sam@example.net", to: "nobody@shop.example", subject: "Hello", text: "Anyone?" })
      .then(() => undefined, (error: { responseCode?: number; command?: string }) => error);
    expect(refused).toMatchObject({ responseCode: 550, command: "RCPT TO" });
  });

  it("refuses a message over the size limit with 552, declared or not, and stores none of it", async () => {
    const big = eml({ From: "pat@example.org", To: help.address, Subject: "Huge", "Message-ID": "<huge@example.org>" }, "x".repeat(MAX_BYTES + 1024));
    const result = await python(
      `import json, smtplib, sys
def attempt(declare):
    s = smtplib.SMTP("127.0.0.1", int(sys.argv[1]), timeout=10)
    s.ehlo()
    code, _ = s.mail("pat@example.org", ["SIZE=%d" % len(sys.argv[3])] if declare else [])
    if code != 250:
        return code
    s.rcpt(sys.argv[2])
    code, _ = s.data(sys.argv[3].encode())
    return code
print(json.dumps({"declared": attempt(True), "undeclared": attempt(False)}))`,
      String(port),
      help.address,
      big,
    );
    expect(result).toEqual({ declared: 552, undeclared: 552 });
    expect(await storedEmail(first, "huge@example.org")).toBeUndefined();
  });

  it("stores a message to mailboxes of two workspaces in each", async () => {
    const info = await transport().sendMail({
      from: "lee@example.com",
      to: [help.address, `${sales.forwardingToken}@${MAIL_DOMAIN}`],
      subject: "Partnership",
      text: "Hello both.",
      messageId: "<both@example.com>",
    });
    expect(info.accepted).toHaveLength(2);
    for (const ws of [first, second]) {
      const row = await storedEmail(ws, "both@example.com");
      expect(await messagesOf(ws, row!.conversationId!)).toEqual(["Hello both."]);
    }
  });

  it("threads a reply into its conversation through In-Reply-To", async () => {
    const mail = transport();
    await mail.sendMail({ from: "kim@example.net", to: help.address, subject: "Broken zip", text: "The zip on my bag broke.", messageId: "<thread-1@example.net>" });
    await mail.sendMail({
      from: "kim@example.net",
      to: help.address,
      subject: "Re: Broken zip",
      text: "Here is a photo.",
      messageId: "<thread-2@example.net>",
      inReplyTo: "<thread-1@example.net>",
      references: ["<thread-1@example.net>"],
    });
    const [opening, reply] = [await storedEmail(first, "thread-1@example.net"), await storedEmail(first, "thread-2@example.net")];
    expect(reply!.conversationId).toBe(opening!.conversationId);
    expect(await messagesOf(first, opening!.conversationId!)).toEqual(["The zip on my bag broke.", "Here is a photo."]);
  });

  it("answers 451 when the message cannot be stored, so the sender keeps it and retries", async () => {
    // A file where the store's folder should be: every save fails.
    const blocked = path.join(scratch, "not-a-folder");
    await fs.writeFile(blocked, "");
    const broken = new SmtpListener({
      db: server.database.db,
      files: new LocalFileStore(blocked),
      email: { smtpPort: 0, smtpHost: "127.0.0.1", domain: MAIL_DOMAIN, maxBytes: MAX_BYTES, tls: undefined },
      log: pino({ level: "silent" }),
    });
    await broken.start();
    try {
      const failed = await nodemailer
        .createTransport({ host: "127.0.0.1", port: broken.port, secure: false })
        .sendMail({ from: "sam@example.net", to: help.address, subject: "Lost?", text: "Not yet.", messageId: "<retry-me@example.net>" })
        .then(() => undefined, (error: { responseCode?: number; response?: string }) => error);
      expect(failed).toMatchObject({ responseCode: 451 });
      expect(failed?.response).toMatch(/^451 4\.3\.0 /);
      expect(await storedEmail(first, "retry-me@example.net")).toBeUndefined();
    } finally {
      await broken.stop();
    }
    const retried = await transport().sendMail({ from: "sam@example.net", to: help.address, subject: "Lost?", text: "Not yet.", messageId: "<retry-me@example.net>" });
    expect(retried.response).toMatch(/^250 /);
    expect((await storedEmail(first, "retry-me@example.net"))?.state).toBe("received");
  });

  it("acknowledges a redelivery without storing it twice", async () => {
    const mail = { from: "ray@example.net", to: help.address, subject: "Twice", text: "Sent twice.", messageId: "<twice@example.net>" };
    await transport().sendMail(mail);
    const again = await transport().sendMail(mail);
    expect(again.response).toMatch(/^250 /);
    const row = await storedEmail(first, "twice@example.net");
    expect(await messagesOf(first, row!.conversationId!)).toEqual(["Sent twice."]);
  });
});
