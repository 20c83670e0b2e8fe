import type { Executor } from "../../platform/db/client.ts";
import { searchByQuestion, type QuestionHit } from "../knowledge/search.ts";
import { extractPassage } from "./extract.ts";
import type { AnswerEngine, BotAnswer, BotQuestion, CitedArticle } from "./types.ts";

/** Below this confidence the bot says it doesn't know and hands over, rather than guess. */
export const ANSWER_THRESHOLD = 0.5;
/** Articles linked under an answer, best first. */
export const MAX_CITED = 3;
/** A runner-up is worth linking only when it scores near the best. */
const RELATED_SHARE = 0.4;

/**
 * How sure the best article answers the question, 0–1: the share of the question's weight it covers (an
 * article about returns covers little of "can I return a kayak I bought elsewhere"), the share found in its
 * title or tags, and how much of its title the question asks about. Fitted on the demo knowledge base's
 * evaluation set so that no question the articles don't cover reaches the threshold.
 */
export function confidenceOf(hit: QuestionHit): number {
  const evidence = (0.5 * hit.coverage + 0.25 * hit.titleCoverage + 0.2 * hit.titleMatch) / 0.95;
  return 1 / (1 + Math.exp(-12 * (evidence - 0.5)));
}

export const citeArticle = (hit: QuestionHit): CitedArticle => ({ id: hit.id, title: hit.title, slug: hit.slug, locale: hit.locale });

/** The articles that match a question best, with the engine's confidence in the first. */
export async function retrieveArticles(db: Executor, question: BotQuestion): Promise<{ hits: QuestionHit[]; confidence: number }> {
  const hits = await searchByQuestion(db, question.workspaceId, {
    question: question.text,
    locale: question.locale,
    excludeIds: question.excludeArticleIds,
    limit: MAX_CITED,
  });
  return { hits, confidence: hits[0] ? confidenceOf(hits[0]) : 0 };
}

export const noAnswer = (confidence: number, engine: BotAnswer["engine"]): BotAnswer => ({ kind: "none", text: "", articles: [], confidence, engine });

/**
 * Answers with a passage quoted from the best-matching article: no model, no network, the same answer for
 * the same question and articles every time.
 */
export const retrievalEngine: AnswerEngine = {
  async answer(db, question) {
    const { hits, confidence } = await retrieveArticles(db, question);
    const best = hits[0];
    if (!best || confidence < ANSWER_THRESHOLD) return noAnswer(confidence, "retrieval");
    return {
      kind: "answer",
      text: extractPassage(best.bodyText, best.words),
      articles: hits.filter((hit) => hit.score >= RELATED_SHARE * best.score).map(citeArticle),
      confidence,
      engine: "retrieval",
    };
  },
};
