import { searchArticles } from "../apps/server/src/modules/knowledge/search.ts";
import { retrievalEngine } from "../apps/server/src/modules/bot/engine.ts";
import { evaluate, seedEvaluationWorkspace, type Figures } from "../apps/server/src/modules/bot/eval/evaluate.ts";
import { HELD_OUT_QUESTIONS } from "../apps/server/src/modules/bot/eval/held-out.ts";
import { TUNING_QUESTIONS, type EvalQuestion } from "../apps/server/src/modules/bot/eval/questions.ts";
import type { Executor } from "../apps/server/src/platform/db/client.ts";
import { summarize, type LatencySummary } from "./lib/measure.ts";
import { backendName, ms, printTable, writeResult, type Backend, type Row } from "./lib/report.ts";
import { createStore } from "./lib/store.ts";

/**
 * The answer bot on the demo knowledge base: how often it finds the right article, whether it hands over
 * what it should (questions the articles don't cover, upset or urgent customers), and what a question costs
 * beside a bare keyword search over the same articles.
 */

export interface AnswerBotOptions {
  backend: Backend;
}

export interface AnswerBotResult {
  name: string;
  backend: Backend;
  startedAt: string;
  tuning: { figures: Figures; byLocale: Record<string, Figures>; misses: string[] };
  heldOut: { figures: Figures; byLocale: Record<string, Figures>; misses: string[] };
  /** The retrieval engine's answer to one question, and `searchArticles` with the question as its query. */
  engine: LatencySummary;
  baseline: LatencySummary;
  targets: typeof ANSWER_BOT_TARGETS;
  met: boolean;
}

export const ANSWER_BOT_TARGETS = { top3: 0.9, noneAnswered: 0 };

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

function figureRows(figures: Figures, targets: boolean): Row[] {
  return [
    ["questions (answerable)", `${figures.questions} (${figures.answerable})`],
    ["top-1 right article", pct(figures.top1)],
    targets ? ["top-3 right article", pct(figures.top3), `≥ ${pct(ANSWER_BOT_TARGETS.top3)}`, figures.top3 >= ANSWER_BOT_TARGETS.top3] : ["top-3 right article", pct(figures.top3)],
    ["answered (from the right article)", `${figures.answered} (${figures.answeredRight})`],
    ["handed over (should be)", `${figures.handedOver} (${figures.shouldHandOver})`],
    ["handover precision", pct(figures.handoverPrecision)],
    ["handover recall", pct(figures.handoverRecall)],
    targets ? ["not covered but answered", String(figures.noneAnswered), "0", figures.noneAnswered === 0] : ["not covered but answered", String(figures.noneAnswered)],
  ];
}

async function timeEach(questions: readonly EvalQuestion[], operation: (question: EvalQuestion) => Promise<unknown>): Promise<LatencySummary> {
  for (const question of questions.slice(0, 10)) await operation(question);
  const samples: number[] = [];
  for (const question of questions) {
    const started = performance.now();
    await operation(question);
    samples.push(performance.now() - started);
  }
  return summarize(samples);
}

export async function benchAnswerBot(options: AnswerBotOptions): Promise<AnswerBotResult> {
  const startedAt = new Date().toISOString();
  const store = await createStore(options.backend);
  const database = await store.open(10);
  const db: Executor = database.db;
  try {
    console.log(`\nAnswer bot on ${backendName(options.backend)}: seeding the demo knowledge base…`);
    const workspaceId = await seedEvaluationWorkspace(db);
    const tuning = await evaluate(db, workspaceId, retrievalEngine, TUNING_QUESTIONS);
    const heldOut = await evaluate(db, workspaceId, retrievalEngine, HELD_OUT_QUESTIONS);
    const all = [...TUNING_QUESTIONS, ...HELD_OUT_QUESTIONS];
    const engine = await timeEach(all, (question) => retrievalEngine.answer(db, { workspaceId, text: question.text, locale: question.locale }));
    const baseline = await timeEach(all, (question) => searchArticles(db, workspaceId, { query: question.text, includeInternal: false, limit: 3 }));
    const met = [tuning, heldOut].every(({ figures }) => figures.top3 >= ANSWER_BOT_TARGETS.top3 && figures.noneAnswered === ANSWER_BOT_TARGETS.noneAnswered);

    for (const [title, evaluation] of [
      ["tuning questions", tuning],
      ["held-out questions", heldOut],
    ] as const) {
      printTable(`Answer bot, ${title} (${backendName(options.backend)})`, figureRows(evaluation.figures, true));
      for (const [locale, figures] of Object.entries(evaluation.byLocale)) {
        printTable(`  ${locale}`, figureRows(figures, false).filter(([label]) => !label.startsWith("handover precision")));
      }
      console.log(evaluation.misses.length ? `\n  Misses (${title}):\n${evaluation.misses.map((miss) => `    ${miss}`).join("\n")}` : "\n  No misses.");
    }
    printTable(`Answer bot, time per question over ${all.length} questions (${backendName(options.backend)})`, [
      ["engine p50 / p99 ms", `${ms(engine.p50)} / ${ms(engine.p99)}`],
      ["baseline searchArticles p50 / p99 ms", `${ms(baseline.p50)} / ${ms(baseline.p99)}`],
      ["engine / baseline (p50)", (engine.p50 / baseline.p50).toFixed(1)],
    ]);

    const result: AnswerBotResult = {
      name: "answer-bot",
      backend: options.backend,
      startedAt,
      tuning: { figures: tuning.figures, byLocale: tuning.byLocale, misses: tuning.misses },
      heldOut: { figures: heldOut.figures, byLocale: heldOut.byLocale, misses: heldOut.misses },
      engine,
      baseline,
      targets: ANSWER_BOT_TARGETS,
      met,
    };
    writeResult(`answer-bot-${options.backend}`, result);
    return result;
  } finally {
    await database.close();
    await store.dispose();
  }
}
