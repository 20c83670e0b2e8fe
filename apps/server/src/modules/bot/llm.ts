import Type from "typebox";
import { Compile } from "typebox/compile";
import type { Config } from "../../config.ts";
import type { QuestionHit } from "../knowledge/search.ts";
import { ANSWER_THRESHOLD, citeArticle, noAnswer, retrievalEngine, retrieveArticles } from "./engine.ts";
import type { AnswerEngine, BotAnswer } from "./types.ts";

export interface LlmOptions {
  /** An OpenAI-compatible API's base, e.g. `https://api.openai.com/v1`; `/chat/completions` is added. */
  baseUrl: string;
  apiKey?: string | undefined;
  model: string;
  timeoutMs: number;
  /** Answers when the model can't: timeout, HTTP error, a reply that isn't what was asked for. */
  fallback?: AnswerEngine | undefined;
}

/** What the model is told to say when the articles don't answer the question. */
export const NO_ANSWER = "NO_ANSWER";
/** Enough of each article for the model to answer from, without paying for a whole manual. */
const MAX_ARTICLE_CHARS = 4000;
const MAX_REPLY_TOKENS = 400;

const SYSTEM_PROMPT = `You answer customers' questions for a shop's customer service, using ONLY the numbered help center articles you are given.
Rules:
- Answer solely from the articles. Never use other knowledge, never guess, never invent prices, dates, policies or links.
- Cite the articles you used with their number in square brackets, like [1] or [2], right after the sentence they support.
- If the articles don't answer the question, reply with exactly ${NO_ANSWER} and nothing else.
- Be brief and friendly: at most 3 short sentences, plain text, no Markdown.
- Reply in the language the customer wrote in.`;

const ChatCompletion = Compile(
  Type.Object({
    choices: Type.Array(Type.Object({ message: Type.Object({ content: Type.String() }) }), { minItems: 1 }),
  }),
);

function articlesPrompt(hits: readonly QuestionHit[], question: string): string {
  const articles = hits.map((hit, index) => `[${index + 1}] ${hit.title}\n${hit.bodyText.slice(0, MAX_ARTICLE_CHARS)}`).join("\n\n");
  return `Articles:\n\n${articles}\n\nCustomer's question:\n${question}`;
}

/** The article numbers a reply cites, in the order it first cites them, ignoring numbers it wasn't given. */
function citedIndexes(reply: string, count: number): number[] {
  const cited = [...reply.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]) - 1).filter((index) => index >= 0 && index < count);
  return [...new Set(cited)];
}

async function askModel(options: LlmOptions, prompt: string): Promise<string | undefined> {
  try {
    const response = await fetch(`${options.baseUrl.replace(/\/+$/, "")}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}) },
      body: JSON.stringify({
        model: options.model,
        temperature: 0,
        max_tokens: MAX_REPLY_TOKENS,
        messages: [
          { role: "system", content: SYSTEM_PROMPT },
          { role: "user", content: prompt },
        ],
      }),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    if (!response.ok) return undefined;
    const body: unknown = await response.json();
    return ChatCompletion.Check(body) ? body.choices[0]!.message.content : undefined;
  } catch {
    // Timeouts, refused connections and bodies that aren't JSON all mean the same here: answer without the model.
    return undefined;
  }
}

/**
 * Composes answers with a chat model from the articles the search finds, and only from them: the model sees
 * nothing else, must cite what it used, and says NO_ANSWER when the articles don't cover the question. A reply
 * that cites no article given is treated as no answer. When the model can't be reached in time, the retrieval
 * engine answers instead, so a customer never waits on a model that's down.
 */
export function llmEngine(options: LlmOptions): AnswerEngine {
  const fallback = options.fallback ?? retrievalEngine;
  return {
    async answer(db, question): Promise<BotAnswer> {
      const { hits, confidence } = await retrieveArticles(db, question);
      if (hits.length === 0) return noAnswer(0, "llm");
      const reply = await askModel(options, articlesPrompt(hits, question.text));
      if (reply === undefined) return fallback.answer(db, question);
      if (reply.includes(NO_ANSWER)) return noAnswer(confidence, "llm");
      const cited = citedIndexes(reply, hits.length);
      if (cited.length === 0) return noAnswer(confidence, "llm");
      return {
        kind: "answer",
        text: reply.replace(/\s*\[\d+\]/g, "").trim(),
        articles: cited.map((index) => citeArticle(hits[index]!)),
        // The model vouched for the articles it cited; the search's own confidence says how well they matched.
        confidence: Math.max(confidence, ANSWER_THRESHOLD),
        engine: "llm",
      };
    },
  };
}

/** The model-backed engine when one is configured, otherwise the retrieval engine. */
export function answerEngineFor(config: Pick<Config, "llm">): AnswerEngine {
  return config.llm ? llmEngine(config.llm) : retrievalEngine;
}
