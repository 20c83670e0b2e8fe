import { createHash, randomBytes } from "node:crypto";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyReply, FastifyRequest } from "fastify";
import Type from "typebox";
import { AppError } from "../../platform/errors.ts";
import { EVENTS_CHANNEL, type EventActor, type EventNotice } from "../../platform/events.ts";
import { contextOf, type App, type AppDeps } from "../../platform/http/context.ts";
import { isOwnOrigin } from "../../platform/http/origin.ts";
import { errorResponses } from "../../platform/http/schemas.ts";
import { pickLanguage, sendRendered, type RenderedPage } from "../../platform/public-pages/page.ts";
import {
  commentOnVote,
  findPublicArticle,
  findPublicCategory,
  listPublicArticles,
  listPublicArticlesForSitemap,
  listPublicCategories,
  listPublicLocales,
  listPublicTranslations,
  listRelatedArticles,
  recordVote,
} from "../knowledge/service.ts";
import { searchArticles } from "../knowledge/search.ts";
import { changesHelpCenter, WorkspaceCache } from "./cache.ts";
import { getHelpCenterSettings, readHelpCenterSite, updateHelpCenterSettings, type HelpCenterSettingsOf, type HelpCenterSite } from "./settings.ts";
import { renderRobots, renderSitemap } from "./sitemap.ts";
import { ViewCounter } from "./view-counter.ts";
import { articlePath, renderArticle, renderCategory, renderHome, renderNotFound, renderSearch, renderUnavailable, type ArticlePageData, type SiteView } from "./views.ts";

const LOCALE = /^[a-z]{2}(-[A-Z]{2})?$/;
const Locale = Type.String({ pattern: LOCALE.source, description: "A language, optionally with a region: en, es, pt-BR." });
const Slug = Type.String({ minLength: 1, maxLength: 100 });
const PageQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200, description: "Words to search for." })),
  locale: Type.Optional(Locale),
  voted: Type.Optional(Type.Union([Type.Literal("yes"), Type.Literal("no")])),
  commented: Type.Optional(Type.Literal("1")),
});
type PageQuery = { q?: string | undefined; locale?: string | undefined; voted?: "yes" | "no" | undefined; commented?: "1" | undefined };

const SUGGESTIONS = 6;
const SEARCH_RESULTS = 20;
const POPULAR = 10;
const RELATED = 5;
const VOTES_PER_WINDOW = 30;
const READER_COOKIE = "rapport_reader";
const READER: EventActor = { type: "customer", id: null };

/** What the cache keeps of a response: the page, its validator, and the article whose view it counts. */
type CachedResponse = RenderedPage & { etag: string; articleId?: string | undefined };

const etagOf = (body: string) => `"${createHash("sha1").update(body).digest("base64url")}"`;

/** Sends a response, or 304 when the browser already holds this version. */
function sendCached(request: FastifyRequest, reply: FastifyReply, cached: CachedResponse): FastifyReply {
  reply.header("etag", cached.etag);
  if (request.headers["if-none-match"] === cached.etag) return reply.status(304).headers({ "cache-control": cached.headers["cache-control"] ?? "no-cache" }).send();
  return sendRendered(reply, cached);
}

/** The page's query as the cache knows it: only what changes the page, so other parameters (utm_…) share one entry. */
function readQuery(query: PageQuery): PageQuery {
  const q = query.q?.replace(/\s+/g, " ").trim().slice(0, 200);
  return { ...(q && { q }), ...(query.locale && LOCALE.test(query.locale) && { locale: query.locale }), ...(query.voted && { voted: query.voted }), ...(query.commented && { commented: "1" }) };
}

const queryKey = (query: PageQuery) => new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined)).toString();

/** The reader's vote key: a random cookie, kept hashed, so one browser's answer counts once. */
function readerKey(request: FastifyRequest, reply: FastifyReply): string {
  let token = request.cookies[READER_COOKIE];
  if (!token || token.length > 64) {
    token = randomBytes(18).toString("base64url");
    void reply.setCookie(READER_COOKIE, token, { path: "/", httpOnly: true, sameSite: "lax", secure: request.protocol === "https", maxAge: 365 * 24 * 3600 });
  }
  return `reader:${createHash("sha256").update(token).digest("base64url")}`;
}

export const HelpCenterSettingsSchema = Type.Object({
  enabled: Type.Boolean(),
  title: Type.Union([Type.String(), Type.Null()], { description: "Null: the workspace's name." }),
  logoUrl: Type.Union([Type.String(), Type.Null()]),
  brandColor: Type.Union([Type.String(), Type.Null()], { description: "Null: the chat widget's color." }),
  defaultLocale: Type.String(),
  customDomain: Type.Union([Type.String(), Type.Null()]),
  url: Type.String({ description: "Where the help center is read." }),
  updatedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
});

const HOST = "^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$";
const SettingsChanges = Type.Object(
  {
    enabled: Type.Optional(Type.Boolean()),
    title: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()])),
    logoUrl: Type.Optional(Type.Union([Type.String({ pattern: "^https://[^\\s\"'<>]+$", maxLength: 500, description: "An https:// address of an image." }), Type.Null()])),
    brandColor: Type.Optional(Type.Union([Type.String({ pattern: "^#[0-9a-fA-F]{6}$", description: "#rrggbb" }), Type.Null()])),
    defaultLocale: Type.Optional(Locale),
    customDomain: Type.Optional(Type.Union([Type.String({ pattern: HOST, description: "A host name such as help.shop.example, pointed at this server." }), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);

export interface HelpCenterOptions {
  /** Rendered pages kept in memory; 0 renders every request afresh (what the benchmark compares against). */
  pageCacheEntries?: number;
}

/** The public help center (/help/{workspace}/…, or a workspace's own domain) and its settings in the API. */
export async function registerHelpCenter(app: App, deps: AppDeps, options: HelpCenterOptions = {}): Promise<void> {
  const { db } = deps.database;
  const publicUrl = deps.config.publicUrl;
  const ownHost = new URL(publicUrl).hostname;
  const sites = new WorkspaceCache<HelpCenterSite | null>(1_000, 60_000);
  const pages = new WorkspaceCache<CachedResponse>(options.pageCacheEntries ?? 1_000, 60_000);
  const views = new ViewCounter(db, app.log.child({ subsystem: "help-center" }));

  const presentSettings = (settings: HelpCenterSettingsOf) => ({
    enabled: settings.enabled,
    title: settings.title,
    logoUrl: settings.logoUrl,
    brandColor: settings.brandColor,
    defaultLocale: settings.defaultLocale,
    customDomain: settings.customDomain,
    url: settings.customDomain ? `https://${settings.customDomain}/` : `${publicUrl}/help/${settings.workspaceSlug}`,
    updatedAt: settings.updatedAt?.toISOString() ?? null,
  });

  // ---- Staying fresh: every process hears every workspace's changes, as the realtime hub does ----------------
  let unlisten: (() => Promise<void>) | undefined;
  let stopped = false;
  const hear = (text: string) => {
    const notice = JSON.parse(text) as EventNotice;
    if (!changesHelpCenter(notice.type)) return;
    pages.invalidate(notice.workspaceId);
    sites.invalidate(notice.workspaceId);
  };
  const subscribe = async (): Promise<void> => {
    unlisten = await deps.database.listen(EVENTS_CHANNEL, hear, () => {
      // Changes may go unheard until the subscription is back: start over from the database.
      pages.clear();
      sites.clear();
      unlisten = undefined;
      if (!stopped) setTimeout(() => void subscribe().catch((error: unknown) => app.log.error({ err: error }, "help center: cannot listen for changes")), 1_000).unref();
    });
  };
  app.addHook("onReady", async () => {
    await subscribe();
    views.start();
  });
  app.addHook("onClose", async () => {
    stopped = true;
    await unlisten?.();
    await views.stop();
  });

  async function findSite(by: { slug: string } | { domain: string }): Promise<HelpCenterSite | undefined> {
    const key = "slug" in by ? `slug:${by.slug}` : `domain:${by.domain}`;
    const cached = sites.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const site = await readHelpCenterSite(db, by);
    // Unknown names are remembered briefly, so a stream of them costs one query each per window.
    if (site) sites.set(key, site.workspaceId, site);
    else sites.set(key, "", null, 10_000);
    return site;
  }

  /** Where a site's links point on this request's host. */
  function siteView(request: FastifyRequest, site: HelpCenterSite, locale: string, locales: string[]): SiteView {
    const onOwnDomain = site.customDomain !== null && request.hostname === site.customDomain;
    const canonicalBase = site.customDomain ? `https://${site.customDomain}` : `${publicUrl}/help/${encodeURIComponent(site.slug)}`;
    return { site, base: onOwnDomain ? "" : `/help/${encodeURIComponent(site.slug)}`, canonicalBase, publicUrl, locale, locales };
  }

  /** Renders what `rest` (the path under the help center) names; undefined for a page that does not exist. */
  async function build(request: FastifyRequest, site: HelpCenterSite, rest: string[], query: PageQuery): Promise<CachedResponse> {
    const workspaceId = site.workspaceId;
    const locales = await listPublicLocales(db, workspaceId);
    const fallback = locales.includes(site.defaultLocale) ? site.defaultLocale : (locales[0] ?? site.defaultLocale);
    const [first, second, third, ...more] = rest;
    const finish = (page: RenderedPage, articleId?: string): CachedResponse => ({ ...page, etag: etagOf(page.body), articleId });
    const plain = (type: string, body: string): CachedResponse => finish({ status: 200, headers: { "content-type": type, "cache-control": "public, no-cache" }, body });

    if (first === "sitemap.xml" && rest.length === 1) {
      return plain("application/xml; charset=utf-8", renderSitemap(siteView(request, site, fallback, locales).canonicalBase, await listPublicArticlesForSitemap(db, workspaceId)));
    }
    if (first === "robots.txt" && rest.length === 1) return plain("text/plain; charset=utf-8", renderRobots(siteView(request, site, fallback, locales).canonicalBase));
    if (first === "suggest" && rest.length === 1) {
      const locale = query.locale && locales.includes(query.locale) ? query.locale : fallback;
      const view = siteView(request, site, locale, locales);
      const hits = query.q ? await searchArticles(db, workspaceId, { query: query.q, locale, includeInternal: false, limit: SUGGESTIONS }) : [];
      const items = hits.map((hit) => ({ title: hit.title, url: articlePath(view.base, hit.locale, hit.slug), snippet: hit.snippet }));
      return plain("application/json; charset=utf-8", JSON.stringify({ items }));
    }

    const localeGiven = first !== undefined && LOCALE.test(first);
    const locale = localeGiven ? first : fallback;
    const view = siteView(request, site, locale, locales);
    const notFound = () => finish(renderNotFound(view));
    const [page, slug, extra] = localeGiven ? [second, third, more.length > 0] : [first, second, third !== undefined || more.length > 0];
    if (extra || (localeGiven && !locales.includes(locale))) return notFound();

    if (page === undefined) {
      const [categories, popular] = await Promise.all([
        listPublicCategories(db, workspaceId, locale),
        listPublicArticles(db, workspaceId, { locale, order: "popular", limit: POPULAR }),
      ]);
      return finish(renderHome(view, categories, popular));
    }
    if (page === "search" && slug === undefined) {
      const hits = query.q ? await searchArticles(db, workspaceId, { query: query.q, locale, includeInternal: false, limit: SEARCH_RESULTS }) : [];
      return finish(renderSearch(view, query.q ?? "", hits));
    }
    if (page === "categories" && slug !== undefined && localeGiven) {
      const category = await findPublicCategory(db, workspaceId, { locale, slug });
      if (!category) return notFound();
      const articles = await listPublicArticles(db, workspaceId, { locale, categoryId: category.id, order: "title", limit: 500 });
      if (articles.length === 0) return notFound();
      return finish(renderCategory(view, category, articles));
    }
    if (page === "articles" && slug !== undefined && localeGiven) {
      const article = await findPublicArticle(db, workspaceId, locale, slug);
      if (!article) return notFound();
      const [category, translations, related] = await Promise.all([
        article.categoryId ? findPublicCategory(db, workspaceId, { id: article.categoryId }) : undefined,
        listPublicTranslations(db, workspaceId, article),
        listRelatedArticles(db, workspaceId, article, RELATED),
      ]);
      const feedback: ArticlePageData["feedback"] = query.commented ? "commented" : query.voted ? "voted" : "ask";
      return finish(renderArticle(view, { article, category, translations, related, feedback }), article.id);
    }
    return notFound();
  }

  async function serve(request: FastifyRequest, reply: FastifyReply, site: HelpCenterSite | undefined, rest: string[], rawQuery: PageQuery): Promise<FastifyReply> {
    if (!site?.enabled) return sendRendered(reply, renderUnavailable(pickLanguage(request)));
    const query = readQuery(rawQuery);
    // Words to search for change only search pages; elsewhere they would only fill the cache.
    const searching = rest.at(-1) === "search" || rest.at(-1) === "suggest";
    const key = `${request.hostname}|${site.workspaceId}|${rest.join("/")}|${queryKey(searching ? query : { ...query, q: undefined })}`;
    let response = pages.get(key);
    if (!response) {
      response = await build(request, site, rest, query);
      pages.set(key, site.workspaceId, response);
    }
    if (response.articleId && request.method === "GET") views.count(site.workspaceId, response.articleId);
    return sendCached(request, reply, response);
  }

  // ---- On a workspace's own domain, the whole host is its help center -----------------------------------------
  app.addHook("onRequest", async (request, reply) => {
    if ((request.method !== "GET" && request.method !== "HEAD") || request.hostname === ownHost || request.url.startsWith("/help/")) return;
    const site = await findSite({ domain: request.hostname.toLowerCase() });
    if (!site) return;
    const url = new URL(request.url, "http://host");
    let rest: string[];
    try {
      rest = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    } catch {
      rest = ["%"];
    }
    await serve(request, reply, site, rest, Object.fromEntries(url.searchParams) as PageQuery);
    return reply;
  });

  const SlugParams = Type.Object({ slug: Slug });
  const pageRoute = { config: { public: true }, schema: { hide: true, params: SlugParams, querystring: PageQuery } };
  app.get("/help/:slug", pageRoute, async (request, reply) => serve(request, reply, await findSite({ slug: request.params.slug }), [], request.query));
  app.get("/help/:slug/*", { ...pageRoute, schema: { ...pageRoute.schema, params: Type.Object({ slug: Slug, "*": Type.String({ maxLength: 500 }) }) } }, async (request, reply) =>
    serve(request, reply, await findSite({ slug: request.params.slug }), request.params["*"].split("/").filter(Boolean), request.query),
  );

  // ---- Readers' answers: plain form posts, each followed by a redirect back to the article -----------------------
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    scope.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    const ArticleParams = Type.Object({ slug: Slug, locale: Locale, article: Slug });
    const post = (body: ReturnType<typeof Type.Object>) => ({
      config: {
        public: true,
        rateLimit: { max: VOTES_PER_WINDOW, timeWindow: "10 minutes", keyGenerator: (request: FastifyRequest) => `${request.ip}|help|${(request.params as { slug: string }).slug}` },
      },
      schema: { hide: true, params: ArticleParams, body },
    });

    /** The article a post is about, on the site it was posted to; anything else is refused before any write. */
    async function target(request: FastifyRequest) {
      const params = request.params as { slug: string; locale: string; article: string };
      if (request.headers.origin !== undefined && !isOwnOrigin(request, new URL(publicUrl).origin)) throw new AppError("origin_refused", "Answers are accepted only from the help center's own pages.");
      const site = await findSite({ slug: params.slug });
      const article = site?.enabled ? await findPublicArticle(db, site.workspaceId, params.locale, params.article) : undefined;
      if (!site || !article) throw new AppError("article_not_found", "There is no such article in this help center.");
      const back = articlePath(siteView(request, site, article.locale, []).base, article.locale, article.slug);
      return { site, article, back };
    }

    scope.post(
      "/help/:slug/:locale/articles/:article/vote",
      post(Type.Object({ helpful: Type.Union([Type.Literal("yes"), Type.Literal("no")], { description: "yes or no" }) })),
      async (request, reply) => {
        const { site, article, back } = await target(request);
        const helpful = (request.body as { helpful: "yes" | "no" }).helpful;
        await recordVote(db, site.workspaceId, article.id, { helpful: helpful === "yes" }, { actor: READER, key: readerKey(request, reply), publicOnly: true });
        return reply.redirect(`${back}?voted=${helpful}#feedback`, 303);
      },
    );

    scope.post(
      "/help/:slug/:locale/articles/:article/feedback",
      post(Type.Object({ comment: Type.String({ minLength: 1, maxLength: 2000 }) })),
      async (request, reply) => {
        const { site, article, back } = await target(request);
        const comment = (request.body as { comment: string }).comment.trim();
        if (!comment) return reply.redirect(`${back}?voted=yes#feedback`, 303);
        try {
          await commentOnVote(db, site.workspaceId, article.id, readerKey(request, reply), comment, READER);
        } catch (error) {
          // No answer from this browser to comment on (cookies cleared, or refused): ask for the answer again.
          if (error instanceof AppError && error.statusCode === 404) return reply.redirect(`${back}#feedback`, 303);
          throw error;
        }
        return reply.redirect(`${back}?commented=1#feedback`, 303);
      },
    );
  });

  // ---- Settings, for admins -----------------------------------------------------------------------------------------
  const tags = ["Help center"];
  app.get(
    "/api/v1/help-center/settings",
    { schema: { tags, summary: "The help center's settings (admins)", response: { 200: HelpCenterSettingsSchema, ...errorResponses } } },
    async (request) => {
      const ctx = contextOf(deps, request);
      return presentSettings(await getHelpCenterSettings(ctx));
    },
  );
  app.patch(
    "/api/v1/help-center/settings",
    { schema: { tags, summary: "Change the help center's title, logo, color, default locale or domain (admins)", body: SettingsChanges, response: { 200: HelpCenterSettingsSchema, ...errorResponses } } },
    async (request) => {
      const ctx = contextOf(deps, request);
      if (request.body.customDomain?.toLowerCase() === ownHost) {
        throw new AppError("invalid_request", `${ownHost} is this server's own address; a help center domain must be another host name pointed at it.`);
      }
      return presentSettings(await updateHelpCenterSettings(ctx, request.body));
    },
  );
}
