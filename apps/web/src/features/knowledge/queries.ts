import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { ArticleFilters } from "./types";

export const knowledgeKeys = {
  all: ["knowledge"] as const,
  articles: (filters: ArticleFilters) => ["knowledge", "articles", filters] as const,
  article: (id: string) => ["knowledge", "article", id] as const,
  versions: (id: string) => ["knowledge", "article", id, "versions"] as const,
  translations: (id: string) => ["knowledge", "article", id, "translations"] as const,
  categories: ["knowledge", "categories"] as const,
  search: (q: string, locale: string | undefined) => ["knowledge", "search", q, locale] as const,
  preview: (markdown: string) => ["knowledge", "preview", markdown] as const,
  gaps: ["knowledge", "content-gaps"] as const,
  suggestions: (conversationId: string, q: string) => ["knowledge", "suggestions", conversationId, q] as const,
};

export const articleQuery = (id: string) =>
  queryOptions({ queryKey: knowledgeKeys.article(id), queryFn: () => unwrap(api.GET("/api/v1/knowledge/articles/{id}", { params: { path: { id } } })) });

export function useArticles(filters: ArticleFilters) {
  return useQuery({ queryKey: knowledgeKeys.articles(filters), queryFn: () => unwrap(api.GET("/api/v1/knowledge/articles", { params: { query: filters } })), select: (answer) => answer.items });
}

export function useCategories() {
  return useQuery({ queryKey: knowledgeKeys.categories, queryFn: () => unwrap(api.GET("/api/v1/knowledge/categories")), select: (answer) => answer.items });
}

export function useArticleSearch(q: string, locale: string | undefined) {
  return useQuery({
    queryKey: knowledgeKeys.search(q, locale),
    queryFn: () => unwrap(api.GET("/api/v1/knowledge/search", { params: { query: { q, ...(locale && { locale }), limit: 50 } } })),
    select: (answer) => answer.items,
    enabled: q !== "",
  });
}

export function useVersions(id: string) {
  return useQuery({
    queryKey: knowledgeKeys.versions(id),
    queryFn: () => unwrap(api.GET("/api/v1/knowledge/articles/{id}/versions", { params: { path: { id } } })),
    select: (answer) => answer.items,
  });
}

export function useTranslations(id: string) {
  return useQuery({
    queryKey: knowledgeKeys.translations(id),
    queryFn: () => unwrap(api.GET("/api/v1/knowledge/articles/{id}/translations", { params: { path: { id } } })),
    select: (answer) => answer.items,
  });
}

/** The server renders the preview, so what the writer sees is what the help center will publish, sanitized the same way. */
export function usePreview(markdown: string) {
  return useQuery({
    queryKey: knowledgeKeys.preview(markdown),
    queryFn: ({ signal }) => unwrap(api.POST("/api/v1/knowledge/preview", { body: { bodyMarkdown: markdown }, signal })),
    select: (answer) => answer.html,
    placeholderData: (previous) => previous,
    staleTime: Infinity,
  });
}

export function useArticleSuggestions(conversationId: string, q: string) {
  return useQuery({
    queryKey: knowledgeKeys.suggestions(conversationId, q),
    queryFn: () => unwrap(api.GET("/api/v1/conversations/{id}/article-suggestions", { params: { path: { id: conversationId }, query: q ? { q } : {} } })),
    select: (answer) => answer.items,
    placeholderData: (previous) => previous,
    staleTime: 60_000,
  });
}

export function useContentGaps() {
  return useQuery({ queryKey: knowledgeKeys.gaps, queryFn: () => unwrap(api.GET("/api/v1/bot/content-gaps")), select: (answer) => answer.items });
}

export async function dismissContentGap(id: string): Promise<void> {
  await unwrap(api.POST("/api/v1/bot/content-gaps/{id}/dismiss", { params: { path: { id } }, body: {} }));
}

/** After any change: lists, the article, its versions and translations all may show it. */
export function useRefreshKnowledge() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: knowledgeKeys.all });
}
