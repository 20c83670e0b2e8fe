import { sql } from "drizzle-orm";
import { queryRows, type Executor } from "../../platform/db/client.ts";
import { escapeHtml } from "../../platform/public-pages/markup.ts";
import { searchConfigOf } from "./schema.ts";

export interface ArticleSearch {
  query: string;
  /** Only articles in this locale, searched with its language's stemming; otherwise each article with its own. */
  locale?: string | undefined;
  /** Agents see internal articles; customers, the help center and the bot never do. */
  includeInternal: boolean;
  limit: number;
}

export interface ArticleHit {
  id: string;
  title: string;
  slug: string;
  locale: string;
  categoryId: string | null;
  internal: boolean;
  /** HTML: the text escaped, the matched words in `<mark>`. */
  snippet: string;
  score: number;
  /** "fulltext" for a word match, "similar" for a title found despite a typo. */
  match: "fulltext" | "similar";
}

// Weights for D, C, B, A: a word in the title counts for much more than the same word in the body.
const RANK_WEIGHTS = "{0.05, 0.1, 0.3, 1.0}";
// Control characters cannot come from the indexed plain text, so they mark matches safely until escaped.
const MARK_START = "\u0001";
const MARK_STOP = "\u0002";
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;
/** How close a title must be for the typo fallback (pg_trgm's word_similarity, 0–1). */
const SIMILARITY_THRESHOLD = 0.5;
const FALLBACK_SNIPPET_CHARS = 200;

interface HitRow {
  id: string;
  title: string;
  slug: string;
  locale: string;
  category_id: string | null;
  internal: boolean;
  snippet: string;
  score: number;
}

const toHit = (match: ArticleHit["match"]) => (row: HitRow): ArticleHit => ({
  id: row.id,
  title: row.title,
  slug: row.slug,
  locale: row.locale,
  categoryId: row.category_id,
  internal: row.internal,
  snippet: escapeHtml(row.snippet).replaceAll(MARK_START, "<mark>").replaceAll(MARK_STOP, "</mark>"),
  score: Number(row.score),
  match,
});

/**
 * The one search over published articles, for the help center, the widget, the answer
 * bot and the agent app. Words are matched with the stemming of each article's language
 * ("refunds" finds "refund"), titles ranked above bodies; when no word matches, titles
 * that look like the query catch typos ("pasword" finds "Password").
 */
export async function searchArticles(db: Executor, workspaceId: string, search: ArticleSearch): Promise<ArticleHit[]> {
  const query = search.query.trim();
  if (!query) return [];
  const config = searchConfigOf(sql`a.locale`);
  const visible = sql`a.workspace_id = ${workspaceId} AND a.status = 'published'
    ${search.includeInternal ? sql`` : sql`AND NOT a.internal`}
    ${search.locale === undefined ? sql`` : sql`AND a.locale = ${search.locale}`}`;
  const words = await queryRows<HitRow>(
    db,
    sql`SELECT a.id, a.title, a.slug, a.locale, a.category_id, a.internal,
               ts_headline(${config}, a.body_text, q.query, ${HEADLINE_OPTIONS}) AS snippet,
               ts_rank_cd(${RANK_WEIGHTS}::float4[], a.search, q.query) AS score
          FROM knowledge_articles a
          CROSS JOIN LATERAL (SELECT websearch_to_tsquery(${config}, ${query}) AS query) q
         WHERE ${visible} AND a.search @@ q.query
         ORDER BY score DESC, a.published_at DESC, a.id
         LIMIT ${search.limit}`,
  );
  if (words.length > 0) return words.map(toHit("fulltext"));
  const similar = await queryRows<HitRow>(
    db,
    sql`SELECT a.id, a.title, a.slug, a.locale, a.category_id, a.internal,
               left(a.body_text, ${FALLBACK_SNIPPET_CHARS}) AS snippet,
               word_similarity(${query}, a.title) AS score
          FROM knowledge_articles a
         WHERE ${visible} AND word_similarity(${query}, a.title) >= ${SIMILARITY_THRESHOLD}
         ORDER BY score DESC, a.published_at DESC, a.id
         LIMIT ${search.limit}`,
  );
  return similar.map(toHit("similar"));
}
