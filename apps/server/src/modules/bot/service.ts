import { desc, eq, gte, inArray, lt, ne, sql } from "drizzle-orm";
import { requireScope } from "../../platform/auth/policy.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows, type Executor } from "../../platform/db/client.ts";
import { domainEvents } from "../../platform/db/platform-schema.ts";
import { AppError } from "../../platform/errors.ts";
import { messages } from "../conversations/schema.ts";
import { appendEvent, type EventActor } from "../../platform/events.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { changeConversation, getConversationById, getMessageById, storeAutomatedMessage, type Conversation, type Message } from "../conversations/service.ts";
import type { Priority } from "../conversations/schema.ts";
import { getCustomerById } from "../customers/service.ts";
import { getBusinessHours, withinBusinessHours } from "../widget/settings.ts";
import type { WeeklyHours } from "../widget/schema.ts";
import { teams } from "../workspaces/schema.ts";
import { getWorkspace } from "../workspaces/service.ts";
import { recordContentGap } from "./gaps.ts";
import { queueBotTurn } from "./jobs.ts";
import { botConversations, botMessages, type BotArticleLink } from "./schema.ts";
import { getBotSettings, type BotSettings } from "./settings.ts";
import { detectSignals } from "./signals.ts";
import { botStrings, localeOf, type BotStrings } from "./strings.ts";
import type { AnswerEngine, BotAnswer, CitedArticle, HandoverSignals } from "./types.ts";

type BotConversation = typeof botConversations.$inferSelect;

/** The bot writes as the product itself: its events carry no person. */
export const BOT_ACTOR: EventActor = { type: "system", id: null };

/** After this many "no"s to its answers the bot stops trying and hands over. */
export const MAX_UNHELPFUL = 2;

/** What the bot needs from the running server: where the help center lives, whether agents are on, which engine answers. */
export interface BotRuntime {
  publicUrl: string;
  agentsOnline(workspaceId: string): boolean;
  engine: AnswerEngine;
}

let runtime: BotRuntime | undefined;

/** Called once as the app is built, before any job runs; jobs get only a database handle. */
export function configureBot(value: BotRuntime): void {
  runtime = value;
}

export function botRuntime(): BotRuntime {
  if (!runtime) throw new Error("The answer bot runs inside the app: configureBot() was not called.");
  return runtime;
}

/** The events a bot turn appends, which the statistics read. */
export const BOT_EVENTS = ["bot.answered", "bot.feedback", "bot.handed_over", "bot.resolved"] as const;

export type HandoverReason = "human_requested" | "urgent" | "negative" | "tier" | "no_answer" | "low_confidence" | "unhelpful";

// ---------------------------------------------------------------------------
// Taking a visitor's message

/**
 * Called in the transaction that stores a chat visitor's message. When the bot is on and this conversation is
 * the bot's (new, or resolved by the bot before), it keeps the conversation pending, out of the agents' open
 * queue, and enqueues its turn in the same transaction: the message and the bot's work commit together.
 */
export async function takeVisitorMessage(tx: Executor, workspaceId: string, conversationId: string, messageId: string): Promise<void> {
  const settings = await getBotSettings(tx, workspaceId);
  if (!settings.enabled) return;
  const [current] = await tx.select().from(botConversations).where(inWorkspace(botConversations, workspaceId, eq(botConversations.conversationId, conversationId))).for("update");
  if (current?.state === "handed_over") return;
  if (!current) {
    const conversation = await getConversationById(tx, workspaceId, conversationId);
    // A conversation a person already works on stays theirs.
    if (conversation.assigneeId || conversation.firstResponseAt) return;
    await tx.insert(botConversations).values({ workspaceId, conversationId });
  } else if (current.state === "resolved") {
    await tx
      .update(botConversations)
      .set({ state: "answering", question: null, triedArticleIds: [], unhelpfulCount: 0, updatedAt: new Date() })
      .where(inWorkspace(botConversations, workspaceId, eq(botConversations.conversationId, conversationId)));
  }
  await changeConversation(tx, workspaceId, conversationId, { status: "pending" }, BOT_ACTOR);
  await queueBotTurn(tx, workspaceId, { conversationId, messageId });
}

// ---------------------------------------------------------------------------
// One turn

type Plan =
  | { kind: "answer"; answer: BotAnswer; question: string; retry: boolean }
  | { kind: "resolve" }
  | { kind: "handover"; reason: HandoverReason; question: string; feedback: "unhelpful" | null };

const replyId = (messageId: string) => `bot:${messageId}`;
const noteId = (messageId: string) => `bot-note:${messageId}`;

async function findBotConversation(db: Executor, workspaceId: string, conversationId: string, lock = false): Promise<BotConversation | undefined> {
  const query = db.select().from(botConversations).where(inWorkspace(botConversations, workspaceId, eq(botConversations.conversationId, conversationId)));
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

export async function alreadyTaken(db: Executor, workspaceId: string, messageId: string): Promise<boolean> {
  const [row] = await db.select({ id: messages.id }).from(messages).where(inWorkspace(messages, workspaceId, eq(messages.externalId, replyId(messageId))));
  return Boolean(row);
}

/** Why a person should take over at once, whatever the articles say. */
function immediateReason(signals: HandoverSignals, settings: BotSettings, tier: unknown): HandoverReason | null {
  if (signals.humanRequested) return "human_requested";
  if (signals.urgent) return "urgent";
  if (signals.negative) return "negative";
  if (typeof tier === "string" && settings.humanTiers.includes(tier.trim().toLowerCase())) return "tier";
  return null;
}

/**
 * Answers one customer message: decides (reading only, the engine included), then writes the decision in one
 * transaction that first checks the turn was not taken already. A retried job finds the bot's reply to this
 * message (its external id) and does nothing; the unique external id would refuse a second one anyway.
 */
export async function runBotTurn(db: Executor, workspaceId: string, turn: { conversationId: string; messageId: string }): Promise<void> {
  const { conversationId, messageId } = turn;
  const state = await findBotConversation(db, workspaceId, conversationId);
  if (!state || state.state === "handed_over" || (await alreadyTaken(db, workspaceId, messageId))) return;
  const message = await getMessageById(db, workspaceId, messageId);
  if (!message || message.conversationId !== conversationId) return;
  const settings = await getBotSettings(db, workspaceId);
  const conversation = await getConversationById(db, workspaceId, conversationId);
  const customer = await getCustomerById(db, workspaceId, conversation.customerId);
  const locale = localeOf(customer.attributes.language);
  const signals = detectSignals(message.bodyText);
  const plan = await decide(db, { state, settings, signals, text: message.bodyText, locale, tier: customer.attributes.tier, workspaceId });

  await db.transaction(async (tx) => {
    const locked = await findBotConversation(tx, workspaceId, conversationId, true);
    if (!locked || locked.state === "handed_over" || (await alreadyTaken(tx, workspaceId, messageId))) return;
    const strings = botStrings(locale);
    const step = { tx, workspaceId, conversation, state: locked, settings, strings, messageId, signals };
    if (plan.kind === "resolve") await resolveByBot(step);
    else if (plan.kind === "answer") await postAnswer(step, plan);
    else await handOver(step, plan);
  });
}

interface DecideInput {
  workspaceId: string;
  state: BotConversation;
  settings: BotSettings;
  signals: HandoverSignals;
  text: string;
  locale: string;
  tier: unknown;
}

async function decide(db: Executor, input: DecideInput): Promise<Plan> {
  const { state, settings, signals, text } = input;
  const awaiting = state.state === "awaiting_feedback";
  const feedback = awaiting ? signals.feedback : null;
  const reason = immediateReason(signals, settings, input.tier);
  // "No" or "a person, please" is not the question: the one the bot was working on is.
  const question = state.question && (feedback || signals.humanRequested) ? state.question : text;
  if (reason) return { kind: "handover", reason, question, feedback: feedback === "unhelpful" ? "unhelpful" : null };
  if (feedback === "helpful") return { kind: "resolve" };
  const retry = feedback === "unhelpful";
  if (retry && state.unhelpfulCount + 1 >= MAX_UNHELPFUL) return { kind: "handover", reason: "unhelpful", question, feedback: "unhelpful" };
  const answer = await botRuntime().engine.answer(db, {
    workspaceId: input.workspaceId,
    text: question,
    locale: input.locale,
    excludeArticleIds: retry ? state.triedArticleIds : [],
  });
  const unanswered = answer.kind === "none" || answer.articles.length === 0;
  if (unanswered || answer.confidence < settings.confidenceThreshold) {
    return { kind: "handover", reason: unanswered ? "no_answer" : "low_confidence", question, feedback: retry ? "unhelpful" : null };
  }
  return { kind: "answer", answer, question, retry };
}

interface Step {
  tx: Executor;
  workspaceId: string;
  conversation: Conversation;
  state: BotConversation;
  settings: BotSettings;
  strings: BotStrings;
  messageId: string;
  signals: HandoverSignals;
}

const botEvent = (step: Step, type: string, payload: Record<string, unknown>) =>
  appendEvent(step.tx, { workspaceId: step.workspaceId, type, subjectType: "conversation", subjectId: step.conversation.id, actor: BOT_ACTOR, payload });

async function setBotState(step: Step, changes: Partial<Omit<BotConversation, "workspaceId" | "conversationId">>): Promise<void> {
  await step.tx
    .update(botConversations)
    .set({ ...changes, updatedAt: new Date() })
    .where(inWorkspace(botConversations, step.workspaceId, eq(botConversations.conversationId, step.conversation.id)));
}

/** Stores the bot's reply to a customer's message, with the articles it links to; keyed on that message, so it is stored once. */
export async function storeBotReply(
  tx: Executor,
  workspaceId: string,
  reply: { conversationId: string; toMessageId: string; text: string; extras?: { html: string; articles: BotArticleLink[]; quickReplies: string[] } },
): Promise<Message> {
  const { extras } = reply;
  const { message } = await storeAutomatedMessage(
    tx,
    workspaceId,
    reply.conversationId,
    { kind: "reply", authorType: "bot", text: reply.text, html: extras?.html, externalId: replyId(reply.toMessageId) },
    BOT_ACTOR,
  );
  if (extras) await tx.insert(botMessages).values({ workspaceId, messageId: message.id, articles: extras.articles, quickReplies: extras.quickReplies });
  return message;
}

async function postBotReply(step: Step, text: string, extras?: { html: string; articles: BotArticleLink[]; quickReplies: string[] }): Promise<string> {
  const message = await storeBotReply(step.tx, step.workspaceId, { conversationId: step.conversation.id, toMessageId: step.messageId, text, extras });
  return message.id;
}

/** The help center's address of an article, where customers read it. */
export function articleUrl(publicUrl: string, workspaceSlug: string, article: Pick<CitedArticle, "locale" | "slug">): string {
  return `${publicUrl}/help/${encodeURIComponent(workspaceSlug)}/${encodeURIComponent(article.locale)}/articles/${encodeURIComponent(article.slug)}`;
}

export async function articleLinks(db: Executor, workspaceId: string, articles: readonly CitedArticle[]): Promise<BotArticleLink[]> {
  const { slug } = await getWorkspace(db, workspaceId);
  return articles.map((article) => ({ id: article.id, title: article.title, url: articleUrl(botRuntime().publicUrl, slug, article) }));
}

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
export const paragraphs = (text: string) => text.split(/\n{2,}/).map((part) => `<p>${escapeHtml(part).replace(/\n/g, "<br>")}</p>`).join("");

async function postAnswer(step: Step, plan: Extract<Plan, { kind: "answer" }>): Promise<void> {
  const { answer } = plan;
  const { strings } = step;
  const links = await articleLinks(step.tx, step.workspaceId, answer.articles);
  const firstAnswer = step.state.triedArticleIds.length === 0;
  const greeting = firstAnswer ? (step.settings.greeting[strings.locale] ?? step.settings.greeting.en ?? "") : "";
  const intro = plan.retry ? strings.tryAgain : greeting;
  const text = [intro, answer.text, links.map((link) => `${link.title}: ${link.url}`).join("\n"), strings.didThatHelp].filter(Boolean).join("\n\n");
  const html = [
    intro && paragraphs(intro),
    paragraphs(answer.text),
    `<ul>${links.map((link) => `<li><a href="${escapeHtml(link.url)}">${escapeHtml(link.title)}</a></li>`).join("")}</ul>`,
    paragraphs(strings.didThatHelp),
  ].join("");
  const botMessageId = await postBotReply(step, text, { html, articles: links, quickReplies: [strings.yes, strings.no, strings.person] });
  await setBotState(step, {
    state: "awaiting_feedback",
    question: plan.question,
    triedArticleIds: [...new Set([...(plan.retry ? step.state.triedArticleIds : []), ...answer.articles.map((article) => article.id)])],
    unhelpfulCount: plan.retry ? step.state.unhelpfulCount + 1 : 0,
  });
  if (plan.retry) await botEvent(step, "bot.feedback", { feedback: "unhelpful", messageId: step.messageId });
  await botEvent(step, "bot.answered", {
    messageId: botMessageId,
    question: plan.question,
    articleIds: answer.articles.map((article) => article.id),
    confidence: answer.confidence,
    engine: answer.engine,
  });
}

async function resolveByBot(step: Step): Promise<void> {
  await postBotReply(step, step.strings.thanks);
  await setBotState(step, { state: "resolved" });
  await changeConversation(step.tx, step.workspaceId, step.conversation.id, { status: "resolved" }, BOT_ACTOR);
  await botEvent(step, "bot.feedback", { feedback: "helpful", messageId: step.messageId });
  await botEvent(step, "bot.resolved", { question: step.state.question, articleIds: step.state.triedArticleIds });
}

const RANK: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

/** Urgent messages go to the top of the queue, upset ones near it; a priority someone set higher stays. */
function raisedPriority(current: Priority, reason: HandoverReason): Priority | undefined {
  const wanted: Priority | undefined = reason === "urgent" ? "urgent" : reason === "negative" ? "high" : undefined;
  return wanted && RANK[wanted] > RANK[current] ? wanted : undefined;
}

const WEEKDAY_NAMES = { mon: "Mon", tue: "Tue", wed: "Wed", thu: "Thu", fri: "Fri", sat: "Sat", sun: "Sun" } as const;

/** Opening hours as a customer reads them: "Mon 09:00–17:00, Tue 09:00–17:00 (Europe/Madrid)". */
function describeHours(hours: WeeklyHours): string {
  const days = Object.entries(WEEKDAY_NAMES).flatMap(([day, name]) => {
    const ranges = hours.days[day as keyof typeof WEEKDAY_NAMES] ?? [];
    return ranges.length ? [`${name} ${ranges.map(([open, close]) => `${open}–${close}`).join(", ")}`] : [];
  });
  return `${days.join("; ")} (${hours.timeZone})`;
}

async function handoverMessage(step: Step): Promise<string> {
  const hours = await getBusinessHours(step.tx, step.workspaceId);
  const available = withinBusinessHours(hours) && botRuntime().agentsOnline(step.workspaceId);
  if (available) return step.strings.handover;
  return [step.strings.handover, hours ? step.strings.awayWithHours(describeHours(hours)) : step.strings.away].join(" ");
}

const REASON_TEXT: Record<HandoverReason, string> = {
  human_requested: "the customer asked for a person",
  urgent: "the message sounds urgent",
  negative: "the customer sounds upset",
  tier: "the customer's tier always goes to a person",
  no_answer: "no article answers the question",
  low_confidence: "the best article was not a sure enough match",
  unhelpful: `the customer said the answers did not help (${MAX_UNHELPFUL} times)`,
};

const clip = (text: string, length: number) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
};

/** The last messages of the chat as one line each, for the agent's note: the whole thread is right above it. */
async function transcriptSummary(db: Executor, workspaceId: string, conversationId: string): Promise<string[]> {
  const rows = await db
    .select({ authorType: messages.authorType, text: messages.bodyText })
    .from(messages)
    .where(inWorkspace(messages, workspaceId, eq(messages.conversationId, conversationId), ne(messages.kind, "note")))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(6);
  const who = { customer: "Customer", bot: "Bot", agent: "Agent", system: "System" } as const;
  return rows.reverse().map((row) => `${who[row.authorType]}: ${clip(row.text, 140)}`);
}

async function triedTitles(db: Executor, workspaceId: string, messageIds: string[]): Promise<string[]> {
  if (messageIds.length === 0) return [];
  const rows = await db.select({ articles: botMessages.articles }).from(botMessages).where(inWorkspace(botMessages, workspaceId, inArray(botMessages.messageId, messageIds)));
  const seen = new Map<string, string>();
  for (const link of rows.flatMap((row) => row.articles)) seen.set(link.id, `${link.title} (${link.url})`);
  return [...seen.values()];
}

async function botAnswerIds(db: Executor, workspaceId: string, conversationId: string): Promise<string[]> {
  const rows = await db
    .select({ id: messages.id })
    .from(messages)
    .where(inWorkspace(messages, workspaceId, eq(messages.conversationId, conversationId), eq(messages.authorType, "bot"), eq(messages.kind, "reply")));
  return rows.map((row) => row.id);
}

async function handOver(step: Step, plan: Extract<Plan, { kind: "handover" }>): Promise<void> {
  const { tx, workspaceId, conversation } = step;
  const priority = raisedPriority(conversation.priority, plan.reason);
  const teamId = step.settings.handoverTeamId && (await teamExists(tx, workspaceId, step.settings.handoverTeamId)) ? step.settings.handoverTeamId : undefined;
  await postBotReply(step, await handoverMessage(step));
  const tried = await triedTitles(tx, workspaceId, await botAnswerIds(tx, workspaceId, conversation.id));
  const note = [
    `Handed over by the answer bot: ${REASON_TEXT[plan.reason]}.`,
    ...(step.signals.reasons.length ? [`Signals: ${step.signals.reasons.join("; ")}`] : []),
    `Question: ${clip(plan.question, 300)}`,
    `Articles tried: ${tried.length ? tried.join(", ") : "none"}`,
    "Summary:",
    ...(await transcriptSummary(tx, workspaceId, conversation.id)).map((line) => `- ${line}`),
  ].join("\n");
  await storeAutomatedMessage(tx, workspaceId, conversation.id, { kind: "note", authorType: "bot", text: note, externalId: noteId(step.messageId) }, BOT_ACTOR);
  await setBotState(step, { state: "handed_over", handoverReason: plan.reason, question: plan.question });
  await changeConversation(tx, workspaceId, conversation.id, { status: "open", ...(priority && { priority }), ...(teamId && { teamId }) }, BOT_ACTOR);
  if (plan.feedback) await botEvent(step, "bot.feedback", { feedback: plan.feedback, messageId: step.messageId });
  await botEvent(step, "bot.handed_over", { reason: plan.reason, signals: step.signals.reasons, question: plan.question, articleIds: step.state.triedArticleIds, priority: priority ?? conversation.priority, teamId: teamId ?? null });
  if (plan.reason === "no_answer" || plan.reason === "low_confidence" || plan.reason === "unhelpful") await recordContentGap(tx, workspaceId, plan.question);
}

async function teamExists(db: Executor, workspaceId: string, teamId: string): Promise<boolean> {
  const [row] = await db.select({ id: teams.id }).from(teams).where(inWorkspace(teams, workspaceId, eq(teams.id, teamId)));
  return Boolean(row);
}

// ---------------------------------------------------------------------------
// What the widget shows of bot messages

export interface BotMessageExtras {
  articles: BotArticleLink[];
  quickReplies: string[];
}

/** Links and quick replies of the given bot messages, by message id. */
export async function botMessageExtras(db: Executor, workspaceId: string, messageIds: string[]): Promise<Map<string, BotMessageExtras>> {
  if (messageIds.length === 0) return new Map();
  const rows = await db.select().from(botMessages).where(inWorkspace(botMessages, workspaceId, inArray(botMessages.messageId, messageIds)));
  return new Map(rows.map((row) => [row.messageId, { articles: row.articles, quickReplies: row.quickReplies }]));
}

// ---------------------------------------------------------------------------
// Deflection, from the events

export interface BotStats {
  from: string;
  to: string;
  /** Conversations the bot took part in: it answered, or handed over at once. */
  conversations: number;
  answered: number;
  resolvedByBot: number;
  handedOver: number;
  handedOverByReason: Record<string, number>;
  helpful: number;
  unhelpful: number;
  /** Conversations resolved by the bot and not handed over in the period, over `conversations`; 0 with none. */
  deflectionRate: number;
}

export async function botStats(ctx: ServiceContext, range: { from: Date; to: Date }): Promise<BotStats> {
  requireScope(ctx.actor, "conversations:read");
  if (range.from >= range.to) throw new AppError("invalid_request", "\"from\" must be before \"to\".");
  const window = inWorkspace(
    domainEvents,
    ctx.actor.workspaceId,
    inArray(domainEvents.type, [...BOT_EVENTS]),
    gte(domainEvents.occurredAt, range.from),
    lt(domainEvents.occurredAt, range.to),
  );
  const [row] = await queryRows<{ conversations: number; answered: number; resolved: number; handed: number; deflected: number; helpful: number; unhelpful: number }>(
    ctx.db,
    sql`WITH ev AS (SELECT subject_id, type, payload FROM ${domainEvents} WHERE ${window}),
             handed AS (SELECT DISTINCT subject_id FROM ev WHERE type = 'bot.handed_over')
        SELECT count(DISTINCT subject_id) FILTER (WHERE type IN ('bot.answered', 'bot.handed_over'))::int AS conversations,
               count(DISTINCT subject_id) FILTER (WHERE type = 'bot.answered')::int AS answered,
               count(DISTINCT subject_id) FILTER (WHERE type = 'bot.resolved')::int AS resolved,
               (SELECT count(*) FROM handed)::int AS handed,
               count(DISTINCT subject_id) FILTER (WHERE type = 'bot.resolved' AND subject_id NOT IN (SELECT subject_id FROM handed))::int AS deflected,
               count(*) FILTER (WHERE type = 'bot.feedback' AND payload->>'feedback' = 'helpful')::int AS helpful,
               count(*) FILTER (WHERE type = 'bot.feedback' AND payload->>'feedback' = 'unhelpful')::int AS unhelpful
          FROM ev`,
  );
  const reasons = await queryRows<{ reason: string; count: number }>(
    ctx.db,
    sql`SELECT payload->>'reason' AS reason, count(DISTINCT subject_id)::int AS count FROM ${domainEvents}
         WHERE ${window} AND type = 'bot.handed_over' GROUP BY 1 ORDER BY 1`,
  );
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    conversations: row!.conversations,
    answered: row!.answered,
    resolvedByBot: row!.resolved,
    handedOver: row!.handed,
    handedOverByReason: Object.fromEntries(reasons.map((reason) => [reason.reason, reason.count])),
    helpful: row!.helpful,
    unhelpful: row!.unhelpful,
    deflectionRate: row!.conversations ? row!.deflected / row!.conversations : 0,
  };
}
