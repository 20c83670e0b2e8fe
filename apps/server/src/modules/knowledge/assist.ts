import { requireScope } from "../../platform/auth/policy.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { listMessages } from "../conversations/service.ts";
import { getWorkspace } from "../workspaces/service.ts";
import { renderArticleBody, type RenderedBody } from "./render.ts";
import { getArticle, searchKnowledge } from "./service.ts";

/** An article offered to the agent beside a conversation, with what the composer needs to quote it. */
export interface ArticleSuggestion {
  id: string;
  title: string;
  slug: string;
  locale: string;
  internal: boolean;
  /** HTML: escaped text with the matched words in `<mark>`. */
  snippet: string;
  /** The article's first paragraph as plain text, ready to paste into a reply. */
  excerpt: string;
  /** Where the customer can read it; null for an internal article, which the help center never shows. */
  url: string | null;
}

export const MAX_SUGGESTIONS = 5;
/** The customer's latest messages say what the conversation is about now; older ones drift. */
const RECENT_MESSAGES = 10;
/** Enough words to find the topic; a long thread would otherwise make a query nobody could rank. */
const MAX_QUERY_WORDS = 40;
const MIN_WORD_LENGTH = 3;

/**
 * The customer's words joined with OR: a chat message rarely contains every word of an article,
 * so any shared word may match and the ranking puts the article sharing the most first.
 */
export function queryFromMessages(texts: readonly string[]): string {
  const words = new Set<string>();
  for (const text of texts) {
    for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
      if (word.length >= MIN_WORD_LENGTH && word !== "or") words.add(word);
      if (words.size === MAX_QUERY_WORDS) return [...words].join(" OR ");
    }
  }
  return [...words].join(" OR ");
}

/** The first paragraph that is not a heading, as text: what an agent would quote to answer. */
export function firstParagraph(markdown: string): string {
  const blocks = markdown.split(/\n\s*\n/).map((block) => block.trim());
  const paragraph = blocks.find((block) => block !== "" && !block.startsWith("#")) ?? "";
  return renderArticleBody(paragraph).text.trim();
}

const helpCenterUrl = (publicUrl: string, workspaceSlug: string, article: { locale: string; slug: string }) =>
  `${publicUrl}/help/${encodeURIComponent(workspaceSlug)}/${article.locale}/articles/${encodeURIComponent(article.slug)}`;

/**
 * Articles that may answer the conversation, internal ones included: the agent reads them, the
 * customer only gets what the agent chooses to send. `query` replaces the customer's words when
 * the agent searches for something else.
 */
export async function suggestArticles(ctx: ServiceContext, publicUrl: string, conversationId: string, query?: string): Promise<ArticleSuggestion[]> {
  requireScope(ctx.actor, "conversations:read");
  // Reading the messages also proves the conversation is in the caller's workspace.
  const recent = await listMessages(ctx, conversationId, { limit: RECENT_MESSAGES, order: "newest" });
  const words = query?.trim() || queryFromMessages(recent.items.filter((message) => message.kind === "inbound").map((message) => message.bodyText));
  if (!words) return [];
  const hits = await searchKnowledge(ctx, { query: words, includeInternal: true, limit: MAX_SUGGESTIONS });
  if (hits.length === 0) return [];
  const workspace = await getWorkspace(ctx.db, ctx.actor.workspaceId);
  return Promise.all(
    hits.map(async (hit) => ({
      id: hit.id,
      title: hit.title,
      slug: hit.slug,
      locale: hit.locale,
      internal: hit.internal,
      snippet: hit.snippet,
      excerpt: firstParagraph((await getArticle(ctx, hit.id)).bodyMarkdown),
      url: hit.internal ? null : helpCenterUrl(publicUrl, workspace.slug, hit),
    })),
  );
}

/** The editor's preview, through the same renderer and sanitizer as what is published. */
export function previewArticle(ctx: ServiceContext, markdown: string): RenderedBody {
  requireScope(ctx.actor, "conversations:read");
  return renderArticleBody(markdown);
}
