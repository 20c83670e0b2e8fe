import { and, asc, desc, eq, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { requireRole, requireScope } from "../../platform/auth/policy.ts";
import { eventActor, type ServiceContext } from "../../platform/context.ts";
import type { Executor } from "../../platform/db/client.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { appendEvent, type EventActor } from "../../platform/events.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { slugify } from "../workspaces/service.ts";
import { renderArticleBody } from "./render.ts";
import { searchArticles, type ArticleHit, type ArticleSearch } from "./search.ts";
import { knowledgeArticles, knowledgeArticleVersions, knowledgeArticleVotes, knowledgeCategories, type ArticleStatus } from "./schema.ts";

export type Category = typeof knowledgeCategories.$inferSelect;
export type ArticleRow = typeof knowledgeArticles.$inferSelect;
export type ArticleVersion = typeof knowledgeArticleVersions.$inferSelect;
/** An article with whether its source has moved on since it was last translated. */
export type Article = ArticleRow & { outdated: boolean };

/** Every agent reads the knowledge base; curating it is a lead's job. */
const requireReader = (ctx: ServiceContext) => requireScope(ctx.actor, "conversations:read");
function requireWriter(ctx: ServiceContext): void {
  requireScope(ctx.actor, "conversations:write");
  requireRole(ctx.actor, "supervisor");
}

// A title without Latin letters still gets a unique, readable-enough slug; the author can set a better one.
const articleSlug = (slug: string | undefined, title: string) => slug ?? slugify(title, `article-${Date.now().toString(36)}`);

// ---- Categories ------------------------------------------------------------------------------------------

export interface CategoryInput {
  name: string;
  locale: string;
  slug?: string | undefined;
  position?: number | undefined;
}

export async function listCategories(ctx: ServiceContext, locale?: string): Promise<Category[]> {
  requireReader(ctx);
  return ctx.db
    .select()
    .from(knowledgeCategories)
    .where(inWorkspace(knowledgeCategories, ctx.actor.workspaceId, locale === undefined ? undefined : eq(knowledgeCategories.locale, locale)))
    .orderBy(asc(knowledgeCategories.position), asc(knowledgeCategories.name), asc(knowledgeCategories.id));
}

async function findCategory(db: Executor, workspaceId: string, categoryId: string): Promise<Category> {
  const [category] = await db.select().from(knowledgeCategories).where(inWorkspace(knowledgeCategories, workspaceId, eq(knowledgeCategories.id, categoryId)));
  if (!category) throw notFound("knowledge_category_not_found", "The category");
  return category;
}

export async function getCategory(ctx: ServiceContext, categoryId: string): Promise<Category> {
  requireReader(ctx);
  return findCategory(ctx.db, ctx.actor.workspaceId, categoryId);
}

export async function createCategory(ctx: ServiceContext, input: CategoryInput): Promise<Category> {
  requireWriter(ctx);
  const workspaceId = ctx.actor.workspaceId;
  return ctx.db.transaction(async (tx) => {
    const [category] = await tx
      .insert(knowledgeCategories)
      .values({ workspaceId, name: input.name.trim(), locale: input.locale, slug: articleSlug(input.slug, input.name), position: input.position ?? 0 })
      .returning();
    await appendEvent(tx, { workspaceId, type: "knowledge_category.created", subjectType: "knowledge_category", subjectId: category!.id, actor: eventActor(ctx.actor) });
    return category!;
  });
}

export async function updateCategory(ctx: ServiceContext, categoryId: string, changes: Partial<CategoryInput>): Promise<Category> {
  requireWriter(ctx);
  const workspaceId = ctx.actor.workspaceId;
  return ctx.db.transaction(async (tx) => {
    const [category] = await tx
      .update(knowledgeCategories)
      .set({
        ...(changes.name !== undefined && { name: changes.name.trim() }),
        ...(changes.slug !== undefined && { slug: changes.slug }),
        ...(changes.locale !== undefined && { locale: changes.locale }),
        ...(changes.position !== undefined && { position: changes.position }),
        updatedAt: new Date(),
      })
      .where(inWorkspace(knowledgeCategories, workspaceId, eq(knowledgeCategories.id, categoryId)))
      .returning();
    if (!category) throw notFound("knowledge_category_not_found", "The category");
    await appendEvent(tx, { workspaceId, type: "knowledge_category.updated", subjectType: "knowledge_category", subjectId: categoryId, actor: eventActor(ctx.actor) });
    return category;
  });
}

/** Its articles stay, without a category. */
export async function deleteCategory(ctx: ServiceContext, categoryId: string): Promise<void> {
  requireWriter(ctx);
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    const [deleted] = await tx.delete(knowledgeCategories).where(inWorkspace(knowledgeCategories, workspaceId, eq(knowledgeCategories.id, categoryId))).returning({ id: knowledgeCategories.id });
    if (!deleted) throw notFound("knowledge_category_not_found", "The category");
    await appendEvent(tx, { workspaceId, type: "knowledge_category.deleted", subjectType: "knowledge_category", subjectId: categoryId, actor: eventActor(ctx.actor) });
  });
}

// ---- Articles --------------------------------------------------------------------------------------------

const source = alias(knowledgeArticles, "source");

/** Articles joined to their source, so each knows whether its translation has fallen behind. */
function selectArticles(db: Executor) {
  return db
    .select({ article: knowledgeArticles, sourceVersion: source.version })
    .from(knowledgeArticles)
    .leftJoin(source, and(eq(source.workspaceId, knowledgeArticles.workspaceId), eq(source.id, knowledgeArticles.sourceArticleId)));
}

const withOutdated = ({ article, sourceVersion }: { article: ArticleRow; sourceVersion: number | null }): Article => ({
  ...article,
  outdated: sourceVersion !== null && article.sourceVersion !== null && sourceVersion > article.sourceVersion,
});

export interface ArticleFilters {
  status?: ArticleStatus | undefined;
  locale?: string | undefined;
  categoryId?: string | undefined;
  /** Translations of this article. */
  sourceArticleId?: string | undefined;
}

/** Enough for any knowledge base screen; the help center pages by category. */
const MAX_LISTED = 500;

export async function listArticles(ctx: ServiceContext, filters: ArticleFilters = {}): Promise<Article[]> {
  requireReader(ctx);
  const rows = await selectArticles(ctx.db)
    .where(
      inWorkspace(
        knowledgeArticles,
        ctx.actor.workspaceId,
        filters.status === undefined ? undefined : eq(knowledgeArticles.status, filters.status),
        filters.locale === undefined ? undefined : eq(knowledgeArticles.locale, filters.locale),
        filters.categoryId === undefined ? undefined : eq(knowledgeArticles.categoryId, filters.categoryId),
        filters.sourceArticleId === undefined ? undefined : eq(knowledgeArticles.sourceArticleId, filters.sourceArticleId),
      ),
    )
    .orderBy(desc(knowledgeArticles.updatedAt), desc(knowledgeArticles.id))
    .limit(MAX_LISTED);
  return rows.map(withOutdated);
}

async function findArticle(db: Executor, workspaceId: string, articleId: string, lock = false): Promise<Article> {
  const query = selectArticles(db).where(inWorkspace(knowledgeArticles, workspaceId, eq(knowledgeArticles.id, articleId)));
  const [row] = await (lock ? query.for("update", { of: knowledgeArticles }) : query);
  if (!row) throw notFound("article_not_found", "The article");
  return withOutdated(row);
}

export async function getArticle(ctx: ServiceContext, articleId: string): Promise<Article> {
  requireReader(ctx);
  return findArticle(ctx.db, ctx.actor.workspaceId, articleId);
}

export interface ArticleInput {
  title: string;
  bodyMarkdown: string;
  locale: string;
  slug?: string | undefined;
  categoryId?: string | null | undefined;
  internal?: boolean | undefined;
  tags?: string[] | undefined;
}

const normalizeTags = (tags: string[]) => [...new Set(tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean))];

async function insertArticle(tx: Executor, ctx: ServiceContext, input: ArticleInput, translationOf?: Article): Promise<Article> {
  const workspaceId = ctx.actor.workspaceId;
  if (input.categoryId) await findCategory(tx, workspaceId, input.categoryId);
  const body = renderArticleBody(input.bodyMarkdown);
  const [article] = await tx
    .insert(knowledgeArticles)
    .values({
      workspaceId,
      categoryId: input.categoryId ?? null,
      slug: articleSlug(input.slug, input.title),
      locale: input.locale,
      title: input.title.trim(),
      bodyMarkdown: input.bodyMarkdown,
      bodyHtml: body.html,
      bodyText: body.text,
      internal: input.internal ?? translationOf?.internal ?? false,
      tags: normalizeTags(input.tags ?? translationOf?.tags ?? []),
      sourceArticleId: translationOf?.id ?? null,
      sourceVersion: translationOf?.version ?? null,
    })
    .returning();
  await tx.insert(knowledgeArticleVersions).values({ workspaceId, articleId: article!.id, version: 1, title: article!.title, bodyMarkdown: article!.bodyMarkdown, authorId: ctx.actor.userId });
  await appendEvent(tx, {
    workspaceId,
    type: "article.created",
    subjectType: "article",
    subjectId: article!.id,
    actor: eventActor(ctx.actor),
    payload: { locale: article!.locale, sourceArticleId: article!.sourceArticleId },
  });
  return { ...article!, outdated: false };
}

export async function createArticle(ctx: ServiceContext, input: ArticleInput): Promise<Article> {
  requireWriter(ctx);
  return ctx.db.transaction((tx) => insertArticle(tx, ctx, input));
}

/**
 * A translation always points at the original, never at another translation, so
 * "outdated" compares against the one text everyone translates from.
 */
export async function createTranslation(ctx: ServiceContext, sourceArticleId: string, input: ArticleInput): Promise<Article> {
  requireWriter(ctx);
  return ctx.db.transaction(async (tx) => {
    const found = await findArticle(tx, ctx.actor.workspaceId, sourceArticleId);
    const original = found.sourceArticleId ? await findArticle(tx, ctx.actor.workspaceId, found.sourceArticleId) : found;
    if (original.locale === input.locale) throw new AppError("invalid_request", `A translation needs a locale other than the original's (${original.locale}).`);
    return insertArticle(tx, ctx, input, original);
  });
}

export type ArticleChanges = Partial<Omit<ArticleInput, "locale">>;

export async function updateArticle(ctx: ServiceContext, articleId: string, changes: ArticleChanges): Promise<Article> {
  requireWriter(ctx);
  return ctx.db.transaction((tx) => saveArticle(tx, ctx, articleId, changes));
}

/**
 * A change of title or body is a new version. Saving a translation brings it up to its
 * source's current version: whoever edits it is expected to have caught up.
 */
async function saveArticle(tx: Executor, ctx: ServiceContext, articleId: string, changes: ArticleChanges, eventPayload: Record<string, unknown> = {}): Promise<Article> {
  const workspaceId = ctx.actor.workspaceId;
  const current = await findArticle(tx, workspaceId, articleId, true);
  if (changes.categoryId) await findCategory(tx, workspaceId, changes.categoryId);
  const title = changes.title?.trim() ?? current.title;
  const bodyMarkdown = changes.bodyMarkdown ?? current.bodyMarkdown;
  const newVersion = title !== current.title || bodyMarkdown !== current.bodyMarkdown;
  const body = bodyMarkdown !== current.bodyMarkdown ? renderArticleBody(bodyMarkdown) : undefined;
  const sourceVersion = newVersion && current.sourceArticleId ? (await findArticle(tx, workspaceId, current.sourceArticleId)).version : current.sourceVersion;
  const [article] = await tx
    .update(knowledgeArticles)
    .set({
      title,
      bodyMarkdown,
      ...(body && { bodyHtml: body.html, bodyText: body.text }),
      ...(changes.slug !== undefined && { slug: changes.slug }),
      ...(changes.categoryId !== undefined && { categoryId: changes.categoryId }),
      ...(changes.internal !== undefined && { internal: changes.internal }),
      ...(changes.tags !== undefined && { tags: normalizeTags(changes.tags) }),
      version: newVersion ? current.version + 1 : current.version,
      sourceVersion,
      updatedAt: new Date(),
    })
    .where(inWorkspace(knowledgeArticles, workspaceId, eq(knowledgeArticles.id, articleId)))
    .returning();
  if (newVersion) {
    await tx.insert(knowledgeArticleVersions).values({ workspaceId, articleId, version: article!.version, title, bodyMarkdown, authorId: ctx.actor.userId });
  }
  await appendEvent(tx, { workspaceId, type: "article.updated", subjectType: "article", subjectId: articleId, actor: eventActor(ctx.actor), payload: { version: article!.version, ...eventPayload } });
  return findArticle(tx, workspaceId, articleId);
}

const STATUS_EVENTS = { published: "article.published", archived: "article.archived", draft: "article.unpublished" } as const;

export async function setArticleStatus(ctx: ServiceContext, articleId: string, status: ArticleStatus): Promise<Article> {
  requireWriter(ctx);
  const workspaceId = ctx.actor.workspaceId;
  return ctx.db.transaction(async (tx) => {
    const current = await findArticle(tx, workspaceId, articleId, true);
    if (current.status === status) return current;
    await tx
      .update(knowledgeArticles)
      .set({ status, updatedAt: new Date(), ...(status === "published" && { publishedAt: current.publishedAt ?? new Date() }) })
      .where(inWorkspace(knowledgeArticles, workspaceId, eq(knowledgeArticles.id, articleId)));
    await appendEvent(tx, { workspaceId, type: STATUS_EVENTS[status], subjectType: "article", subjectId: articleId, actor: eventActor(ctx.actor), payload: { from: current.status } });
    return findArticle(tx, workspaceId, articleId);
  });
}

/** Its translations stay, as articles of their own. */
export async function deleteArticle(ctx: ServiceContext, articleId: string): Promise<void> {
  requireWriter(ctx);
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    const [deleted] = await tx.delete(knowledgeArticles).where(inWorkspace(knowledgeArticles, workspaceId, eq(knowledgeArticles.id, articleId))).returning({ id: knowledgeArticles.id });
    if (!deleted) throw notFound("article_not_found", "The article");
    await appendEvent(tx, { workspaceId, type: "article.deleted", subjectType: "article", subjectId: articleId, actor: eventActor(ctx.actor) });
  });
}

// ---- Versions --------------------------------------------------------------------------------------------

export async function listVersions(ctx: ServiceContext, articleId: string): Promise<ArticleVersion[]> {
  requireReader(ctx);
  await findArticle(ctx.db, ctx.actor.workspaceId, articleId);
  return ctx.db
    .select()
    .from(knowledgeArticleVersions)
    .where(inWorkspace(knowledgeArticleVersions, ctx.actor.workspaceId, eq(knowledgeArticleVersions.articleId, articleId)))
    .orderBy(desc(knowledgeArticleVersions.version));
}

/** Restoring never rewrites history: the old text is saved again as the newest version. */
export async function restoreVersion(ctx: ServiceContext, articleId: string, version: number): Promise<Article> {
  requireWriter(ctx);
  return ctx.db.transaction(async (tx) => {
    const [old] = await tx
      .select()
      .from(knowledgeArticleVersions)
      .where(inWorkspace(knowledgeArticleVersions, ctx.actor.workspaceId, eq(knowledgeArticleVersions.articleId, articleId), eq(knowledgeArticleVersions.version, version)));
    if (!old) throw notFound("article_version_not_found", `Version ${version} of the article`);
    return saveArticle(tx, ctx, articleId, { title: old.title, bodyMarkdown: old.bodyMarkdown }, { restoredFrom: version });
  });
}

// ---- Readers' feedback -----------------------------------------------------------------------------------
// These take a workspace rather than an actor: the public help center records them for anonymous readers.

/** Where feedback may land: the help center offers only public articles; agents may answer on internal ones too. */
async function findPublished(db: Executor, workspaceId: string, articleId: string, publicOnly: boolean): Promise<void> {
  const [article] = await db
    .select({ id: knowledgeArticles.id })
    .from(knowledgeArticles)
    .where(
      inWorkspace(knowledgeArticles, workspaceId, eq(knowledgeArticles.id, articleId), eq(knowledgeArticles.status, "published"), publicOnly ? eq(knowledgeArticles.internal, false) : undefined),
    );
  if (!article) throw notFound("article_not_found", "The published article");
}

export interface Vote {
  helpful: boolean;
  comment?: string | undefined;
}

export interface Voter {
  /** The signed-in user, or an anonymous customer when the help center records it. */
  actor: EventActor;
  /** Who answered, as an opaque key: answering again changes that voter's answer rather than counting twice. */
  key?: string | undefined;
  /** Only articles the help center shows (not internal ones). */
  publicOnly?: boolean | undefined;
}

const countColumn = (helpful: boolean) =>
  helpful ? { helpfulCount: sql`${knowledgeArticles.helpfulCount} + 1` } : { unhelpfulCount: sql`${knowledgeArticles.unhelpfulCount} + 1` };

/**
 * Records an answer and keeps the article's totals. A voter who changes their mind moves
 * one count to the other side; the same answer again only adds the comment, if any.
 */
export async function recordVote(db: Executor, workspaceId: string, articleId: string, vote: Vote, voter: Voter): Promise<void> {
  await db.transaction(async (tx) => {
    await findPublished(tx, workspaceId, articleId, voter.publicOnly ?? false);
    const comment = vote.comment?.trim() || null;
    const key = voter.key ?? null;
    const [previous] = key
      ? await tx
          .select({ id: knowledgeArticleVotes.id, helpful: knowledgeArticleVotes.helpful })
          .from(knowledgeArticleVotes)
          .where(inWorkspace(knowledgeArticleVotes, workspaceId, eq(knowledgeArticleVotes.articleId, articleId), eq(knowledgeArticleVotes.voterKey, key)))
          .for("update")
      : [];
    if (previous) {
      await tx
        .update(knowledgeArticleVotes)
        .set({ helpful: vote.helpful, ...(comment && { comment }) })
        .where(inWorkspace(knowledgeArticleVotes, workspaceId, eq(knowledgeArticleVotes.id, previous.id)));
    } else {
      await tx.insert(knowledgeArticleVotes).values({ workspaceId, articleId, helpful: vote.helpful, comment, voterKey: key });
    }
    if (previous?.helpful !== vote.helpful) {
      const undo = previous ? (previous.helpful ? { helpfulCount: sql`${knowledgeArticles.helpfulCount} - 1` } : { unhelpfulCount: sql`${knowledgeArticles.unhelpfulCount} - 1` }) : {};
      await tx
        .update(knowledgeArticles)
        .set({ ...undo, ...countColumn(vote.helpful) })
        .where(inWorkspace(knowledgeArticles, workspaceId, eq(knowledgeArticles.id, articleId)));
    }
    await appendEvent(tx, {
      workspaceId,
      type: "article.voted",
      subjectType: "article",
      subjectId: articleId,
      actor: voter.actor,
      payload: { helpful: vote.helpful, comment, changed: previous !== undefined },
    });
  });
}

/** The comment a voter adds after answering (the help center asks for it on the thank-you). */
export async function commentOnVote(db: Executor, workspaceId: string, articleId: string, voterKey: string, comment: string, actor: EventActor): Promise<void> {
  await db.transaction(async (tx) => {
    const [vote] = await tx
      .update(knowledgeArticleVotes)
      .set({ comment: comment.trim() })
      .where(inWorkspace(knowledgeArticleVotes, workspaceId, eq(knowledgeArticleVotes.articleId, articleId), eq(knowledgeArticleVotes.voterKey, voterKey)))
      .returning({ id: knowledgeArticleVotes.id, helpful: knowledgeArticleVotes.helpful });
    if (!vote) throw notFound("not_found", "Your answer to this article");
    await appendEvent(tx, { workspaceId, type: "article.vote_commented", subjectType: "article", subjectId: articleId, actor, payload: { helpful: vote.helpful, comment: comment.trim() } });
  });
}

/**
 * One statement and no event: views are counted on every page load and nobody waits on
 * them. The help center adds up its views and writes them a few at a time (`count`).
 */
export async function recordView(db: Executor, workspaceId: string, articleId: string, count = 1): Promise<void> {
  const [counted] = await db
    .update(knowledgeArticles)
    .set({ viewCount: sql`${knowledgeArticles.viewCount} + ${count}` })
    .where(inWorkspace(knowledgeArticles, workspaceId, eq(knowledgeArticles.id, articleId), eq(knowledgeArticles.status, "published")))
    .returning({ id: knowledgeArticles.id });
  if (!counted) throw notFound("article_not_found", "The published article");
}

// ---- The public help center ----------------------------------------------------------------------------
// Read by workspace, without an actor: everything here is what anyone on the internet may see, so every
// query is limited to published articles that are not internal.

const isPublic = (workspaceId: string, ...conditions: (SQL | undefined)[]) =>
  inWorkspace(knowledgeArticles, workspaceId, eq(knowledgeArticles.status, "published"), eq(knowledgeArticles.internal, false), ...conditions);

/** What a list of articles shows and links to; the body stays behind. */
export type ArticleSummary = Pick<
  ArticleRow,
  "id" | "slug" | "locale" | "title" | "categoryId" | "tags" | "sourceArticleId" | "viewCount" | "helpfulCount" | "publishedAt" | "updatedAt"
> & { excerpt: string };

const EXCERPT_CHARS = 160;

const summaryColumns = {
  id: knowledgeArticles.id,
  slug: knowledgeArticles.slug,
  locale: knowledgeArticles.locale,
  title: knowledgeArticles.title,
  categoryId: knowledgeArticles.categoryId,
  tags: knowledgeArticles.tags,
  sourceArticleId: knowledgeArticles.sourceArticleId,
  viewCount: knowledgeArticles.viewCount,
  helpfulCount: knowledgeArticles.helpfulCount,
  publishedAt: knowledgeArticles.publishedAt,
  updatedAt: knowledgeArticles.updatedAt,
  excerpt: sql<string>`left(${knowledgeArticles.bodyText}, ${EXCERPT_CHARS})`,
};

/** Readers' favourites first: views, with a helpful answer worth ten of them. */
const popularity = sql`${knowledgeArticles.viewCount} + 10 * ${knowledgeArticles.helpfulCount}`;

export interface PublicArticleFilters {
  locale?: string | undefined;
  categoryId?: string | undefined;
  order: "popular" | "title";
  limit: number;
}

export async function listPublicArticles(db: Executor, workspaceId: string, filters: PublicArticleFilters): Promise<ArticleSummary[]> {
  return db
    .select(summaryColumns)
    .from(knowledgeArticles)
    .where(
      isPublic(
        workspaceId,
        filters.locale === undefined ? undefined : eq(knowledgeArticles.locale, filters.locale),
        filters.categoryId === undefined ? undefined : eq(knowledgeArticles.categoryId, filters.categoryId),
      ),
    )
    .orderBy(...(filters.order === "popular" ? [desc(popularity)] : []), asc(knowledgeArticles.title), asc(knowledgeArticles.id))
    .limit(Math.min(filters.limit, MAX_LISTED));
}

export async function findPublicArticle(db: Executor, workspaceId: string, locale: string, slug: string): Promise<ArticleRow | undefined> {
  const [article] = await db.select().from(knowledgeArticles).where(isPublic(workspaceId, eq(knowledgeArticles.locale, locale), eq(knowledgeArticles.slug, slug)));
  return article;
}

/** The locales the help center can be read in: those with at least one public article. */
export async function listPublicLocales(db: Executor, workspaceId: string): Promise<string[]> {
  const rows = await db.selectDistinct({ locale: knowledgeArticles.locale }).from(knowledgeArticles).where(isPublic(workspaceId)).orderBy(asc(knowledgeArticles.locale));
  return rows.map((row) => row.locale);
}

/** A locale's categories that hold public articles, each with how many. */
export async function listPublicCategories(db: Executor, workspaceId: string, locale: string): Promise<(Category & { articleCount: number })[]> {
  const counts = db
    .select({ categoryId: knowledgeArticles.categoryId, articleCount: sql<number>`count(*)::int`.as("article_count") })
    .from(knowledgeArticles)
    .where(isPublic(workspaceId, eq(knowledgeArticles.locale, locale)))
    .groupBy(knowledgeArticles.categoryId)
    .as("counts");
  const rows = await db
    .select({ category: knowledgeCategories, articleCount: counts.articleCount })
    .from(knowledgeCategories)
    .innerJoin(counts, eq(counts.categoryId, knowledgeCategories.id))
    .where(inWorkspace(knowledgeCategories, workspaceId, eq(knowledgeCategories.locale, locale)))
    .orderBy(asc(knowledgeCategories.position), asc(knowledgeCategories.name), asc(knowledgeCategories.id));
  return rows.map(({ category, articleCount }) => ({ ...category, articleCount }));
}

export async function findPublicCategory(db: Executor, workspaceId: string, by: { locale: string; slug: string } | { id: string }): Promise<Category | undefined> {
  const [category] = await db
    .select()
    .from(knowledgeCategories)
    .where(
      inWorkspace(
        knowledgeCategories,
        workspaceId,
        ...("id" in by ? [eq(knowledgeCategories.id, by.id)] : [eq(knowledgeCategories.locale, by.locale), eq(knowledgeCategories.slug, by.slug)]),
      ),
    );
  return category;
}

/** The article's other languages: its original and the original's translations, itself left out. */
export async function listPublicTranslations(db: Executor, workspaceId: string, article: Pick<ArticleRow, "id" | "sourceArticleId">): Promise<ArticleSummary[]> {
  const original = article.sourceArticleId ?? article.id;
  return db
    .select(summaryColumns)
    .from(knowledgeArticles)
    .where(isPublic(workspaceId, or(eq(knowledgeArticles.id, original), eq(knowledgeArticles.sourceArticleId, original)), ne(knowledgeArticles.id, article.id)))
    .orderBy(asc(knowledgeArticles.locale));
}

/**
 * Articles a reader of this one may want next, in its language: those sharing most of its
 * tags first, then the rest of its category, the more popular first.
 */
export async function listRelatedArticles(db: Executor, workspaceId: string, article: Pick<ArticleRow, "id" | "locale" | "categoryId" | "tags">, limit: number): Promise<ArticleSummary[]> {
  const theirTags = article.tags.length ? sql`ARRAY[${sql.join(article.tags.map((tag) => sql`${tag}`), sql`, `)}]::text[]` : sql`'{}'::text[]`;
  const tags = sql`${knowledgeArticles.tags} && ${theirTags}`;
  const sharedTags = sql`cardinality(ARRAY(SELECT unnest(${knowledgeArticles.tags}) INTERSECT SELECT unnest(${theirTags})))`;
  const sameCategory = article.categoryId ? eq(knowledgeArticles.categoryId, article.categoryId) : undefined;
  return db
    .select(summaryColumns)
    .from(knowledgeArticles)
    .where(isPublic(workspaceId, eq(knowledgeArticles.locale, article.locale), ne(knowledgeArticles.id, article.id), sameCategory ? or(tags, sameCategory) : tags))
    .orderBy(desc(sharedTags), desc(popularity), asc(knowledgeArticles.title))
    .limit(limit);
}

/** Every public article of the workspace, for the sitemap: its address, its last change and its translations' group. */
export async function listPublicArticlesForSitemap(db: Executor, workspaceId: string) {
  return db
    .select({ id: knowledgeArticles.id, slug: knowledgeArticles.slug, locale: knowledgeArticles.locale, sourceArticleId: knowledgeArticles.sourceArticleId, updatedAt: knowledgeArticles.updatedAt })
    .from(knowledgeArticles)
    .where(isPublic(workspaceId))
    .orderBy(asc(knowledgeArticles.locale), asc(knowledgeArticles.slug))
    .limit(50_000);
}

// ---- Through the API, for signed-in callers ------------------------------------------------------------

export async function searchKnowledge(ctx: ServiceContext, search: ArticleSearch): Promise<ArticleHit[]> {
  requireReader(ctx);
  return searchArticles(ctx.db, ctx.actor.workspaceId, search);
}

export async function voteOnArticle(ctx: ServiceContext, articleId: string, vote: Vote): Promise<void> {
  requireReader(ctx);
  // No voter key: an integration's token records answers for many readers, each of whom counts.
  await recordVote(ctx.db, ctx.actor.workspaceId, articleId, vote, { actor: eventActor(ctx.actor) });
}

/** Public articles a reader of this one may want next, as the help center lists them: for an agent to send on. */
export async function relatedToArticle(ctx: ServiceContext, articleId: string, limit: number): Promise<ArticleSummary[]> {
  requireReader(ctx);
  return listRelatedArticles(ctx.db, ctx.actor.workspaceId, await findArticle(ctx.db, ctx.actor.workspaceId, articleId), limit);
}

export async function countArticleView(ctx: ServiceContext, articleId: string): Promise<void> {
  requireReader(ctx);
  await recordView(ctx.db, ctx.actor.workspaceId, articleId);
}
