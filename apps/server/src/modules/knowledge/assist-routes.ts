import Type from "typebox";
import { contextOf, type App, type AppDeps } from "../../platform/http/context.ts";
import { errorResponses, IdParams, Uuid } from "../../platform/http/schemas.ts";
import { MAX_SUGGESTIONS, previewArticle, suggestArticles } from "./assist.ts";

const ArticleSuggestionSchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  slug: Type.String(),
  locale: Type.String(),
  internal: Type.Boolean({ description: "Visible to agents only: quote it, don't link it." }),
  snippet: Type.String({ description: "HTML: escaped text with the matched words in <mark>." }),
  excerpt: Type.String({ description: "The article's first paragraph as plain text, to paste into a reply." }),
  url: Type.Union([Type.String(), Type.Null()], { description: "The article in the help center; null for an internal article." }),
});

/** What helps an agent answer with the knowledge base, and what helps a writer write it. */
export function registerKnowledgeAssistRoutes(app: App, deps: AppDeps): void {
  app.get(
    "/conversations/:id/article-suggestions",
    {
      schema: {
        tags: ["Knowledge base"],
        summary: `Up to ${MAX_SUGGESTIONS} published articles that may answer the conversation, from the customer's recent messages, internal ones included`,
        params: IdParams,
        querystring: Type.Object(
          { q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "Look for these words instead of the customer's." })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(ArticleSuggestionSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await suggestArticles(contextOf(deps, request), deps.config.publicUrl, request.params.id, request.query.q) }),
  );

  app.post(
    "/knowledge/preview",
    {
      schema: {
        tags: ["Knowledge base"],
        summary: "Render an article's Markdown the way it will be published, sanitized, without saving it",
        body: Type.Object({ bodyMarkdown: Type.String({ maxLength: 200_000, description: "Markdown." }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ html: Type.String({ description: "Sanitized; safe to insert into a page." }) }), ...errorResponses },
      },
    },
    async (request) => ({ html: previewArticle(contextOf(deps, request), request.body.bodyMarkdown).html }),
  );
}
