import type { Executor } from "../../platform/db/client.ts";

/** A customer's question, as the bot is asked it. */
export interface BotQuestion {
  workspaceId: string;
  text: string;
  /** The customer's language when known (`es`, `pt-BR`); articles in it are preferred. */
  locale?: string | undefined;
  /** Articles already offered in this conversation: not offered again. */
  excludeArticleIds?: readonly string[] | undefined;
}

/** An article the bot used, to link to. */
export interface CitedArticle {
  id: string;
  title: string;
  slug: string;
  locale: string;
}

export interface BotAnswer {
  /** "answer" when the articles cover the question; "none" when they don't (the bot then hands over). */
  kind: "answer" | "none";
  /** What the customer reads: a short passage from the best article, or the model's composed answer. */
  text: string;
  /** The articles the answer came from, best first; empty for "none". */
  articles: CitedArticle[];
  /** 0–1: how sure the engine is that `articles[0]` answers the question. */
  confidence: number;
  engine: "retrieval" | "llm";
}

/** Answers questions from a workspace's published, public articles only. */
export interface AnswerEngine {
  answer(db: Executor, question: BotQuestion): Promise<BotAnswer>;
}

/** What a customer's message says about whether a person should take over, and why. */
export interface HandoverSignals {
  /** "talk to a human", "agente", "Mitarbeiter", "parler à quelqu'un"… */
  humanRequested: boolean;
  /** Angry, upset or complaining. */
  negative: boolean;
  /** Safety, health, money lost, deadline today… */
  urgent: boolean;
  /** "yes, that answered it" / "no" to the bot's "Did that answer your question?", when the message is one. */
  feedback: "helpful" | "unhelpful" | null;
  /** The words that decided each flag, for the agent to read ("urgent: 'chest pain'"). */
  reasons: string[];
}
