import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config.ts";
import { createTestWorkspace, publishArticle, sharedServer, type TestServer, type TestWorkspace } from "../../testing/harness.ts";
import { retrievalEngine } from "./engine.ts";
import { answerEngineFor, llmEngine, NO_ANSWER, type LlmOptions } from "./llm.ts";

/**
 * A fake of the model provider at the network edge: a local HTTP server speaking the chat-completions wire
 * format, so the engine's real request and parsing run against sockets, not mocks.
 */
interface FakeReply {
  status?: number;
  content?: string;
  delayMs?: number;
  raw?: string;
}
let reply: FakeReply = {};
const received: { authorization: string | undefined; body: { model: string; messages: { role: string; content: string }[] } }[] = [];
const provider = http.createServer((request, response) => {
  let body = "";
  request.on("data", (chunk: Buffer) => (body += chunk.toString()));
  request.on("end", () => {
    received.push({ authorization: request.headers.authorization, body: JSON.parse(body) as (typeof received)[number]["body"] });
    const { status = 200, content = "", delayMs = 0, raw } = reply;
    const timer = setTimeout(() => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(raw ?? JSON.stringify(status === 200 ? { id: "chatcmpl-1", object: "chat.completion", choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }] } : { error: { message: "boom" } }));
    }, delayMs);
    response.on("close", () => clearTimeout(timer));
  });
});

let server: TestServer;
let ws: TestWorkspace;
let options: LlmOptions;
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await sharedServer();
  ws = await createTestWorkspace(server, "LLM engine");
  ids.refunds = (await publishArticle(ws, { title: "When will I get my refund?", bodyMarkdown: "We refund within 5 working days of your return reaching our warehouse." })).id;
  ids.shipping = (await publishArticle(ws, { title: "Shipping times and costs", bodyMarkdown: "Standard delivery takes 2–4 working days and costs €4.95." })).id;
  ids.internal = (await publishArticle(ws, { title: "Refund approval limits", internal: true, bodyMarkdown: "Agents may refund up to €150 without approval." })).id;
  await new Promise<void>((resolve) => provider.listen(0, "127.0.0.1", resolve));
  options = { baseUrl: `http://127.0.0.1:${(provider.address() as AddressInfo).port}/v1/`, apiKey: "sk-test-key", model: "test-model", timeoutMs: 2000 };
});

afterAll(async () => {
  await new Promise((resolve) => provider.close(resolve));
});

const ask = (text: string, engineOptions: LlmOptions = options) => llmEngine(engineOptions).answer(server.database.db, { workspaceId: ws.id, text, locale: "en" });

describe("llmEngine", () => {
  it("answers with the model's text and the articles it cited, sending only the retrieved public articles", async () => {
    reply = { content: "Your refund arrives within 5 working days of your return reaching us [1]." };
    received.length = 0;
    const answer = await ask("when will I get my refund");
    expect(answer).toMatchObject({ kind: "answer", engine: "llm", text: "Your refund arrives within 5 working days of your return reaching us." });
    expect(answer.articles.map((article) => article.id)).toEqual([ids.refunds]);
    expect(answer.confidence).toBeGreaterThanOrEqual(0.5);
    const [request] = received;
    expect(request!.authorization).toBe("Bearer sk-test-key");
    expect(request!.body.model).toBe("test-model");
    expect(request!.body.messages[0]).toMatchObject({ role: "system" });
    expect(request!.body.messages[0]!.content).toContain(NO_ANSWER);
    const prompt = request!.body.messages[1]!.content;
    expect(prompt).toContain("[1] When will I get my refund?");
    expect(prompt).toContain("within 5 working days");
    expect(prompt).toContain("Customer's question:\nwhen will I get my refund");
    expect(prompt).not.toContain("€150");
  });

  it("maps several citations to their articles in the order cited, ignoring numbers it wasn't given", async () => {
    reply = { content: "Shipping costs €4.95 [2]. Refunds take 5 working days [1][7]." };
    const answer = await ask("refund of shipping costs");
    expect(answer.kind).toBe("answer");
    expect(answer.articles).toHaveLength(2);
    expect(answer.articles.map((article) => article.id).sort()).toEqual([ids.refunds, ids.shipping].sort());
  });

  it("hands over when the model says the articles don't cover it, or cites nothing", async () => {
    reply = { content: NO_ANSWER };
    expect(await ask("when will I get my refund")).toMatchObject({ kind: "none", engine: "llm", articles: [], text: "" });
    reply = { content: "Sure, refunds usually take a week or so." };
    expect(await ask("when will I get my refund")).toMatchObject({ kind: "none", engine: "llm" });
  });

  it("doesn't call the model when no article matches", async () => {
    received.length = 0;
    expect(await ask("zebracorn husbandry")).toMatchObject({ kind: "none", engine: "llm" });
    expect(received).toHaveLength(0);
  });

  it.each([
    ["a reply slower than the timeout", { delayMs: 1500, content: "Late [1]." }],
    ["an HTTP 500", { status: 500 }],
    ["a reply that isn't chat completions", { raw: '{"unexpected":true}' }],
    ["a body that isn't JSON", { raw: "<html>bad gateway</html>" }],
  ])("falls back to the retrieval engine on %s", async (_name, fake: FakeReply) => {
    reply = fake;
    const answer = await ask("when will I get my refund", { ...options, timeoutMs: 300 });
    expect(answer).toMatchObject({ kind: "answer", engine: "retrieval" });
    expect(answer.articles[0]?.id).toBe(ids.refunds);
  });
});

describe("answerEngineFor", () => {
  it("uses the model only when one is configured", async () => {
    expect(answerEngineFor(loadConfig({}))).toBe(retrievalEngine);
    reply = { content: "Within 5 working days [1]." };
    const engine = answerEngineFor(loadConfig({ RAPPORT_LLM_BASE_URL: options.baseUrl, RAPPORT_LLM_MODEL: "test-model" }));
    expect((await engine.answer(server.database.db, { workspaceId: ws.id, text: "refund how long" })).engine).toBe("llm");
    expect(received.at(-1)!.authorization).toBeUndefined();
  });
});
