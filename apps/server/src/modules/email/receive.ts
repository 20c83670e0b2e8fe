import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import type { Executor } from "../../platform/db/client.ts";
import { formatBytes, type FileStore } from "../../platform/files.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { transactionWithLaterNotices } from "../../platform/events.ts";
import { storeReceivedAttachment } from "../attachments/service.ts";
import { storeInboundMessage } from "../conversations/service.ts";
import type { AttachmentMeta } from "../conversations/schema.ts";
import type { Mailbox } from "./mailboxes.ts";
import { rewriteCidImages } from "./email-html.ts";
import type { ParsedMail } from "mailparser";
import { contentMessageId, parseEmail, stripBrackets, type EmailPart, type ParsedEmail } from "./parse.ts";
import { emailMessages } from "./schema.ts";
import { findThread } from "./threading.ts";
import { handleBounce, type BounceOutcome } from "./bounces.ts";
import { acknowledgeEmail } from "./outbound.ts";
import { takeCustomerEmail } from "../bot/email.ts";

export { stripBrackets };

/** What the channel adapters (SMTP listener, IMAP poller) need to hand mail in. */
export interface EmailDeps {
  db: Executor;
  files: FileStore;
  /** The largest attachment kept (config.attachmentLimitBytes); a larger one is listed on the message as rejected. */
  attachmentLimitBytes?: number | undefined;
}

export interface IncomingEmail {
  mailbox: Mailbox;
  raw: Buffer;
  /** Runs inside the transaction that stores the mail (the IMAP poller moves its last UID here). */
  within?: ((tx: Executor) => Promise<void>) | undefined;
  /** SMTP's MAIL FROM, when known; an empty one (`<>`) is a bounce or an automatic reply. */
  envelopeSender?: string | undefined;
  /** SMTP's RCPT TO addresses, when known: a `+c1042` tag there threads as well as one in To. */
  envelopeRecipients?: string[] | undefined;
}

export type ReceiveOutcome =
  | { outcome: "stored"; emailId: string; conversationId: string; messageId: string; automated?: boolean; threadedVia?: "headers" | "subject" | "plus_address" }
  | { outcome: "duplicate"; emailId: string; conversationId: string | null }
  | { outcome: "quarantined"; emailId: string; error: string }
  | BounceOutcome;

const DEFAULT_ATTACHMENT_LIMIT = 25 * 1024 * 1024;
/** More parts than any person attaches; past it the mail is a flood, and the rest are listed as rejected. */
const MAX_ATTACHMENTS = 100;
// Programs and scripts a double-click would run on the agent's machine; listed, never kept.
const DANGEROUS = /\.(exe|scr|pif|com|bat|cmd|msi|msp|vbs|vbe|js|jse|wsf|wsh|hta|ps1|jar|lnk|reg|cpl|dll)$/i;
const DANGEROUS_TYPES = new Set(["application/x-msdownload", "application/x-msdos-program", "application/x-ms-installer", "application/hta"]);

/** The Message-ID, or for mail without one a stable id made from its content, so a redelivery still matches. */
export function messageIdOf(parsed: ParsedMail, raw: Buffer): string {
  return parsed.messageId ? stripBrackets(parsed.messageId) : contentMessageId(raw);
}

/**
 * Takes one raw email for a mailbox: keeps its source, stores it once (a redelivery with the same Message-ID
 * is a no-op), threads it into its conversation or opens one, all in one transaction. Mail that cannot be
 * understood is quarantined with its source, never dropped, and never blocks the mail behind it.
 */
export async function receiveEmail(deps: EmailDeps, input: IncomingEmail): Promise<ReceiveOutcome> {
  const { mailbox, raw } = input;
  const workspaceId = mailbox.workspaceId;
  const file = await deps.files.save(workspaceId, Readable.from([raw]), Number.MAX_SAFE_INTEGER);
  let mail: ParsedEmail;
  try {
    mail = await parseEmail(raw, input.envelopeSender);
  } catch (error) {
    return quarantine(deps, input, file.key, `sha256-${file.sha256}@rapport.invalid`, (error as Error).message);
  }
  if (!mail.from) return quarantine(deps, input, file.key, mail.messageId, "The message has no sender address.");
  const sender = mail.from;

  const savedKeys: string[] = [];
  try {
    const result = await transactionWithLaterNotices(deps.db, async (tx): Promise<ReceiveOutcome> => {
      const [existing] = await tx
        .select({ id: emailMessages.id, conversationId: emailMessages.conversationId })
        .from(emailMessages)
        .where(inWorkspace(emailMessages, workspaceId, eq(emailMessages.direction, "inbound"), eq(emailMessages.messageIdHeader, mail.messageId)));
      if (existing) {
        await input.within?.(tx);
        return { outcome: "duplicate", emailId: existing.id, conversationId: existing.conversationId };
      }
      const bounce = await handleBounce(tx, { mailbox, mail, rawKey: file.key, envelopeSender: input.envelopeSender });
      if (bounce) {
        await input.within?.(tx);
        return bounce;
      }
      const thread = await findThread(tx, workspaceId, {
        sender: sender.address,
        inReplyTo: mail.inReplyTo,
        references: mail.references,
        subject: mail.subject,
        recipients: [...mail.recipients, ...(input.envelopeRecipients ?? [])],
        mailboxAddress: mailbox.address,
        authFailed: mail.authVerdict === "fail",
      });
      const stored = await storeParts(tx, deps, workspaceId, mail.attachments, savedKeys);
      const html = mail.html === null ? null : rewriteCidImages(mail.html, stored.inlineUrls);
      // Images drawn in the body are there already; listing them again would only repeat them.
      const listed = stored.metas.filter((meta) => !(html ?? "").includes(`/api/v1/attachments/${meta.id}?`));
      const receipt = await storeInboundMessage(
        tx,
        workspaceId,
        {
          channel: "email",
          redeliveryChecked: true,
          customer: { email: sender.address, name: sender.name },
          subject: mail.subject,
          conversationId: thread?.conversationId,
          message: {
            // A message needs some text; mail with only a subject (or only pictures) shows its subject.
            text: mail.text || (html === null && listed.length === 0 ? mail.subject || "(no text)" : mail.text) || undefined,
            html: html ?? undefined,
            attachments: listed,
            externalId: `email:${mail.messageId}`,
          },
        },
        { type: "system", id: null },
      );
      const [email] = await tx
        .insert(emailMessages)
        .values({
          workspaceId,
          mailboxId: mailbox.id,
          direction: "inbound",
          messageIdHeader: mail.messageId,
          inReplyTo: mail.inReplyTo ?? null,
          references: mail.references,
          conversationId: receipt.conversationId,
          messageId: receipt.message.id,
          fromAddress: sender.address,
          toAddresses: mail.recipients,
          replyTo: mail.replyTo,
          subject: mail.subject,
          rawKey: file.key,
          state: "received",
          authVerdict: mail.authVerdict,
          automated: mail.automated,
        })
        .returning({ id: emailMessages.id });
      const newConversation = !thread && receipt.created;
      await acknowledgeEmail(tx, { mailbox, mail, emailId: email!.id, conversationId: receipt.conversationId, newConversation });
      await takeCustomerEmail(tx, workspaceId, { conversationId: receipt.conversationId, messageId: receipt.message.id, sender: sender.address, newConversation, mail });
      await input.within?.(tx);
      return {
        outcome: "stored",
        emailId: email!.id,
        conversationId: receipt.conversationId,
        messageId: receipt.message.id,
        automated: mail.automated,
        ...(thread ? { threadedVia: thread.via } : {}),
      };
    });
    // A duplicate's source was kept the first time.
    if (result.outcome === "duplicate") await deps.files.remove(file.key);
    return result;
  } catch (error) {
    // Rolled back: the rows are gone, so are the files they would have named.
    await Promise.all(savedKeys.map((key) => deps.files.remove(key)));
    // A message this code cannot store is kept aside for an admin rather than retried forever, which would
    // block the mailbox behind it. When the database itself is down the quarantine fails too, and the error
    // goes up so the sender (or the poller) tries again later.
    return quarantine(deps, input, file.key, mail.messageId, `Could not be stored: ${(error as Error).message}`);
  }
}

/** Why a part is not kept, or undefined to keep it. */
function rejection(part: EmailPart, index: number, limit: number): string | undefined {
  if (index >= MAX_ATTACHMENTS) return `More than ${MAX_ATTACHMENTS} attachments in one message.`;
  if (part.content.length > limit) return `Larger than the ${formatBytes(limit)} an attachment may be.`;
  if (DANGEROUS.test(part.filename) || DANGEROUS_TYPES.has(part.contentType)) return "A program or script, which could run on the computer that opens it.";
  return undefined;
}

async function storeParts(tx: Executor, deps: EmailDeps, workspaceId: string, parts: EmailPart[], savedKeys: string[]) {
  const limit = deps.attachmentLimitBytes ?? DEFAULT_ATTACHMENT_LIMIT;
  const metas: AttachmentMeta[] = [];
  const inlineUrls = new Map<string, string>();
  for (const [index, part] of parts.entries()) {
    const rejected = rejection(part, index, limit);
    if (rejected) {
      metas.push({ id: `rejected-${index + 1}`, filename: part.filename.slice(0, 255), contentType: part.contentType.slice(0, 255), size: part.content.length, rejected });
      continue;
    }
    const attachment = await storeReceivedAttachment(tx, deps.files, workspaceId, { filename: part.filename, contentType: part.contentType, content: part.content, limit });
    savedKeys.push(attachment.storageKey);
    metas.push({ id: attachment.id, filename: attachment.filename, contentType: attachment.contentType, size: attachment.size });
    if (part.contentId) inlineUrls.set(part.contentId, `/api/v1/attachments/${attachment.id}?disposition=inline`);
  }
  return { metas, inlineUrls };
}

async function quarantine(deps: EmailDeps, input: IncomingEmail, rawKey: string, messageIdHeader: string, error: string): Promise<ReceiveOutcome> {
  const workspaceId = input.mailbox.workspaceId;
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(emailMessages)
      .values({ workspaceId, mailboxId: input.mailbox.id, direction: "inbound", messageIdHeader, rawKey, state: "quarantined", error })
      .onConflictDoNothing()
      .returning({ id: emailMessages.id });
    await input.within?.(tx);
    const id =
      row?.id ??
      (await tx
        .select({ id: emailMessages.id })
        .from(emailMessages)
        .where(inWorkspace(emailMessages, workspaceId, eq(emailMessages.direction, "inbound"), eq(emailMessages.messageIdHeader, messageIdHeader))))[0]!.id;
    return { outcome: "quarantined", emailId: id, error };
  });
}
