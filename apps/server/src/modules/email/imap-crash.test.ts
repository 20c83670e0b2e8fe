import { randomBytes } from "node:crypto";
import { once } from "node:events";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { and, eq, like, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../../testing/harness.ts";
import { startDovecot, type Dovecot } from "../../testing/dovecot.ts";
import { killServerProcesses, startServerProcess, type ServerProcess } from "../../testing/process.ts";
import { openDatabase, type Database } from "../../platform/db/client.ts";
import { runMigrations } from "../../platform/db/migrate.ts";
import { SecretBox } from "../../platform/crypto.ts";
import { scopesForRole } from "../../platform/auth/policy.ts";
import { createWorkspace } from "../workspaces/service.ts";
import { messages } from "../conversations/schema.ts";
import { createMailbox } from "./mailboxes.ts";
import { findImapMailbox } from "./imap.ts";
import { emailMessages } from "./schema.ts";

const BACKLOG = 1_000;
const KILL_AFTER_FLAGGED = 300;

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

/** On PostgreSQL, a database of this test's own beside the suite's, so no other test's mailboxes are polled. */
async function freshDatabase(): Promise<Record<string, string>> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "rapport-imap-crash-"));
  cleanups.push(() => fs.rm(dataDir, { recursive: true, force: true }));
  const suiteUrl = testDatabaseUrl();
  if (!suiteUrl) return { RAPPORT_DATA_DIR: dataDir };
  const name = `rapport_imap_crash_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: suiteUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const client = new pg.Client({ connectionString: suiteUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  });
  const url = new URL(suiteUrl);
  url.pathname = `/${name}`;
  return { RAPPORT_DATA_DIR: dataDir, DATABASE_URL: url.toString() };
}

const openTestDatabase = (env: Record<string, string>): Promise<Database> =>
  openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: path.join(env.RAPPORT_DATA_DIR!, "pglite"), poolSize: 2 });

async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs: number, server: ServerProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (server.child.exitCode !== null) throw new Error(`The server exited while waiting for ${what}:\n${server.output()}`);
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}:\n${server.output()}`);
    await sleep(100);
  }
}

describe("IMAP crash durability", () => {
  it(`kill -9 during a ${BACKLOG}-message IMAP backlog loses nothing and stores nothing twice`, { timeout: 180_000 }, async () => {
    const dovecot: Dovecot = await startDovecot();
    cleanups.push(() => dovecot.stop());
    const ids = Array.from({ length: BACKLOG }, (_, i) => `backlog-${i}-${randomBytes(4).toString("hex")}@example.net`);
    await dovecot.append(
      "INBOX",
      ids.map((id, i) => `From: Customer ${i % 50} <customer${i % 50}@example.net>\r\nTo: help@shop.example\r\nSubject: Backlog ${i}\r\nMessage-ID: <${id}>\r\n\r\nMessage number ${i}.\r\n`),
    );

    const key = randomBytes(32);
    const env = { ...(await freshDatabase()), RAPPORT_SECRET_KEY: key.toString("base64") };
    const seeding = await openTestDatabase(env);
    await runMigrations(seeding);
    const { workspace, owner } = await createWorkspace(seeding.db, { name: "Crash", owner: { email: "owner@crash.example", name: "Owner", password: "correct horse battery staple" } });
    const ctx = { db: seeding.db, actor: { via: "session" as const, workspaceId: workspace.id, userId: owner.id, role: "owner" as const, scopes: scopesForRole("owner") } };
    const mailbox = await createMailbox(
      ctx,
      { name: "Support", address: "help@shop.example", kind: "imap", imapHost: dovecot.host, imapPort: dovecot.port, imapSecure: false, imapUser: dovecot.user.user, imapPassword: dovecot.user.password },
      new SecretBox(key),
    );
    await seeding.close();

    const flagged = async () => BACKLOG - (await dovecot.unseen("INBOX"));
    cleanups.push(async () => killServerProcesses());
    const first = await startServerProcess({ env, readyWithinMs: 60_000 });
    await waitFor(`${KILL_AFTER_FLAGGED} messages flagged`, async () => (await flagged()) >= KILL_AFTER_FLAGGED, 60_000, first);
    first.child.kill("SIGKILL");
    if (first.child.signalCode === null) await once(first.child, "exit");
    const flaggedAtKill = await flagged();
    expect(flaggedAtKill).toBeLessThan(BACKLOG);

    const second = await startServerProcess({ env, readyWithinMs: 60_000 });
    await waitFor("the whole backlog flagged", async () => (await flagged()) === BACKLOG, 90_000, second);
    const exited = once(second.child, "exit");
    second.child.kill("SIGTERM");
    await exited;

    const database = await openTestDatabase(env);
    try {
      const emails = await database.db
        .select({ messageIdHeader: emailMessages.messageIdHeader, state: emailMessages.state })
        .from(emailMessages)
        .where(and(eq(emailMessages.workspaceId, workspace.id), eq(emailMessages.direction, "inbound")));
      const [stored] = await database.db
        .select({ count: sql<number>`count(*)::int`, distinct: sql<number>`count(distinct ${messages.externalId})::int` })
        .from(messages)
        .where(and(eq(messages.workspaceId, workspace.id), like(messages.externalId, "email:%")));
      const seen = new Set(emails.map((email) => email.messageIdHeader));
      const lost = ids.filter((id) => !seen.has(id));
      console.log(`IMAP crash (${database.kind}): killed with ${flaggedAtKill}/${BACKLOG} flagged; stored ${stored!.count} messages, ${emails.length} emails, ${lost.length} lost`);
      expect(lost).toEqual([]);
      expect(emails.length).toBe(BACKLOG);
      expect(emails.every((email) => email.state === "received")).toBe(true);
      expect(stored).toEqual({ count: BACKLOG, distinct: BACKLOG });
      expect((await findImapMailbox(database.db, mailbox.id))?.imapLastUid).toBe(BACKLOG);
    } finally {
      await database.close();
    }
  });
});
