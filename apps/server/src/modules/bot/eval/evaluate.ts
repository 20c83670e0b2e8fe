import { randomBytes } from "node:crypto";
import { seedDemoKnowledgeBase } from "../../../demo/knowledge.ts";
import { scopesForRole } from "../../../platform/auth/policy.ts";
import type { Executor } from "../../../platform/db/client.ts";
import { createWorkspace } from "../../workspaces/service.ts";
import { retrieveArticles } from "../engine.ts";
import { detectSignals } from "../signals.ts";
import type { AnswerEngine, BotAnswer, HandoverSignals } from "../types.ts";
import type { EvalQuestion } from "./questions.ts";

/** A fresh workspace holding the demo knowledge base and nothing else. */
export async function seedEvaluationWorkspace(db: Executor): Promise<string> {
  const { workspace, owner } = await createWorkspace(db, {
    name: "Answer bot evaluation",
    owner: { email: `eval-${randomBytes(4).toString("hex")}@example.test`, name: "Eval Owner", password: randomBytes(12).toString("hex") },
  });
  await seedDemoKnowledgeBase({ db, actor: { via: "session", workspaceId: workspace.id, userId: owner.id, role: "owner", scopes: scopesForRole("owner") } });
  return workspace.id;
}

export interface QuestionOutcome {
  question: EvalQuestion;
  /** The slugs the engine ranked first, best first. */
  ranked: string[];
  answer: BotAnswer;
  signals: HandoverSignals;
  /** The bot hands over: nothing to answer with, or the customer asks for, or needs, a person. */
  handedOver: boolean;
}

export interface Figures {
  questions: number;
  answerable: number;
  /** Answerable questions whose article the engine ranks first, and among its first three. */
  top1: number;
  top3: number;
  /** Answerable questions the bot answered, and of those how many from the right article. */
  answered: number;
  answeredRight: number;
  /** Questions that should reach a person: not covered, or the customer upset or urgent. */
  shouldHandOver: number;
  handedOver: number;
  handoverPrecision: number;
  handoverRecall: number;
  /** Questions the knowledge base doesn't cover that the bot answered anyway, with confidence over its threshold. */
  noneAnswered: number;
}

export interface Evaluation {
  figures: Figures;
  byLocale: Record<string, Figures>;
  outcomes: QuestionOutcome[];
  /** One line per question the bot got wrong, for reading. */
  misses: string[];
}

const share = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

function figuresOf(outcomes: QuestionOutcome[]): Figures {
  const answerable = outcomes.filter((outcome) => outcome.question.expected !== "none");
  const should = outcomes.filter((outcome) => outcome.question.expected === "none" || outcome.question.upset);
  const handed = outcomes.filter((outcome) => outcome.handedOver);
  const answered = answerable.filter((outcome) => outcome.answer.kind === "answer");
  return {
    questions: outcomes.length,
    answerable: answerable.length,
    top1: share(answerable.filter((outcome) => outcome.ranked[0] === outcome.question.expected).length, answerable.length),
    top3: share(answerable.filter((outcome) => outcome.ranked.slice(0, 3).includes(outcome.question.expected)).length, answerable.length),
    answered: answered.length,
    answeredRight: answered.filter((outcome) => outcome.answer.articles[0]?.slug === outcome.question.expected).length,
    shouldHandOver: should.length,
    handedOver: handed.length,
    handoverPrecision: share(handed.filter((outcome) => should.includes(outcome)).length, handed.length),
    handoverRecall: share(should.filter((outcome) => outcome.handedOver).length, should.length),
    noneAnswered: outcomes.filter((outcome) => outcome.question.expected === "none" && outcome.answer.kind === "answer").length,
  };
}

function missOf(outcome: QuestionOutcome): string | undefined {
  const { question, ranked, answer } = outcome;
  const said = `${answer.kind} ${answer.confidence.toFixed(2)} [${ranked.join(", ")}]`;
  if (question.expected === "none" && answer.kind === "answer") return `answered, not covered: ${JSON.stringify(question.text)} → ${said}`;
  if (question.upset && !outcome.handedOver) return `kept an upset customer: ${JSON.stringify(question.text)} → ${said}`;
  if (question.expected !== "none" && !ranked.slice(0, 3).includes(question.expected)) return `not in top 3 (${question.expected}): ${JSON.stringify(question.text)} → ${said}`;
  if (question.expected !== "none" && answer.kind === "answer" && answer.articles[0]?.slug !== question.expected) return `answered from the wrong article (${question.expected}): ${JSON.stringify(question.text)} → ${said}`;
  return undefined;
}

/** Asks the engine every question, as the bot would, and scores what it ranked, answered and handed over. */
export async function evaluate(db: Executor, workspaceId: string, engine: AnswerEngine, questions: readonly EvalQuestion[]): Promise<Evaluation> {
  const outcomes: QuestionOutcome[] = [];
  for (const question of questions) {
    const asked = { workspaceId, text: question.text, locale: question.locale };
    const { hits } = await retrieveArticles(db, asked);
    const answer = await engine.answer(db, asked);
    const signals = detectSignals(question.text, [question.locale]);
    const handedOver = answer.kind === "none" || signals.humanRequested || signals.negative || signals.urgent;
    outcomes.push({ question, ranked: hits.map((hit) => hit.slug), answer, signals, handedOver });
  }
  const locales = [...new Set(questions.map((question) => question.locale))];
  return {
    figures: figuresOf(outcomes),
    byLocale: Object.fromEntries(locales.map((locale) => [locale, figuresOf(outcomes.filter((outcome) => outcome.question.locale === locale))])),
    outcomes,
    misses: outcomes.map(missOf).filter((miss): miss is string => miss !== undefined),
  };
}
