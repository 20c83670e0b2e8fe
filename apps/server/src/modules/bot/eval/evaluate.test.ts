import { beforeAll, describe, expect, it } from "vitest";
import { sharedServer, type TestServer } from "../../../testing/harness.ts";
import { retrievalEngine } from "../engine.ts";
import { evaluate, seedEvaluationWorkspace } from "./evaluate.ts";
import { HELD_OUT_QUESTIONS } from "./held-out.ts";
import { TUNING_QUESTIONS } from "./questions.ts";

// Every question goes through the real search over the seeded demo knowledge base, twice.
const EVALUATION_TIMEOUT_MS = 120_000;

let server: TestServer;
let workspaceId: string;

beforeAll(async () => {
  server = await sharedServer();
  workspaceId = await seedEvaluationWorkspace(server.database.db);
});

describe("the answer bot on the demo knowledge base", () => {
  it("has an evaluation set covering languages, topics the articles miss, and upset customers", () => {
    const all = [...TUNING_QUESTIONS, ...HELD_OUT_QUESTIONS];
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(all.filter((question) => question.locale === "es").length).toBeGreaterThanOrEqual(30);
    expect(all.filter((question) => question.expected === "none").length).toBeGreaterThanOrEqual(25);
    expect(all.filter((question) => question.upset).length).toBeGreaterThanOrEqual(20);
    expect(HELD_OUT_QUESTIONS.length / all.length).toBeGreaterThan(0.15);
  });

  it(
    "ranks the right article in the top 3 for 90% of questions, and never answers one its articles don't cover",
    async () => {
      const { figures, misses } = await evaluate(server.database.db, workspaceId, retrievalEngine, TUNING_QUESTIONS);
      expect(figures.top3, misses.join("\n")).toBeGreaterThanOrEqual(0.9);
      expect(figures.noneAnswered, misses.join("\n")).toBe(0);
      expect(figures.handoverRecall, misses.join("\n")).toBe(1);
    },
    EVALUATION_TIMEOUT_MS,
  );

  it(
    "does as well on the held-out questions",
    async () => {
      const { figures, misses } = await evaluate(server.database.db, workspaceId, retrievalEngine, HELD_OUT_QUESTIONS);
      expect(figures.top3, misses.join("\n")).toBeGreaterThanOrEqual(0.9);
      expect(figures.noneAnswered, misses.join("\n")).toBe(0);
    },
    EVALUATION_TIMEOUT_MS,
  );
});
