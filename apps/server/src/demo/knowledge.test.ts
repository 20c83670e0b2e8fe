import { describe, expect, it } from "vitest";
import { scopesForRole } from "../platform/auth/policy.ts";
import type { ServiceContext } from "../platform/context.ts";
import { listArticles, listCategories } from "../modules/knowledge/service.ts";
import { createTestWorkspace, sharedServer } from "../testing/harness.ts";
import { seedDemoKnowledgeBase } from "./knowledge.ts";

describe("the demo knowledge base", () => {
  it("publishes the shop's articles and translations once, however often it is seeded", async () => {
    const server = await sharedServer();
    const ws = await createTestWorkspace(server, "Demo KB");
    const ctx: ServiceContext = { db: server.database.db, actor: { via: "session", workspaceId: ws.id, userId: ws.ownerId, role: "owner", scopes: scopesForRole("owner") } };
    await seedDemoKnowledgeBase(ctx);
    const articles = await listArticles(ctx);
    const count = (locale: string, internal = false) => articles.filter((article) => article.locale === locale && article.internal === internal && article.status === "published").length;
    expect(count("en")).toBeGreaterThanOrEqual(40);
    expect(count("en", true)).toBeGreaterThanOrEqual(2);
    expect(count("es")).toBeGreaterThanOrEqual(10);
    expect(count("de")).toBeGreaterThanOrEqual(2);
    expect(count("fr")).toBeGreaterThanOrEqual(2);
    expect(articles.filter((article) => article.sourceArticleId !== null).every((article) => articles.some((source) => source.id === article.sourceArticleId && source.slug === article.slug))).toBe(true);
    const categories = await listCategories(ctx, "en");
    expect(categories.length).toBeGreaterThanOrEqual(6);

    await seedDemoKnowledgeBase(ctx);
    expect(await listArticles(ctx)).toHaveLength(articles.length);
    expect(await listCategories(ctx, "en")).toHaveLength(categories.length);
  });
});
