import { beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, sharedServer, type TestServer, type TestWorkspace } from "../../testing/harness.ts";
import { ANSWER_THRESHOLD, MAX_CITED, retrievalEngine } from "./engine.ts";
import { extractPassage, MAX_PASSAGE_CHARS } from "./extract.ts";

let server: TestServer;
let ws: TestWorkspace;
const ids: Record<string, string> = {};

async function article(key: string, { draft, ...fields }: Record<string, unknown>, translationOf?: string): Promise<void> {
  const path = translationOf ? `/api/v1/knowledge/articles/${ids[translationOf]}/translations` : "/api/v1/knowledge/articles";
  const created = await ws.api.post<{ id: string }>(path, { locale: "en", ...fields });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  ids[key] = created.body.id;
  if (!draft) await ws.api.post(`/api/v1/knowledge/articles/${created.body.id}/publish`);
}

const ask = (text: string, extra: { locale?: string; excludeArticleIds?: string[]; workspaceId?: string } = {}) =>
  retrievalEngine.answer(server.database.db, { workspaceId: extra.workspaceId ?? ws.id, text, locale: extra.locale, excludeArticleIds: extra.excludeArticleIds });

beforeAll(async () => {
  server = await sharedServer();
  ws = await createTestWorkspace(server, "Engine");
  await article("refunds", {
    title: "Returns and refunds",
    slug: "returns-refunds",
    tags: ["returns", "money back"],
    bodyMarkdown:
      "You can return anything unused within 30 days.\n\n## How to return an item\n\nPrint the free label from your account and drop the parcel at any post office.\n\n## When your refund arrives\n\nWe refund to the original payment method within 5 working days of receiving the parcel. Your bank may take another 3 days to show it.",
  });
  await article("shipping", {
    title: "Shipping times and costs",
    tags: ["delivery"],
    bodyMarkdown: "Standard delivery takes 2–4 working days and costs €4.95; it is free over €60.\n\n## Express\n\nExpress delivery arrives the next working day for €9.95 if you order before 2 pm.",
  });
  await article("password", { title: "Reset your password", tags: ["account"], bodyMarkdown: "Choose **Forgot password** on the sign-in page and follow the link we email you. The link works for one hour." });
  await article(
    "reembolsos",
    {
      locale: "es",
      title: "Devoluciones y reembolsos",
      slug: "returns-refunds",
      bodyMarkdown: "Puedes devolver cualquier artículo sin usar en 30 días.\n\n## Cuándo llega el reembolso\n\nReembolsamos al método de pago original en 5 días laborables tras recibir el paquete.",
    },
    "refunds",
  );
  await article("internal", { title: "Refund approval over €200", internal: true, bodyMarkdown: "Refunds over €200 need a supervisor's approval in the admin panel." });
  await article("draft", { title: "Kayak rentals", draft: true, bodyMarkdown: "We rent kayaks from our Bristol store for €35 a day." });
});

describe("retrievalEngine", () => {
  it("answers a chatty question with the passage that matches it and cites the article", async () => {
    const answer = await ask("hi there, I sent my boots back, when does the refund arrive?? thanks");
    expect(answer).toMatchObject({ kind: "answer", engine: "retrieval" });
    expect(answer.articles[0]).toMatchObject({ id: ids.refunds, slug: "returns-refunds", locale: "en" });
    expect(answer.articles.length).toBeLessThanOrEqual(MAX_CITED);
    expect(answer.text).toContain("within 5 working days");
    expect(answer.text).not.toContain("post office");
    expect(answer.confidence).toBeGreaterThanOrEqual(ANSWER_THRESHOLD);
  });

  it("tolerates typos in words, not just in titles", async () => {
    const answer = await ask("how much does shiping cost");
    expect(answer.articles[0]?.id).toBe(ids.shipping);
    expect(answer.text).toContain("€4.95");
    expect((await ask("forgot my pasword")).articles[0]?.id).toBe(ids.password);
  });

  it("prefers the customer's language and falls back to another", async () => {
    const spanish = await ask("cuando me llega el reembolso", { locale: "es" });
    expect(spanish.articles[0]).toMatchObject({ id: ids.reembolsos, locale: "es" });
    expect(spanish.text).toContain("5 días laborables");
    const german = await ask("express delivery next day?", { locale: "de" });
    expect(german.articles[0]?.id).toBe(ids.shipping);
  });

  it("never uses internal or unpublished articles, nor ones already offered", async () => {
    const approval = await ask("refund approval supervisor admin panel over 200");
    expect(approval.articles.map((cited) => cited.id)).not.toContain(ids.internal);
    expect((await ask("kayak rentals")).kind).toBe("none");
    const again = await ask("refund to my card", { excludeArticleIds: [ids.refunds!, ids.reembolsos!] });
    expect(again.articles.map((cited) => cited.id)).not.toContain(ids.refunds);
  });

  it("says it doesn't know rather than guess", async () => {
    for (const text of ["do you sell fishing licences", "hello", "???", "what's the weather like in Chamonix tomorrow"]) {
      const answer = await ask(text);
      expect(answer, text).toMatchObject({ kind: "none", text: "", articles: [] });
      expect(answer.confidence).toBeLessThan(ANSWER_THRESHOLD);
    }
  });

  it("finds nothing in another workspace", async () => {
    const other = await createTestWorkspace(server, "Other");
    expect((await ask("how long does a refund take", { workspaceId: other.id })).kind).toBe("none");
  });
});

describe("extractPassage", () => {
  it("quotes a list with the sentence that introduces it, within the length limit", () => {
    const body = "Intro.\n\n\nWHAT WE NEED\n\nTo claim the warranty, send us:\n\n * your order number\n * a photo of the fault\n\n\nOTHER\n\nUnrelated.";
    expect(extractPassage(body, [{ word: "warranty", weight: 2 }])).toBe("To claim the warranty, send us:\n- your order number\n- a photo of the fault");
    expect(extractPassage("word ".repeat(200), [{ word: "word", weight: 1 }]).length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
  });
});
