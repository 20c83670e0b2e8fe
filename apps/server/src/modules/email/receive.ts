import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { eq, inArray } from "drizzle-orm";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import type { Executor } from "../../platform/db/client.ts";
import type { FileStore } from "../../platform/files.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { receiveMessage } from "../conversations/service.ts";
import type { Mailbox } from "./mailboxes.ts";
import { emailMessages } from "./schema.ts";

/** What the channel adapters (SMTP listener, IMAP poller) need to hand mail in. */
export interface EmailDeps {
  db: Executor;
  files: FileStore;
}

export interface IncomingEmail {
  mailbox: Mailbox;
  raw: Buffer;
  /** Runs inside the transaction that stores the mail (the IMAP poller moves its last UID here). */
  within?: ((tx: Executor) => Promise<void>) | undefined;
}

export type ReceiveOutcome =
  | { outcome: "stored"; emailId: string; conversationId: string; messageId: string }
  | { outcome: "duplicate"; emailId: string; conversationId: string | null }
  | { outcome: "quarantined"; emailId: string; error: string };

const stripBrackets = (id: string) => id.trim().replace(/^<|>$/g, "");

/** The Message-ID, or for mail without one a stable id made from its content, so a redelivery still matches. */
export function messageIdOf(parsed: ParsedMail, raw: Buffer): string {
  return parsed.messageId ? stripBrackets(parsed.messageId) : `sha256-${createHash("sha256").update(raw).digest("hex")}@rapport.invalid`;
}

const firstAddress = (field: AddressObject | AddressObject[] | undefined) => (Array.isArray(field) ? field[0] : field)?.value[0];
const allAddresses = (...fields: (AddressObject | AddressObject[] | undefined)[]) =>
  fields.flatMap((field) => (Array.isArray(field) ? field : field ? [field] : [])).flatMap((object) => object.value.map((entry) => entry.address?.toLowerCase() ?? "").filter(Boolean));

/** The conversation an email continues: one whose mail it answers (In-Reply-To, then References), in this workspace only. */
async function findThread(db: Executor, workspaceId: string, parsed: ParsedMail): Promise<string | undefined> {
  const references = [parsed.inReplyTo, ...(Array.isArray(parsed.references) ? parsed.references : parsed.references ? [parsed.references] : [])]
    .filter((value): value is string => Boolean(value))
    .map(stripBrackets);
  if (references.length === 0) return undefined;
  const rows = await db
    .select({ conversationId: emailMessages.conversationId, messageIdHeader: emailMessages.messageIdHeader })
    .from(emailMessages)
    .where(inWorkspace(emailMessages, workspaceId, inArray(emailMessages.messageIdHeader, references)));
  for (const reference of references) {
    const match = rows.find((row) => row.messageIdHeader === reference && row.conversationId);
    if (match?.conversationId) return match.conversationId;
  }
  return undefined;
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
  let parsed: ParsedMail | undefined;
  try {
    parsed = await simpleParser(raw);
  } catch (error) {
    return quarantine(deps, input, file.key, `sha256-${file.sha256}@rapport.invalid`, (error as Error).message);
  }
  const messageIdHeader = messageIdOf(parsed, raw);
  const from = firstAddress(parsed.from);
  if (!from?.address) return quarantine(deps, input, file.key, messageIdHeader, "The message has no sender address.");
  const mail = parsed;
  const sender = { address: from.address.toLowerCase(), name: from.name || undefined };

  const result = await deps.db.transaction(async (tx): Promise<ReceiveOutcome> => {
    const [existing] = await tx
      .select({ id: emailMessages.id, conversationId: emailMessages.conversationId })
      .from(emailMessages)
      .where(inWorkspace(emailMessages, workspaceId, eq(emailMessages.direction, "inbound"), eq(emailMessages.messageIdHeader, messageIdHeader)));
    if (existing) {
      await input.within?.(tx);
      return { outcome: "duplicate", emailId: existing.id, conversationId: existing.conversationId };
    }
    const conversationId = await findThread(tx, workspaceId, mail);
    const receipt = await receiveMessage(
      tx,
      workspaceId,
      {
        channel: "email",
        customer: { email: sender.address, name: sender.name },
        subject: mail.subject ?? "",
        conversationId,
        message: { text: mail.text ?? "", html: typeof mail.html === "string" ? mail.html : undefined, externalId: `email:${messageIdHeader}` },
      },
      { type: "system", id: null },
    );
    const [email] = await tx
      .insert(emailMessages)
      .values({
        workspaceId,
        mailboxId: mailbox.id,
        direction: "inbound",
        messageIdHeader,
        inReplyTo: mail.inReplyTo ? stripBrackets(mail.inReplyTo) : null,
        references: (Array.isArray(mail.references) ? mail.references : mail.references ? [mail.references] : []).map(stripBrackets),
        conversationId: receipt.conversation.id,
        messageId: receipt.message.id,
        fromAddress: sender.address,
        toAddresses: allAddresses(mail.to, mail.cc),
        subject: mail.subject ?? "",
        rawKey: file.key,
        state: "received",
      })
      .returning({ id: emailMessages.id });
    await input.within?.(tx);
    return { outcome: "stored", emailId: email!.id, conversationId: receipt.conversation.id, messageId: receipt.message.id };
  });
  // A duplicate's source was kept the first time.
  if (result.outcome === "duplicate") await deps.files.remove(file.key);
  return result;
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
