import type { Ok, Query } from "../../api/types";

export type Article = Ok<"/api/v1/knowledge/articles/{id}", "get">;
export type ArticleStatus = Article["status"];
export type ArticleFilters = Query<"/api/v1/knowledge/articles", "get">;
export type Category = Ok<"/api/v1/knowledge/categories", "get">["items"][number];
export type ArticleVersion = Ok<"/api/v1/knowledge/articles/{id}/versions", "get">["items"][number];
export type ArticleHit = Ok<"/api/v1/knowledge/search", "get">["items"][number];
export type ArticleSuggestion = Ok<"/api/v1/conversations/{id}/article-suggestions", "get">["items"][number];

/** A question customers keep asking that no article answers, as the answer bot reports it. */
export type ContentGap = Ok<"/api/v1/bot/content-gaps", "get">["items"][number];

export const ARTICLE_STATUSES: ArticleStatus[] = ["draft", "published", "archived"];
/** The languages articles are written in here: the app's own, which the help center also speaks. */
export const ARTICLE_LOCALES = ["en", "es"] as const;
