import Type from "typebox";
import { contextOf, type App, type AppDeps } from "../../platform/http/context.ts";
import { errorResponses, IdParams, NoContent, Uuid } from "../../platform/http/schemas.ts";
import {
  ArticleHitSchema,
  ArticleSchema,
  ArticleStatusSchema,
  ArticleSummarySchema,
  ArticleVersionSchema,
  CategorySchema,
  presentArticle,
  presentArticleSummary,
  presentCategory,
  presentVersion,
} from "./presenters.ts";
import * as knowledge from "./service.ts";

const Locale = Type.String({ pattern: "^[a-z]{2}(-[A-Z]{2})?$", description: "A language, optionally with a region: en, es, pt-BR." });
const Slug = Type.String({ pattern: "^[a-z0-9]+(-[a-z0-9]+)*$", maxLength: 100, description: "Lower-case words joined by hyphens; made from the title when left out." });
const Title = Type.String({ minLength: 1, maxLength: 200 });
const Body = Type.String({ maxLength: 200_000, description: "Markdown." });
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 20 });
const Position = Type.Integer({ minimum: 0, maximum: 10_000, description: "Display order, lowest first." });
const CategoryName = Type.String({ minLength: 1, maxLength: 100 });

const ArticleFields = {
  title: Title,
  bodyMarkdown: Body,
  slug: Type.Optional(Slug),
  categoryId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  internal: Type.Optional(Type.Boolean()),
  tags: Type.Optional(Tags),
};

export function registerKnowledgeRoutes(app: App, deps: AppDeps): void {
  const tags = ["Knowledge base"];
  const Items = <T extends Parameters<typeof Type.Array>[0]>(item: T) => Type.Object({ items: Type.Array(item) });

  app.get(
    "/knowledge/categories",
    {
      schema: {
        tags,
        summary: "Categories, in display order",
        querystring: Type.Object({ locale: Type.Optional(Locale) }, { additionalProperties: false }),
        response: { 200: Items(CategorySchema), ...errorResponses },
      },
    },
    async (request) => ({ items: (await knowledge.listCategories(contextOf(deps, request), request.query.locale)).map(presentCategory) }),
  );

  app.post(
    "/knowledge/categories",
    {
      schema: {
        tags,
        summary: "Create a category (supervisors and above)",
        body: Type.Object({ name: CategoryName, locale: Locale, slug: Type.Optional(Slug), position: Type.Optional(Position) }, { additionalProperties: false }),
        response: { 201: CategorySchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(presentCategory(await knowledge.createCategory(contextOf(deps, request), request.body))),
  );

  app.get("/knowledge/categories/:id", { schema: { tags, summary: "One category", params: IdParams, response: { 200: CategorySchema, ...errorResponses } } }, async (request) =>
    presentCategory(await knowledge.getCategory(contextOf(deps, request), request.params.id)),
  );

  app.patch(
    "/knowledge/categories/:id",
    {
      schema: {
        tags,
        summary: "Rename, move or re-slug a category (supervisors and above)",
        params: IdParams,
        body: Type.Object(
          { name: Type.Optional(CategoryName), locale: Type.Optional(Locale), slug: Type.Optional(Slug), position: Type.Optional(Position) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: CategorySchema, ...errorResponses },
      },
    },
    async (request) => presentCategory(await knowledge.updateCategory(contextOf(deps, request), request.params.id, request.body)),
  );

  app.delete(
    "/knowledge/categories/:id",
    { schema: { tags, summary: "Delete a category; its articles stay, uncategorized (supervisors and above)", params: IdParams, response: { 204: NoContent, ...errorResponses } } },
    async (request, reply) => {
      await knowledge.deleteCategory(contextOf(deps, request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/knowledge/articles",
    {
      schema: {
        tags,
        summary: "Articles, most recently changed first",
        querystring: Type.Object(
          { status: Type.Optional(ArticleStatusSchema), locale: Type.Optional(Locale), categoryId: Type.Optional(Uuid) },
          { additionalProperties: false },
        ),
        response: { 200: Items(ArticleSchema), ...errorResponses },
      },
    },
    async (request) => ({ items: (await knowledge.listArticles(contextOf(deps, request), request.query)).map(presentArticle) }),
  );

  app.post(
    "/knowledge/articles",
    {
      schema: {
        tags,
        summary: "Write an article, as a draft (supervisors and above)",
        body: Type.Object({ ...ArticleFields, locale: Locale }, { additionalProperties: false }),
        response: { 201: ArticleSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(presentArticle(await knowledge.createArticle(contextOf(deps, request), request.body))),
  );

  app.get("/knowledge/articles/:id", { schema: { tags, summary: "One article", params: IdParams, response: { 200: ArticleSchema, ...errorResponses } } }, async (request) =>
    presentArticle(await knowledge.getArticle(contextOf(deps, request), request.params.id)),
  );

  app.patch(
    "/knowledge/articles/:id",
    {
      schema: {
        tags,
        summary: "Change an article; a new title or body is saved as a new version (supervisors and above)",
        params: IdParams,
        body: Type.Object(
          {
            title: Type.Optional(Title),
            bodyMarkdown: Type.Optional(Body),
            slug: Type.Optional(Slug),
            categoryId: ArticleFields.categoryId,
            internal: ArticleFields.internal,
            tags: ArticleFields.tags,
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: ArticleSchema, ...errorResponses },
      },
    },
    async (request) => presentArticle(await knowledge.updateArticle(contextOf(deps, request), request.params.id, request.body)),
  );

  app.delete("/knowledge/articles/:id", { schema: { tags, summary: "Delete an article (supervisors and above)", params: IdParams, response: { 204: NoContent, ...errorResponses } } }, async (request, reply) => {
    await knowledge.deleteArticle(contextOf(deps, request), request.params.id);
    return reply.status(204).send(null);
  });

  for (const [action, status, summary] of [
    ["publish", "published", "Publish an article to the help center (supervisors and above)"],
    ["archive", "archived", "Take an article out of the help center and search, keeping it (supervisors and above)"],
    ["unpublish", "draft", "Take an article back to draft (supervisors and above)"],
  ] as const) {
    app.post(`/knowledge/articles/:id/${action}`, { schema: { tags, summary, params: IdParams, response: { 200: ArticleSchema, ...errorResponses } } }, async (request) =>
      presentArticle(await knowledge.setArticleStatus(contextOf(deps, request), request.params.id, status)),
    );
  }

  app.get(
    "/knowledge/articles/:id/versions",
    { schema: { tags, summary: "Every saved version of the title and body, newest first", params: IdParams, response: { 200: Items(ArticleVersionSchema), ...errorResponses } } },
    async (request) => ({ items: (await knowledge.listVersions(contextOf(deps, request), request.params.id)).map(presentVersion) }),
  );

  app.post(
    "/knowledge/articles/:id/restore",
    {
      schema: {
        tags,
        summary: "Bring back an old version's title and body, saved as a new version (supervisors and above)",
        params: IdParams,
        body: Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
        response: { 200: ArticleSchema, ...errorResponses },
      },
    },
    async (request) => presentArticle(await knowledge.restoreVersion(contextOf(deps, request), request.params.id, request.body.version)),
  );

  app.get(
    "/knowledge/articles/:id/translations",
    { schema: { tags, summary: "The article's translations, each flagged when outdated", params: IdParams, response: { 200: Items(ArticleSchema), ...errorResponses } } },
    async (request) => {
      const ctx = contextOf(deps, request);
      await knowledge.getArticle(ctx, request.params.id);
      return { items: (await knowledge.listArticles(ctx, { sourceArticleId: request.params.id })).map(presentArticle) };
    },
  );

  app.post(
    "/knowledge/articles/:id/translations",
    {
      schema: {
        tags,
        summary: "Translate an article into another locale (supervisors and above)",
        params: IdParams,
        body: Type.Object({ ...ArticleFields, locale: Locale }, { additionalProperties: false }),
        response: { 201: ArticleSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(presentArticle(await knowledge.createTranslation(contextOf(deps, request), request.params.id, request.body))),
  );

  app.post(
    "/knowledge/articles/:id/votes",
    {
      schema: {
        tags,
        summary: "Record a \"was this helpful?\" answer on a published article",
        params: IdParams,
        body: Type.Object({ helpful: Type.Boolean(), comment: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await knowledge.voteOnArticle(contextOf(deps, request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/knowledge/articles/:id/related",
    {
      schema: {
        tags,
        summary: "Published public articles related to this one (shared tags, then its category), as the help center lists them",
        params: IdParams,
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })) }, { additionalProperties: false }),
        response: { 200: Items(ArticleSummarySchema), ...errorResponses },
      },
    },
    async (request) => ({ items: (await knowledge.relatedToArticle(contextOf(deps, request), request.params.id, request.query.limit ?? 5)).map(presentArticleSummary) }),
  );

  app.post(
    "/knowledge/articles/:id/views",
    { schema: { tags, summary: "Count a view of a published article", params: IdParams, response: { 204: NoContent, ...errorResponses } } },
    async (request, reply) => {
      await knowledge.countArticleView(contextOf(deps, request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/knowledge/search",
    {
      schema: {
        tags,
        summary: "Search published articles, internal ones included unless internal=false",
        querystring: Type.Object(
          {
            q: Type.String({ minLength: 1, maxLength: 200, description: "Words to find; \"quoted phrases\", OR and -exclusions work." }),
            locale: Type.Optional(Locale),
            internal: Type.Optional(Type.Boolean({ default: true, description: "Include internal articles." })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Items(ArticleHitSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { q, locale, internal, limit } = request.query;
      return { items: await knowledge.searchKnowledge(contextOf(deps, request), { query: q, locale, includeInternal: internal ?? true, limit: limit ?? 10 }) };
    },
  );
}
