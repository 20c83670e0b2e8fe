import { getTableColumns, sql } from "drizzle-orm";
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, tenantId, timestampNow, tsvector, updatedAt, workspaceId } from "../../platform/db/columns.ts";
import { customers } from "../customers/schema.ts";

export const CHANNELS = ["email", "chat", "web_form", "social", "phone", "in_person", "api"] as const;
export type Channel = (typeof CHANNELS)[number];

export const STATUSES = ["open", "pending", "snoozed", "resolved", "closed"] as const;
export type Status = (typeof STATUSES)[number];

export const DELIVERY_STATUSES = ["queued", "sent", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type Priority = (typeof PRIORITIES)[number];

export const MESSAGE_KINDS = ["inbound", "reply", "note"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const AUTHOR_TYPES = ["customer", "agent", "bot", "system"] as const;
export type AuthorType = (typeof AUTHOR_TYPES)[number];

export interface AttachmentMeta {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  url?: string;
  /** Why a received file was not kept; such an entry has no stored file behind it. */
  rejected?: string;
}

export const conversations = pgTable(
  "conversations",
  {
    id: tenantId().notNull(),
    workspaceId: workspaceId(),
    /** The number people quote ("#1042"), counted per workspace. */
    number: integer("number").notNull(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    channel: text("channel", { enum: CHANNELS }).notNull(),
    status: text("status", { enum: STATUSES }).notNull().default("open"),
    priority: text("priority", { enum: PRIORITIES }).notNull().default("normal"),
    assigneeId: uuid("assignee_id"),
    teamId: uuid("team_id"),
    subject: text("subject").notNull().default(""),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    messageCount: integer("message_count").notNull().default(0),
    lastMessagePreview: text("last_message_preview").notNull().default(""),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }),
    lastActivityAt: timestampNow("last_activity_at"),
    firstResponseAt: timestamp("first_response_at", { withTimezone: true }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    snoozedUntil: timestamp("snoozed_until", { withTimezone: true }),
    mergedIntoId: uuid("merged_into_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector("search").generatedAlwaysAs(sql`to_tsvector('simple', subject)`),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("conversations_number_idx").on(t.workspaceId, t.number),
    index("conversations_inbox_idx").on(t.workspaceId, t.status, t.lastActivityAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("conversations_assignee_idx").on(t.workspaceId, t.assigneeId, t.status, t.lastActivityAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("conversations_team_idx").on(t.workspaceId, t.teamId, t.status, t.lastActivityAt.desc().nullsFirst()),
    index("conversations_customer_idx").on(t.workspaceId, t.customerId, t.lastActivityAt.desc().nullsFirst()),
    index("conversations_updated_idx").on(t.workspaceId, t.updatedAt),
    index("conversations_tags_idx").using("gin", t.tags),
    index("conversations_search_idx").using("gin", t.search),
  ],
);

export const messages = pgTable(
  "messages",
  {
    id: id(),
    workspaceId: workspaceId(),
    conversationId: uuid("conversation_id").notNull(),
    kind: text("kind", { enum: MESSAGE_KINDS }).notNull(),
    authorType: text("author_type", { enum: AUTHOR_TYPES }).notNull(),
    authorId: uuid("author_id"),
    bodyText: text("body_text").notNull(),
    bodyHtml: text("body_html"),
    attachments: jsonb("attachments").$type<AttachmentMeta[]>().notNull().default([]),
    /** The sender's own id for the message (Message-ID, a widget's client id): a redelivery finds it and stores nothing. */
    externalId: text("external_id"),
    mentions: uuid("mentions").array().notNull().default(sql`'{}'::uuid[]`),
    /** For a reply that leaves through a channel (an email): queued, sent, or failed with the reason. */
    deliveryStatus: text("delivery_status", { enum: DELIVERY_STATUSES }),
    deliveryError: text("delivery_error"),
    /**
     * The message's place in its conversation, given under the conversation's row lock, so it grows in commit
     * order: a client that has seen up to n asks for what is after n and misses nothing.
     */
    seq: integer("seq"),
    createdAt: createdAt(),
    search: tsvector("search").generatedAlwaysAs(sql`to_tsvector('simple', body_text)`),
  },
  (t) => [
    foreignKey({ columns: [t.workspaceId, t.conversationId], foreignColumns: [conversations.workspaceId, conversations.id] }).onDelete("cascade"),
    index("messages_conversation_idx").on(t.workspaceId, t.conversationId, t.createdAt, t.id),
    uniqueIndex("messages_external_idx").on(t.workspaceId, t.externalId),
    index("messages_search_idx").using("gin", t.search),
  ],
);

// What a message is read with: every column but the search vector, which only the database uses.
const { search: _messageSearch, ...messageColumnsWithoutSearch } = getTableColumns(messages);
export const messageColumns = messageColumnsWithoutSearch;
