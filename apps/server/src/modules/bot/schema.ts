import { sql } from "drizzle-orm";
import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, workspaceId } from "../../platform/db/columns.ts";
import { conversations, messages } from "../conversations/schema.ts";
import { workspaces } from "../workspaces/schema.ts";

/** One row per workspace, made when an admin first changes a setting; until then the defaults in settings.ts apply. */
export const botSettings = pgTable("bot_settings", {
  workspaceId: workspaceId()
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  enabled: boolean("enabled").notNull().default(true),
  /** The name the widget shows on the bot's messages. */
  name: text("name").notNull().default("Answer Bot"),
  /** The team a handed-over conversation goes to; null leaves it in the shared queue. */
  handoverTeamId: uuid("handover_team_id"),
  /** Customers whose `tier` attribute is one of these always go straight to a person. */
  humanTiers: text("human_tiers").array().notNull().default(sql`'{}'::text[]`),
  /** Below this confidence (0–1) the bot hands over rather than answer. */
  confidenceThreshold: real("confidence_threshold").notNull().default(0.35),
  /** Opens the bot's first answer in a conversation, per locale. */
  greeting: jsonb("greeting").$type<Record<string, string>>().notNull(),
  /** Answer a new email conversation once with suggested articles, while it waits in the queue for a person. */
  emailAutoResponse: boolean("email_auto_response").notNull().default(false),
  updatedAt: updatedAt(),
});

export const BOT_STATES = ["answering", "awaiting_feedback", "handed_over", "resolved"] as const;
export type BotState = (typeof BOT_STATES)[number];

/** Where the bot is in a conversation it took: one row per conversation, locked by each turn. */
export const botConversations = pgTable(
  "bot_conversations",
  {
    workspaceId: workspaceId(),
    conversationId: uuid("conversation_id").notNull(),
    state: text("state", { enum: BOT_STATES }).notNull().default("answering"),
    /** The customer's question the bot is working on, as they first put it. */
    question: text("question"),
    /** Articles already offered for this question: never offered twice. */
    triedArticleIds: uuid("tried_article_ids").array().notNull().default(sql`'{}'::uuid[]`),
    unhelpfulCount: integer("unhelpful_count").notNull().default(0),
    handoverReason: text("handover_reason"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.conversationId] }),
    foreignKey({ columns: [t.workspaceId, t.conversationId], foreignColumns: [conversations.workspaceId, conversations.id] }).onDelete("cascade"),
  ],
);

/** A link to an article the bot used, as the widget shows it. */
export interface BotArticleLink {
  id: string;
  title: string;
  url: string;
}

/** What a bot message carries beside its text: the articles it links to and the answers the customer can tap. */
export const botMessages = pgTable(
  "bot_messages",
  {
    workspaceId: workspaceId(),
    messageId: uuid("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    articles: jsonb("articles").$type<BotArticleLink[]>().notNull().default([]),
    quickReplies: jsonb("quick_replies").$type<string[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.messageId] })],
);

/** Questions the bot could not answer, grouped by likeness: each group is an article worth writing. */
export const botContentGaps = pgTable(
  "bot_content_gaps",
  {
    id: id(),
    workspaceId: workspaceId(),
    suggestedTitle: text("suggested_title").notNull(),
    questionCount: integer("question_count").notNull().default(1),
    /** A few of the questions as customers asked them, newest first. */
    examples: jsonb("examples").$type<string[]>().notNull().default([]),
    lastAskedAt: timestamp("last_asked_at", { withTimezone: true }).notNull(),
    dismissedAt: timestamp("dismissed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("bot_content_gaps_workspace_idx").on(t.workspaceId, t.lastAskedAt.desc())],
);
