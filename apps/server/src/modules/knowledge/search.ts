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
 * ("refunds" finds "refund"), titles ranked above bodies. Articles with every word come first;
 * when none has them all, articles with any of them; when no word matches, titles that look
 * like the query catch typos ("pasword" finds "Password").
 */
export async function searchArticles(db: Executor, workspaceId: string, search: ArticleSearch): Promise<ArticleHit[]> {
  const query = search.query.trim();
  if (!query) return [];
  const config = searchConfigOf(sql`a.locale`);
  const visible = sql`a.workspace_id = ${workspaceId} AND a.status = 'published'
    ${search.includeInternal ? sql`` : sql`AND NOT a.internal`}
    ${search.locale === undefined ? sql`` : sql`AND a.locale = ${search.locale}`}`;
  const matching = (tsquery: string) =>
    queryRows<HitRow>(
      db,
      sql`SELECT a.id, a.title, a.slug, a.locale, a.category_id, a.internal,
                 ts_headline(${config}, a.body_text, q.query, ${HEADLINE_OPTIONS}) AS snippet,
                 ts_rank_cd(${RANK_WEIGHTS}::float4[], a.search, q.query) AS score
            FROM knowledge_articles a
            CROSS JOIN LATERAL (SELECT websearch_to_tsquery(${config}, ${tsquery}) AS query) q
           WHERE ${visible} AND a.search @@ q.query
           ORDER BY score DESC, a.published_at DESC, a.id
           LIMIT ${search.limit}`,
    );
  const words = await matching(query);
  if (words.length > 0) return words.map(toHit("fulltext"));
  // A whole question rarely has every word in one article: then any of its words will do, best covered first.
  const anyWords = questionWords(query).filter((word) => word !== "or");
  const some = anyWords.length > 1 ? await matching(anyWords.join(" or ")) : [];
  if (some.length > 0) return some.map(toHit("fulltext"));
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

// ---- Questions -------------------------------------------------------------------------------------------

export interface QuestionSearch {
  question: string;
  /** The asker's language: articles in it rank above the same article in another. */
  locale?: string | undefined;
  /** Articles not to return (already offered). */
  excludeIds?: readonly string[] | undefined;
  limit: number;
}

export interface QuestionHit {
  id: string;
  title: string;
  slug: string;
  locale: string;
  categoryId: string | null;
  /** The plain text of the body, for quoting the passage that answers. */
  bodyText: string;
  score: number;
  /** 0–1: the share of the question's meaningful words (weighted by rarity) the article contains. */
  coverage: number;
  /** 0–1: the same share, counting only words in the title or tags. */
  titleCoverage: number;
  /** 0–1: the share of the title's words the question has ("Washing a down jacket" over "Wash and re-waterproof a rain jacket" for "wash down jacket"). */
  titleMatch: number;
  /** The question's words that matched, with their weight (rarer words weigh more). */
  matched: { word: string; weight: number }[];
  /** Every meaningful word of the question, with its weight. */
  words: { word: string; weight: number }[];
}

/** Words that carry no topic in a chat message, beyond each language's own stop words. */
const CHAT_FILLER = new Set(
  (
    "hi hello hey dear guys team thanks thank thx ty please pls plz cheers regards ok okay question questions help " +
    "need want know wondering wonder wanted would could can get got like just also still really much way tell anyone " +
    "something anything thing things stuff going love lot " +
    "hola buenas buenos dias tardes gracias porfa favor quiero queria saber pregunta ayuda necesito puedo podeis podéis " +
    "hallo guten tag danke bitte frage möchte moechte wissen kann bonjour salut merci svp question voudrais veux savoir peux"
  ).split(" "),
);
/** Long questions are cut here: the opening words carry the topic, and the query stays cheap. */
const MAX_QUESTION_WORDS = 24;
/** How close an unmatched word must be to a word of some article to count as a typo of it (pg_trgm's similarity). */
const WORD_SIMILARITY_THRESHOLD = 0.55;
/** A typo'd word counts for less than a word spelt right. */
const FUZZY_WEIGHT = 0.6;
/** How much more a word counts in the title, and in the tags, than in the body. */
const TITLE_BOOST = 1.5;
const TAG_BOOST = 1;
/** How much a title the question matches entirely ranks above one it matches a word of. */
const TITLE_MATCH_BOOST = 0.5;
/** How much a word found in no article counts, against a word found in one. */
const UNKNOWN_WORD_WEIGHT = 0.6;
/** The same answer in another language than the asker's ranks below it in theirs. */
const OTHER_LOCALE_FACTOR = 0.75;

/** The question's words, lower-cased, each once, in order; punctuation and numbers-with-symbols split off. */
export function questionWords(question: string): string[] {
  const words = question.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter((word) => word.length > 1 && !CHAT_FILLER.has(word)))].slice(0, MAX_QUESTION_WORDS);
}

interface QuestionRow {
  id: string;
  family: string;
  title: string;
  slug: string;
  locale: string;
  category_id: string | null;
  body_text: string;
  matches: { word: string; title: boolean; tags: boolean; fuzzy: boolean }[];
  title_words: number;
  total: number;
  meaningful: string[];
}

const language = (locale: string) => locale.split("-")[0]!.toLowerCase();

/**
 * Ranks published, public articles against a customer's question rather than a search box's keywords:
 * any word may match (a long question never has every word in one article), words a language treats as
 * stop words are dropped, rarer words weigh more, words in a title or tag more than in a body, and a word
 * no article has is tried as a typo of one that some article has. Each article family (an original and its
 * translations) appears once, in the asker's language when it exists.
 */
export async function searchByQuestion(db: Executor, workspaceId: string, search: QuestionSearch): Promise<QuestionHit[]> {
  const candidates = questionWords(search.question);
  if (candidates.length === 0) return [];
  const config = searchConfigOf(sql`a.locale`);
  const excluded = JSON.stringify(search.excludeIds ?? []);
  const rows = await queryRows<QuestionRow>(
    db,
    sql`WITH words AS (
          SELECT word FROM jsonb_array_elements_text(${JSON.stringify(candidates)}::jsonb) AS word
           WHERE numnode(plainto_tsquery('english', word)) > 0 AND numnode(plainto_tsquery('spanish', word)) > 0
             AND numnode(plainto_tsquery('german', word)) > 0 AND numnode(plainto_tsquery('french', word)) > 0
        ), visible AS (
          SELECT a.id, coalesce(a.source_article_id, a.id) AS family, a.title, a.slug, a.locale, a.category_id, a.body_text,
                 a.search, ${config} AS cfg, to_tsvector(${config}, array_to_string(a.tags, ' ')) AS tag_vector
            FROM knowledge_articles a
           WHERE a.workspace_id = ${workspaceId} AND a.status = 'published' AND NOT a.internal
             AND a.id NOT IN (SELECT jsonb_array_elements_text(${excluded}::jsonb)::uuid)
        ), exact AS (
          SELECT v.id, w.word, to_tsvector(v.cfg, v.title) @@ q.query AS in_title, v.tag_vector @@ q.query AS in_tags, false AS fuzzy
            FROM visible v CROSS JOIN words w CROSS JOIN LATERAL (SELECT plainto_tsquery(v.cfg, w.word) AS query) q
           WHERE v.search @@ q.query OR v.tag_vector @@ q.query
        ), unmatched AS (
          SELECT word FROM words WHERE char_length(word) >= 4 AND word NOT IN (SELECT word FROM exact)
        ), vocabulary AS (
          -- Only read when some word matched nothing: splitting every article into words is the costly part.
          SELECT DISTINCT token FROM visible v, regexp_split_to_table(lower(v.title || ' ' || v.body_text), '[^[:alnum:]]+') AS token
           WHERE char_length(token) >= 4 AND EXISTS (SELECT 1 FROM unmatched)
        ), corrected AS (
          SELECT DISTINCT ON (u.word) u.word, t.token
            FROM unmatched u JOIN vocabulary t ON similarity(u.word, t.token) >= ${WORD_SIMILARITY_THRESHOLD}
           ORDER BY u.word, similarity(u.word, t.token) DESC, t.token
        ), fuzzy AS (
          SELECT v.id, c.word, to_tsvector(v.cfg, v.title) @@ q.query AS in_title, false AS in_tags, true AS fuzzy
            FROM visible v CROSS JOIN corrected c CROSS JOIN LATERAL (SELECT plainto_tsquery(v.cfg, c.token) AS query) q
           WHERE v.search @@ q.query
        ), matches AS (SELECT * FROM exact UNION ALL SELECT * FROM fuzzy)
        SELECT v.id, v.family, v.title, v.slug, v.locale, v.category_id, v.body_text,
               json_agg(json_build_object('word', m.word, 'title', m.in_title, 'tags', m.in_tags, 'fuzzy', m.fuzzy)) AS matches,
               length(to_tsvector(v.cfg, v.title)) AS title_words,
               (SELECT count(*) FROM visible)::int AS total,
               (SELECT json_agg(word) FROM words) AS meaningful
          FROM matches m JOIN visible v ON v.id = m.id
         GROUP BY v.id, v.family, v.title, v.slug, v.locale, v.category_id, v.body_text, v.cfg`,
  );
  if (rows.length === 0) return [];
  const total = rows[0]!.total;
  const meaningful = rows[0]!.meaningful;
  const articlesWith = new Map<string, number>();
  for (const row of rows) for (const match of row.matches) articlesWith.set(match.word, (articlesWith.get(match.word) ?? 0) + 1);
  // BM25's idf: a word in every article still weighs a little, a rare one a lot. A word in no article is as
  // likely small talk ("wondering", "week") as the topic, so it weighs like a rare word, discounted.
  const weightOf = (word: string) => {
    const found = articlesWith.get(word) ?? 0;
    const idf = Math.log(1 + (total - Math.max(found, 1) + 0.5) / (Math.max(found, 1) + 0.5));
    return found === 0 ? UNKNOWN_WORD_WEIGHT * idf : idf;
  };
  const words = meaningful.map((word) => ({ word, weight: weightOf(word) }));
  const mass = words.reduce((sum, word) => sum + word.weight, 0);
  const asker = search.locale === undefined ? undefined : language(search.locale);
  const hits = rows.map((row): QuestionHit & { family: string } => {
    let score = 0;
    let covered = 0;
    let titled = 0;
    let inTitle = 0;
    for (const match of row.matches) {
      if (match.title) inTitle += 1;
      const weight = weightOf(match.word) * (match.fuzzy ? FUZZY_WEIGHT : 1);
      score += weight * (1 + (match.title ? TITLE_BOOST : 0) + (match.tags ? TAG_BOOST : 0));
      covered += weight;
      if (match.title || match.tags) titled += weight;
    }
    const titleMatch = row.title_words > 0 ? Math.min(1, inTitle / row.title_words) : 0;
    score *= 1 + TITLE_MATCH_BOOST * titleMatch;
    if (asker !== undefined && language(row.locale) !== asker) score *= OTHER_LOCALE_FACTOR;
    return {
      id: row.id,
      family: row.family,
      title: row.title,
      slug: row.slug,
      locale: row.locale,
      categoryId: row.category_id,
      bodyText: row.body_text,
      score,
      coverage: mass > 0 ? covered / mass : 0,
      titleCoverage: mass > 0 ? titled / mass : 0,
      titleMatch,
      matched: row.matches.map((match) => ({ word: match.word, weight: weightOf(match.word) * (match.fuzzy ? FUZZY_WEIGHT : 1) })),
      words,
    };
  });
  hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const seen = new Set<string>();
  const best: QuestionHit[] = [];
  for (const { family, ...hit } of hits) {
    if (seen.has(family)) continue;
    seen.add(family);
    best.push(hit);
    if (best.length === search.limit) break;
  }
  return best;
}
