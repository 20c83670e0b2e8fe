import { randomBytes } from "node:crypto";
import { once } from "node:events";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import nodemailer from "nodemailer";
import { afterAll, describe, expect, it } from "vitest";
import { ApiClient, TEST_PASSWORD, testDatabaseUrl } from "../../testing/harness.ts";
import { acceptsConnections, freePort, killServerProcesses, startServerProcess } from "../../testing/process.ts";
import { openDatabase } from "../../platform/db/client.ts";
import { runMigrations } from "../../platform/db/migrate.ts";
import { scopesForRole } from "../../platform/auth/policy.ts";
import { createApiToken, createWorkspace } from "../workspaces/service.ts";
import { createMailbox } from "./mailboxes.ts";

const tempDirs: string[] = [];

afterAll(async () => {
  killServerProcesses();
  await Promise.all(tempDirs.map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

/** A workspace with a mailbox and an API token, written straight to the database before the server opens it. */
async function prepare(database: { databaseUrl?: string; dataDir?: string }): Promise<{ token: string; address: string }> {
  const opened = await openDatabase({ databaseUrl: database.databaseUrl, dataDir: database.dataDir && path.join(database.dataDir, "pglite"), poolSize: 2 });
  try {
    await runMigrations(opened);
    const { workspace, owner } = await createWorkspace(opened.db, { name: "Durable mail", owner: { email: `mail-${randomBytes(4).toString("hex")}@example.test`, name: "Dana", password: TEST_PASSWORD } });
    const actor = { via: "session" as const, workspaceId: workspace.id, userId: owner.id, role: "owner" as const, scopes: scopesForRole("owner") };
    const { token } = await createApiToken({ db: opened.db, actor }, { name: "burst", scopes: ["conversations:read"] });
    const mailbox = await createMailbox({ db: opened.db, actor }, { name: "Support", address: `support-${workspace.slug}@durable.example` });
    return { token, address: mailbox.address };
  } finally {
    await opened.close();
  }
}

const MESSAGES = 1_000;
const CONNECTIONS = 6;
const KILL_AFTER_ACKNOWLEDGED = 300;

describe("SMTP delivery durability", () => {
  it("kill -9 during an SMTP burst: after the senders retry, every message is stored exactly once", { timeout: 300_000 }, async () => {
    const databaseUrl = testDatabaseUrl();
    let database: { databaseUrl?: string; dataDir?: string };
    let env: Record<string, string>;
    if (databaseUrl) {
      database = { databaseUrl };
      env = { DATABASE_URL: databaseUrl };
    } else {
      const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "rapport-smtp-durability-"));
      tempDirs.push(dataDir);
      database = { dataDir };
      env = { RAPPORT_DATA_DIR: dataDir };
    }
    const { token, address } = await prepare(database);
    const [httpPort, smtpPort] = [await freePort(), await freePort()];
    Object.assign(env, { RAPPORT_SMTP_PORT: String(smtpPort), RAPPORT_SMTP_HOST: "127.0.0.1", RAPPORT_MAIL_DOMAIN: "mail.durable.test" });

    const mail = (i: number) => ({
      from: "burst@example.net",
      to: address,
      subject: "Re: Burst",
      text: `Burst message ${i}`,
      messageId: `<burst-${i}@example.net>`,
      inReplyTo: "<opening@example.net>",
      references: ["<opening@example.net>"],
    });
    // One connection per sender, kept open across its messages, as an MTA's delivery agent does.
    const sender = () => nodemailer.createTransport({ host: "127.0.0.1", port: smtpPort, secure: false, pool: true, maxConnections: 1, maxMessages: Infinity });

    const start = () => startServerProcess({ env, port: httpPort, ready: () => acceptsConnections(smtpPort) });
    const first = await start();
    const opening = sender();
    await opening.sendMail({ from: "burst@example.net", to: address, subject: "Burst", text: "Opening message", messageId: "<opening@example.net>" });
    opening.close();

    const acknowledged = new Set<number>();
    const refused: string[] = [];
    let next = 0;
    let killed = false;
    const send = async (): Promise<void> => {
      const transport = sender();
      try {
        while (!killed && next < MESSAGES) {
          const i = next++;
          try {
            const info = await transport.sendMail(mail(i));
            if (!info.response.startsWith("250")) throw new Error(info.response);
            acknowledged.add(i);
          } catch (error) {
            // A reply from the server is a refusal; a dropped connection is the kill, and the message was never acknowledged.
            const code = (error as { responseCode?: number }).responseCode;
            if (code) refused.push(`${i}: ${(error as Error).message}`);
            return;
          }
          if (acknowledged.size === KILL_AFTER_ACKNOWLEDGED && !killed) {
            killed = true;
            first.child.kill("SIGKILL");
          }
        }
      } finally {
        transport.close();
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, send));
    expect(refused).toEqual([]);
    expect(killed).toBe(true);
    if (first.child.signalCode === null) await once(first.child, "exit");
    expect(first.child.signalCode).toBe("SIGKILL");
    const acknowledgedBeforeKill = acknowledged.size;
    const cutOff = next - acknowledgedBeforeKill;

    const second = await start();
    try {
      // The senders' queues: everything not answered 250, including what was in flight at the kill and never sent.
      const queue = Array.from({ length: MESSAGES }, (_, i) => i).filter((i) => !acknowledged.has(i));
      const retry = async () => {
        const transport = sender();
        try {
          for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
            const info = await transport.sendMail(mail(i));
            expect(info.response).toMatch(/^250 /);
            acknowledged.add(i);
          }
        } finally {
          transport.close();
        }
      };
      await Promise.all(Array.from({ length: CONNECTIONS }, retry));
      expect(acknowledged.size).toBe(MESSAGES);

      const api = new ApiClient(second.url, { token });
      const list = await api.get<{ items: { id: string }[] }>("/api/v1/conversations?limit=10");
      expect(list.status).toBe(200);
      // Every burst message answers the opening one, so all of them thread into its conversation.
      expect(list.body.items).toHaveLength(1);
      const conversation = list.body.items[0]!;
      const texts: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
        const page = await api.get<{ items: { text: string }[]; nextCursor: string | null }>(`/api/v1/conversations/${conversation.id}/messages?limit=100${query}`);
        expect(page.status).toBe(200);
        texts.push(...page.body.items.map((message) => message.text.trim()));
        cursor = page.body.nextCursor;
      } while (cursor);
      const copies = new Map<string, number>();
      for (const text of texts) copies.set(text, (copies.get(text) ?? 0) + 1);
      const expected = ["Opening message", ...Array.from({ length: MESSAGES }, (_, i) => `Burst message ${i}`)];
      const lost = expected.filter((text) => !copies.has(text));
      const duplicated = [...copies].filter(([, count]) => count > 1).map(([text]) => text);
      expect({ lost, duplicated, stored: texts.length }).toEqual({ lost: [], duplicated: [], stored: MESSAGES + 1 });
      // The counter moves in the same transaction as the insert: a crash cannot leave them apart.
      const counted = await api.get<{ messageCount: number }>(`/api/v1/conversations/${conversation.id}`);
      expect(counted.body.messageCount).toBe(MESSAGES + 1);
      console.log(`SMTP kill -9: ${acknowledgedBeforeKill} acknowledged before the kill, ${cutOff} cut off in flight, ${MESSAGES - acknowledgedBeforeKill} sent or retried after the restart; ${texts.length - 1} of ${MESSAGES} stored, 0 lost, 0 duplicated`);
    } finally {
      await second.stop();
    }
  });
});
