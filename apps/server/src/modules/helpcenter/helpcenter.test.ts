import http from "node:http";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, sharedServer, until, type TestServer, type TestWorkspace } from "../../testing/harness.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { knowledgeArticles, knowledgeArticleVotes } from "../knowledge/schema.ts";

interface Article {
  id: string;
  slug: string;
  locale: string;
  title: string;
}

interface ArticleInput {
  title: string;
  bodyMarkdown: string;
  locale?: string;
  categoryId?: string;
  tags?: string[];
  internal?: boolean;
  slug?: string;
}

async function writeArticle(ws: TestWorkspace, input: ArticleInput, status: "published" | "draft" | "archived" = "published"): Promise<Article> {
  const created = await ws.api.post<Article>("/api/v1/knowledge/articles", { locale: "en", ...input });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  if (status !== "draft") expect((await ws.api.post(`/api/v1/knowledge/articles/${created.body.id}/publish`)).status).toBe(200);
  if (status === "archived") expect((await ws.api.post(`/api/v1/knowledge/articles/${created.body.id}/archive`)).status).toBe(200);
  return created.body;
}

async function category(ws: TestWorkspace, name: string, locale = "en"): Promise<{ id: string; slug: string }> {
  const created = await ws.api.post<{ id: string; slug: string }>("/api/v1/knowledge/categories", { name, locale });
  expect(created.status).toBe(201);
  return created.body;
}

const HOSTILE = `Intro text.

<script>window.pwned = 1</script>
<img src="x" onerror="window.pwned = 2">
[Click me](javascript:alert(1))
<a href="javascript:alert(2)">also</a>
<iframe src="https://evil.example"></iframe>

## Safe heading`;

describe("help center", () => {
  let server: TestServer;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let billing: { id: string; slug: string };
  let refunds: Article;
  let refundsEs: Article;
  let invoices: Article;

  const page = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers, redirect: "manual" });
  const text = async (path: string, headers: Record<string, string> = {}) => {
    const response = await page(path, headers);
    return { status: response.status, body: await response.text(), headers: response.headers };
  };
  /** A request to another host name, as a reverse proxy for a custom domain sends it (fetch will not set Host). */
  const onHost = (host: string, path: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const { hostname, port } = new URL(server.url);
      http
        .get({ hostname, port, path, headers: { host } }, (response) => {
          let body = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => (body += chunk));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
        })
        .on("error", reject);
    });
  const vote = (path: string, body: string, cookie?: string) =>
    fetch(`${server.url}${path}`, { method: "POST", body, redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded", ...(cookie && { cookie }) } });

  beforeAll(async () => {
    server = await sharedServer();
    ws = await createTestWorkspace(server, "Lamp Works");
    other = await createTestWorkspace(server, "Other Shop");
    billing = await category(ws, "Billing");
    refunds = await writeArticle(ws, {
      title: "How refunds work",
      bodyMarkdown: "Refunds reach your card within five days of our receiving the parcel.\n\n## Asking for a refund\n\nWrite to us.\n\n### From the app\n\nTap Orders.\n\n## Asking for a refund\n\nTwice the same heading.",
      categoryId: billing.id,
      tags: ["refunds", "money"],
    });
    const translated = await ws.api.post<Article>(`/api/v1/knowledge/articles/${refunds.id}/translations`, {
      locale: "es",
      title: "Cómo funcionan los reembolsos",
      bodyMarkdown: "Los reembolsos llegan a tu tarjeta en cinco días.",
    });
    refundsEs = translated.body;
    await ws.api.post(`/api/v1/knowledge/articles/${refundsEs.id}/publish`);
    invoices = await writeArticle(ws, { title: "Downloading invoices", bodyMarkdown: "Invoices are under Account.", categoryId: billing.id, tags: ["money"] });
    await writeArticle(ws, { title: "Internal refund playbook", bodyMarkdown: "Only for agents: refunds over 500 need a lead.", internal: true, slug: "internal-playbook" });
    await writeArticle(ws, { title: "Draft refund notes", bodyMarkdown: "Not ready.", slug: "draft-notes" }, "draft");
    await writeArticle(ws, { title: "Old refund policy", bodyMarkdown: "Superseded.", slug: "old-policy" }, "archived");
    // Another workspace has an article at the same address, and one of its own.
    await writeArticle(other, { title: "Other shop refunds", bodyMarkdown: "Other shop secret text.", slug: refunds.slug });
    await writeArticle(other, { title: "Other shop only", bodyMarkdown: "Only here.", slug: "other-only" });
  });

  it("shows the home page with categories, popular articles, locales and search", async () => {
    const home = await text(`/help/${ws.slug}`);
    expect(home.status).toBe(200);
    expect(home.headers.get("content-type")).toContain("text/html");
    expect(home.body).toContain("<h1>How can we help?</h1>");
    expect(home.body.match(/<h1[ >]/g)).toHaveLength(1);
    expect(home.body).toContain(`href="/help/${ws.slug}/en/categories/${billing.slug}"`);
    expect(home.body).toContain("2 articles");
    expect(home.body).toContain("How refunds work");
    expect(home.body).not.toContain("Internal refund playbook");
    expect(home.body).not.toContain("Draft refund notes");
    expect(home.body).toContain('class="skip-link" href="#main"');
    expect(home.body).toContain(`hreflang="es" href="${server.config.publicUrl}/help/${ws.slug}/es"`);
    expect(home.body).toContain('hreflang="x-default"');
    expect(home.body).toContain(`<form class="search" role="search" method="get" action="/help/${ws.slug}/en/search"`);
    // The chat widget is on by default, so its loader is on the page and allowed by the policy.
    expect(home.body).toContain(`src="${server.config.publicUrl}/widget.js" data-workspace="${ws.slug}"`);
    expect(home.headers.get("content-security-policy")).toContain(`script-src 'sha256-`);
  });

  it("shows an article with its breadcrumb, contents, translations, related articles and structured data", async () => {
    const { status, body } = await text(`/help/${ws.slug}/en/articles/${refunds.slug}`);
    expect(status).toBe(200);
    expect(body).toContain('<h1 id="article-title">How refunds work</h1>');
    expect(body).toContain(`<a href="/help/${ws.slug}/en/categories/${billing.slug}">Billing</a>`);
    expect(body).toContain('<h2 id="section-asking-for-a-refund">');
    expect(body).toContain('<h3 id="section-from-the-app">');
    expect(body).toContain('<h2 id="section-asking-for-a-refund-2">');
    expect(body).toContain('<a href="#section-from-the-app">From the app</a>');
    expect(body).toContain(`<meta name="description" content="Refunds reach your card within five days of our receiving the parcel.`);
    expect(body).toContain(`<link rel="canonical" href="${server.config.publicUrl}/help/${ws.slug}/en/articles/${refunds.slug}">`);
    expect(body).toContain(`<link rel="alternate" hreflang="es" href="${server.config.publicUrl}/help/${ws.slug}/es/articles/${refundsEs.slug}">`);
    expect(body).toContain(`<link rel="alternate" hreflang="x-default" href="${server.config.publicUrl}/help/${ws.slug}/en/articles/${refunds.slug}">`);
    expect(body).toContain(`href="/help/${ws.slug}/es/articles/${refundsEs.slug}" lang="es"`);
    // Related: shares a tag and the category.
    expect(body).toMatch(/Related articles<\/h2><ul><li><a href="[^"]+">Downloading invoices<\/a>/);
    expect(body).toContain(`href="${server.config.publicUrl}/support/${ws.slug}/contact?lang=en"`);
    const ld = [...body.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((match) => JSON.parse(match[1]!) as Record<string, unknown>);
    expect(ld.find((data) => data["@type"] === "Article")).toMatchObject({ headline: "How refunds work", inLanguage: "en", publisher: { name: "Lamp Works" } });
    const crumbs = ld.find((data) => data["@type"] === "BreadcrumbList") as { itemListElement: { name: string; position: number }[] };
    expect(crumbs.itemListElement.map((item) => item.name)).toEqual(["Home", "Billing", "How refunds work"]);

    // Agents get the same list through the API, and only for their own workspace's articles.
    const related = await ws.api.get<{ items: { title: string }[] }>(`/api/v1/knowledge/articles/${refunds.id}/related`);
    expect(related.body.items.map((item) => item.title)).toEqual(["Downloading invoices"]);
    expect((await other.api.get(`/api/v1/knowledge/articles/${refunds.id}/related`)).status).toBe(404);

    const spanish = await text(`/help/${ws.slug}/es/articles/${refundsEs.slug}`);
    expect(spanish.body).toContain('<html lang="es">');
    expect(spanish.body).toContain("¿Te ha resultado útil este artículo?");
  });

  it("shows a category and search results with highlighted words, and suggests articles as JSON", async () => {
    const list = await text(`/help/${ws.slug}/en/categories/${billing.slug}`);
    expect(list.status).toBe(200);
    expect(list.body).toContain("<h1>Billing</h1>");
    expect(list.body).toContain("Downloading invoices");

    const results = await text(`/help/${ws.slug}/en/search?q=refunds`);
    expect(results.status).toBe(200);
    expect(results.body).toContain("<mark>");
    expect(results.body).toContain("How refunds work");
    expect(results.body).not.toContain("Internal refund playbook");
    expect(results.body).not.toContain("Other shop");
    expect(results.body).toContain('<meta name="robots" content="noindex">');

    const hostileQuery = await text(`/help/${ws.slug}/en/search?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(hostileQuery.status).toBe(200);
    expect(hostileQuery.body).not.toContain("<script>alert(1)</script>");

    const suggest = await page(`/help/${ws.slug}/suggest?locale=en&q=refun`);
    expect(suggest.headers.get("content-type")).toContain("application/json");
    const { items } = (await suggest.json()) as { items: { title: string; url: string }[] };
    expect(items[0]).toMatchObject({ title: "How refunds work", url: `/help/${ws.slug}/en/articles/${refunds.slug}` });
    expect(items.map((item) => item.title)).not.toContain("Internal refund playbook");
  });

  it("answers 404 with a helpful page for drafts, internal, archived and unknown articles, and unknown help centers", async () => {
    for (const slug of ["internal-playbook", "draft-notes", "old-policy", "no-such-article", "other-only"]) {
      const missing = await text(`/help/${ws.slug}/en/articles/${slug}`);
      expect(missing.status, slug).toBe(404);
      expect(missing.body).toContain("We couldn&#39;t find that page");
      expect(missing.body).toContain('<meta name="robots" content="noindex">');
      expect(missing.body).not.toContain("Only for agents");
    }
    expect((await text(`/help/${ws.slug}/fr`)).status).toBe(404);
    expect((await text(`/help/${ws.slug}/en/categories/nope`)).status).toBe(404);
    expect((await text(`/help/${ws.slug}/en/articles/${refunds.slug}/extra`)).status).toBe(404);
    const nowhere = await text("/help/no-such-workspace");
    expect(nowhere.status).toBe(404);
    expect(nowhere.body).toContain("This help center is not available");
  });

  it("never shows one workspace's articles in another's help center", async () => {
    const mine = await text(`/help/${ws.slug}/en/articles/${refunds.slug}`);
    expect(mine.body).toContain("How refunds work");
    expect(mine.body).not.toContain("Other shop secret text");
    const theirs = await text(`/help/${other.slug}/en/articles/${refunds.slug}`);
    expect(theirs.body).toContain("Other shop secret text");
    expect(theirs.body).not.toContain("Refunds reach your card");
    const search = await text(`/help/${other.slug}/en/search?q=invoices`);
    expect(search.body).not.toContain("Downloading invoices");
    const sitemap = await text(`/help/${other.slug}/sitemap.xml`);
    expect(sitemap.body).not.toContain(invoices.slug);
    // A vote through the other help center does not reach this workspace's article.
    const crossVote = await vote(`/help/${other.slug}/en/articles/${invoices.slug}/vote`, "helpful=yes");
    expect(crossVote.status).toBe(404);
  });

  it("records a reader's vote once, lets them change it and add a comment, and refuses bad answers", async () => {
    const article = await writeArticle(ws, { title: "Changing your address", bodyMarkdown: "Go to Account, then Addresses." });
    const path = `/help/${ws.slug}/en/articles/${article.slug}`;
    const first = await vote(`${path}/vote`, "helpful=yes");
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`${path}?voted=yes#feedback`);
    const cookie = first.headers.get("set-cookie")!.split(";")[0]!;
    expect(cookie).toMatch(/^rapport_reader=/);

    const thanks = await text(`${path}?voted=yes`);
    expect(thanks.body).toContain("Thank you for your feedback.");
    expect(thanks.body).toContain(`action="${path}/feedback"`);

    expect((await vote(`${path}/vote`, "helpful=yes", cookie)).status).toBe(303);
    expect((await vote(`${path}/vote`, "helpful=no", cookie)).status).toBe(303);
    const comment = await vote(`${path}/feedback`, `comment=${encodeURIComponent("Please add a screenshot.")}`, cookie);
    expect(comment.headers.get("location")).toBe(`${path}?commented=1#feedback`);

    const db = server.database.db;
    const [counts] = await db.select().from(knowledgeArticles).where(inWorkspace(knowledgeArticles, ws.id, eq(knowledgeArticles.id, article.id)));
    expect({ helpful: counts!.helpfulCount, unhelpful: counts!.unhelpfulCount }).toEqual({ helpful: 0, unhelpful: 1 });
    const votes = await db.select().from(knowledgeArticleVotes).where(inWorkspace(knowledgeArticleVotes, ws.id, eq(knowledgeArticleVotes.articleId, article.id)));
    expect(votes).toHaveLength(1);
    expect(votes[0]).toMatchObject({ helpful: false, comment: "Please add a screenshot." });

    // Another browser is another reader.
    expect((await vote(`${path}/vote`, "helpful=yes")).status).toBe(303);
    expect((await vote(`${path}/vote`, "helpful=maybe")).status).toBe(400);
    expect((await vote(`${path}/feedback`, "comment=")).status).toBe(400);
    expect((await vote(`/help/${ws.slug}/en/articles/internal-playbook/vote`, "helpful=yes")).status).toBe(404);
    const foreign = await fetch(`${server.url}${path}/vote`, { method: "POST", body: "helpful=yes", headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" } });
    expect(foreign.status).toBe(403);
  });

  it("lists public articles in the sitemap with their last change and translations", async () => {
    const { status, body, headers } = await text(`/help/${ws.slug}/sitemap.xml`);
    expect(status).toBe(200);
    expect(headers.get("content-type")).toContain("application/xml");
    const base = `${server.config.publicUrl}/help/${ws.slug}`;
    expect(body).toContain(`<loc>${base}/en/articles/${refunds.slug}</loc>`);
    expect(body).toMatch(/<lastmod>\d{4}-\d\d-\d\dT[^<]+<\/lastmod>/);
    expect(body).toContain(`<xhtml:link rel="alternate" hreflang="es" href="${base}/es/articles/${refundsEs.slug}"/>`);
    expect(body).not.toContain("internal-playbook");
    expect(body).not.toContain("draft-notes");
    expect(body).not.toContain("old-policy");
  });

  it("strips hostile HTML from articles and escapes hostile titles", async () => {
    const article = await writeArticle(ws, { title: `<img src=x onerror=alert(1)> Hostile`, bodyMarkdown: HOSTILE, slug: "hostile" });
    const { status, body } = await text(`/help/${ws.slug}/en/articles/${article.slug}`);
    expect(status).toBe(200);
    const articleHtml = body.slice(body.indexOf('<div class="article-body">'), body.indexOf('<section class="feedback"'));
    expect(articleHtml).not.toMatch(/<script|onerror=|href="javascript:|<iframe/i);
    expect(body).toContain("&lt;img src=x onerror=alert(1)&gt; Hostile");
    expect(articleHtml).toContain('<h2 id="section-safe-heading">Safe heading</h2>');
  });

  it("serves cached pages with an ETag, answers 304, and shows an edit soon after it is saved", async () => {
    const article = await writeArticle(ws, { title: "Shipping times", bodyMarkdown: "Parcels take two days." });
    const path = `/help/${ws.slug}/en/articles/${article.slug}`;
    const first = await page(path);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.get("cache-control")).toBe("public, no-cache");
    expect((await page(path, { "if-none-match": etag })).status).toBe(304);

    expect((await ws.api.patch(`/api/v1/knowledge/articles/${article.id}`, { bodyMarkdown: "Parcels take three days." })).status).toBe(200);
    const changed = await until(async () => {
      const body = await (await page(path)).text();
      return body.includes("Parcels take three days.") && body;
    }, 5_000);
    expect(changed).not.toContain("Parcels take two days.");
    expect((await page(path, { "if-none-match": etag })).status).toBe(200);

    await ws.api.post(`/api/v1/knowledge/articles/${article.id}/archive`);
    await until(async () => (await page(path)).status === 404, 5_000);
  });

  it("lets admins read and change the settings, with clear errors, and serves a custom domain at /", async () => {
    const defaults = await ws.api.get<Record<string, unknown>>("/api/v1/help-center/settings");
    expect(defaults.status).toBe(200);
    expect(defaults.body).toMatchObject({ enabled: true, title: null, defaultLocale: "en", customDomain: null, url: `${server.config.publicUrl}/help/${ws.slug}` });

    const agent = await ws.member("agent");
    expect((await agent.api.get("/api/v1/help-center/settings")).status).toBe(403);
    expect((await agent.api.patch("/api/v1/help-center/settings", { title: "Nope" })).status).toBe(403);
    const badColor = await ws.api.patch<{ error: { message: string } }>("/api/v1/help-center/settings", { brandColor: "red" });
    expect(badColor.status).toBe(400);
    expect(badColor.body.error.message).toContain("brandColor");
    expect((await ws.api.patch("/api/v1/help-center/settings", { logoUrl: "javascript:alert(1)" })).status).toBe(400);
    expect((await ws.api.patch("/api/v1/help-center/settings", {})).status).toBe(400);
    expect((await ws.api.patch("/api/v1/help-center/settings", { customDomain: new URL(server.url).hostname })).status).toBe(400);

    const domain = `help-${ws.slug}.example.test`;
    const saved = await ws.api.patch<Record<string, unknown>>("/api/v1/help-center/settings", { title: "Lamp Works Help", brandColor: "#7a1f5c", customDomain: domain.toUpperCase() });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ title: "Lamp Works Help", brandColor: "#7a1f5c", customDomain: domain, url: `https://${domain}/` });
    expect((await other.api.patch("/api/v1/help-center/settings", { customDomain: domain })).status).toBe(409);

    const home = await until(async () => {
      const response = await onHost(domain, "/");
      return response.body.includes("Lamp Works Help") && response;
    }, 5_000);
    expect(home.status).toBe(200);
    expect(home.body).toContain(`href="/en/categories/${billing.slug}"`);
    expect(home.body).toContain("--accent:#7a1f5c");
    const article = await onHost(domain, `/en/articles/${refunds.slug}`);
    expect(article.body).toContain(`<link rel="canonical" href="https://${domain}/en/articles/${refunds.slug}">`);
    // Votes post to the /help/ route, which answers on any host.
    expect(article.body).toContain(`action="/help/${ws.slug}/en/articles/${refunds.slug}/vote"`);
    expect((await onHost(domain, "/robots.txt")).body).toContain(`Sitemap: https://${domain}/sitemap.xml`);
    expect((await onHost(domain, "/sitemap.xml")).body).toContain(`<loc>https://${domain}/en/articles/${refunds.slug}</loc>`);
    // The other workspace's help center stays out of this domain.
    expect((await onHost(domain, `/en/articles/other-only`)).status).toBe(404);

    await ws.api.patch("/api/v1/help-center/settings", { enabled: false, customDomain: null });
    await until(async () => (await page(`/help/${ws.slug}`)).status === 404, 5_000);
    await ws.api.patch("/api/v1/help-center/settings", { enabled: true, title: null, brandColor: null });
  });
});
