import { asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import { uuidv7 } from "uuidv7";
import type { Executor } from "../../platform/db/client.ts";
import type { FileStore } from "../../platform/files.ts";
import { enqueueJob } from "../../platform/jobs/index.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { attachments } from "../attachments/schema.ts";
import { changeDelivery, getConversationById, getMessageById, type Conversation, type Message } from "../conversations/service.ts";
import { awayVisitorEmail } from "../widget/service.ts";
import type { Mailbox } from "./mailboxes.ts";
import type { ParsedEmail } from "./parse.ts";
import { emailAutoReplies, emailMessages, mailboxes } from "./schema.ts";
import { sendEmailJob } from "./jobs.ts";
import { conversationTag, subjectToken } from "./threading.ts";

export interface OutboundSettings {
  /** The right-hand side of the Message-IDs Rapport writes. */
  domain: string;
  /** smtp(s)://user:password@host:port; without it mail waits in the queue. */
  relayUrl: string | undefined;
  /** Where the files attached to replies are read from. */
  files: FileStore | undefined;
}

let settings: OutboundSettings = { domain: "localhost", relayUrl: undefined, files: undefined };

/**
 * Set at boot from the configuration. Replies are queued from inside the conversations service, which is handed
 * a database and an actor but no configuration, so the email module keeps what it needs here.
 */
export function configureOutboundMail(next: OutboundSettings): void {
  settings = { ...next };
}

type EmailRow = typeof emailMessages.$inferSelect;

/** How many Message-IDs a References header carries: the thread's start and its latest mail are what matter. */
const REFERENCES_LIMIT = 20;
/** Without a relay, mail stays queued and is looked at again this often. */
const NO_RELAY_RETRY_MS = 5 * 60_000;

const bracket = (id: string) => `<${id}>`;

/** "Re: <subject> [#42]", without piling up prefixes or tokens on a long thread. */
export function replySubject(subject: string, conversationNumber: number): string {
  const token = subjectToken(conversationNumber);
  const bare = subject.replace(/^(\s*(re|aw|sv|fwd?)\s*:\s*)+/i, "").replace(token, "").trim();
  return `Re: ${bare ? `${bare} ` : ""}${token}`;
}

/** The customer mail a reply answers: the latest one that came from a person, through a mailbox. */
async function lastInboundEmail(db: Executor, workspaceId: string, conversationId: string): Promise<EmailRow | undefined> {
  const [row] = await db
    .select()
    .from(emailMessages)
    .where(inWorkspace(emailMessages, workspaceId, eq(emailMessages.conversationId, conversationId), eq(emailMessages.direction, "inbound"), isNotNull(emailMessages.messageId), isNotNull(emailMessages.mailboxId)))
    .orderBy(asc(emailMessages.automated), desc(emailMessages.createdAt))
    .limit(1);
  return row;
}

interface QueuedEmail {
  workspaceId: string;
  mailboxId: string;
  conversationId: string;
  /** The conversation message this email carries; null for Rapport's own automatic mail. */
  messageId: string | null;
  from: string;
  to: string[];
  subject: string;
  /** The customer's mail it answers; null for a chat's reply, which answers no mail. */
  parent: EmailRow | null;
  automated: boolean;
}

/** Writes the outbound row and its send job in the caller's transaction: the mail exists exactly when the change does. */
async function queueEmail(tx: Executor, input: QueuedEmail): Promise<string> {
  const references = input.parent ? [...new Set([...input.parent.references, input.parent.messageIdHeader])] : [];
  const [row] = await tx
    .insert(emailMessages)
    .values({
      workspaceId: input.workspaceId,
      mailboxId: input.mailboxId,
      direction: "outbound",
      messageIdHeader: `${uuidv7()}@${settings.domain}`,
      inReplyTo: input.parent?.messageIdHeader ?? null,
      // The first and the latest: enough for any client to find the thread.
      references: references.length > REFERENCES_LIMIT ? [references[0]!, ...references.slice(-(REFERENCES_LIMIT - 1))] : references,
      conversationId: input.conversationId,
      messageId: input.messageId,
      fromAddress: input.from,
      toAddresses: input.to,
      subject: input.subject,
      state: "queued",
      automated: input.automated,
    })
    .returning({ id: emailMessages.id });
  await enqueueJob(tx, input.workspaceId, sendEmailJob, { emailId: row!.id });
  return row!.id;
}

/**
 * Where a person's answer goes: the Reply-To the sender asked for, else From (RFC 5322 3.6.2). An address of the
 * mailbox itself is left out, or the reply would arrive back as the customer's mail.
 */
function replyRecipients(parent: EmailRow, mailboxAddress: string, fallback: string | null): string[] {
  const asked = parent.replyTo.filter((address) => address.replace(/\+[^@]*@/, "@") !== mailboxAddress);
  if (asked.length > 0) return asked;
  const from = parent.fromAddress ?? fallback;
  return from ? [from] : [];
}

/**
 * Queues an agent's reply as an email when its conversation came in by email, answering the customer's latest
 * mail through the mailbox it reached. Returns false for any other conversation.
 */
export async function queueEmailReply(tx: Executor, workspaceId: string, message: Message): Promise<boolean> {
  const conversation = await getConversationById(tx, workspaceId, message.conversationId);
  if (conversation.channel === "chat") return queueChatReplyEmail(tx, conversation, message);
  if (conversation.channel !== "email") return false;
  const parent = await lastInboundEmail(tx, workspaceId, conversation.id);
  if (!parent?.mailboxId) return false;
  const [mailbox] = await tx.select({ address: mailboxes.address }).from(mailboxes).where(inWorkspace(mailboxes, workspaceId, eq(mailboxes.id, parent.mailboxId)));
  if (!mailbox) return false;
  // The bot's reply is automatic mail: marked so (RFC 3834) and sent to the sender itself, never to a Reply-To.
  const automated = message.authorType === "bot";
  const to = automated ? (parent.fromAddress ? [parent.fromAddress] : []) : replyRecipients(parent, mailbox.address, conversation.customer.email);
  if (to.length === 0) return false;
  await queueEmail(tx, {
    workspaceId,
    mailboxId: parent.mailboxId,
    conversationId: conversation.id,
    messageId: message.id,
    from: mailbox.address,
    to,
    subject: replySubject(conversation.subject, conversation.number),
    parent,
    automated,
  });
  return true;
}

/**
 * A chat's reply also goes by email when the visitor left an address (no one could chat) and is no longer on the
 * page, from the workspace's first mailbox; its Reply-To carries the conversation's number, so their answer joins
 * the chat. Without an address or a mailbox, the reply waits in the chat for their return.
 */
async function queueChatReplyEmail(tx: Executor, conversation: Conversation, message: Message): Promise<boolean> {
  const { workspaceId } = conversation;
  const to = await awayVisitorEmail(tx, workspaceId, conversation.customer.id);
  if (!to) return false;
  const [mailbox] = await tx.select({ id: mailboxes.id, address: mailboxes.address }).from(mailboxes).where(inWorkspace(mailboxes, workspaceId)).orderBy(asc(mailboxes.createdAt)).limit(1);
  if (!mailbox) return false;
  await queueEmail(tx, {
    workspaceId,
    mailboxId: mailbox.id,
    conversationId: conversation.id,
    messageId: message.id,
    from: mailbox.address,
    to: [to],
    subject: replySubject(conversation.subject, conversation.number),
    parent: null,
    automated: false,
  });
  return true;
}

/** Mail sent with an empty return path (`<>`) is a notification; answering it is how loops start. */
export const hasNullSender = (mail: ParsedEmail, envelopeSender?: string) => {
  const returnPath = mail.headers.get("return-path")?.[0] ?? envelopeSender;
  return returnPath !== undefined && returnPath.replace(/[<>\s]/g, "") === "";
};

/** A delivery status notification: multipart/report with report-type=delivery-status (RFC 3464). */
export function isDeliveryReport(mail: ParsedEmail): boolean {
  const contentType = (mail.headers.get("content-type")?.[0] ?? "").toLowerCase();
  return /^\s*multipart\/report\s*;/.test(contentType) && /report-type\s*=\s*"?delivery-status"?/.test(contentType);
}

/**
 * Sends the mailbox's acknowledgement for a new conversation, with its reference, if the mailbox asks for one
 * and the mail may be answered at all: never to automated mail or a null sender, and at most once per sender,
 * conversation and day — the claimed row is the right to send, so two systems answering each other stop.
 */
export async function acknowledgeEmail(
  tx: Executor,
  input: { mailbox: Mailbox; mail: ParsedEmail; emailId: string; conversationId: string; newConversation: boolean },
): Promise<boolean> {
  const { mailbox, mail } = input;
  const workspaceId = mailbox.workspaceId;
  if (mail.automated) return false;
  // A report that named none of our mail still came from a machine.
  if (isDeliveryReport(mail)) {
    await tx.update(emailMessages).set({ automated: true }).where(inWorkspace(emailMessages, workspaceId, eq(emailMessages.id, input.emailId)));
    return false;
  }
  if (!mailbox.autoAcknowledge || !input.newConversation) return false;
  const [email] = await tx.select().from(emailMessages).where(inWorkspace(emailMessages, workspaceId, eq(emailMessages.id, input.emailId)));
  if (!email?.fromAddress || email.automated) return false;
  const [claimed] = await tx
    .insert(emailAutoReplies)
    .values({ workspaceId, conversationId: input.conversationId, recipient: email.fromAddress, day: new Date().toISOString().slice(0, 10) })
    .onConflictDoNothing()
    .returning({ recipient: emailAutoReplies.recipient });
  if (!claimed) return false;
  const conversation = await getConversationById(tx, workspaceId, input.conversationId);
  await queueEmail(tx, {
    workspaceId,
    mailboxId: mailbox.id,
    conversationId: conversation.id,
    messageId: null,
    from: mailbox.address,
    // Automatic mail goes to the sender itself, never to a Reply-To (RFC 3834), so it cannot be aimed at someone else.
    to: [email.fromAddress],
    subject: replySubject(conversation.subject, conversation.number),
    parent: email,
    automated: true,
  });
  return true;
}

// ---------------------------------------------------------------------------
// Sending

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const textToHtml = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, "<br>")}</p>`)
    .join("\n");

interface Part {
  text: string;
  html: string;
}

function signaturePart(signature: string): Part | undefined {
  const trimmed = signature.trim();
  if (!trimmed) return undefined;
  // "-- " on its own line is the delimiter mail clients know to fold away.
  return { text: `-- \n${trimmed}`, html: `<div class="rapport-signature">-- <br>${escapeHtml(trimmed).replace(/\n/g, "<br>")}</div>` };
}

function quotedPart(history: { from: string; at: Date; text: string }): Part {
  const intro = `On ${history.at.toUTCString()}, ${history.from} wrote:`;
  const lines = history.text.trimEnd().split(/\r?\n/);
  return {
    text: `${intro}\n${lines.map((line) => (line ? `> ${line}` : ">")).join("\n")}`,
    html: `<div class="rapport-quote"><p>${escapeHtml(intro)}</p><blockquote type="cite" style="margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex">${textToHtml(history.text)}</blockquote></div>`,
  };
}

const acknowledgementText = (number: number) =>
  `Thank you for writing. We have received your message and opened request #${number}; we will answer you as soon as we can.\n\n` +
  `To add to it, reply to this email and keep ${subjectToken(number)} in the subject.`;

/** The mailbox's address tagged with the conversation (`help+c42@…`), so an answer threads even if its client drops every header. */
function taggedAddress(mailboxAddress: string, conversationNumber: number): string {
  const at = mailboxAddress.lastIndexOf("@");
  return `${mailboxAddress.slice(0, at)}+${conversationTag(conversationNumber)}${mailboxAddress.slice(at)}`;
}

/** A file attached to a reply, to be read from the file store as the mail is sent. */
export interface OutgoingAttachment {
  filename: string;
  contentType: string;
  storageKey: string;
}

export interface ComposedEmail {
  from: { name: string; address: string };
  replyTo: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  inReplyTo: string | undefined;
  references: string[];
  headers: Record<string, string>;
  attachments: OutgoingAttachment[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The stored files a reply lists, in its order. Ids come from the client, so only what the workspace's own
 * attachments table holds is sent; a listed file that was never kept (`rejected`) has nothing to send.
 */
async function attachmentsOf(db: Executor, message: Message): Promise<OutgoingAttachment[]> {
  const ids = message.attachments.filter((meta) => !meta.rejected && UUID.test(meta.id)).map((meta) => meta.id);
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: attachments.id, filename: attachments.filename, contentType: attachments.contentType, storageKey: attachments.storageKey })
    .from(attachments)
    .where(inWorkspace(attachments, message.workspaceId, inArray(attachments.id, ids)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return [...new Set(ids)].flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ filename: row.filename, contentType: row.contentType, storageKey: row.storageKey }] : [];
  });
}

/** The email as it leaves: the body, the mailbox's signature, then the customer's mail it answers, quoted. */
export async function composeEmail(db: Executor, email: EmailRow, mailbox: Mailbox): Promise<ComposedEmail> {
  const workspaceId = email.workspaceId;
  const conversation = await getConversationById(db, workspaceId, email.conversationId!);
  let body: Part;
  let files: OutgoingAttachment[] = [];
  if (email.messageId) {
    const message = await getMessageById(db, workspaceId, email.messageId);
    if (!message) throw new Error("The reply this email carries no longer exists.");
    body = { text: message.bodyText, html: message.bodyHtml ?? textToHtml(message.bodyText) };
    files = await attachmentsOf(db, message);
  } else {
    const text = acknowledgementText(conversation.number);
    body = { text, html: textToHtml(text) };
  }
  const parts: Part[] = [body];
  const signature = signaturePart(mailbox.signature);
  if (signature) parts.push(signature);
  if (email.inReplyTo && !email.automated) {
    const [parent] = await db
      .select({ messageId: emailMessages.messageId, fromAddress: emailMessages.fromAddress })
      .from(emailMessages)
      .where(inWorkspace(emailMessages, workspaceId, eq(emailMessages.direction, "inbound"), eq(emailMessages.messageIdHeader, email.inReplyTo)));
    const quoted = parent?.messageId ? await getMessageById(db, workspaceId, parent.messageId) : undefined;
    if (quoted?.bodyText) parts.push(quotedPart({ from: parent?.fromAddress ?? "you", at: quoted.createdAt, text: quoted.bodyText }));
  }
  return {
    from: { name: mailbox.fromName || mailbox.name, address: mailbox.address },
    replyTo: taggedAddress(mailbox.address, conversation.number),
    to: email.toAddresses,
    subject: email.subject,
    text: parts.map((part) => part.text).join("\n\n"),
    html: `<!doctype html><html><body>${parts.map((part) => part.html).join("\n")}</body></html>`,
    messageId: bracket(email.messageIdHeader),
    inReplyTo: email.inReplyTo ? bracket(email.inReplyTo) : undefined,
    references: email.references.map(bracket),
    // Automatic mail says so (RFC 3834), and asks Exchange not to answer it with its own automatic replies.
    headers: email.automated ? { "Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All" } : {},
    attachments: files,
  };
}

const transports = new Map<string, Transporter>();

async function transportFor(relayUrl: string): Promise<Transporter> {
  let transport = transports.get(relayUrl);
  if (!transport) {
    const { default: nodemailer } = await import("nodemailer");
    transport = nodemailer.createTransport(relayUrl);
    transports.set(relayUrl, transport);
  }
  return transport;
}

interface SmtpError {
  message?: string;
  response?: string;
  responseCode?: number;
}

const reasonOf = (error: unknown) => {
  const smtp = error as SmtpError;
  return (smtp.response ?? smtp.message ?? String(error)).slice(0, 1_000);
};

/** The relay's 5xx is its final word; anything else (4xx, a refused connection, a timeout) may pass on a retry. */
const isPermanent = (error: unknown) => ((error as SmtpError).responseCode ?? 0) >= 500;

async function recordOutcome(db: Executor, email: EmailRow, outcome: { state: "sent" | "failed"; error?: string; attempts: number }): Promise<void> {
  await db.transaction(async (tx) => {
    const [changed] = await tx
      .update(emailMessages)
      .set({ state: outcome.state, error: outcome.error ?? null, attempts: outcome.attempts, updatedAt: new Date() })
      .where(inWorkspace(emailMessages, email.workspaceId, eq(emailMessages.id, email.id), eq(emailMessages.state, "queued")))
      .returning({ id: emailMessages.id });
    if (changed && email.messageId) await changeDelivery(tx, email.workspaceId, email.messageId, { status: outcome.state, error: outcome.error });
  });
}

export interface SendContext {
  db: Executor;
  attempt: number;
  maxAttempts: number;
  log: { warn(object: object, message: string): void };
}

/**
 * Hands one queued email to the relay. Failures the relay may get over are retried by the job; on the last
 * attempt, or when the relay refuses for good, the email and its message are marked failed with the reason.
 */
export async function sendQueuedEmail(ctx: SendContext, workspaceId: string, emailId: string): Promise<void> {
  const [email] = await ctx.db.select().from(emailMessages).where(inWorkspace(emailMessages, workspaceId, eq(emailMessages.id, emailId), eq(emailMessages.direction, "outbound")));
  // Sent or failed already: a job that runs twice sends once.
  if (!email || email.state !== "queued") return;
  if (!settings.relayUrl) {
    ctx.log.warn({ emailId }, "no SMTP relay configured (RAPPORT_SMTP_RELAY_URL); the email stays queued");
    await enqueueJob(ctx.db, workspaceId, sendEmailJob, { emailId }, { runAt: new Date(Date.now() + NO_RELAY_RETRY_MS) });
    return;
  }
  const [mailbox] = email.mailboxId ? await ctx.db.select().from(mailboxes).where(inWorkspace(mailboxes, workspaceId, eq(mailboxes.id, email.mailboxId))) : [];
  if (!mailbox) return recordOutcome(ctx.db, email, { state: "failed", error: "The mailbox it was to be sent from was removed.", attempts: ctx.attempt });
  const { attachments: files, ...composed } = await composeEmail(ctx.db, email, mailbox);
  const store = settings.files;
  if (files.length > 0 && !store) throw new Error("No file store is configured to read the reply's attachments from.");
  const parts = store
    ? files.map((file) => {
        const content = store.open(file.storageKey);
        // The send reports a read failure itself; a stream it never got to read must not crash the process with it.
        content.on("error", () => undefined);
        return { filename: file.filename, contentType: file.contentType, content };
      })
    : [];
  try {
    // The envelope sender is the mailbox, so bounces come back to it and are matched to this email.
    await (await transportFor(settings.relayUrl)).sendMail({ ...composed, attachments: parts, envelope: { from: mailbox.address, to: composed.to } });
  } catch (error) {
    const reason = reasonOf(error);
    if (isPermanent(error) || ctx.attempt >= ctx.maxAttempts) return recordOutcome(ctx.db, email, { state: "failed", error: reason, attempts: ctx.attempt });
    await ctx.db
      .update(emailMessages)
      .set({ attempts: ctx.attempt, error: reason, updatedAt: new Date() })
      .where(inWorkspace(emailMessages, workspaceId, eq(emailMessages.id, email.id)));
    throw error;
  } finally {
    for (const part of parts) part.content.destroy();
  }
  await recordOutcome(ctx.db, email, { state: "sent", attempts: ctx.attempt });
}
