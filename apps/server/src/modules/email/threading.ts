import { and, arrayOverlaps, eq, inArray, or } from "drizzle-orm";
import type { Executor } from "../../platform/db/client.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { findConversationByNumber, getConversationById, type Conversation } from "../conversations/service.ts";
import { getCustomerById } from "../customers/service.ts";
import { plusTag } from "./mailboxes.ts";
import { emailMessages } from "./schema.ts";

/**
 * The reference Rapport writes into the subjects of its mail, `[#1042]`: short enough that people leave it in
 * place, and the number they already quote. Replies whose client drops In-Reply-To and References (forwards,
 * some Outlook and mobile clients) still find their conversation through it.
 */
export const subjectToken = (number: number) => `[#${number}]`;

export function numberFromSubject(subject: string): number | undefined {
  const match = /\[#(\d{1,9})\]/.exec(subject);
  return match ? Number(match[1]) : undefined;
}

/** The plus tag Rapport writes into Reply-To (`help+c1042@…`) names conversation 1042. */
export const conversationTag = (number: number) => `c${number}`;

export function numberFromRecipients(recipients: readonly string[], mailboxAddress: string): number | undefined {
  const [mailboxLocal, mailboxDomain] = mailboxAddress.toLowerCase().split("@");
  for (const recipient of recipients) {
    const [local, domain] = recipient.toLowerCase().split("@");
    if (domain !== mailboxDomain || local?.split("+")[0] !== mailboxLocal) continue;
    const match = /^c(\d{1,9})$/.exec(plusTag(recipient) ?? "");
    if (match) return Number(match[1]);
  }
  return undefined;
}

export interface ThreadHints {
  sender: string;
  inReplyTo: string | undefined;
  references: readonly string[];
  subject: string;
  /** Every address the mail was sent to: To, Cc and the SMTP envelope's recipients. */
  recipients: readonly string[];
  mailboxAddress: string;
  /** The receiving server found the sender forged: such mail may only continue the sender's own conversations. */
  authFailed: boolean;
}

export type ThreadMatch = { conversationId: string; via: "headers" | "subject" | "plus_address" };

/**
 * The conversation an email continues, in this workspace only: the mail it answers (In-Reply-To, then
 * References newest first), else the subject's `[#1042]`, else a `+c1042` recipient. A number is easy to guess,
 * so the last two only count when the sender already takes part in that conversation; a Message-ID is not.
 */
export async function findThread(db: Executor, workspaceId: string, hints: ThreadHints): Promise<ThreadMatch | undefined> {
  const byHeaders = await findByMessageIds(db, workspaceId, [hints.inReplyTo, ...[...hints.references].reverse()]);
  if (byHeaders && (await mayJoin(db, workspaceId, byHeaders, hints, false))) return { conversationId: byHeaders.id, via: "headers" };

  for (const [via, number] of [
    ["subject", numberFromSubject(hints.subject)],
    ["plus_address", numberFromRecipients(hints.recipients, hints.mailboxAddress)],
  ] as const) {
    if (number === undefined) continue;
    const found = await findConversationByNumber(db, workspaceId, number);
    const conversation = found && (await followMerges(db, workspaceId, found));
    if (conversation && (await mayJoin(db, workspaceId, conversation, hints, true))) return { conversationId: conversation.id, via };
  }
  return undefined;
}

async function findByMessageIds(db: Executor, workspaceId: string, candidates: (string | undefined)[]): Promise<Conversation | undefined> {
  const ids = [...new Set(candidates.filter((id): id is string => Boolean(id)))].slice(0, 100);
  if (ids.length === 0) return undefined;
  const rows = await db
    .select({ conversationId: emailMessages.conversationId, messageIdHeader: emailMessages.messageIdHeader })
    .from(emailMessages)
    .where(inWorkspace(emailMessages, workspaceId, inArray(emailMessages.messageIdHeader, ids)));
  for (const id of ids) {
    const conversationId = rows.find((row) => row.messageIdHeader === id && row.conversationId)?.conversationId;
    if (conversationId) return followMerges(db, workspaceId, await getConversationById(db, workspaceId, conversationId));
  }
  return undefined;
}

/** A merged conversation lives on in the one it was merged into. */
async function followMerges(db: Executor, workspaceId: string, conversation: Conversation): Promise<Conversation> {
  let current = conversation;
  for (let hops = 0; current.mergedIntoId && hops < 10; hops++) current = await getConversationById(db, workspaceId, current.mergedIntoId);
  return current;
}

async function mayJoin(db: Executor, workspaceId: string, conversation: Conversation, hints: ThreadHints, guessable: boolean): Promise<boolean> {
  if (!hints.authFailed && !guessable) return true;
  if (await isCustomerOf(db, workspaceId, conversation, hints.sender)) return true;
  // Forged mail never joins someone else's conversation, however it found it.
  if (hints.authFailed) return false;
  return isParticipant(db, workspaceId, conversation.id, hints.sender);
}

async function isCustomerOf(db: Executor, workspaceId: string, conversation: Conversation, sender: string): Promise<boolean> {
  if (conversation.customer.email?.toLowerCase() === sender) return true;
  const customer = await getCustomerById(db, workspaceId, conversation.customer.id);
  return customer.identities.some((identity) => identity.kind === "email" && identity.value.toLowerCase() === sender);
}

/** Someone the conversation's mail came from or went to (a colleague in Cc, say). */
async function isParticipant(db: Executor, workspaceId: string, conversationId: string, sender: string): Promise<boolean> {
  const [row] = await db
    .select({ id: emailMessages.id })
    .from(emailMessages)
    .where(inWorkspace(emailMessages, workspaceId, and(eq(emailMessages.conversationId, conversationId), or(eq(emailMessages.fromAddress, sender), arrayOverlaps(emailMessages.toAddresses, [sender])))))
    .limit(1);
  return Boolean(row);
}
