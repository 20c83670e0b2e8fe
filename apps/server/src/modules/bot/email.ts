import { and, eq, gte, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db/client.ts";
import { appendEvent } from "../../platform/events.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { conversations, messages } from "../conversations/schema.ts";
import { changeDelivery, getConversationById, getMessageById } from "../conversations/service.ts";
import { getCustomerById } from "../customers/service.ts";
import { isDeliveryReport, queueEmailReply } from "../email/outbound.ts";
import type { ParsedEmail } from "../email/parse.ts";
import { MAX_CITED } from "./engine.ts";
import { queueEmailSuggestions } from "./jobs.ts";
import { alreadyTaken, articleLinks, BOT_ACTOR, botRuntime, escapeHtml, paragraphs, storeBotReply } from "./service.ts";
import { getBotSettings } from "./settings.ts";
import { localeOf } from "./strings.ts";

/** One automatic reply per customer in this long, whatever they write and in how many threads. */
export const AUTO_RESPONSE_INTERVAL_MS = 24 * 60 * 60_000;

/** Local parts that belong to machines or to nobody (`MAILER-DAEMON`, `no-reply`, `donotreply+billing`). */
const MACHINE_SENDER = /^(mailer-daemon|postmaster|bounces?|(do[-_.]?not|no)[-_.]?reply)([-_.+]|$)/i;

/**
 * Mail no automatic reply may answer: what the email channel already counts as automated (Auto-Submitted,
 * Precedence, null senders), delivery reports, mailing-list traffic and senders nobody reads.
 */
export function isMachineMail(mail: ParsedEmail, sender: string): boolean {
  if (mail.automated || mail.headers.has("list-id") || mail.headers.has("list-unsubscribe")) return true;
  return MACHINE_SENDER.test(sender.split("@")[0] ?? "") || isDeliveryReport(mail);
}

/**
 * Called in the transaction that stores a customer's email. The first mail of a new conversation from a person,
 * when the workspace asks for it, gets the bot's suggestions by a job enqueued with the mail: both commit or
 * neither does. Replies in a thread never do.
 */
export async function takeCustomerEmail(
  tx: Executor,
  workspaceId: string,
  email: { conversationId: string; messageId: string; sender: string; newConversation: boolean; mail: ParsedEmail },
): Promise<void> {
  if (!email.newConversation || isMachineMail(email.mail, email.sender)) return;
  const settings = await getBotSettings(tx, workspaceId);
  if (!settings.emailAutoResponse) return;
  await queueEmailSuggestions(tx, workspaceId, { conversationId: email.conversationId, messageId: email.messageId });
}

interface EmailStrings {
  acknowledgement: string;
  suggestions: string;
}

const STRINGS: Record<string, EmailStrings> = {
  en: {
    acknowledgement: "Thank you for writing. A person on our team will answer you here as soon as they can.",
    suggestions: "In the meantime, these articles may already answer your question:",
  },
  es: {
    acknowledgement: "Gracias por escribirnos. Una persona de nuestro equipo te responderá aquí lo antes posible.",
    suggestions: "Mientras tanto, puede que estos artículos ya respondan a tu pregunta:",
  },
};

/** Whether the bot already answered this customer by email recently; the caller holds the customer's lock. */
async function respondedRecently(db: Executor, workspaceId: string, customerId: string): Promise<boolean> {
  const since = new Date(Date.now() - AUTO_RESPONSE_INTERVAL_MS);
  const [row] = await db
    .select({ id: messages.id })
    .from(messages)
    .innerJoin(conversations, and(eq(conversations.workspaceId, messages.workspaceId), eq(conversations.id, messages.conversationId)))
    .where(
      inWorkspace(
        messages,
        workspaceId,
        eq(messages.authorType, "bot"),
        eq(messages.kind, "reply"),
        gte(messages.createdAt, since),
        eq(conversations.channel, "email"),
        eq(conversations.customerId, customerId),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/**
 * Answers a new email conversation once: a short acknowledgement and the published articles that answer its
 * first mail, sent through the mailbox like any reply. Nothing is sent when no article answers. The
 * conversation stays open and unassigned in the queue: the bot suggests, a person answers. A retried job finds
 * the reply keyed on the customer's message and does nothing.
 */
export async function suggestArticlesByEmail(db: Executor, workspaceId: string, turn: { conversationId: string; messageId: string }): Promise<void> {
  if (await alreadyTaken(db, workspaceId, turn.messageId)) return;
  const message = await getMessageById(db, workspaceId, turn.messageId);
  if (!message || message.conversationId !== turn.conversationId) return;
  const conversation = await getConversationById(db, workspaceId, turn.conversationId);
  // A person who already answered made the suggestions late.
  if (conversation.channel !== "email" || conversation.firstResponseAt) return;
  const settings = await getBotSettings(db, workspaceId);
  if (!settings.emailAutoResponse) return;
  const customer = await getCustomerById(db, workspaceId, conversation.customerId);
  const locale = localeOf(customer.attributes.language);
  const answer = await botRuntime().engine.answer(db, { workspaceId, text: [conversation.subject, message.bodyText].filter(Boolean).join("\n"), locale });
  if (answer.kind !== "answer" || answer.articles.length === 0 || answer.confidence < settings.confidenceThreshold) return;
  const cited = answer.articles.slice(0, MAX_CITED);
  const links = await articleLinks(db, workspaceId, cited);
  const strings = STRINGS[locale] ?? STRINGS.en!;
  const text = [strings.acknowledgement, strings.suggestions, links.map((link) => `${link.title}: ${link.url}`).join("\n")].join("\n\n");
  const html = [
    paragraphs(strings.acknowledgement),
    paragraphs(strings.suggestions),
    `<ul>${links.map((link) => `<li><a href="${escapeHtml(link.url)}">${escapeHtml(link.title)}</a></li>`).join("")}</ul>`,
  ].join("");

  await db.transaction(async (tx) => {
    // One customer's mails may be suggested on at once; the lock makes the rate limit hold between them.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`rapport.bot-email:${workspaceId}:${customer.id}`}, 0))`);
    if ((await alreadyTaken(tx, workspaceId, turn.messageId)) || (await respondedRecently(tx, workspaceId, customer.id))) return;
    const reply = await storeBotReply(tx, workspaceId, { conversationId: conversation.id, toMessageId: turn.messageId, text, extras: { html, articles: links, quickReplies: [] } });
    if (await queueEmailReply(tx, workspaceId, reply)) await changeDelivery(tx, workspaceId, reply.id, { status: "queued" });
    await appendEvent(tx, {
      workspaceId,
      type: "bot.email_suggested",
      subjectType: "conversation",
      subjectId: conversation.id,
      actor: BOT_ACTOR,
      payload: { messageId: reply.id, articleIds: cited.map((article) => article.id), confidence: answer.confidence, engine: answer.engine },
    });
  });
}
