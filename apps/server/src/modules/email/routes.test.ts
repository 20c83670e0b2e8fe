import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, sharedServer, type TestServer, type TestWorkspace } from "../../testing/harness.ts";
import { eml } from "../../testing/email.ts";
import type { FileStore } from "../../platform/files.ts";
import { eq } from "drizzle-orm";
import { loadSecretBox } from "../../platform/crypto.ts";
import { emailMessages, mailboxes } from "./schema.ts";
import { findMailboxByRecipient } from "./mailboxes.ts";
import { receiveEmail } from "./receive.ts";

const PASSWORD = "hunter2-imap-password";

interface MailboxBody {
  id: string;
  name: string;
  address: string;
  kind: "smtp" | "imap";
  forwardingAddress: string;
  imap: { host: string | null; port: number | null; user: string | null; passwordSet: boolean; folder: string; processed: string; moveTo: string | null };
}

interface QuarantinedBody {
  id: string;
  from: string | null;
  subject: string;
  error: string;
}

describe("mailboxes", () => {
  let server: TestServer;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let files: FileStore;
  const address = (name: string) => `${name}-${ws.slug}@shop.example`;

  beforeAll(async () => {
    server = await sharedServer();
    ws = await createTestWorkspace(server);
    other = await createTestWorkspace(server, "Other");
    // The routes' own store, so the tests can put a source where the server reads it.
    files = server.files;
  });

  it("creates, reads, changes and deletes a mailbox, keeping the password write-only", async () => {
    const created = await ws.api.post<MailboxBody>("/api/v1/mailboxes", {
      name: "Billing",
      address: address("Billing").toUpperCase(),
      kind: "imap",
      imapHost: "imap.shop.example",
      imapUser: "billing",
      imapPassword: PASSWORD,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ name: "Billing", address: address("billing"), kind: "imap", imap: { host: "imap.shop.example", user: "billing", passwordSet: true, folder: "INBOX", processed: "flag" } });
    expect(created.body.forwardingAddress).toMatch(new RegExp(`^in-[a-z0-9]+@${server.config.email.domain.replace(/\./g, "\\.")}$`));

    const id = created.body.id;
    const changed = await ws.api.patch<MailboxBody>(`/api/v1/mailboxes/${id}`, { name: "Invoices", imapProcessed: "move", imapMoveTo: "Archive" });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ name: "Invoices", imap: { passwordSet: true, processed: "move", moveTo: "Archive" } });

    const responses = [created, changed, await ws.api.get(`/api/v1/mailboxes/${id}`), await ws.api.get("/api/v1/mailboxes"), await ws.api.get("/api/v1/audit-log")];
    for (const response of responses) {
      const text = JSON.stringify(response.body);
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toMatch(/imapPasswordEncrypted|"v1\./);
    }
    const audit = await ws.api.get<{ items: { action: string; details: Record<string, unknown> }[] }>("/api/v1/audit-log");
    expect(audit.body.items.map((entry) => entry.action)).toEqual(expect.arrayContaining(["mailbox.created", "mailbox.updated"]));
    expect(audit.body.items.find((entry) => entry.action === "mailbox.created")?.details.imapPassword).toBe("(changed)");

    // The stored password opens to what was sent, for the poller.
    const [row] = await server.database.db.select().from(mailboxes).where(eq(mailboxes.id, id));
    expect(row!.imapPasswordEncrypted).not.toContain(PASSWORD);
    expect(loadSecretBox(server.config.secretKey, server.config.dataDir).open(row!.imapPasswordEncrypted!)).toBe(PASSWORD);

    expect((await ws.api.delete(`/api/v1/mailboxes/${id}`)).status).toBe(204);
    expect((await ws.api.get(`/api/v1/mailboxes/${id}`)).status).toBe(404);
    expect(await findMailboxByRecipient(server.database.db, address("billing"), server.config.email.domain)).toBeUndefined();
  });

  it("refuses an incomplete IMAP mailbox and an address already in use", async () => {
    const incomplete = await ws.api.post<{ error: { code: string; message: string } }>("/api/v1/mailboxes", { name: "Half", address: address("half"), kind: "imap", imapHost: "imap.shop.example" });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.message).toMatch(/imapUser, imapPassword/);

    const smtp = await ws.api.post<MailboxBody>("/api/v1/mailboxes", { name: "Help", address: address("help") });
    expect(smtp.status).toBe(201);
    expect((await ws.api.patch(`/api/v1/mailboxes/${smtp.body.id}`, { kind: "imap" })).status).toBe(400);
    expect((await other.api.post("/api/v1/mailboxes", { name: "Mine", address: address("help") })).status).toBe(409);
  });

  it("is for admins only", async () => {
    const agent = await ws.member("agent");
    const supervisor = await ws.member("supervisor");
    for (const client of [agent.api, supervisor.api]) {
      expect((await client.get("/api/v1/mailboxes")).status).toBe(403);
      expect((await client.post("/api/v1/mailboxes", { name: "Sneaky", address: address("sneaky") })).status).toBe(403);
      expect((await client.get("/api/v1/mailboxes/quarantine")).status).toBe(403);
    }
    const admin = await ws.member("admin");
    expect((await admin.api.get("/api/v1/mailboxes")).status).toBe(200);
  });

  it("tests a connection: the SMTP listener's state, or an IMAP sign-in", async () => {
    const smtp = await ws.api.post<MailboxBody>("/api/v1/mailboxes", { name: "Forwarded", address: address("forwarded") });
    const listener = await ws.api.post<{ ok: boolean; reason: string; message: string }>(`/api/v1/mailboxes/${smtp.body.id}/test`);
    expect(listener.body).toMatchObject({ ok: false, reason: "listener_off" });
    expect(listener.body.message).toContain("RAPPORT_SMTP_PORT");

    // Nothing listens on port 1: the answer is a failure to show, not an error.
    const imap = await ws.api.post<MailboxBody>("/api/v1/mailboxes", { name: "Old server", address: address("old"), kind: "imap", imapHost: "127.0.0.1", imapPort: 1, imapSecure: false, imapUser: "u", imapPassword: PASSWORD });
    const refused = await ws.api.post<{ ok: boolean; reason: string; message: string }>(`/api/v1/mailboxes/${imap.body.id}/test`);
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ ok: false, reason: "failed" });
    expect(refused.body.message).not.toContain(PASSWORD);
  });

  it("lists quarantined mail, serves its source as a download, and reprocesses it", async () => {
    const created = await ws.api.post<MailboxBody>("/api/v1/mailboxes", { name: "Quarantine", address: address("quarantine") });
    const mailbox = (await findMailboxByRecipient(server.database.db, created.body.address, server.config.email.domain))!;
    const deps = { db: server.database.db, files };

    const senderless = eml({ To: mailbox.address, Subject: "Nobody sent this", "Message-ID": `<senderless-${ws.slug}@example.net>` }, "<b>who?</b>");
    const failed = await receiveEmail(deps, { mailbox, raw: senderless });
    expect(failed.outcome).toBe("quarantined");

    // Mail that failed for a reason since fixed: its source is fine, so receiving it again stores it.
    const good = eml({ From: "Pat <pat@example.net>", To: mailbox.address, Subject: "Second try", "Message-ID": `<good-${ws.slug}@example.net>` }, "This one is fine.");
    const stored = await files.save(ws.id, Readable.from([good]), Number.MAX_SAFE_INTEGER);
    const [fixable] = await server.database.db
      .insert(emailMessages)
      .values({ workspaceId: ws.id, mailboxId: mailbox.id, direction: "inbound", messageIdHeader: `good-${ws.slug}@example.net`, rawKey: stored.key, state: "quarantined", error: "A bug since fixed." })
      .returning();

    const list = await ws.api.get<{ items: QuarantinedBody[] }>("/api/v1/mailboxes/quarantine");
    expect(list.status).toBe(200);
    expect(list.body.items.map((item) => item.id)).toEqual([fixable!.id, failed.emailId]);
    expect(list.body.items[0]).toMatchObject({ from: "pat@example.net", subject: "Second try", error: "A bug since fixed." });
    expect(list.body.items[1]).toMatchObject({ from: null, subject: "Nobody sent this" });

    const raw = await ws.api.fetch(`/api/v1/mailboxes/quarantine/${failed.emailId}/raw`);
    expect(raw.status).toBe(200);
    expect(raw.headers.get("content-disposition")).toBe(`attachment; filename="${failed.emailId}.eml"`);
    expect(raw.headers.get("x-content-type-options")).toBe("nosniff");
    expect(raw.headers.get("content-type")).toBe("message/rfc822");
    expect(Buffer.from(await raw.arrayBuffer()).equals(senderless)).toBe(true);

    const again = await ws.api.post<{ outcome: string; conversationId: string | null; error: string | null }>(`/api/v1/mailboxes/quarantine/${failed.emailId}/reprocess`);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ outcome: "quarantined", conversationId: null });
    expect(again.body.error).toMatch(/sender/);

    const fixed = await ws.api.post<{ outcome: string; conversationId: string | null }>(`/api/v1/mailboxes/quarantine/${fixable!.id}/reprocess`);
    expect(fixed.body.outcome).toBe("stored");
    const messages = await ws.api.get<{ items: { text: string }[] }>(`/api/v1/conversations/${fixed.body.conversationId}/messages`);
    expect(messages.body.items.map((message) => message.text)).toEqual(["This one is fine."]);

    const after = await ws.api.get<{ items: QuarantinedBody[] }>("/api/v1/mailboxes/quarantine");
    expect(after.body.items).toHaveLength(1);
    expect(after.body.items[0]).toMatchObject({ subject: "Nobody sent this" });
    expect((await ws.api.post(`/api/v1/mailboxes/quarantine/${fixable!.id}/reprocess`)).status).toBe(404);
    expect((await ws.api.get("/api/v1/audit-log")).body).toMatchObject({ items: expect.arrayContaining([expect.objectContaining({ action: "email.reprocessed" })]) });
  });

  it("never reaches another workspace's mailboxes or quarantine", async () => {
    const mine = await ws.api.post<MailboxBody>("/api/v1/mailboxes", { name: "Private", address: address("private") });
    const mailbox = (await findMailboxByRecipient(server.database.db, mine.body.address, server.config.email.domain))!;
    const quarantined = await receiveEmail({ db: server.database.db, files }, { mailbox, raw: eml({ To: mailbox.address, Subject: "Private matter" }, "secret") });

    expect((await other.api.get<{ items: unknown[] }>("/api/v1/mailboxes")).body.items).toEqual([]);
    expect((await other.api.get<{ items: unknown[] }>("/api/v1/mailboxes/quarantine")).body.items).toEqual([]);
    expect((await other.api.get(`/api/v1/mailboxes/${mine.body.id}`)).status).toBe(404);
    expect((await other.api.patch(`/api/v1/mailboxes/${mine.body.id}`, { name: "Hijacked" })).status).toBe(404);
    expect((await other.api.post(`/api/v1/mailboxes/${mine.body.id}/test`)).status).toBe(404);
    expect((await other.api.delete(`/api/v1/mailboxes/${mine.body.id}`)).status).toBe(404);
    expect((await other.api.get(`/api/v1/mailboxes/quarantine/${quarantined.emailId}/raw`)).status).toBe(404);
    expect((await other.api.post(`/api/v1/mailboxes/quarantine/${quarantined.emailId}/reprocess`)).status).toBe(404);
    expect((await ws.api.get<MailboxBody>(`/api/v1/mailboxes/${mine.body.id}`)).body.name).toBe("Private");
  });
});
