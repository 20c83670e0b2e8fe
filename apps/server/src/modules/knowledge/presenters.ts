import Type from "typebox";
import { IsoDate, NullableIsoDate, Uuid } from "../../platform/http/schemas.ts";
import type { Article, ArticleSummary, ArticleVersion, Category } from "./service.ts";
import { ARTICLE_STATUSES } from "./schema.ts";

const NullableUuid = Type.Union([Uuid, Type.Null()]);

export const CategorySchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  slug: Type.String(),
  locale: Type.String(),
  position: Type.Integer(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});

export const presentCategory = (c: Category) => ({
  id: c.id,
  name: c.name,
  slug: c.slug,
  locale: c.locale,
  position: c.position,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

export const ArticleStatusSchema = Type.Enum(ARTICLE_STATUSES);

export const ArticleSchema = Type.Object({
  id: Uuid,
  categoryId: NullableUuid,
  slug: Type.String(),
  locale: Type.String(),
  title: Type.String(),
  bodyMarkdown: Type.String(),
  bodyHtml: Type.String({ description: "Rendered from bodyMarkdown and sanitized; safe to insert into a page." }),
  status: ArticleStatusSchema,
  internal: Type.Boolean({ description: "Visible to agents only." }),
  tags: Type.Array(Type.String()),
  version: Type.Integer({ description: "The latest saved version of title and body." }),
  sourceArticleId: Type.Union([Uuid, Type.Null()], { description: "On a translation: the article it translates." }),
  sourceVersion: Type.Union([Type.Integer(), Type.Null()], { description: "On a translation: the source's version it was last brought up to." }),
  outdated: Type.Boolean({ description: "A translation whose source has changed since." }),
  viewCount: Type.Integer(),
  helpfulCount: Type.Integer(),
  unhelpfulCount: Type.Integer(),
  publishedAt: NullableIsoDate,
  createdAt: IsoDate,
  updatedAt: IsoDate,
});

export const presentArticle = (a: Article) => ({
  id: a.id,
  categoryId: a.categoryId,
  slug: a.slug,
  locale: a.locale,
  title: a.title,
  bodyMarkdown: a.bodyMarkdown,
  bodyHtml: a.bodyHtml,
  status: a.status,
  internal: a.internal,
  tags: a.tags,
  version: a.version,
  sourceArticleId: a.sourceArticleId,
  sourceVersion: a.sourceVersion,
  outdated: a.outdated,
  viewCount: a.viewCount,
  helpfulCount: a.helpfulCount,
  unhelpfulCount: a.unhelpfulCount,
  publishedAt: a.publishedAt?.toISOString() ?? null,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

export const ArticleVersionSchema = Type.Object({
  version: Type.Integer(),
  title: Type.String(),
  bodyMarkdown: Type.String(),
  authorId: NullableUuid,
  createdAt: IsoDate,
});

export const presentVersion = (v: ArticleVersion) => ({
  version: v.version,
  title: v.title,
  bodyMarkdown: v.bodyMarkdown,
  authorId: v.authorId,
  createdAt: v.createdAt.toISOString(),
});

export const ArticleHitSchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  slug: Type.String(),
  locale: Type.String(),
  categoryId: NullableUuid,
  internal: Type.Boolean(),
  snippet: Type.String({ description: "HTML: escaped text with the matched words in <mark>." }),
  score: Type.Number(),
  match: Type.Union([Type.Literal("fulltext"), Type.Literal("similar")], { description: "similar: found by a title resembling the query (a typo)." }),
});

export const ArticleSummarySchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  slug: Type.String(),
  locale: Type.String(),
  categoryId: NullableUuid,
  tags: Type.Array(Type.String()),
  excerpt: Type.String({ description: "The first words of the body, as plain text." }),
  viewCount: Type.Integer(),
  helpfulCount: Type.Integer(),
  updatedAt: IsoDate,
});

export const presentArticleSummary = (a: ArticleSummary) => ({
  id: a.id,
  title: a.title,
  slug: a.slug,
  locale: a.locale,
  categoryId: a.categoryId,
  tags: a.tags,
  excerpt: a.excerpt,
  viewCount: a.viewCount,
  helpfulCount: a.helpfulCount,
  updatedAt: a.updatedAt.toISOString(),
});
