import { randomBytes } from "node:crypto";
import { asc, eq, isNotNull, or, type SQL } from "drizzle-orm";
import type { Readable } from "node:stream";
import type { Executor } from "../../platform/db/client.ts";
import { appendEvent } from "../../platform/events.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { eventActor, withDb, type ServiceContext } from "../../platform/context.ts";
import { requireRole } from "../../platform/auth/policy.ts";
import type { SecretBox } from "../../platform/crypto.ts";
import { recordAudit } from "../workspaces/service.ts";
import { Keyset, type Page } from "../../platform/pagination.ts";
import type { Config } from "../../config.ts";
import type { FileStore } from "../../platform/files.ts";
import { imapSettingsOf, testImapConnection } from "./imap.ts";
import { receiveEmail, type EmailDeps, type ReceiveOutcome } from "./receive.ts";
import { emailMessages, mailboxes } from "./schema.ts";

export type Mailbox = typeof mailboxes.$inferSelect;

/** The IMAP settings an admin may set; the password arrives in the clear and is sealed before it is stored. */
export interface ImapSettings {
  imapHost?: string | null | undefined;
  imapPort?: number | null | undefined;
  imapSecure?: boolean | undefined;
  imapUser?: string | null | undefined;
  imapPassword?: string | undefined;
  imapFolder?: string | undefined;
  imapProcessed?: Mailbox["imapProcessed"] | undefined;
  imapMoveTo?: string | null | undefined;
}

export interface NewMailbox extends ImapSettings {
  name: string;
  address: string;
  fromName?: string | undefined;
  signature?: string | undefined;
  kind?: Mailbox["kind"] | undefined;
  autoAcknowledge?: boolean | undefined;
}

export type MailboxChanges = Partial<NewMailbox>;

type StoredSettings = Partial<Omit<typeof mailboxes.$inferInsert, "id" | "workspaceId">>;

/** The columns a create or an edit writes, with the password sealed; never the password itself. */
function storedSettings(input: MailboxChanges, secrets: SecretBox | undefined): StoredSettings {
  const { imapPassword, address, name, fromName, signature, imapHost, imapUser, imapFolder, imapMoveTo, ...rest } = input;
  const trimmed = (value: string | null | undefined) => (value === undefined ? undefined : value === null ? null : value.trim() || null);
  const settings: StoredSettings = {
    ...rest,
    ...(name !== undefined && { name: name.trim() }),
    ...(address !== undefined && { address: normalizeAddress(address) }),
    ...(fromName !== undefined && { fromName: fromName.trim() }),
    ...(signature !== undefined && { signature }),
    ...(imapHost !== undefined && { imapHost: trimmed(imapHost) }),
    ...(imapUser !== undefined && { imapUser: trimmed(imapUser) }),
    ...(imapFolder !== undefined && { imapFolder: imapFolder.trim() || "INBOX" }),
    ...(imapMoveTo !== undefined && { imapMoveTo: trimmed(imapMoveTo) }),
  };
  if (imapPassword !== undefined) {
    if (!secrets) throw new Error("A secret box is needed to store an IMAP password.");
    settings.imapPasswordEncrypted = secrets.seal(imapPassword);
  }
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
}

/** An IMAP mailbox the poller could not use is refused when saved, not discovered later as an error. */
function checkComplete(mailbox: Pick<Mailbox, "kind" | "imapHost" | "imapUser" | "imapPasswordEncrypted" | "imapProcessed" | "imapMoveTo">): void {
  if (mailbox.kind !== "imap") return;
  const missing = [
    !mailbox.imapHost && "imapHost",
    !mailbox.imapUser && "imapUser",
    !mailbox.imapPasswordEncrypted && "imapPassword",
    mailbox.imapProcessed === "move" && !mailbox.imapMoveTo && "imapMoveTo",
  ].filter((field): field is string => Boolean(field));
  if (missing.length > 0) throw new AppError("invalid_request", `An IMAP mailbox needs ${missing.join(", ")}.`, { fields: missing });
}

/** What the audit log keeps of a change: the fields named, never a secret. */
function auditDetails(input: MailboxChanges): Record<string, unknown> {
  const { imapPassword, ...rest } = input;
  return imapPassword === undefined ? rest : { ...rest, imapPassword: "(changed)" };
}

export const normalizeAddress = (address: string) => address.trim().toLowerCase();

/** A support address for the workspace (admins). Its address may belong to no other workspace on this server. */
export async function createMailbox(ctx: ServiceContext, input: NewMailbox, secrets?: SecretBox): Promise<Mailbox> {
  requireRole(ctx.actor, "admin");
  const workspaceId = ctx.actor.workspaceId;
  const settings = storedSettings(input, secrets);
  checkComplete({ kind: "smtp", imapHost: null, imapUser: null, imapPasswordEncrypted: null, imapProcessed: "flag", imapMoveTo: null, ...settings });
  return ctx.db.transaction(async (tx) => {
    const [mailbox] = await tx
      .insert(mailboxes)
      .values({
        ...settings,
        workspaceId,
        name: input.name.trim(),
        address: normalizeAddress(input.address),
        forwardingToken: `in-${randomBytes(9).toString("base64url").toLowerCase().replace(/[^a-z0-9]/g, "")}`,
      })
      .onConflictDoNothing()
      .returning();
    if (!mailbox) throw new AppError("conflict", `The address ${normalizeAddress(input.address)} is already a mailbox on this server.`);
    await appendEvent(tx, { workspaceId, type: "mailbox.created", subjectType: "mailbox", subjectId: mailbox.id, actor: eventActor(ctx.actor), payload: { address: mailbox.address } });
    await recordAudit(withDb(ctx, tx), "mailbox.created", "mailbox", mailbox.id, auditDetails(input));
    return mailbox;
  });
}

export async function getMailbox(ctx: ServiceContext, mailboxId: string): Promise<Mailbox> {
  requireRole(ctx.actor, "admin");
  const [mailbox] = await ctx.db.select().from(mailboxes).where(inWorkspace(mailboxes, ctx.actor.workspaceId, eq(mailboxes.id, mailboxId)));
  if (!mailbox) throw notFound("mailbox_not_found", "The mailbox");
  return mailbox;
}

/** Changes what an admin sent; a password left out stays as it was. */
export async function updateMailbox(ctx: ServiceContext, mailboxId: string, changes: MailboxChanges, secrets?: SecretBox): Promise<Mailbox> {
  requireRole(ctx.actor, "admin");
  const workspaceId = ctx.actor.workspaceId;
  const settings = storedSettings(changes, secrets);
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(mailboxes).where(inWorkspace(mailboxes, workspaceId, eq(mailboxes.id, mailboxId))).for("update");
    if (!current) throw notFound("mailbox_not_found", "The mailbox");
    checkComplete({ ...current, ...settings });
    if (settings.address && settings.address !== current.address) {
      const [taken] = await tx.select({ id: mailboxes.id }).from(mailboxes).where(eq(mailboxes.address, settings.address));
      if (taken) throw new AppError("conflict", `The address ${settings.address} is already a mailbox on this server.`);
    }
    // Another server or folder starts its own UID sequence: what was read from the old one means nothing there.
    const source = (m: Pick<Mailbox, "imapHost" | "imapPort" | "imapUser" | "imapFolder">) => JSON.stringify([m.imapHost, m.imapPort, m.imapUser, m.imapFolder]);
    const moved = source({ ...current, ...settings }) !== source(current);
    const [mailbox] = await tx
      .update(mailboxes)
      .set({ ...settings, ...(moved && { imapUidValidity: null, imapLastUid: 0 }), updatedAt: new Date() })
      .where(inWorkspace(mailboxes, workspaceId, eq(mailboxes.id, mailboxId)))
      .returning();
    await appendEvent(tx, { workspaceId, type: "mailbox.updated", subjectType: "mailbox", subjectId: mailboxId, actor: eventActor(ctx.actor), payload: { address: mailbox!.address } });
    await recordAudit(withDb(ctx, tx), "mailbox.updated", "mailbox", mailboxId, auditDetails(changes));
    return mailbox!;
  });
}

/** Stops receiving at the address. Conversations and the mail already received stay. */
export async function deleteMailbox(ctx: ServiceContext, mailboxId: string): Promise<void> {
  requireRole(ctx.actor, "admin");
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    const [mailbox] = await tx.delete(mailboxes).where(inWorkspace(mailboxes, workspaceId, eq(mailboxes.id, mailboxId))).returning();
    if (!mailbox) throw notFound("mailbox_not_found", "The mailbox");
    await appendEvent(tx, { workspaceId, type: "mailbox.deleted", subjectType: "mailbox", subjectId: mailboxId, actor: eventActor(ctx.actor), payload: { address: mailbox.address } });
    await recordAudit(withDb(ctx, tx), "mailbox.deleted", "mailbox", mailboxId, { address: mailbox.address });
  });
}

export async function listMailboxes(ctx: ServiceContext): Promise<Mailbox[]> {
  requireRole(ctx.actor, "admin");
  return ctx.db.select().from(mailboxes).where(inWorkspace(mailboxes, ctx.actor.workspaceId)).orderBy(asc(mailboxes.createdAt));
}

/**
 * The mailbox a recipient address reaches: its own address, its forwarding address (`<token>@<mail domain>`),
 * or either with a plus tag (`help+anything@…`). Unknown recipients get none, so the SMTP listener refuses them.
 */
export async function findMailboxByRecipient(db: Executor, recipient: string, mailDomain: string): Promise<Mailbox | undefined> {
  const address = normalizeAddress(recipient);
  const at = address.lastIndexOf("@");
  if (at < 1) return undefined;
  const local = address.slice(0, at).split("+")[0]!;
  const domain = address.slice(at + 1);
  const plain = `${local}@${domain}`;
  const [mailbox] = await db
    .select()
    .from(mailboxes)
    .where(or(eq(mailboxes.address, plain), domain === mailDomain ? eq(mailboxes.forwardingToken, local) : undefined));
  return mailbox;
}

/** The plus tag of a recipient address (`help+c42@…` → `c42`), which Rapport writes into Reply-To to thread replies. */
export function plusTag(recipient: string): string | undefined {
  const local = normalizeAddress(recipient).split("@")[0] ?? "";
  const plus = local.indexOf("+");
  return plus >= 0 ? local.slice(plus + 1) : undefined;
}

// ---------------------------------------------------------------------------
// Checking a mailbox's connection

export interface ConnectionCheck {
  ok: boolean;
  /** For the app to word the answer: it connected, the listener is on or off, or it failed (message says why). */
  reason: "connected" | "listening" | "listener_off" | "failed";
  message: string;
}

/** Tries a mailbox's stored settings: IMAP by signing in; SMTP by whether the listener is on to receive its mail. */
export async function testMailboxConnection(ctx: ServiceContext, mailboxId: string, config: Config, secrets: SecretBox): Promise<ConnectionCheck> {
  const mailbox = await getMailbox(ctx, mailboxId);
  if (mailbox.kind === "smtp") {
    const forwarding = forwardingAddress(mailbox, config.email.domain);
    return config.email.smtpPort === undefined
      ? { ok: false, reason: "listener_off", message: "The SMTP listener is off: set RAPPORT_SMTP_PORT to receive mail sent or forwarded to this mailbox." }
      : { ok: true, reason: "listening", message: `The SMTP listener receives mail on port ${config.email.smtpPort}; forward ${mailbox.address} to ${forwarding}.` };
  }
  checkComplete(mailbox);
  let settings: ReturnType<typeof imapSettingsOf>;
  try {
    settings = imapSettingsOf(mailbox, secrets);
  } catch {
    return { ok: false, reason: "failed", message: "The stored password cannot be opened with this server's secret key; enter it again." };
  }
  if (!settings) return { ok: false, reason: "failed", message: "The IMAP settings are incomplete." };
  const result = await testImapConnection(settings);
  if (!result.ok) return { ok: false, reason: "failed", message: `${settings.host}:${settings.port}: ${result.error}` };
  if (!result.folders.includes(mailbox.imapFolder)) {
    return { ok: false, reason: "failed", message: `Signed in to ${settings.host}, but there is no folder ${mailbox.imapFolder}. Folders: ${result.folders.slice(0, 20).join(", ")}.` };
  }
  return { ok: true, reason: "connected", message: `Signed in to ${settings.host} and found ${mailbox.imapFolder}.` };
}

export const forwardingAddress = (mailbox: Pick<Mailbox, "forwardingToken">, mailDomain: string) => `${mailbox.forwardingToken}@${mailDomain}`;

// ---------------------------------------------------------------------------
// Quarantine: mail that could not be understood, kept with its source for an admin

export type EmailRecord = typeof emailMessages.$inferSelect;

const quarantined = (workspaceId: string, ...conditions: (SQL | undefined)[]) =>
  inWorkspace(emailMessages, workspaceId, eq(emailMessages.direction, "inbound"), eq(emailMessages.state, "quarantined"), ...conditions);

/** Quarantined mail, newest first; sender and subject read from the source's headers where receiving could not record them. */
export async function listQuarantinedEmails(ctx: ServiceContext, files: FileStore, options: { limit: number; cursor?: string | undefined }): Promise<Page<EmailRecord>> {
  requireRole(ctx.actor, "admin");
  const keyset = new Keyset(emailMessages.createdAt, emailMessages.id, "desc");
  const rows = await ctx.db
    .select()
    .from(emailMessages)
    .where(quarantined(ctx.actor.workspaceId, keyset.after(options.cursor)))
    .orderBy(...keyset.orderBy)
    .limit(options.limit + 1);
  const page = keyset.page(rows, options.limit, (row) => row.createdAt);
  const items = await Promise.all(
    page.items.map(async (email) => {
      if ((email.fromAddress && email.subject) || !email.rawKey) return email;
      const headers = await readHeaders(files, email.rawKey);
      return { ...email, fromAddress: email.fromAddress ?? headers.from ?? null, subject: email.subject || headers.subject || "" };
    }),
  );
  return { items, nextCursor: page.nextCursor };
}

/** The From and Subject of a stored source, from its first 64 KB only: quarantined mail may be huge or broken. */
async function readHeaders(files: FileStore, key: string): Promise<{ from?: string | undefined; subject?: string | undefined }> {
  try {
    const head = await readAll(files.open(key), 64 * 1024);
    const text = head.toString("latin1");
    const end = text.search(/\r?\n\r?\n/);
    const { simpleParser } = await import("mailparser");
    const parsed = await simpleParser(head.subarray(0, end >= 0 ? end : head.length));
    const from = (Array.isArray(parsed.from) ? parsed.from[0] : parsed.from)?.value[0]?.address;
    return { from: from?.toLowerCase() || undefined, subject: parsed.subject };
  } catch {
    return {};
  }
}

export async function getQuarantinedEmail(ctx: ServiceContext, emailId: string): Promise<EmailRecord & { rawKey: string }> {
  requireRole(ctx.actor, "admin");
  const [email] = await ctx.db.select().from(emailMessages).where(quarantined(ctx.actor.workspaceId, eq(emailMessages.id, emailId), isNotNull(emailMessages.rawKey)));
  if (!email?.rawKey) throw notFound("email_not_found", "The quarantined email");
  return { ...email, rawKey: email.rawKey };
}

/**
 * Runs a quarantined email through receiving again, as if it had just arrived (after a fix, say). Its
 * quarantine entry goes in the same transaction as the result, so it ends either received or quarantined
 * again with the new reason, never both and never neither.
 */
export async function reprocessQuarantinedEmail(ctx: ServiceContext, deps: Omit<EmailDeps, "db">, emailId: string): Promise<ReceiveOutcome> {
  const email = await getQuarantinedEmail(ctx, emailId);
  const workspaceId = ctx.actor.workspaceId;
  const [mailbox] = email.mailboxId ? await ctx.db.select().from(mailboxes).where(inWorkspace(mailboxes, workspaceId, eq(mailboxes.id, email.mailboxId))) : [];
  if (!mailbox) throw new AppError("conflict", "The mailbox this email came to has been deleted; download it instead.");
  const raw = await readAll(deps.files.open(email.rawKey));
  const outcome = await ctx.db.transaction(async (tx) => {
    const [taken] = await tx.delete(emailMessages).where(quarantined(workspaceId, eq(emailMessages.id, emailId))).returning({ id: emailMessages.id });
    if (!taken) throw notFound("email_not_found", "The quarantined email");
    const result = await receiveEmail({ ...deps, db: tx }, { mailbox, raw });
    await recordAudit(withDb(ctx, tx), "email.reprocessed", "email", emailId, { outcome: result.outcome, ...(result.outcome === "quarantined" && { error: result.error }) });
    return result;
  });
  // Receiving kept its own copy of the source.
  await deps.files.remove(email.rawKey);
  return outcome;
}

async function readAll(stream: Readable, limit = Number.POSITIVE_INFINITY): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(buffer);
    size += buffer.length;
    if (size >= limit) break;
  }
  stream.destroy();
  return Buffer.concat(chunks);
}
