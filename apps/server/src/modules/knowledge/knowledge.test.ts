import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { domainEvents } from "../../platform/db/schema.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { createTestWorkspace, publishArticle, sharedServer, type TestServer, type TestWorkspace } from "../../testing/harness.ts";
import { searchArticles } from "./search.ts";

type ErrorBody = { error: { code: string; message: string } };
interface ArticleBody {
  id: string;
  title: string;
  slug: string;
  locale: string;
  bodyHtml: string;
  status: string;
  version: number;
  sourceArticleId: string | null;
  outdated: boolean;
  viewCount: number;
  helpfulCount: number;
  unhelpfulCount: number;
  publishedAt: string | null;
  categoryId: string | null;
}
interface HitBody {
  id: string;
  title: string;
  snippet: string;
  match: string;
}

let server: TestServer;

beforeAll(async () => {
  server = await sharedServer();
});

const eventTypes = async (ws: TestWorkspace, subjectId: string) =>
  (await server.database.db.select({ type: domainEvents.type }).from(domainEvents).where(inWorkspace(domainEvents, ws.id, eq(domainEvents.subjectId, subjectId)))).map((e) => e.type);

const search = async (ws: TestWorkspace, query: string) => (await ws.api.get<{ items: HitBody[] }>(`/api/v1/knowledge/search?${query}`)).body.items;

describe("knowledge base articles", () => {
  it("creates, reads, changes, publishes, archives and deletes an article with its category", async () => {
    const ws = await createTestWorkspace(server);
    const category = await ws.api.post<{ id: string; slug: string }>("/api/v1/knowledge/categories", { name: "Billing & Payments", locale: "en" });
    expect(category.status).toBe(201);
    expect(category.body.slug).toBe("billing-payments");

    const created = await ws.api.post<ArticleBody>("/api/v1/knowledge/articles", {
      title: "Getting a refund",
      locale: "en",
      categoryId: category.body.id,
      bodyMarkdown: "# Refunds\n\nWrite to **us**. <script>alert(1)</script><img src=x onerror=alert(1)> [bad](javascript:alert(1))",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ slug: "getting-a-refund", status: "draft", version: 1, publishedAt: null, categoryId: category.body.id });
    expect(created.body.bodyHtml).toContain("<strong>us</strong>");
    expect(created.body.bodyHtml).not.toMatch(/script|onerror|javascript:/);

    const changed = await ws.api.patch<ArticleBody>(`/api/v1/knowledge/articles/${created.body.id}`, { title: "Getting a refund quickly" });
    expect(changed.body).toMatchObject({ title: "Getting a refund quickly", version: 2 });
    const published = await ws.api.post<ArticleBody>(`/api/v1/knowledge/articles/${created.body.id}/publish`);
    expect(published.body.status).toBe("published");
    expect(published.body.publishedAt).not.toBeNull();
    expect((await ws.api.get<{ items: ArticleBody[] }>("/api/v1/knowledge/articles?status=published")).body.items.map((a) => a.id)).toEqual([created.body.id]);
    expect((await ws.api.post<ArticleBody>(`/api/v1/knowledge/articles/${created.body.id}/archive`)).body.status).toBe("archived");
    expect(await eventTypes(ws, created.body.id)).toEqual(["article.created", "article.updated", "article.published", "article.archived"]);

    expect((await ws.api.delete(`/api/v1/knowledge/categories/${category.body.id}`)).status).toBe(204);
    expect((await ws.api.get<ArticleBody>(`/api/v1/knowledge/articles/${created.body.id}`)).body.categoryId).toBeNull();
    expect((await ws.api.delete(`/api/v1/knowledge/articles/${created.body.id}`)).status).toBe(204);
    expect((await ws.api.get<ErrorBody>(`/api/v1/knowledge/articles/${created.body.id}`)).body.error.code).toBe("article_not_found");
  });

  it("answers bad input and missing rights with errors a person can act on", async () => {
    const ws = await createTestWorkspace(server);
    const noTitle = await ws.api.post<ErrorBody>("/api/v1/knowledge/articles", { locale: "en", title: "", bodyMarkdown: "x" });
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.error.message).toMatch(/title/);
    expect((await ws.api.post<ErrorBody>("/api/v1/knowledge/articles", { locale: "english", title: "T", bodyMarkdown: "x" })).status).toBe(400);
    expect((await ws.api.post<ErrorBody>("/api/v1/knowledge/articles", { locale: "en", title: "T", bodyMarkdown: "x", slug: "Not A Slug" })).status).toBe(400);
    const unknownCategory = await ws.api.post<ErrorBody>("/api/v1/knowledge/articles", { locale: "en", title: "T", bodyMarkdown: "x", categoryId: "01890000-0000-7000-8000-000000000000" });
    expect(unknownCategory.body.error.code).toBe("knowledge_category_not_found");
    await ws.api.post("/api/v1/knowledge/articles", { locale: "en", title: "Same", bodyMarkdown: "x" });
    expect((await ws.api.post<ErrorBody>("/api/v1/knowledge/articles", { locale: "en", title: "Same", bodyMarkdown: "y" })).status).toBe(409);
    const nonLatin = await ws.api.post<ArticleBody>("/api/v1/knowledge/articles", { locale: "ja", title: "返金について", bodyMarkdown: "x" });
    expect(nonLatin.body.slug).toMatch(/^article-[a-z0-9]+$/);

    const agent = await ws.member("agent");
    const refused = await agent.api.post<ErrorBody>("/api/v1/knowledge/articles", { locale: "en", title: "Agent's", bodyMarkdown: "x" });
    expect(refused.status).toBe(403);
    expect((await agent.api.get<{ items: unknown[] }>("/api/v1/knowledge/articles")).body.items).toHaveLength(2);
    const supervisor = await ws.member("supervisor");
    expect((await supervisor.api.post("/api/v1/knowledge/articles", { locale: "en", title: "Lead's", bodyMarkdown: "x" })).status).toBe(201);
  });

  it("keeps every version and restores an old one as a new version", async () => {
    const ws = await createTestWorkspace(server);
    const article = (await ws.api.post<ArticleBody>("/api/v1/knowledge/articles", { locale: "en", title: "Shipping", bodyMarkdown: "Two days." })).body;
    await ws.api.patch(`/api/v1/knowledge/articles/${article.id}`, { bodyMarkdown: "Three days." });
    await ws.api.patch(`/api/v1/knowledge/articles/${article.id}`, { tags: ["Delivery"] });
    const versions = await ws.api.get<{ items: { version: number; bodyMarkdown: string; authorId: string }[] }>(`/api/v1/knowledge/articles/${article.id}/versions`);
    expect(versions.body.items.map((v) => [v.version, v.bodyMarkdown])).toEqual([
      [2, "Three days."],
      [1, "Two days."],
    ]);
    expect(versions.body.items[0]!.authorId).toBe(ws.ownerId);

    const restored = await ws.api.post<ArticleBody>(`/api/v1/knowledge/articles/${article.id}/restore`, { version: 1 });
    expect(restored.body).toMatchObject({ version: 3 });
    expect(restored.body.bodyHtml).toContain("Two days.");
    expect((await ws.api.get<{ items: unknown[] }>(`/api/v1/knowledge/articles/${article.id}/versions`)).body.items).toHaveLength(3);
    expect((await ws.api.post<ErrorBody>(`/api/v1/knowledge/articles/${article.id}/restore`, { version: 9 })).body.error.code).toBe("article_version_not_found");
  });

  it("flags a translation as outdated when its source changes, until the translation is saved again", async () => {
    const ws = await createTestWorkspace(server);
    const original = (await ws.api.post<ArticleBody>("/api/v1/knowledge/articles", { locale: "en", title: "Returns", bodyMarkdown: "Send it back." })).body;
    const translation = await ws.api.post<ArticleBody>(`/api/v1/knowledge/articles/${original.id}/translations`, { locale: "es", title: "Devoluciones", bodyMarkdown: "Envíelo de vuelta." });
    expect(translation.status).toBe(201);
    expect(translation.body).toMatchObject({ sourceArticleId: original.id, outdated: false, locale: "es" });
    expect((await ws.api.post<ErrorBody>(`/api/v1/knowledge/articles/${original.id}/translations`, { locale: "en", title: "Again", bodyMarkdown: "x" })).status).toBe(400);

    await ws.api.patch(`/api/v1/knowledge/articles/${original.id}`, { bodyMarkdown: "Send it back within 30 days." });
    expect((await ws.api.get<ArticleBody>(`/api/v1/knowledge/articles/${translation.body.id}`)).body.outdated).toBe(true);
    const listed = await ws.api.get<{ items: ArticleBody[] }>(`/api/v1/knowledge/articles/${original.id}/translations`);
    expect(listed.body.items.map((a) => [a.id, a.outdated])).toEqual([[translation.body.id, true]]);

    const caughtUp = await ws.api.patch<ArticleBody>(`/api/v1/knowledge/articles/${translation.body.id}`, { bodyMarkdown: "Envíelo en 30 días." });
    expect(caughtUp.body.outdated).toBe(false);
  });

  it("counts helpful votes with comments and views, on published articles only", async () => {
    const ws = await createTestWorkspace(server);
    const draft = (await ws.api.post<ArticleBody>("/api/v1/knowledge/articles", { locale: "en", title: "Draft", bodyMarkdown: "x" })).body;
    expect((await ws.api.post<ErrorBody>(`/api/v1/knowledge/articles/${draft.id}/votes`, { helpful: true })).status).toBe(404);
    const article = await publishArticle<ArticleBody>(ws, { title: "Opening hours", bodyMarkdown: "9 to 5." });
    expect((await ws.api.post(`/api/v1/knowledge/articles/${article.id}/votes`, { helpful: true })).status).toBe(204);
    expect((await ws.api.post(`/api/v1/knowledge/articles/${article.id}/votes`, { helpful: false, comment: "What about Sundays?" })).status).toBe(204);
    expect((await ws.api.post(`/api/v1/knowledge/articles/${article.id}/votes`, { helpful: "yes" })).status).toBe(400);
    expect((await ws.api.post(`/api/v1/knowledge/articles/${article.id}/views`)).status).toBe(204);
    expect((await ws.api.post(`/api/v1/knowledge/articles/${article.id}/views`)).status).toBe(204);
    const counted = await ws.api.get<ArticleBody>(`/api/v1/knowledge/articles/${article.id}`);
    expect(counted.body).toMatchObject({ helpfulCount: 1, unhelpfulCount: 1, viewCount: 2 });
  });
});

describe("knowledge base search", () => {
  let ws: TestWorkspace;
  let refund: ArticleBody;
  let password: ArticleBody;
  let reembolso: ArticleBody;
  let internal: ArticleBody;

  beforeAll(async () => {
    ws = await createTestWorkspace(server);
    refund = await publishArticle<ArticleBody>(ws, { title: "How to get a refund", bodyMarkdown: "We refund any order within 30 days. Contact support with your <order number>." });
    await publishArticle<ArticleBody>(ws, { title: "Shipping times", bodyMarkdown: "Orders ship in two days. A refund for late delivery is possible." });
    password = await publishArticle<ArticleBody>(ws, { title: "Reset your password", bodyMarkdown: "Use the link on the sign-in page." });
    reembolso = await publishArticle<ArticleBody>(ws, { locale: "es", title: "Cómo solicitar un reembolso", bodyMarkdown: "Las devoluciones se aceptan durante 30 días." });
    internal = await publishArticle<ArticleBody>(ws, { title: "Refund approval for agents", bodyMarkdown: "Refunds over 100 need a lead.", internal: true });
    await ws.api.post("/api/v1/knowledge/articles", { locale: "en", title: "Refund draft", bodyMarkdown: "Not published." });
  });

  it("finds words by their stem, titles first, with highlighted and escaped snippets", async () => {
    const hits = await search(ws, "q=refunds&locale=en&internal=false");
    expect(hits[0]!.id).toBe(refund.id);
    expect(hits).toHaveLength(2);
    expect(hits.every((hit) => hit.match === "fulltext")).toBe(true);
    const snippet = hits[0]!.snippet;
    expect(snippet).toContain("<mark>refund</mark>");
    expect(snippet).not.toContain("<order");
  });

  it("stems Spanish with Spanish rules", async () => {
    const hits = await search(ws, `q=${encodeURIComponent("reembolsos devolución")}&locale=es`);
    expect(hits.map((hit) => hit.id)).toEqual([reembolso.id]);
    expect((await search(ws, "q=solicitudes")).map((hit) => hit.id)).toEqual([reembolso.id]);
  });

  it("stems German and French with their own rules, and finds each language's articles without a locale", async () => {
    const erstattung = await publishArticle<ArticleBody>(ws, { locale: "de", title: "Rücksendungen und Erstattungen", bodyMarkdown: "Sie können Artikel innerhalb von 30 Tagen zurückschicken." });
    const livraison = await publishArticle<ArticleBody>(ws, { locale: "fr", title: "Délais de livraison", bodyMarkdown: "Nous livrons les commandes en trois jours ouvrés." });
    expect((await search(ws, "q=Erstattung&locale=de")).map((hit) => hit.id)).toEqual([erstattung.id]);
    expect((await search(ws, "q=livraisons&locale=fr")).map((hit) => hit.id)).toEqual([livraison.id]);
    expect((await search(ws, "q=Erstattung")).map((hit) => hit.id)).toEqual([erstattung.id]);
    expect((await search(ws, "q=livraisons")).map((hit) => hit.id)).toEqual([livraison.id]);
  });

  it("tolerates typos in titles when no word matches", async () => {
    const hits = await search(ws, "q=pasword");
    expect(hits.map((hit) => [hit.id, hit.match])).toEqual([[password.id, "similar"]]);
    expect(await search(ws, "q=zebracorn")).toEqual([]);
  });

  it("shows internal articles to agents only when asked for", async () => {
    expect((await search(ws, "q=refund")).map((hit) => hit.id)).toContain(internal.id);
    const forCustomers = await searchArticles(server.database.db, ws.id, { query: "refund approval", includeInternal: false, limit: 10 });
    expect(forCustomers.map((hit) => hit.id)).not.toContain(internal.id);
  });

  it("keeps another workspace from reading, changing or finding these articles", async () => {
    const other = await createTestWorkspace(server, "Other");
    expect((await other.api.get(`/api/v1/knowledge/articles/${refund.id}`)).status).toBe(404);
    expect((await other.api.patch(`/api/v1/knowledge/articles/${refund.id}`, { title: "Hijacked" })).status).toBe(404);
    expect((await other.api.post(`/api/v1/knowledge/articles/${refund.id}/votes`, { helpful: false })).status).toBe(404);
    expect((await other.api.post(`/api/v1/knowledge/articles/${refund.id}/translations`, { locale: "de", title: "Erstattung", bodyMarkdown: "x" })).status).toBe(404);
    expect(await search(other, "q=refund")).toEqual([]);
    expect(await search(other, "q=pasword")).toEqual([]);
    expect((await other.api.get<{ items: unknown[] }>("/api/v1/knowledge/articles")).body.items).toEqual([]);
    const unchanged = await ws.api.get<ArticleBody>(`/api/v1/knowledge/articles/${refund.id}`);
    expect(unchanged.body).toMatchObject({ title: "How to get a refund", unhelpfulCount: 0 });
  });
});
