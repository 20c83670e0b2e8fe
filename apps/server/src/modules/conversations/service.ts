import { arrayContains, eq, gte, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { AppError, notFound } from "../../platform/errors.ts";
import { appendEvent, laterNoticesOf, publishCommittedNotices, transactionWithLaterNotices, type EventActor } from "../../platform/events.ts";
import type { Executor } from "../../platform/db/client.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { eventActor, withDb, type ServiceContext } from "../../platform/context.ts";
import { requireRole, requireScope } from "../../platform/auth/policy.ts";
import { Keyset, type Page } from "../../platform/pagination.ts";
import { isTransaction, queryRows } from "../../platform/db/client.ts";
import { uuidv7 } from "uuidv7";
import { htmlToPlainText, sanitizeMessageHtml } from "../../platform/html.ts";
import { findOrCreateCustomer, type IdentityClaims } from "../customers/service.ts";
import { resolveUploadedAttachments } from "../attachments/service.ts";
import { customers } from "../customers/schema.ts";
import { teams, users } from "../workspaces/schema.ts";
import { nextConversationNumber } from "../workspaces/numbering.ts";
import { recordAudit } from "../workspaces/service.ts";
import { notifyUsers } from "../notifications/service.ts";
import { scheduleWake } from "./jobs.ts";
import { assertNoReplySince } from "./collision.ts";
import { queueEmailReply } from "../email/outbound.ts";
import {
  conversations,
  messages,
  messageColumns,
  type AttachmentMeta,
  type AuthorType,
  type Channel,
  type DeliveryStatus,
  type MessageKind,
  type Priority,
  type Status,
} from "./schema.ts";

export type ConversationRow = Omit<typeof conversations.$inferSelect, "search">;
export type Message = Omit<typeof messages.$inferSelect, "search">;
export interface CustomerSummary {
  id: string;
  name: string | null;
  email: string | null;
}
export type Conversation = ConversationRow & { customer: CustomerSummary };

const PREVIEW_LENGTH = 160;

const conversationColumns = {
  id: conversations.id,
  workspaceId: conversations.workspaceId,
  number: conversations.number,
  customerId: conversations.customerId,
  channel: conversations.channel,
  status: conversations.status,
  priority: conversations.priority,
  assigneeId: conversations.assigneeId,
  teamId: conversations.teamId,
  subject: conversations.subject,
  tags: conversations.tags,
  messageCount: conversations.messageCount,
  lastMessagePreview: conversations.lastMessagePreview,
  lastMessageAt: conversations.lastMessageAt,
  lastActivityAt: conversations.lastActivityAt,
  firstResponseAt: conversations.firstResponseAt,
  resolvedAt: conversations.resolvedAt,
  snoozedUntil: conversations.snoozedUntil,
  mergedIntoId: conversations.mergedIntoId,
  createdAt: conversations.createdAt,
  updatedAt: conversations.updatedAt,
};


const withCustomer = { ...conversationColumns, customer: { id: customers.id, name: customers.name, email: customers.email } };

// ---------------------------------------------------------------------------
// Reading

export async function getConversationById(db: Executor, workspaceId: string, conversationId: string): Promise<Conversation> {
  const [row] = await db
    .select(withCustomer)
    .from(conversations)
    .innerJoin(customers, eq(customers.id, conversations.customerId))
    .where(inWorkspace(conversations, workspaceId, eq(conversations.id, conversationId)));
  if (!row) throw notFound("conversation_not_found", "The conversation");
  return row;
}

export async function getConversation(ctx: ServiceContext, conversationId: string): Promise<Conversation> {
  requireScope(ctx.actor, "conversations:read");
  return getConversationById(ctx.db, ctx.actor.workspaceId, conversationId);
}

/** The conversation people quote by its number ("#1042"), in this workspace only. */
export async function findConversationByNumber(db: Executor, workspaceId: string, number: number): Promise<Conversation | undefined> {
  const [row] = await db
    .select(withCustomer)
    .from(conversations)
    .innerJoin(customers, eq(customers.id, conversations.customerId))
    .where(inWorkspace(conversations, workspaceId, eq(conversations.number, number)));
  return row;
}

/** A leading "-" sorts newest first. */
export const SORTS = ["-last_activity", "last_activity", "-created", "created"] as const;
export type Sort = (typeof SORTS)[number];

export interface ConversationFilters {
  status?: Status[] | undefined;
  /** A user id, "me", or "none" for unassigned. */
  assignee?: string | undefined;
  /** A team id, or "none". */
  team?: string | undefined;
  tag?: string[] | undefined;
  channel?: Channel[] | undefined;
  priority?: Priority[] | undefined;
  customerId?: string | undefined;
  /** The number people quote ("#1042"): at most one conversation. */
  number?: number | undefined;
  updatedSince?: Date | undefined;
}

export interface ListOptions extends ConversationFilters {
  sort: Sort;
  limit: number;
  cursor?: string | undefined;
}

function byIdOrNone(column: typeof conversations.assigneeId | typeof conversations.teamId, value: string | undefined): SQL | undefined {
  if (value === undefined) return undefined;
  return value === "none" ? isNull(column) : eq(column, value);
}

/** The conditions of a filtered list; "me" is `userId`, the person looking. */
function filterConditions(userId: string, filters: ConversationFilters): (SQL | undefined)[] {
  return [
    filters.status?.length ? inArray(conversations.status, filters.status) : undefined,
    byIdOrNone(conversations.assigneeId, filters.assignee === "me" ? userId : filters.assignee),
    byIdOrNone(conversations.teamId, filters.team),
    filters.tag?.length ? arrayContains(conversations.tags, filters.tag) : undefined,
    filters.channel?.length ? inArray(conversations.channel, filters.channel) : undefined,
    filters.priority?.length ? inArray(conversations.priority, filters.priority) : undefined,
    filters.customerId ? eq(conversations.customerId, filters.customerId) : undefined,
    filters.number !== undefined ? eq(conversations.number, filters.number) : undefined,
    filters.updatedSince ? gte(conversations.updatedAt, filters.updatedSince) : undefined,
  ];
}

export async function listConversations(ctx: ServiceContext, options: ListOptions): Promise<Page<Conversation>> {
  requireScope(ctx.actor, "conversations:read");
  const byActivity = options.sort.includes("last_activity");
  const keyset = new Keyset(byActivity ? conversations.lastActivityAt : conversations.createdAt, conversations.id, options.sort.startsWith("-") ? "desc" : "asc");

  const rows = await ctx.db
    .select(withCustomer)
    .from(conversations)
    .innerJoin(customers, eq(customers.id, conversations.customerId))
    .where(
      inWorkspace(
        conversations,
        ctx.actor.workspaceId,
        ...filterConditions(ctx.actor.userId, options),
        keyset.after(options.cursor),
      ),
    )
    .orderBy(...keyset.orderBy)
    .limit(options.limit + 1);
  return keyset.page(rows, options.limit, (row) => (byActivity ? row.lastActivityAt : row.createdAt));
}

export const MESSAGE_ORDERS = ["oldest", "newest"] as const;
export type MessageOrder = (typeof MESSAGE_ORDERS)[number];

/** "newest" reads a long thread from its end, the way an agent opens it, without paging through the rest. */
export async function listMessages(
  ctx: ServiceContext,
  conversationId: string,
  options: { limit: number; cursor?: string | undefined; order?: MessageOrder | undefined },
): Promise<Page<Message>> {
  requireScope(ctx.actor, "conversations:read");
  const workspaceId = ctx.actor.workspaceId;
  await getConversationById(ctx.db, workspaceId, conversationId);
  const keyset = new Keyset(messages.createdAt, messages.id, options.order === "newest" ? "desc" : "asc");
  const rows = await ctx.db
    .select(messageColumns)
    .from(messages)
    .where(
      inWorkspace(
        messages,
        workspaceId,
        eq(messages.conversationId, conversationId),
        keyset.after(options.cursor),
      ),
    )
    .orderBy(...keyset.orderBy)
    .limit(options.limit + 1);
  return keyset.page(rows, options.limit, (row) => row.createdAt);
}

// ---------------------------------------------------------------------------
// Messages

export interface MessageBody {
  text?: string | undefined;
  html?: string | undefined;
  attachments?: AttachmentMeta[] | undefined;
  /** The sender's id for this message; a redelivery with the same id stores nothing. */
  externalId?: string | undefined;
}

function renderBody(body: MessageBody): { bodyText: string; bodyHtml: string | null } {
  const bodyHtml = body.html ? sanitizeMessageHtml(body.html) : null;
  const bodyText = body.text?.trim() || (bodyHtml ? htmlToPlainText(bodyHtml) : "");
  if (!bodyText && !body.attachments?.length) throw new AppError("invalid_request", "A message needs text, html or an attachment.");
  return { bodyText, bodyHtml };
}

const preview = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, PREVIEW_LENGTH);

async function findMessageByExternalId(db: Executor, workspaceId: string, externalId: string): Promise<Message | undefined> {
  const [row] = await db.select(messageColumns).from(messages).where(inWorkspace(messages, workspaceId, eq(messages.externalId, externalId)));
  return row;
}

export interface InboundMessage {
  channel: Channel;
  customer: IdentityClaims & { name?: string | undefined };
  subject?: string | undefined;
  message: MessageBody;
  /** Continue this conversation rather than open a new one. */
  conversationId?: string | undefined;
  /** The caller has already looked for a message with this externalId in the same transaction and found none. */
  redeliveryChecked?: boolean | undefined;
}

export interface Receipt {
  conversation: Conversation;
  message: Message;
  /** False when this was a redelivery of a message already stored. */
  created: boolean;
}

/**
 * Receives a customer's message from any channel: finds or creates the customer and
 * the conversation, stores the message and appends the events, all in one transaction.
 */
export async function receiveMessage(db: Executor, workspaceId: string, inbound: InboundMessage, actor: EventActor): Promise<Receipt> {
  const stored = await storeInboundMessage(db, workspaceId, inbound, actor);
  return { conversation: await getConversationById(db, workspaceId, stored.conversationId), message: stored.message, created: stored.created };
}

/** receiveMessage without reading the conversation back, for channels that only need its id. */
export async function storeInboundMessage(
  db: Executor,
  workspaceId: string,
  inbound: InboundMessage,
  actor: EventActor,
): Promise<{ conversationId: string; message: Message; created: boolean }> {
  const rendered = renderBody(inbound.message);
  const receive = async (tx: Executor) => {
    if (inbound.message.externalId && !inbound.redeliveryChecked) {
      const existing = await findMessageByExternalId(tx, workspaceId, inbound.message.externalId);
      if (existing) return { conversationId: existing.conversationId, message: existing, created: false };
    }
    const { customerId } = await findOrCreateCustomer(tx, workspaceId, inbound.customer, actor);
    const conversationId =
      inbound.conversationId ?? (await openConversation(tx, workspaceId, { customerId, channel: inbound.channel, subject: inbound.subject ?? "" }, actor));
    const stored = await storeNewMessage(tx, workspaceId, conversationId, { kind: "inbound", authorType: "customer", authorId: customerId, ...rendered, ...inbound.message }, actor);
    return { conversationId: stored.message.conversationId, ...stored };
  };
  // A caller's transaction (a channel storing its own records beside the message) is atomic enough; a savepoint
  // would only add two round trips to every email.
  return isTransaction(db) ? receive(db) : db.transaction(receive);
}

async function openConversation(tx: Executor, workspaceId: string, input: { customerId: string; channel: Channel; subject: string }, actor: EventActor): Promise<string> {
  const [conversation] = await tx
    .insert(conversations)
    .values({ workspaceId, number: nextConversationNumber(workspaceId), customerId: input.customerId, channel: input.channel, subject: input.subject.trim().slice(0, 500) })
    .returning({ id: conversations.id, number: conversations.number });
  await appendEvent(tx, {
    workspaceId,
    type: "conversation.created",
    subjectType: "conversation",
    subjectId: conversation!.id,
    actor,
    payload: { number: conversation!.number, channel: input.channel, customerId: input.customerId },
  });
  return conversation!.id;
}

interface StoredMessage {
  kind: MessageKind;
  authorType: AuthorType;
  authorId: string | null;
  bodyText: string;
  bodyHtml: string | null;
  attachments?: AttachmentMeta[] | undefined;
  externalId?: string | undefined;
  mentions?: string[] | undefined;
}

interface StoreResult {
  /** Null when nothing was stored: the conversation was merged away, or a message with this externalId exists. */
  message: Message | null;
  mergedIntoId: string | null;
}

/**
 * Stores a message and moves its conversation along in one call of the
 * `rapport_store_message` database function (see its migration): the busiest write in
 * the product is one round trip with a cached plan, and atomic even outside a
 * transaction. Returns null when the conversation does not exist in this workspace.
 */
async function storeMessage(db: Executor, workspaceId: string, conversationId: string, input: StoredMessage, actor: EventActor): Promise<StoreResult | null> {
  // Outside a transaction the call commits by itself, so its notices can go out after it.
  const publishAfter = !isTransaction(db);
  const later = laterNoticesOf(db);
  const [row] = await queryRows<{
    mergedIntoId: string | null;
    message: (Omit<Message, "createdAt" | "deliveryStatus" | "deliveryError"> & { createdAt: string }) | null;
    notices: string[] | null;
  }>(
    db,
    sql`SELECT merged_into AS "mergedIntoId", stored_message AS message, event_notices AS notices
          FROM rapport_store_message(
            ${workspaceId}, ${conversationId}, ${uuidv7()}, ${input.kind}, ${input.authorType}, ${input.authorId}::uuid,
            ${input.bodyText}, ${input.bodyHtml}, ${JSON.stringify(input.attachments ?? [])}::jsonb, ${input.externalId ?? null},
            ${JSON.stringify(input.mentions ?? [])}::jsonb, ${preview(input.bodyText)}, ${new Date().toISOString()}::timestamptz,
            ${actor.type}, ${actor.id}::uuid, ${!publishAfter && !later})`,
  );
  if (!row) return null;
  if (publishAfter && row.notices) await publishCommittedNotices(db, row.notices);
  if (later && row.notices) later.push(...row.notices);
  // A message is new here, so nothing has been delivered yet.
  const message = row.message && { ...row.message, createdAt: new Date(row.message.createdAt), deliveryStatus: null, deliveryError: null };
  return { mergedIntoId: row.mergedIntoId, message };
}

/** Stores a message, or says why not: no such conversation, merged away, or already stored under its externalId (then returns that one). */
async function storeNewMessage(db: Executor, workspaceId: string, conversationId: string, input: StoredMessage, actor: EventActor): Promise<{ message: Message; created: boolean }> {
  const stored = await storeMessage(db, workspaceId, conversationId, input, actor);
  if (!stored) throw notFound("conversation_not_found", "The conversation");
  if (stored.message) return { message: stored.message, created: true };
  if (stored.mergedIntoId) {
    throw new AppError("already_merged", "This conversation was merged into another; write there instead.", { mergedIntoId: stored.mergedIntoId });
  }
  return { message: (await findMessageByExternalId(db, workspaceId, input.externalId!))!, created: false };
}

export interface NewMessage extends MessageBody {
  kind: MessageKind;
  /** Users mentioned in an internal note. */
  mentions?: string[] | undefined;
  /** Set the status in the same step ("reply and resolve"). */
  status?: Status | undefined;
  /** Refuse (`conversation_changed`) if a reply was stored after this message id or ISO time. */
  ifNoReplySince?: string | undefined;
}

/**
 * Adds a message to a conversation: an agent's reply or internal note, or, from an
 * integration, the customer's next inbound message on the API channel.
 */
export async function addMessage(ctx: ServiceContext, conversationId: string, input: NewMessage): Promise<Message> {
  requireScope(ctx.actor, "conversations:write");
  const workspaceId = ctx.actor.workspaceId;
  const rendered = renderBody(input);
  const actor = eventActor(ctx.actor);
  const mentions = input.kind === "note" ? [...new Set(input.mentions ?? [])] : [];
  const inbound = input.kind === "inbound";
  const reply = input.kind === "reply";
  const store = async (db: Executor) => {
    if (input.ifNoReplySince) await assertNoReplySince(db, workspaceId, conversationId, input.ifNoReplySince);
    await assertUsers(db, workspaceId, mentions);
    // An agent's files are this workspace's uploads; a channel's inbound message describes its own.
    const attachments = inbound ? input.attachments : await resolveUploadedAttachments(db, workspaceId, input.attachments);
    const { message, created } = await storeNewMessage(
      db,
      workspaceId,
      conversationId,
      {
        kind: input.kind,
        authorType: inbound ? "customer" : "agent",
        // An inbound message's author is the conversation's customer; the statement fills it in.
        authorId: inbound ? null : ctx.actor.userId,
        ...rendered,
        attachments,
        externalId: input.externalId,
        mentions,
      },
      actor,
    );
    if (created && mentions.length > 0) await notifyUsers(db, workspaceId, { kind: "mentioned", userIds: mentions, conversationId, messageId: message.id }, actor);
    if (created && input.status) await applyChanges(db, workspaceId, conversationId, { status: input.status }, actor);
    if (created && reply && (await queueEmailReply(db, workspaceId, message))) return (await changeDelivery(db, workspaceId, message.id, { status: "queued" })) ?? message;
    return message;
  };
  // An inbound message is one atomic statement. A reply may leave as an email, whose outbound row and job must
  // commit with it; a status change, mentions to notify or a collision check take a transaction too, which
  // announces its events once committed so that replies in a busy workspace do not commit one at a time.
  return reply || input.status || mentions.length > 0 || input.ifNoReplySince ? transactionWithLaterNotices(ctx.db, store) : store(ctx.db);
}

/** A message the product writes itself (the answer bot's replies and notes); its external id makes a retry store nothing. */
export interface AutomatedMessage {
  kind: "reply" | "note";
  authorType: "bot" | "system";
  text: string;
  html?: string | undefined;
  externalId: string;
}

/** Stores an automated message in the caller's transaction; `created` is false when its external id was already stored. */
export function storeAutomatedMessage(tx: Executor, workspaceId: string, conversationId: string, input: AutomatedMessage, actor: EventActor): Promise<{ message: Message; created: boolean }> {
  const bodyHtml = input.html ? sanitizeMessageHtml(input.html) : null;
  return storeNewMessage(tx, workspaceId, conversationId, { kind: input.kind, authorType: input.authorType, authorId: null, bodyText: input.text, bodyHtml, externalId: input.externalId }, actor);
}

/** A message by its id, for the channels that deliver it. */
export async function getMessageById(db: Executor, workspaceId: string, messageId: string): Promise<Message | undefined> {
  const [row] = await db.select(messageColumns).from(messages).where(inWorkspace(messages, workspaceId, eq(messages.id, messageId)));
  return row;
}

/**
 * Records how a reply sent through its channel is getting on (queued, sent, failed with the reason), in the
 * caller's transaction; the event lets the agent app show it as it changes.
 */
export async function changeDelivery(tx: Executor, workspaceId: string, messageId: string, delivery: { status: DeliveryStatus; error?: string | null | undefined }): Promise<Message | undefined> {
  const error = delivery.error ?? null;
  const [message] = await tx
    .update(messages)
    .set({ deliveryStatus: delivery.status, deliveryError: error })
    .where(inWorkspace(messages, workspaceId, eq(messages.id, messageId)))
    .returning(messageColumns);
  if (!message) return undefined;
  await appendEvent(tx, {
    workspaceId,
    type: "message.delivery_changed",
    subjectType: "conversation",
    subjectId: message.conversationId,
    actor: { type: "system", id: null },
    payload: { messageId, status: delivery.status, error },
  });
  return message;
}

async function assertUsers(db: Executor, workspaceId: string, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  const found = await db
    .select({ id: users.id })
    .from(users)
    .where(inWorkspace(users, workspaceId, inArray(users.id, userIds), isNull(users.deactivatedAt)));
  const missing = userIds.filter((id) => !found.some((row) => row.id === id));
  if (missing.length > 0) throw notFound("user_not_found", "A person you named (assignee or mention)");
}

// ---------------------------------------------------------------------------
// Changes

export interface ConversationChanges {
  status?: Status | undefined;
  priority?: Priority | undefined;
  /** A user id, or null to unassign. */
  assigneeId?: string | null | undefined;
  teamId?: string | null | undefined;
  subject?: string | undefined;
  snoozedUntil?: Date | undefined;
}

export async function updateConversation(ctx: ServiceContext, conversationId: string, changes: ConversationChanges): Promise<Conversation> {
  requireScope(ctx.actor, "conversations:write");
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction((tx) => applyChanges(tx, workspaceId, conversationId, changes, eventActor(ctx.actor)));
  return getConversationById(ctx.db, workspaceId, conversationId);
}

/** Changes a conversation in the caller's transaction, for automated work that acts as itself rather than as a person. */
export const changeConversation = (tx: Executor, workspaceId: string, conversationId: string, changes: ConversationChanges, actor: EventActor) =>
  applyChanges(tx, workspaceId, conversationId, changes, actor);

type ChangeEvent = { type: string; payload: Record<string, unknown> };

async function applyChanges(tx: Executor, workspaceId: string, conversationId: string, changes: ConversationChanges, actor: EventActor): Promise<void> {
  const [current] = await tx
    .select(conversationColumns)
    .from(conversations)
    .where(inWorkspace(conversations, workspaceId, eq(conversations.id, conversationId)))
    .for("update");
  if (!current) throw notFound("conversation_not_found", "The conversation");
  if (current.mergedIntoId) throw new AppError("already_merged", "This conversation was merged into another and cannot change.", { mergedIntoId: current.mergedIntoId });
  if (changes.status === "snoozed" && !changes.snoozedUntil) throw new AppError("invalid_request", "Snoozing needs \"snoozedUntil\": when the conversation should wake up.");
  if (changes.snoozedUntil && changes.snoozedUntil <= new Date()) throw new AppError("invalid_request", "\"snoozedUntil\" must be in the future.");
  if (changes.assigneeId) await assertUsers(tx, workspaceId, [changes.assigneeId]);
  if (changes.teamId) {
    const [team] = await tx.select({ id: teams.id }).from(teams).where(inWorkspace(teams, workspaceId, eq(teams.id, changes.teamId)));
    if (!team) throw notFound("team_not_found", "The team");
  }

  const now = new Date();
  const set: Partial<typeof conversations.$inferInsert> = {};
  const events: ChangeEvent[] = [];
  const status = changes.status ?? (changes.snoozedUntil ? "snoozed" : undefined);
  if (status && status !== current.status) {
    set.status = status;
    set.snoozedUntil = status === "snoozed" ? changes.snoozedUntil! : null;
    if (status === "resolved" || status === "closed") set.resolvedAt = current.resolvedAt && current.status === "closed" ? current.resolvedAt : now;
    else set.resolvedAt = null;
    events.push({ type: "conversation.status_changed", payload: { from: current.status, to: status, snoozedUntil: set.snoozedUntil?.toISOString() } });
  } else if (status === "snoozed" && changes.snoozedUntil) {
    set.snoozedUntil = changes.snoozedUntil;
    events.push({ type: "conversation.snoozed", payload: { snoozedUntil: changes.snoozedUntil.toISOString() } });
  }
  if (changes.priority && changes.priority !== current.priority) {
    set.priority = changes.priority;
    events.push({ type: "conversation.priority_changed", payload: { from: current.priority, to: changes.priority } });
  }
  if (changes.assigneeId !== undefined && changes.assigneeId !== current.assigneeId) {
    set.assigneeId = changes.assigneeId;
    events.push({ type: "conversation.assigned", payload: { from: current.assigneeId, to: changes.assigneeId } });
  }
  if (changes.teamId !== undefined && changes.teamId !== current.teamId) {
    set.teamId = changes.teamId;
    events.push({ type: "conversation.team_changed", payload: { from: current.teamId, to: changes.teamId } });
  }
  if (changes.subject !== undefined && changes.subject.trim() !== current.subject) {
    set.subject = changes.subject.trim();
    events.push({ type: "conversation.subject_changed", payload: { from: current.subject, to: set.subject } });
  }
  if (events.length === 0) return;
  await tx
    .update(conversations)
    .set({ ...set, updatedAt: now, lastActivityAt: now })
    .where(inWorkspace(conversations, workspaceId, eq(conversations.id, conversationId)));
  if (set.snoozedUntil) await scheduleWake(tx, workspaceId, conversationId, set.snoozedUntil);
  for (const event of events) {
    await appendEvent(tx, { workspaceId, type: event.type, subjectType: "conversation", subjectId: conversationId, actor, payload: event.payload });
  }
  if (set.assigneeId) await notifyUsers(tx, workspaceId, { kind: "assigned", userIds: [set.assigneeId], conversationId }, actor);
}

export const normalizeTag = (tag: string) => tag.trim().toLowerCase().replace(/\s+/g, "-");

export async function changeTags(ctx: ServiceContext, conversationId: string, change: { add?: string[] | undefined; remove?: string[] | undefined }): Promise<Conversation> {
  requireScope(ctx.actor, "conversations:write");
  const workspaceId = ctx.actor.workspaceId;
  const add = [...new Set((change.add ?? []).map(normalizeTag).filter(Boolean))];
  const remove = new Set((change.remove ?? []).map(normalizeTag));
  await ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ tags: conversations.tags })
      .from(conversations)
      .where(inWorkspace(conversations, workspaceId, eq(conversations.id, conversationId)))
      .for("update");
    if (!current) throw notFound("conversation_not_found", "The conversation");
    const tags = [...new Set([...current.tags, ...add])].filter((tag) => !remove.has(tag)).sort();
    const added = tags.filter((tag) => !current.tags.includes(tag));
    const removed = current.tags.filter((tag) => !tags.includes(tag));
    if (added.length === 0 && removed.length === 0) return;
    await tx
      .update(conversations)
      .set({ tags, updatedAt: new Date() })
      .where(inWorkspace(conversations, workspaceId, eq(conversations.id, conversationId)));
    await appendEvent(tx, { workspaceId, type: "conversation.tags_changed", subjectType: "conversation", subjectId: conversationId, actor: eventActor(ctx.actor), payload: { added, removed } });
  });
  return getConversationById(ctx.db, workspaceId, conversationId);
}

/**
 * Merges `sourceId` into `targetId`: the source's messages move to the target, the
 * source is closed and points at the target, and a system note records the merge.
 */
export async function mergeConversations(ctx: ServiceContext, sourceId: string, targetId: string): Promise<Conversation> {
  requireScope(ctx.actor, "conversations:write");
  if (sourceId === targetId) throw new AppError("invalid_request", "A conversation cannot be merged into itself.");
  const workspaceId = ctx.actor.workspaceId;
  const actor = eventActor(ctx.actor);
  await ctx.db.transaction(async (tx) => {
    // Lock both in a fixed order so two opposite merges cannot deadlock.
    const locked = await tx
      .select(conversationColumns)
      .from(conversations)
      .where(inWorkspace(conversations, workspaceId, inArray(conversations.id, [sourceId, targetId])))
      .orderBy(conversations.id)
      .for("update");
    const source = locked.find((row) => row.id === sourceId);
    const target = locked.find((row) => row.id === targetId);
    if (!source || !target) throw notFound("conversation_not_found", "The conversation");
    if (source.mergedIntoId || target.mergedIntoId) {
      throw new AppError("already_merged", "One of these conversations was already merged into another.", { mergedIntoId: source.mergedIntoId ?? target.mergedIntoId });
    }
    // Moved messages keep their order and follow the target's own, so a seq stays unique in a conversation.
    const moved = await tx
      .update(messages)
      .set({ conversationId: targetId, seq: sql`${target.messageCount} + ${messages.seq}` })
      .where(inWorkspace(messages, workspaceId, eq(messages.conversationId, sourceId)))
      .returning({ id: messages.id });
    const now = new Date();
    await tx
      .update(conversations)
      .set({ mergedIntoId: targetId, status: "closed", resolvedAt: now, messageCount: 0, updatedAt: now, lastActivityAt: now })
      .where(inWorkspace(conversations, workspaceId, eq(conversations.id, sourceId)));
    await tx
      .update(conversations)
      .set({
        messageCount: sql`${conversations.messageCount} + ${moved.length}`,
        tags: [...new Set([...target.tags, ...source.tags])].sort(),
        firstResponseAt: sql`least(${conversations.firstResponseAt}, ${source.firstResponseAt?.toISOString() ?? null}::timestamptz)`,
        updatedAt: now,
      })
      .where(inWorkspace(conversations, workspaceId, eq(conversations.id, targetId)));
    await storeNewMessage(
      tx,
      workspaceId,
      targetId,
      { kind: "note", authorType: "system", authorId: null, bodyText: `Conversation #${source.number} was merged into this one (${moved.length} messages moved).`, bodyHtml: null },
      actor,
    );
    await appendEvent(tx, { workspaceId, type: "conversation.merged", subjectType: "conversation", subjectId: sourceId, actor, payload: { into: targetId, messagesMoved: moved.length } });
  });
  return getConversationById(ctx.db, workspaceId, targetId);
}

/** Deletes a customer's conversations and their messages; used when a customer is erased. */
export async function eraseCustomerConversations(tx: Executor, workspaceId: string, customerId: string): Promise<number> {
  const erased = await tx
    .delete(conversations)
    .where(inWorkspace(conversations, workspaceId, eq(conversations.customerId, customerId)))
    .returning({ id: conversations.id });
  return erased.length;
}

// ---------------------------------------------------------------------------
// Inbox counts

export interface InboxCounts {
  /** Open and assigned to the caller. */
  mine: number;
  /** Open with nobody assigned. */
  unassigned: number;
  open: number;
  pending: number;
  snoozed: number;
  resolved: number;
  /** Open conversations per team id, channel and tag (the 50 most used). */
  teams: Record<string, number>;
  channels: Record<string, number>;
  tags: Record<string, number>;
  /** Conversations matching each given view's filters, by view id. */
  views: Record<string, number>;
}

const COUNTED_STATUSES: Status[] = ["open", "pending", "snoozed", "resolved"];

/**
 * The numbers beside the inbox's built-in views and the given saved views. Three
 * statements: the status totals read the assignee index alone; the open breakdown
 * reads the open conversations once; each saved view is its own subquery, planned
 * on the index its filters suit.
 */
export async function countConversations(ctx: ServiceContext, views: { id: string; filters: ConversationFilters }[]): Promise<InboxCounts> {
  requireScope(ctx.actor, "conversations:read");
  const { workspaceId, userId } = ctx.actor;
  const byStatus = await ctx.db
    .select({
      status: conversations.status,
      total: sql<number>`count(*)::int`,
      mine: sql<number>`(count(*) FILTER (WHERE ${conversations.assigneeId} = ${userId}))::int`,
      unassigned: sql<number>`(count(*) FILTER (WHERE ${conversations.assigneeId} IS NULL))::int`,
    })
    .from(conversations)
    .where(inWorkspace(conversations, workspaceId, inArray(conversations.status, COUNTED_STATUSES)))
    .groupBy(conversations.status);
  const total = (status: Status) => byStatus.find((row) => row.status === status)?.total ?? 0;
  const open = byStatus.find((row) => row.status === "open");

  type Breakdown = Record<"teams" | "channels" | "tags", Record<string, number> | null>;
  const [breakdown] = await queryRows<Breakdown>(
    ctx.db,
    sql`WITH open AS MATERIALIZED (
          SELECT ${conversations.teamId} AS team_id, ${conversations.channel} AS channel, ${conversations.tags} AS tags
            FROM ${conversations} WHERE ${inWorkspace(conversations, workspaceId, eq(conversations.status, "open"))}
        )
        SELECT
          (SELECT json_object_agg(team_id, n) FROM (SELECT team_id, count(*)::int AS n FROM open WHERE team_id IS NOT NULL GROUP BY team_id) AS t) AS teams,
          (SELECT json_object_agg(channel, n) FROM (SELECT channel, count(*)::int AS n FROM open GROUP BY channel) AS c) AS channels,
          (SELECT json_object_agg(tag, n ORDER BY n DESC, tag) FROM (
             SELECT tag, count(*)::int AS n FROM open, unnest(open.tags) AS tag GROUP BY tag ORDER BY n DESC, tag LIMIT 50
          ) AS g) AS tags`,
  );

  const viewCounts: Record<string, number> = {};
  if (views.length > 0) {
    const subqueries = views.map(
      (view) => sql`(SELECT count(*)::int FROM ${conversations} WHERE ${inWorkspace(conversations, workspaceId, ...filterConditions(userId, view.filters))})`,
    );
    const [row] = await queryRows<{ counts: number[] }>(ctx.db, sql`SELECT ARRAY[${sql.join(subqueries, sql`, `)}]::int[] AS counts`);
    views.forEach((view, index) => (viewCounts[view.id] = row?.counts[index] ?? 0));
  }

  return {
    mine: open?.mine ?? 0,
    unassigned: open?.unassigned ?? 0,
    open: total("open"),
    pending: total("pending"),
    snoozed: total("snoozed"),
    resolved: total("resolved"),
    teams: breakdown?.teams ?? {},
    channels: breakdown?.channels ?? {},
    tags: breakdown?.tags ?? {},
    views: viewCounts,
  };
}

// ---------------------------------------------------------------------------
// Tags across the workspace

export interface TagUse {
  name: string;
  /** Conversations carrying it, in any status. */
  count: number;
}

const MAX_LISTED_TAGS = 1000;

export async function listTags(ctx: ServiceContext): Promise<TagUse[]> {
  requireScope(ctx.actor, "conversations:read");
  return queryRows<TagUse>(
    ctx.db,
    sql`SELECT tag AS name, count(*)::int AS count
          FROM ${conversations}, unnest(${conversations.tags}) AS tag
         WHERE ${inWorkspace(conversations, ctx.actor.workspaceId)}
         GROUP BY tag ORDER BY count DESC, tag LIMIT ${MAX_LISTED_TAGS}`,
  );
}

/**
 * Rewrites a tag on every conversation carrying it: renamed (merging into `to` where
 * both are present) or, with `to` null, removed. Tags stay sorted as `changeTags`
 * keeps them; one summary event and an audit entry record the change.
 */
async function rewriteTag(ctx: ServiceContext, from: string, to: string | null): Promise<{ conversations: number }> {
  requireRole(ctx.actor, "admin");
  const workspaceId = ctx.actor.workspaceId;
  const rewritten = to === null ? sql`array_remove(${conversations.tags}, ${from}::text)` : sql`array_replace(${conversations.tags}, ${from}::text, ${to}::text)`;
  return ctx.db.transaction(async (tx) => {
    const changed = await tx
      .update(conversations)
      .set({ tags: sql`ARRAY(SELECT tag FROM unnest(${rewritten}) AS tag GROUP BY tag ORDER BY tag COLLATE "C")`, updatedAt: new Date() })
      .where(inWorkspace(conversations, workspaceId, arrayContains(conversations.tags, [from])))
      .returning({ id: conversations.id });
    if (changed.length === 0) throw notFound("tag_not_found", `The tag "${from}"`);
    const type = to === null ? "tag.deleted" : "tag.renamed";
    const details = { from, to, conversations: changed.length };
    await appendEvent(tx, { workspaceId, type, subjectType: "workspace", subjectId: workspaceId, actor: eventActor(ctx.actor), payload: details });
    await recordAudit(withDb(ctx, tx), type, "workspace", workspaceId, details);
    return { conversations: changed.length };
  });
}

export async function renameTag(ctx: ServiceContext, from: string, to: string): Promise<{ conversations: number }> {
  const [source, target] = [normalizeTag(from), normalizeTag(to)];
  if (!target) throw new AppError("invalid_request", "The new tag name is empty.");
  if (source === target) throw new AppError("invalid_request", "The new name is the same tag.");
  return rewriteTag(ctx, source, target);
}

export const deleteTag = (ctx: ServiceContext, name: string) => rewriteTag(ctx, normalizeTag(name), null);
