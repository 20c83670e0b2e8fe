import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { createdAt, id, timestampNow, tsvector, updatedAt, workspaceId } from "../../platform/db/columns.ts";
import { users, workspaces } from "../workspaces/schema.ts";

export const ARTICLE_STATUSES = ["draft", "published", "archived"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/**
 * The text search configuration for a locale's language (`es-MX` → spanish); languages
 * without one of their own are indexed word for word. Written once so the index and
 * the queries over it can never disagree. Each branch casts a constant, which keeps the
 * expression immutable as a generated column requires.
 */
export const searchConfigOf = (locale: ReturnType<typeof sql>) =>
  sql`(CASE split_part(${locale}, '-', 1) WHEN 'en' THEN 'english'::regconfig WHEN 'es' THEN 'spanish'::regconfig WHEN 'de' THEN 'german'::regconfig WHEN 'fr' THEN 'french'::regconfig ELSE 'simple'::regconfig END)`;

export const knowledgeCategories = pgTable(
  "knowledge_categories",
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    locale: text("locale").notNull(),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("knowledge_categories_slug_idx").on(t.workspaceId, t.locale, t.slug)],
);

export const knowledgeArticles = pgTable(
  "knowledge_articles",
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    categoryId: uuid("category_id").references(() => knowledgeCategories.id, { onDelete: "set null" }),
    slug: text("slug").notNull(),
    locale: text("locale").notNull(),
    title: text("title").notNull(),
    bodyMarkdown: text("body_markdown").notNull(),
    /** Rendered from the Markdown and sanitized on every save, so readers never run the renderer. */
    bodyHtml: text("body_html").notNull(),
    /** Plain text of the body: what search indexes and snippets quote. */
    bodyText: text("body_text").notNull(),
    status: text("status").$type<ArticleStatus>().notNull().default("draft"),
    /** For agents only: never shown in the help center or to the answer bot's customers. */
    internal: boolean("internal").notNull().default(false),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    /** The latest entry of knowledge_article_versions. */
    version: integer("version").notNull().default(1),
    /** Set on a translation: the article it translates, and that article's version it was last brought up to. */
    sourceArticleId: uuid("source_article_id").references((): AnyPgColumn => knowledgeArticles.id, { onDelete: "set null" }),
    sourceVersion: integer("source_version"),
    viewCount: integer("view_count").notNull().default(0),
    helpfulCount: integer("helpful_count").notNull().default(0),
    unhelpfulCount: integer("unhelpful_count").notNull().default(0),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector(${searchConfigOf(sql`locale`)}, title), 'A') || setweight(to_tsvector(${searchConfigOf(sql`locale`)}, body_text), 'B')`,
    ),
  },
  (t) => [
    uniqueIndex("knowledge_articles_slug_idx").on(t.workspaceId, t.locale, t.slug),
    index("knowledge_articles_category_idx").on(t.workspaceId, t.categoryId),
    index("knowledge_articles_source_idx").on(t.workspaceId, t.sourceArticleId),
    index("knowledge_articles_search_idx").using("gin", t.search),
  ],
);

/** Every saved title and body of an article, oldest first; restoring one saves it again as the newest. */
export const knowledgeArticleVersions = pgTable(
  "knowledge_article_versions",
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    articleId: uuid("article_id")
      .notNull()
      .references(() => knowledgeArticles.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    bodyMarkdown: text("body_markdown").notNull(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("knowledge_article_versions_idx").on(t.workspaceId, t.articleId, t.version)],
);

/** "Was this helpful?" answers; the article keeps running totals for listing. */
export const knowledgeArticleVotes = pgTable(
  "knowledge_article_votes",
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    articleId: uuid("article_id")
      .notNull()
      .references(() => knowledgeArticles.id, { onDelete: "cascade" }),
    helpful: boolean("helpful").notNull(),
    comment: text("comment"),
    /**
     * Who answered, as an opaque key (the help center keeps a hash of its reader's cookie):
     * answering again changes that reader's answer instead of counting twice.
     */
    voterKey: text("voter_key"),
    createdAt: timestampNow("created_at"),
  },
  (t) => [
    index("knowledge_article_votes_idx").on(t.workspaceId, t.articleId, t.createdAt),
    uniqueIndex("knowledge_article_votes_voter_idx").on(t.workspaceId, t.articleId, t.voterKey),
  ],
);
