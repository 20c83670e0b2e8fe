import { createHmac, timingSafeEqual } from "node:crypto";
import { and, asc, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { requireScope } from "../../platform/auth/policy.ts";
import { generateToken, hashToken } from "../../platform/auth/secrets.ts";
import type { ServiceContext } from "../../platform/context.ts";
import type { Executor } from "../../platform/db/client.ts";
import { domainEvents } from "../../platform/db/platform-schema.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { appendEvent, transactionWithLaterNotices, type EventActor } from "../../platform/events.ts";
import type { FileStore } from "../../platform/files.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { attachments } from "../attachments/schema.ts";
import { storeReceivedAttachment, type Attachment } from "../attachments/service.ts";
import { conversations, messages, messageColumns, type AttachmentMeta } from "../conversations/schema.ts";
import { getConversationById, storeInboundMessage, type Message } from "../conversations/service.ts";
import { addVouchedIdentities, findOrCreateCustomer, mergeCustomerAttributes } from "../customers/service.ts";
import { users } from "../workspaces/schema.ts";
import { botMessageExtras, takeVisitorMessage, type BotMessageExtras } from "../bot/service.ts";
import { getBotSettings } from "../bot/settings.ts";
import { widgetVisitors, type FormField, type VisitorContext } from "./schema.ts";
import type { WidgetSettings } from "./settings.ts";

export type Visitor = typeof widgetVisitors.$inferSelect;

/** A message the visitor may see, with the name of the agent (or bot) who wrote it, and a bot message's links and quick replies. */
export type VisibleMessage = Message & { seq: number; authorName: string | null } & Partial<BotMessageExtras>;

/** The longest message a visitor may send, in characters. */
export const MAX_MESSAGE_LENGTH = 10_000;
/** What one `sync` answers at most; the client syncs again from the last seq it got. */
export const SYNC_LIMIT = 500;

export interface SignedIdentity {
  userId: string;
  email?: string | undefined;
  name?: string | undefined;
  signature?: string | undefined;
}

/** What a host's server computes to vouch for its signed-in user: hex HMAC-SHA256 of `userId + "\n" + email`. */
export function signIdentity(secret: string, userId: string, email: string | undefined): string {
  return createHmac("sha256", secret).update(`${userId}\n${email ?? ""}`).digest("hex");
}

function signatureHolds(secret: string, identity: SignedIdentity): boolean {
  const expected = Buffer.from(signIdentity(secret, identity.userId, identity.email), "hex");
  const given = Buffer.from(identity.signature ?? "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const visitorActor = (visitor: Pick<Visitor, "customerId">): EventActor => (visitor.customerId ? { type: "customer", id: visitor.customerId } : { type: "system", id: null });

/** The customer a visitor is as far as anyone can tell: the host's user when signed, otherwise this browser alone. */
const claimsOf = (visitor: Visitor) => (visitor.verifiedUserId ? { externalId: visitor.verifiedUserId } : { visitorId: visitor.id });

/** The visitor a token names, in whichever workspace: the token is what tells the workspace, as a session's does. */
export async function findVisitorByToken(db: Executor, token: string): Promise<Visitor | undefined> {
  const [visitor] = await db.select().from(widgetVisitors).where(eq(widgetVisitors.tokenHash, hashToken(token)));
  return visitor;
}

/** Context values are kept short: they come from the visitor's browser and are shown to agents. */
function cleanContext(context: VisitorContext | undefined): VisitorContext {
  const entries = Object.entries(context ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  return Object.fromEntries(entries.map(([key, value]) => [key, value.slice(0, 1000)]));
}

/** What the customer's profile keeps of the visitor's context, under names an agent reads at a glance. */
function contextAttributes(context: VisitorContext): Record<string, string> {
  const picked: Record<string, string | undefined> = { last_page_url: context.url, last_page_title: context.title, browser: context.userAgent, language: context.language, time_zone: context.timeZone };
  return Object.fromEntries(Object.entries(picked).filter((entry): entry is [string, string] => Boolean(entry[1])));
}

/** Answers to the pre-chat questions: only the workspace's own keys, every required one, select answers among the choices. */
function checkPreChat(fields: FormField[], answers: Record<string, string> | undefined): Record<string, string> {
  const given = answers ?? {};
  const known = new Map(fields.map((field) => [field.key, field]));
  for (const key of Object.keys(given)) {
    if (!known.has(key)) throw new AppError("invalid_request", `preChat: "${key}" is not one of this workspace's pre-chat fields (${[...known.keys()].join(", ") || "there are none"}).`);
  }
  for (const field of fields) {
    const value = given[field.key]?.trim();
    if (field.required && !value) throw new AppError("invalid_request", `preChat: "${field.label}" (${field.key}) is required.`);
    if (value && field.type === "select" && !field.options?.includes(value)) throw new AppError("invalid_request", `preChat: "${field.label}" must be one of ${field.options?.join(", ")}.`);
    if (value && field.type === "email" && !/^[^\s@]+@[^\s@]+$/.test(value)) throw new AppError("invalid_request", `preChat: "${field.label}" must be an email address.`);
  }
  return Object.fromEntries(Object.entries(given).map(([key, value]) => [key, value.trim().slice(0, 2000)]));
}

export interface SessionInput {
  workspaceId: string;
  settings: WidgetSettings;
  token?: string | undefined;
  identity?: SignedIdentity | undefined;
  context?: VisitorContext | undefined;
  preChat?: Record<string, string> | undefined;
}

export interface Session {
  token: string;
  visitor: Visitor;
  conversationId: string | null;
}

/**
 * Resumes the visitor a token names or starts a new one. A signed identity makes the visitor that customer on
 * every device; an unsigned one is only a note on this visitor and never reaches an existing customer. A browser
 * whose signed-in user changed (or signed out) starts afresh, so nobody sees the previous person's chat.
 */
export async function openVisitorSession(db: Executor, input: SessionInput): Promise<Session> {
  const { workspaceId, settings } = input;
  const identity = input.identity;
  const signed = identity?.signature !== undefined;
  if (signed && !signatureHolds(settings.identitySecret, identity!)) {
    throw new AppError("identity_refused", "The identity signature does not match this workspace's identity secret; sign userId + \"\\n\" + email with HMAC-SHA256.");
  }
  if (settings.requireIdentity && !signed) throw new AppError("identity_required", "This workspace chats only with signed-in users: the host page must send a signed identity.");
  const verifiedUserId = signed ? identity!.userId : null;
  const context = cleanContext(input.context);
  // Answers are checked when given: a returning visitor answered them when their chat began.
  const preChat = input.preChat === undefined ? undefined : checkPreChat(settings.preChatFields, input.preChat);

  // An unsigned address is kept as the visitor's own note; a signed one belongs to the customer.
  const claimedEmail = signed ? undefined : identity?.email?.trim().toLowerCase() || undefined;

  return db.transaction(async (tx) => {
    const known = input.token ? await findVisitorByToken(tx, input.token) : undefined;
    const resumed = known && known.workspaceId === workspaceId && known.verifiedUserId === verifiedUserId;
    const required = settings.preChatFields.find((field) => field.required);
    if (!resumed && preChat === undefined && required) {
      throw new AppError("invalid_request", `preChat: "${required.label}" (${required.key}) is required before a chat starts.`);
    }
    const token = resumed && input.token ? input.token : generateToken("rpv");
    const [stored] = resumed
      ? await tx
          .update(widgetVisitors)
          .set({ context: { ...known.context, ...context }, lastSeenAt: new Date(), ...(claimedEmail && { email: claimedEmail }) })
          .where(inWorkspace(widgetVisitors, workspaceId, eq(widgetVisitors.id, known.id)))
          .returning()
      : await tx.insert(widgetVisitors).values({ workspaceId, tokenHash: hashToken(token), verifiedUserId, context, email: claimedEmail ?? null }).returning();
    let visitor = stored!;
    // A signed visitor is their customer at once; anyone else becomes one with their first message or answers.
    if (signed || Object.keys(preChat ?? {}).length > 0) {
      const claims = signed ? { externalId: identity!.userId, email: identity!.email, name: identity!.name } : { visitorId: visitor.id };
      const { customerId, created } = await findOrCreateCustomer(tx, workspaceId, claims, visitorActor(visitor));
      // Found by the signed email alone (they wrote in before): the user id joins them, for devices that sign without it.
      if (signed && !created) await addVouchedIdentities(tx, workspaceId, customerId, { externalId: identity!.userId, email: identity!.email }, { type: "customer", id: customerId });
      await mergeCustomerAttributes(tx, workspaceId, customerId, { ...contextAttributes(visitor.context), ...(preChat ?? {}) }, { type: "customer", id: customerId });
      if (visitor.customerId !== customerId) visitor = await linkCustomer(tx, visitor, customerId);
    }
    return { token, visitor, conversationId: await currentConversationId(tx, visitor) };
  });
}

async function linkCustomer(tx: Executor, visitor: Visitor, customerId: string): Promise<Visitor> {
  const [updated] = await tx.update(widgetVisitors).set({ customerId }).where(inWorkspace(widgetVisitors, visitor.workspaceId, eq(widgetVisitors.id, visitor.id))).returning();
  return updated!;
}

/**
 * The chat the visitor is in: their customer's latest chat conversation that was not merged away. A resolved or
 * closed one is continued (the visitor's message reopens it) rather than followed by a new one: the widget
 * syncs by seq alone, and a new conversation would start its seqs over beneath what the widget has seen.
 */
export async function currentConversationId(db: Executor, visitor: Pick<Visitor, "workspaceId" | "customerId">): Promise<string | null> {
  if (!visitor.customerId) return null;
  const [row] = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(inWorkspace(conversations, visitor.workspaceId, eq(conversations.customerId, visitor.customerId), eq(conversations.channel, "chat"), isNull(conversations.mergedIntoId)))
    .orderBy(desc(conversations.lastActivityAt))
    .limit(1);
  return row?.id ?? null;
}

export interface VisitorSend {
  clientId: string;
  text: string;
  attachmentIds?: string[] | undefined;
}

/** A subject for the inbox from the first words of the first message. */
const subjectOf = (text: string) => {
  const words = text.trim().split(/\s+/).slice(0, 10).join(" ");
  return words.length > 80 ? `${words.slice(0, 79)}…` : words || "Chat";
};

/**
 * Stores what the visitor sent, once: the client's id makes the message's external id, so a resend finds the
 * stored message and stores nothing. The visitor's row is locked, so two tabs sending a first message at once
 * open one conversation, not two.
 */
export async function sendVisitorMessage(db: Executor, visitorId: string, workspaceId: string, send: VisitorSend): Promise<{ message: VisibleMessage; customerId: string }> {
  if (send.text.length > MAX_MESSAGE_LENGTH) throw new AppError("payload_too_large", `A message may be at most ${MAX_MESSAGE_LENGTH} characters.`);
  // Its events are announced after the commit: chats in a busy workspace would otherwise commit one at a time.
  return transactionWithLaterNotices(db, async (tx) => {
    const [visitor] = await tx.select().from(widgetVisitors).where(inWorkspace(widgetVisitors, workspaceId, eq(widgetVisitors.id, visitorId))).for("update");
    if (!visitor) throw new AppError("unauthenticated", "This visitor session has ended; open a new one.");
    const files = await visitorUploads(tx, visitor, send.attachmentIds ?? []);
    const conversationId = (await currentConversationId(tx, visitor)) ?? undefined;
    const receipt = await storeInboundMessage(
      tx,
      workspaceId,
      {
        channel: "chat",
        customer: claimsOf(visitor),
        subject: subjectOf(send.text),
        conversationId,
        message: { text: send.text, attachments: files, externalId: `widget:${visitor.id}:${send.clientId}` },
      },
      visitorActor(visitor),
    );
    // An inbound message's author is its conversation's customer.
    const customerId = receipt.message.authorId!;
    if (receipt.created) await takeVisitorMessage(tx, workspaceId, receipt.conversationId, receipt.message.id);
    if (receipt.created && visitor.customerId !== customerId) {
      await linkCustomer(tx, visitor, customerId);
      await mergeCustomerAttributes(tx, workspaceId, customerId, contextAttributes(visitor.context), { type: "customer", id: customerId });
    }
    return { message: { ...receipt.message, seq: receipt.message.seq ?? 0, authorName: null }, customerId };
  });
}

const VISIBLE_KINDS = ["inbound", "reply"] as const;

/** What the visitor may read of their conversation after `after`, in seq order: never internal notes. */
export async function visibleMessagesAfter(db: Executor, workspaceId: string, conversationId: string, after: number, limit = SYNC_LIMIT): Promise<VisibleMessage[]> {
  const rows = await db
    .select({ ...messageColumns, authorName: users.name })
    .from(messages)
    .leftJoin(users, and(eq(users.workspaceId, messages.workspaceId), eq(users.id, messages.authorId), eq(messages.authorType, "agent")))
    .where(inWorkspace(messages, workspaceId, eq(messages.conversationId, conversationId), inArray(messages.kind, [...VISIBLE_KINDS]), gt(messages.seq, after)))
    .orderBy(asc(messages.seq))
    .limit(limit);
  return withBotExtras(db, workspaceId, rows.map((row) => ({ ...row, seq: row.seq ?? 0 })));
}

/** Bot messages carry the bot's name, their article links and their quick replies. */
async function withBotExtras(db: Executor, workspaceId: string, rows: VisibleMessage[]): Promise<VisibleMessage[]> {
  const botIds = rows.filter((row) => row.authorType === "bot").map((row) => row.id);
  if (botIds.length === 0) return rows;
  const [extras, settings] = await Promise.all([botMessageExtras(db, workspaceId, botIds), getBotSettings(db, workspaceId)]);
  return rows.map((row) => (row.authorType === "bot" ? { ...row, authorName: settings.name, ...extras.get(row.id) } : row));
}

/** One message as the visitor sees it, or undefined for a note or another workspace's message. */
export async function visibleMessage(db: Executor, workspaceId: string, messageId: string): Promise<VisibleMessage | undefined> {
  const [row] = await db
    .select({ ...messageColumns, authorName: users.name })
    .from(messages)
    .leftJoin(users, and(eq(users.workspaceId, messages.workspaceId), eq(users.id, messages.authorId), eq(messages.authorType, "agent")))
    .where(inWorkspace(messages, workspaceId, eq(messages.id, messageId), inArray(messages.kind, [...VISIBLE_KINDS])));
  if (!row) return undefined;
  const [message] = await withBotExtras(db, workspaceId, [{ ...row, seq: row.seq ?? 0 }]);
  return message;
}

/**
 * How far agents have read: up to their latest message in the conversation, since an agent who wrote has read
 * what came before. Live reads (an agent viewing the conversation) come as `read` frames.
 */
export async function agentReadSeq(db: Executor, workspaceId: string, conversationId: string): Promise<number> {
  const [row] = await db
    .select({ seq: sql<number | null>`max(${messages.seq})` })
    .from(messages)
    .where(inWorkspace(messages, workspaceId, eq(messages.conversationId, conversationId), eq(messages.authorType, "agent")));
  return row?.seq ?? 0;
}

/** The latest seq of a conversation (notes included): what an agent viewing it has read. */
export async function latestSeq(db: Executor, workspaceId: string, conversationId: string): Promise<number> {
  const [row] = await db.select({ count: conversations.messageCount }).from(conversations).where(inWorkspace(conversations, workspaceId, eq(conversations.id, conversationId)));
  return row?.count ?? 0;
}

/** The visitor has seen their conversation up to `seq`: kept as the time of that message, and told to agents. */
export async function recordVisitorRead(db: Executor, visitor: Visitor, conversationId: string, seq: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [read] = await tx
      .select({ createdAt: messages.createdAt })
      .from(messages)
      .where(inWorkspace(messages, visitor.workspaceId, eq(messages.conversationId, conversationId), eq(messages.seq, seq)));
    if (!read) return;
    const [moved] = await tx
      .update(widgetVisitors)
      .set({ lastReadAt: read.createdAt })
      .where(inWorkspace(widgetVisitors, visitor.workspaceId, eq(widgetVisitors.id, visitor.id), sql`(${widgetVisitors.lastReadAt} IS NULL OR ${widgetVisitors.lastReadAt} < ${read.createdAt.toISOString()}::timestamptz)`))
      .returning({ id: widgetVisitors.id });
    if (!moved) return;
    await appendEvent(tx, { workspaceId: visitor.workspaceId, type: "widget.visitor_read", subjectType: "conversation", subjectId: conversationId, actor: visitorActor(visitor), payload: { visitorId: visitor.id, seq } });
  });
}

/** The page the visitor moved to: kept on the visitor for the agent's view, and told to agents of their conversation. */
export async function recordVisitorPage(db: Executor, visitor: Visitor, page: { url: string; title?: string | undefined }): Promise<Visitor> {
  const context = { ...visitor.context, ...cleanContext({ url: page.url, ...(page.title !== undefined && { title: page.title }) }) };
  return db.transaction(async (tx) => {
    const [updated] = await tx.update(widgetVisitors).set({ context, lastSeenAt: new Date() }).where(inWorkspace(widgetVisitors, visitor.workspaceId, eq(widgetVisitors.id, visitor.id))).returning();
    const conversationId = await currentConversationId(tx, visitor);
    if (conversationId) {
      await appendEvent(tx, { workspaceId: visitor.workspaceId, type: "widget.visitor_moved", subjectType: "conversation", subjectId: conversationId, actor: visitorActor(visitor), payload: { visitorId: visitor.id, url: context.url } });
    }
    return updated!;
  });
}

/** An address for the answer to go to when no one could chat. Not verified: it never joins the visitor to a customer. */
export async function leaveVisitorEmail(db: Executor, visitor: Visitor, email: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(widgetVisitors).set({ email: email.trim().toLowerCase() }).where(inWorkspace(widgetVisitors, visitor.workspaceId, eq(widgetVisitors.id, visitor.id)));
    await appendEvent(tx, { workspaceId: visitor.workspaceId, type: "widget.visitor_left_email", subjectType: "customer", subjectId: visitor.customerId ?? visitor.id, actor: visitorActor(visitor), payload: { visitorId: visitor.id } });
  });
}

/** A visitor counts as on the page when some process's heartbeat (every 30 s) saw their socket within this long. */
export const ONLINE_WITHIN_MS = 75_000;

/**
 * Where an agent's reply should also go by email: the address a visitor of this customer left, when none of
 * their visitors is on the page to read it in the chat.
 */
export async function awayVisitorEmail(db: Executor, workspaceId: string, customerId: string): Promise<string | undefined> {
  const rows = await db
    .select({ email: widgetVisitors.email, lastSeenAt: widgetVisitors.lastSeenAt })
    .from(widgetVisitors)
    .where(inWorkspace(widgetVisitors, workspaceId, eq(widgetVisitors.customerId, customerId)))
    .orderBy(desc(widgetVisitors.lastSeenAt))
    .limit(20);
  if (rows.some((row) => Date.now() - row.lastSeenAt.getTime() < ONLINE_WITHIN_MS)) return undefined;
  return rows.find((row) => row.email)?.email ?? undefined;
}

/** The visitors who are this customer. */
export async function visitorIdsOfCustomer(db: Executor, workspaceId: string, customerId: string): Promise<string[]> {
  const rows = await db.select({ id: widgetVisitors.id }).from(widgetVisitors).where(inWorkspace(widgetVisitors, workspaceId, eq(widgetVisitors.customerId, customerId)));
  return rows.map((row) => row.id);
}

/** Marks visitors as seen now: one statement for every socket a process holds. */
export async function touchVisitors(db: Executor, visitorIds: string[]): Promise<void> {
  if (visitorIds.length === 0) return;
  await db.update(widgetVisitors).set({ lastSeenAt: new Date() }).where(inArray(widgetVisitors.id, visitorIds));
}

// ---------------------------------------------------------------------------
// Files

/** Types a visitor may send: pictures a browser shows safely, and common documents. */
export const VISITOR_FILE_TYPES = new Set([
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "application/pdf",
  "text/plain",
  "text/csv",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.oasis.opendocument.text",
  "application/vnd.oasis.opendocument.spreadsheet",
]);

/** The largest file a visitor may send. */
export const VISITOR_FILE_LIMIT = 10 * 1024 * 1024;

const UPLOADED = "widget.attachment_uploaded";

/**
 * Stores a visitor's file. Attachments have no visitor column: the upload's event, written with the row, is what
 * says which visitor it belongs to (`visitorUploads` reads it back).
 */
export async function storeVisitorAttachment(db: Executor, files: FileStore, visitor: Visitor, file: { filename: string; contentType: string; content: Buffer }): Promise<Attachment> {
  if (!VISITOR_FILE_TYPES.has(file.contentType)) {
    throw new AppError("unsupported_media_type", `Files of type ${file.contentType} cannot be sent here; send a picture (PNG, JPEG, GIF, WebP), a PDF, text, or an office document.`);
  }
  let storageKey: string | undefined;
  try {
    return await db.transaction(async (tx) => {
      const attachment = await storeReceivedAttachment(tx, files, visitor.workspaceId, { ...file, limit: VISITOR_FILE_LIMIT });
      storageKey = attachment.storageKey;
      await appendEvent(tx, { workspaceId: visitor.workspaceId, type: UPLOADED, subjectType: "attachment", subjectId: attachment.id, actor: visitorActor(visitor), payload: { visitorId: visitor.id } });
      return attachment;
    });
  } catch (error) {
    if (storageKey) await files.remove(storageKey);
    throw error;
  }
}

const uploadedBy = (visitorId: string) =>
  sql`EXISTS (SELECT 1 FROM ${domainEvents} WHERE ${domainEvents.workspaceId} = ${attachments.workspaceId} AND ${domainEvents.subjectId} = ${attachments.id}
               AND ${domainEvents.type} = ${UPLOADED} AND ${domainEvents.payload}->>'visitorId' = ${visitorId})`;

/** The files a `send` names: each must be this visitor's own upload. */
async function visitorUploads(db: Executor, visitor: Visitor, ids: string[]): Promise<AttachmentMeta[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: attachments.id, filename: attachments.filename, contentType: attachments.contentType, size: attachments.size })
    .from(attachments)
    .where(inWorkspace(attachments, visitor.workspaceId, inArray(attachments.id, ids), uploadedBy(visitor.id)));
  const missing = ids.find((id) => !rows.some((row) => row.id === id));
  if (missing) throw notFound("attachment_not_found", `The file ${missing}`);
  return ids.map((id) => rows.find((row) => row.id === id)!);
}

/** A file the visitor may download: one they uploaded, or one on a message of their own chats. */
export async function getVisitorAttachment(db: Executor, visitor: Visitor, attachmentId: string): Promise<Attachment> {
  const inTheirChats = visitor.customerId
    ? sql`EXISTS (SELECT 1 FROM ${messages} JOIN ${conversations} ON ${conversations.workspaceId} = ${messages.workspaceId} AND ${conversations.id} = ${messages.conversationId}
                  WHERE ${messages.workspaceId} = ${attachments.workspaceId} AND ${conversations.customerId} = ${visitor.customerId}
                    AND ${messages.kind} <> 'note' AND ${messages.attachments} @> ${JSON.stringify([{ id: attachmentId }])}::jsonb)`
    : sql`false`;
  const [row] = await db
    .select()
    .from(attachments)
    .where(inWorkspace(attachments, visitor.workspaceId, eq(attachments.id, attachmentId), sql`(${uploadedBy(visitor.id)} OR ${inTheirChats})`));
  if (!row) throw notFound("attachment_not_found", "That attachment");
  return row;
}

// ---------------------------------------------------------------------------
// The agent's view

/** The visitor behind a conversation: the one of its customer seen most recently. */
export async function getConversationVisitor(ctx: ServiceContext, conversationId: string): Promise<Visitor> {
  requireScope(ctx.actor, "conversations:read");
  const workspaceId = ctx.actor.workspaceId;
  const conversation = await getConversationById(ctx.db, workspaceId, conversationId);
  const [visitor] = await ctx.db
    .select()
    .from(widgetVisitors)
    .where(inWorkspace(widgetVisitors, workspaceId, eq(widgetVisitors.customerId, conversation.customer.id)))
    .orderBy(desc(widgetVisitors.lastSeenAt))
    .limit(1);
  if (!visitor) throw new AppError("no_visitor", "This conversation has no chat visitor behind it.");
  return visitor;
}
