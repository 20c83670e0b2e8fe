import { and, eq, sql } from "drizzle-orm";
import type { ImapFlow } from "imapflow";
import type { Executor } from "../../platform/db/client.ts";
import type { SecretBox } from "../../platform/crypto.ts";
import type { Mailbox } from "./mailboxes.ts";
import { mailboxes } from "./schema.ts";

/** Where and as whom to log in; the password in the clear, only ever in memory. */
export interface ImapSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
}

export type ImapTestResult = { ok: true; folders: string[] } | { ok: false; error: string };

const CONNECT_TIMEOUT_MS = 15_000;

/** An ImapFlow client for these settings; it logs nothing itself, since its debug output carries mail. */
export async function imapClient(settings: ImapSettings): Promise<ImapFlow> {
  const { ImapFlow } = await import("imapflow");
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.user, pass: settings.password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: CONNECT_TIMEOUT_MS,
    greetingTimeout: CONNECT_TIMEOUT_MS,
    clientInfo: { name: "Rapport" },
  });
  // Without a listener a dropped socket would be an uncaught error; the caller learns of it from the command that fails.
  client.on("error", () => {});
  return client;
}

/** Readable for an admin: the server's own words where it gave them, never a stack. */
export function describeImapError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const details = error as Error & { responseText?: string; authenticationFailed?: boolean; code?: string };
  if (details.authenticationFailed) return "The IMAP server refused the user name or password.";
  return (details.responseText || details.message || details.code || "IMAP error").slice(0, 1_000);
}

/** Logs in and lists the folders, for the admin's "test connection"; an expected failure is a result, not an exception. */
export async function testImapConnection(settings: ImapSettings): Promise<ImapTestResult> {
  const client = await imapClient(settings);
  try {
    await client.connect();
    const folders = (await client.list()).map((folder) => folder.path);
    await client.logout();
    return { ok: true, folders };
  } catch (error) {
    client.close();
    return { ok: false, error: describeImapError(error) };
  }
}

/** The mailbox's login settings with its password opened; undefined when they are incomplete. */
export function imapSettingsOf(mailbox: Mailbox, secrets: SecretBox): ImapSettings | undefined {
  if (!mailbox.imapHost || !mailbox.imapUser || !mailbox.imapPasswordEncrypted) return undefined;
  return {
    host: mailbox.imapHost,
    port: mailbox.imapPort ?? (mailbox.imapSecure ? 993 : 143),
    secure: mailbox.imapSecure,
    user: mailbox.imapUser,
    password: secrets.open(mailbox.imapPasswordEncrypted),
  };
}

/** Every IMAP mailbox on the server, of every workspace: the poller's work list. */
export function listImapMailboxes(db: Executor): Promise<Mailbox[]> {
  return db.select().from(mailboxes).where(eq(mailboxes.kind, "imap"));
}

export async function findImapMailbox(db: Executor, mailboxId: string): Promise<Mailbox | undefined> {
  const [mailbox] = await db.select().from(mailboxes).where(and(eq(mailboxes.id, mailboxId), eq(mailboxes.kind, "imap")));
  return mailbox;
}

export class ImapPositionMoved extends Error {
  override name = "ImapPositionMoved";
}

/**
 * Moves the mailbox's fetch position to `uid`, in the transaction that stores that message. It moves only from
 * where this fetch started: should another process have stored the message meanwhile, the update finds nothing,
 * and throwing rolls this copy back.
 */
export async function advanceImapPosition(
  tx: Executor,
  mailboxId: string,
  from: { uidValidity: number | null; lastUid: number },
  to: { uidValidity: number; lastUid: number },
): Promise<void> {
  const moved = await tx
    .update(mailboxes)
    .set({ imapUidValidity: to.uidValidity, imapLastUid: to.lastUid })
    .where(
      and(
        eq(mailboxes.id, mailboxId),
        eq(mailboxes.imapLastUid, from.lastUid),
        from.uidValidity === null ? sql`${mailboxes.imapUidValidity} IS NULL` : eq(mailboxes.imapUidValidity, from.uidValidity),
      ),
    )
    .returning({ id: mailboxes.id });
  if (moved.length === 0) throw new ImapPositionMoved(`The fetch position of mailbox ${mailboxId} moved under this fetch.`);
}

/** A fetch went through: the admin's status shows when, and the last error is behind us. */
export async function recordImapFetch(db: Executor, mailboxId: string): Promise<void> {
  await db.update(mailboxes).set({ lastFetchAt: new Date(), lastError: null }).where(eq(mailboxes.id, mailboxId));
}

export async function recordImapError(db: Executor, mailboxId: string, error: string): Promise<void> {
  await db.update(mailboxes).set({ lastError: error, lastErrorAt: new Date() }).where(eq(mailboxes.id, mailboxId));
}
