import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { and, eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, sharedServer, testDatabaseUrl, type TestServer } from "../../testing/harness.ts";
import { startDovecot, type Dovecot, type DovecotUser } from "../../testing/dovecot.ts";
import { createTestMailbox } from "../../testing/email.ts";
import { SecretBox } from "../../platform/crypto.ts";
import type { Mailbox, NewMailbox } from "./mailboxes.ts";
import { findImapMailbox, testImapConnection } from "./imap.ts";
import { ImapPoller, STORED_KEYWORD } from "./imap-poller.ts";
import { emailMessages, mailboxes } from "./schema.ts";

function eml(fields: { from?: string; subject: string; messageId: string; body?: string }): string {
  const headers = [fields.from === undefined ? "From: Sam Doe <sam@example.net>" : fields.from ? `From: ${fields.from}` : "", "To: help@shop.example", `Subject: ${fields.subject}`, `Message-ID: <${fields.messageId}>`];
  return `${headers.filter(Boolean).join("\r\n")}\r\n\r\n${fields.body ?? "Hello"}\r\n`;
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe("the IMAP poller", () => {
  let server: TestServer;
  let dovecot: Dovecot;
  let poller: ImapPoller;
  const secrets = new SecretBox(randomBytes(32));

  beforeAll(async () => {
    server = await sharedServer();
    dovecot = await startDovecot();
    poller = new ImapPoller(server.database, {
      files: server.files,
      secrets,
      log: pino({ level: "silent" }),
      databaseUrl: testDatabaseUrl(),
      // Long enough that only IDLE can explain mail arriving within a test.
      pollIntervalMs: 60_000,
      refreshMs: 60_000,
      minBackoffMs: 100,
      concurrency: 2,
    });
    await poller.start();
  });

  afterAll(async () => {
    await poller?.stop();
    await dovecot?.stop();
  });

  /** A workspace with an IMAP mailbox reading its own Dovecot user's INBOX. */
  async function imapMailbox(settings: Partial<NewMailbox> = {}, folders: string[] = []): Promise<{ mailbox: Mailbox; user: DovecotUser; workspace: Awaited<ReturnType<typeof createTestWorkspace>> }> {
    const workspace = await createTestWorkspace(server);
    const user = await dovecot.addUser(`user-${randomBytes(4).toString("hex")}`, "imap-secret");
    // The folder must exist before the poller opens it.
    await dovecot.count("INBOX", user);
    for (const folder of folders) await dovecot.createFolder(folder, user);
    const mailbox = await createTestMailbox(
      server,
      workspace,
      { kind: "imap", imapHost: dovecot.host, imapPort: dovecot.port, imapSecure: false, imapUser: user.user, imapPassword: user.password, ...settings },
      secrets,
    );
    return { mailbox, user, workspace };
  }

  const emailsOf = (mailbox: Mailbox) =>
    server.database.db
      .select({ state: emailMessages.state, messageIdHeader: emailMessages.messageIdHeader, rawKey: emailMessages.rawKey, error: emailMessages.error })
      .from(emailMessages)
      .where(and(eq(emailMessages.workspaceId, mailbox.workspaceId), eq(emailMessages.mailboxId, mailbox.id)));

  const lastUid = async (mailbox: Mailbox) => (await findImapMailbox(server.database.db, mailbox.id))?.imapLastUid;

  it("tests a connection: the folders with the right password, the server's refusal with a wrong one", async () => {
    const good = await testImapConnection({ host: dovecot.host, port: dovecot.port, secure: false, user: dovecot.user.user, password: dovecot.user.password });
    expect(good).toEqual({ ok: true, folders: expect.arrayContaining(["INBOX"]) as unknown });
    const bad = await testImapConnection({ host: dovecot.host, port: dovecot.port, secure: false, user: dovecot.user.user, password: "wrong" });
    expect(bad.ok).toBe(false);
    expect(bad.ok === false && bad.error).toMatch(/refused|authentication/i);
  });

  it("turns mail in the folder into conversations and flags what it stored", async () => {
    const { mailbox, user, workspace } = await imapMailbox();
    await dovecot.append("INBOX", [eml({ subject: "First question", messageId: `a1-${mailbox.id}@example.net` }), eml({ subject: "Second question", messageId: `a2-${mailbox.id}@example.net` })], user);
    poller.refresh();
    await until("two stored emails", async () => (await lastUid(mailbox)) === 2);

    const conversations = await workspace.api.get<{ items: { subject: string; channel: string }[] }>("/api/v1/conversations");
    expect(conversations.body.items.map((conversation) => conversation.subject).sort()).toEqual(["First question", "Second question"]);
    const flags = await until("flags", async () => {
      const found = await dovecot.flags("INBOX", user);
      return [...found.values()].every((set) => set.has("\\Seen")) && found;
    });
    expect([...flags.values()].map((set) => [set.has("\\Seen"), set.has(STORED_KEYWORD)])).toEqual([
      [true, true],
      [true, true],
    ]);
    const status = await findImapMailbox(server.database.db, mailbox.id);
    expect(status?.lastFetchAt).toBeInstanceOf(Date);
    expect(status?.lastError).toBeNull();
  });

  it("moves what it stored when the mailbox says so", async () => {
    const { mailbox, user } = await imapMailbox({ imapProcessed: "move", imapMoveTo: "Rapport" });
    await dovecot.append("INBOX", [eml({ subject: "Move me", messageId: `m1-${mailbox.id}@example.net` }), eml({ subject: "Me too", messageId: `m2-${mailbox.id}@example.net` })], user);
    poller.refresh();
    await until("both moved", async () => (await dovecot.count("Rapport", user)) === 2);
    expect(await dovecot.count("INBOX", user)).toBe(0);
    expect((await emailsOf(mailbox)).map((email) => email.state)).toEqual(["received", "received"]);
  });

  it("quarantines a message it cannot take and goes on with the next", async () => {
    const { mailbox, user } = await imapMailbox();
    await dovecot.append("INBOX", [eml({ from: "", subject: "Nobody sent this", messageId: `q1-${mailbox.id}@example.net` }), eml({ subject: "After it", messageId: `q2-${mailbox.id}@example.net` })], user);
    poller.refresh();
    await until("both taken", async () => (await lastUid(mailbox)) === 2);
    const emails = await emailsOf(mailbox);
    expect(emails.map((email) => [email.messageIdHeader, email.state]).sort()).toEqual([
      [`q1-${mailbox.id}@example.net`, "quarantined"],
      [`q2-${mailbox.id}@example.net`, "received"],
    ]);
    expect(emails.every((email) => email.rawKey)).toBe(true);
  });

  it("hears new mail through IDLE within a couple of seconds", async () => {
    const { mailbox, user } = await imapMailbox();
    poller.refresh();
    await until("the first fetch", async () => (await findImapMailbox(server.database.db, mailbox.id))?.lastFetchAt);
    // Let the connection settle into IDLE.
    await sleep(300);
    const appended = Date.now();
    await dovecot.append("INBOX", [eml({ subject: "Are you there?", messageId: `idle-${mailbox.id}@example.net` })], user);
    await until("the message", async () => (await lastUid(mailbox)) === 1, 3_000);
    expect(Date.now() - appended).toBeLessThan(2_500);
  });

  it("fetches several mailboxes side by side, each in UID order", async () => {
    const [one, two] = await Promise.all([imapMailbox(), imapMailbox()]);
    const batch = (prefix: string, box: Mailbox) => Array.from({ length: 30 }, (_, i) => eml({ subject: `${prefix} ${i}`, messageId: `${prefix}-${i}-${box.id}@example.net` }));
    await Promise.all([dovecot.append("INBOX", batch("one", one.mailbox), one.user), dovecot.append("INBOX", batch("two", two.mailbox), two.user)]);
    poller.refresh();
    await until("both mailboxes done", async () => (await lastUid(one.mailbox)) === 30 && (await lastUid(two.mailbox)) === 30, 30_000);
    expect((await emailsOf(one.mailbox)).length).toBe(30);
    expect((await emailsOf(two.mailbox)).length).toBe(30);
  });

  it("starts over without duplicating anything when the folder's UIDVALIDITY changes", async () => {
    const { mailbox, user } = await imapMailbox();
    await dovecot.append("INBOX", [eml({ subject: "Once", messageId: `v1-${mailbox.id}@example.net` })], user);
    poller.refresh();
    await until("the message", async () => (await lastUid(mailbox)) === 1);
    // As if the server had renumbered the folder: the stored position no longer matches it.
    await server.database.db.update(mailboxes).set({ imapUidValidity: 1, imapLastUid: 7 }).where(eq(mailboxes.id, mailbox.id));
    await dovecot.append("INBOX", [eml({ subject: "Twice", messageId: `v2-${mailbox.id}@example.net` })], user);
    await until("the new message", async () => (await lastUid(mailbox)) === 2);
    expect((await emailsOf(mailbox)).map((email) => email.messageIdHeader).sort()).toEqual([`v1-${mailbox.id}@example.net`, `v2-${mailbox.id}@example.net`]);
  });
});
