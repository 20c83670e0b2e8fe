import { html, Markup } from "../../platform/public-pages/markup.ts";
import { renderPublicPage, type PageHead, type PublicPage, type RenderedPage } from "../../platform/public-pages/page.ts";
import type { ArticleHit } from "../knowledge/search.ts";
import type { ArticleRow, ArticleSummary, Category } from "../knowledge/service.ts";
import { contactPath } from "../contact/views.ts";
import { HELP_MESSAGES, localeName, uiLanguage, type HelpMessages } from "./messages.ts";
import type { HelpCenterSite } from "./settings.ts";
import { SUGGEST_SCRIPT } from "./suggest-script.ts";
import { withTableOfContents } from "./toc.ts";

/** One help center as seen on one host: where its links point, and its absolute address for search engines. */
export interface SiteView {
  site: HelpCenterSite;
  /** The prefix of links on this host: `/help/<slug>`, or nothing on the help center's own domain. */
  base: string;
  /** The absolute address of the help center's home, on its own domain when it has one. */
  canonicalBase: string;
  /** This server's public origin, where the contact form and the chat widget live. */
  publicUrl: string;
  /** The locale the page is in, and every locale the help center has articles in. */
  locale: string;
  locales: string[];
}

export const articlePath = (base: string, locale: string, slug: string) => `${base}/${locale}/articles/${encodeURIComponent(slug)}`;
export const categoryPath = (base: string, locale: string, slug: string) => `${base}/${locale}/categories/${encodeURIComponent(slug)}`;
export const homePath = (base: string, locale: string) => `${base}/${locale}`;
/** Where votes are posted: under /help/<slug> on any host, so a custom domain's pages post to a route that exists. */
export const feedbackPath = (slug: string, locale: string, articleSlug: string, action: "vote" | "feedback") =>
  `${articlePath(`/help/${encodeURIComponent(slug)}`, locale, articleSlug)}/${action}`;

const DESCRIPTION_CHARS = 155;

/** The first words of a text, cut at a word and marked as cut. */
export function firstWords(text: string, max = DESCRIPTION_CHARS): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(" ") > max / 2 ? cut.lastIndexOf(" ") : max).trimEnd()}…`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function formatDate(date: Date, locale: string): string {
  let format = dateFormats.get(locale);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
    } catch {
      return date.toISOString().slice(0, 10);
    }
    dateFormats.set(locale, format);
  }
  return format.format(date);
}

function searchForm(view: SiteView, t: HelpMessages, query = ""): Markup {
  return html`<form class="search" role="search" method="get" action="${view.base}/${view.locale}/search" data-suggest="${view.base}/suggest?locale=${view.locale}" data-count-label="${t.suggestionsLabel}">
<label for="hc-q" class="visually-hidden">${t.searchLabel}</label>
<input type="search" id="hc-q" name="q" value="${query}" placeholder="${t.searchPlaceholder}" maxlength="200" autocomplete="off">
<ul id="hc-suggestions" class="suggestions" role="listbox" aria-label="${t.suggestionsLabel}" hidden></ul>
<p role="status" class="visually-hidden"></p>
<button type="submit" class="button">${t.searchButton}</button>
</form>`;
}

function localeSwitcher(view: SiteView, t: HelpMessages, links: { locale: string; href: string }[]): Markup | "" {
  if (links.length < 2) return "";
  return html`<nav class="site-footer-nav" aria-label="${t.language}"><ul class="locales">${links.map(
    (link) =>
      html`<li><a href="${link.href}" lang="${link.locale}" hreflang="${link.locale}" ${link.locale === view.locale && html`aria-current="true"`}>${localeName(link.locale)}</a></li>`,
  )}</ul></nav>`;
}

interface PageParts {
  title: string;
  body: Markup;
  head?: PageHead;
  /** Where each locale's version of this page is; the help center's homes when the page has none. */
  localeLinks?: { locale: string; href: string }[];
  query?: string;
}

/** The frame of every help center page: brand, search, the page, the language switcher, the chat widget. */
export function helpCenterPage(view: SiteView, parts: PageParts, status = 200): RenderedPage {
  const lang = uiLanguage(view.locale);
  const t = HELP_MESSAGES[lang];
  const { site } = view;
  const localeLinks = parts.localeLinks ?? view.locales.map((locale) => ({ locale, href: homePath(view.base, locale) }));
  const page: PublicPage = {
    lang,
    title: parts.title,
    brand: site.title,
    brandHref: homePath(view.base, view.locale),
    logoUrl: site.logoUrl ?? undefined,
    accent: site.brandColor,
    wide: true,
    headerExtra: searchForm(view, t, parts.query),
    head: parts.head,
    body: html`${parts.body}${localeSwitcher(view, t, localeLinks)}`,
    scripts: {
      inline: [SUGGEST_SCRIPT],
      external: site.chat ? [{ src: `${view.publicUrl}/widget.js`, data: { workspace: site.slug }, origins: [new URL(view.publicUrl).origin] }] : [],
    },
    // Logos and pictures in articles may come from anywhere served over HTTPS.
    imageOrigins: ["https:"],
    cacheControl: "public, no-cache",
  };
  return renderPublicPage(page, status);
}

function articleList(view: SiteView, articles: ArticleSummary[]): Markup {
  return html`<ul class="article-list">${articles.map(
    (article) => html`<li><a href="${articlePath(view.base, article.locale, article.slug)}">${article.title}</a>${article.excerpt && html`<p>${firstWords(article.excerpt, 140)}</p>`}</li>`,
  )}</ul>`;
}

const organization = (view: SiteView) => ({ "@type": "Organization", name: view.site.title, ...(view.site.logoUrl && { logo: view.site.logoUrl }) });

function breadcrumbLd(items: { name: string; url: string }[]) {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: items.map((item, index) => ({ "@type": "ListItem", position: index + 1, name: item.name, item: item.url })),
  };
}

const canonical = (view: SiteView, path: string) => `${view.canonicalBase}${path}`;

export function renderHome(view: SiteView, categories: (Category & { articleCount: number })[], popular: ArticleSummary[]): RenderedPage {
  const t = HELP_MESSAGES[uiLanguage(view.locale)];
  const alternates = [
    ...view.locales.map((locale) => ({ hreflang: locale, href: canonical(view, `/${locale}`) })),
    ...(view.locales.length > 1 ? [{ hreflang: "x-default", href: view.canonicalBase || "/" }] : []),
  ];
  const body = html`<div class="hero"><h1>${t.heroTitle}</h1><p class="lead">${view.site.title} · ${t.helpCenter}</p></div>
${categories.length > 0 && html`<section aria-labelledby="categories-title"><h2 id="categories-title">${t.categories}</h2>
<ul class="tiles">${categories.map(
  (category) => html`<li><a href="${categoryPath(view.base, view.locale, category.slug)}"><strong>${category.name}</strong><span>${t.articleCount(category.articleCount)}</span></a></li>`,
)}</ul></section>`}
<section aria-labelledby="popular-title"><h2 id="popular-title">${t.popular}</h2>
${popular.length ? articleList(view, popular) : html`<p>${t.noArticles}</p>`}</section>`;
  return helpCenterPage(view, {
    title: t.helpCenter,
    body,
    head: {
      description: `${view.site.title} · ${t.helpCenter}: ${t.heroTitle}`,
      canonical: canonical(view, `/${view.locale}`),
      alternates,
      jsonLd: [{ "@context": "https://schema.org", "@type": "WebSite", name: `${view.site.title} · ${t.helpCenter}`, url: canonical(view, `/${view.locale}`), inLanguage: view.locale, publisher: organization(view) }],
    },
  });
}

function breadcrumb(view: SiteView, t: HelpMessages, trail: { name: string; href?: string }[]): Markup {
  return html`<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="${homePath(view.base, view.locale)}">${t.home}</a></li>${trail.map(
    (crumb) => html`<li>${crumb.href ? html`<a href="${crumb.href}">${crumb.name}</a>` : html`<span aria-current="page">${crumb.name}</span>`}</li>`,
  )}</ol></nav>`;
}

export function renderCategory(view: SiteView, category: Category, articles: ArticleSummary[]): RenderedPage {
  const t = HELP_MESSAGES[uiLanguage(view.locale)];
  const path = `/${view.locale}/categories/${encodeURIComponent(category.slug)}`;
  const body = html`${breadcrumb(view, t, [{ name: category.name }])}
<h1>${category.name}</h1>
<p class="lead">${t.articleCount(articles.length)}</p>
${articles.length ? articleList(view, articles) : html`<p>${t.noArticles}</p>`}`;
  return helpCenterPage(view, {
    title: category.name,
    body,
    head: {
      description: firstWords(`${category.name}: ${articles.map((article) => article.title).join(", ")}`),
      canonical: canonical(view, path),
      jsonLd: [breadcrumbLd([{ name: t.home, url: canonical(view, `/${view.locale}`) }, { name: category.name, url: canonical(view, path) }])],
    },
  });
}

export interface ArticlePageData {
  article: ArticleRow;
  category: Category | undefined;
  translations: ArticleSummary[];
  related: ArticleSummary[];
  feedback: "ask" | "voted" | "commented";
}

function feedbackSection(view: SiteView, t: HelpMessages, article: ArticleRow, state: ArticlePageData["feedback"]): Markup {
  const ask = html`<form method="post" action="${feedbackPath(view.site.slug, article.locale, article.slug, "vote")}" class="choices">
<button type="submit" name="helpful" value="yes" class="button secondary">${t.yes}</button>
<button type="submit" name="helpful" value="no" class="button secondary">${t.no}</button>
</form>`;
  const comment = html`<p class="notice" role="status">${t.thanks}</p>
<form method="post" action="${feedbackPath(view.site.slug, article.locale, article.slug, "feedback")}">
<div class="field"><label for="feedback-comment">${t.commentLabel}</label>
<textarea id="feedback-comment" name="comment" rows="3" maxlength="2000" required></textarea></div>
<button type="submit" class="button">${t.sendComment}</button>
</form>`;
  return html`<section class="feedback" id="feedback" aria-labelledby="feedback-title">
<h2 id="feedback-title">${t.helpful}</h2>
${state === "ask" ? ask : state === "voted" ? comment : html`<p class="notice" role="status">${t.commentThanks}</p>`}
</section>`;
}

function contactOptions(view: SiteView, t: HelpMessages): Markup {
  const lang = uiLanguage(view.locale);
  return html`<section class="contact-options" aria-labelledby="contact-title">
<h2 id="contact-title">${t.stillNeedHelp}</h2>
<ul>
${view.site.chat && html`<li><strong>${t.chat}</strong>: ${t.chatHint}</li>`}
<li><a class="button" href="${view.publicUrl}${contactPath(view.site.slug)}?lang=${lang}">${t.contactForm}</a></li>
${view.site.email && html`<li><a class="button secondary" href="mailto:${view.site.email}">${t.emailUs(view.site.email)}</a></li>`}
</ul>
</section>`;
}

export function renderArticle(view: SiteView, data: ArticlePageData): RenderedPage {
  const { article, category, translations, related } = data;
  const t = HELP_MESSAGES[uiLanguage(view.locale)];
  const { html: bodyHtml, toc } = withTableOfContents(article.bodyHtml);
  const path = `/${article.locale}/articles/${encodeURIComponent(article.slug)}`;
  const versions = [article, ...translations];
  const xDefault = versions.find((version) => version.locale === view.site.defaultLocale) ?? versions.find((version) => version.sourceArticleId === null) ?? article;
  const alternates = translations.length
    ? [
        ...versions.map((version) => ({ hreflang: version.locale, href: canonical(view, `/${version.locale}/articles/${encodeURIComponent(version.slug)}`) })),
        { hreflang: "x-default", href: canonical(view, `/${xDefault.locale}/articles/${encodeURIComponent(xDefault.slug)}`) },
      ]
    : [];
  const crumbs = [...(category ? [{ name: category.name, href: categoryPath(view.base, view.locale, category.slug) }] : []), { name: article.title }];
  const updated = article.updatedAt;
  const description = firstWords(article.bodyText) || article.title;
  const body = html`${breadcrumb(view, t, crumbs)}
<div class="article-layout">
<article aria-labelledby="article-title">
<h1 id="article-title">${article.title}</h1>
<p class="meta">${t.updated} <time datetime="${updated.toISOString()}">${formatDate(updated, article.locale)}</time>${translations.length > 0 && html` · ${t.otherLanguages}: ${translations.map(
    (translation, index) => html`${index > 0 && ", "}<a href="${articlePath(view.base, translation.locale, translation.slug)}" lang="${translation.locale}" hreflang="${translation.locale}">${localeName(translation.locale)}</a>`,
  )}`}</p>
<div class="article-body">${new Markup(bodyHtml)}</div>
${feedbackSection(view, t, article, data.feedback)}
${contactOptions(view, t)}
</article>
${(toc.length > 0 || related.length > 0) && html`<aside aria-label="${t.contents}">
${toc.length > 0 && html`<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${t.contents}</h2><ol>${toc.map(
  (entry) => html`<li class="toc-h${entry.level}"><a href="#${entry.id}">${entry.text}</a></li>`,
)}</ol></nav>`}
${related.length > 0 && html`<section aria-labelledby="related-title"><h2 id="related-title">${t.related}</h2><ul>${related.map(
  (other) => html`<li><a href="${articlePath(view.base, other.locale, other.slug)}">${other.title}</a></li>`,
)}</ul></section>`}
</aside>`}
</div>`;
  const trail = [
    { name: t.home, url: canonical(view, `/${view.locale}`) },
    ...(category ? [{ name: category.name, url: canonical(view, `/${view.locale}/categories/${encodeURIComponent(category.slug)}`) }] : []),
    { name: article.title, url: canonical(view, path) },
  ];
  return helpCenterPage(view, {
    title: article.title,
    body,
    localeLinks: view.locales.map((locale) => {
      const version = versions.find((candidate) => candidate.locale === locale);
      return { locale, href: version ? articlePath(view.base, locale, version.slug) : homePath(view.base, locale) };
    }),
    head: {
      description,
      canonical: canonical(view, path),
      alternates,
      noindex: data.feedback !== "ask",
      jsonLd: [
        {
          "@context": "https://schema.org",
          "@type": "Article",
          headline: article.title,
          description,
          inLanguage: article.locale,
          datePublished: (article.publishedAt ?? article.createdAt).toISOString(),
          dateModified: updated.toISOString(),
          mainEntityOfPage: canonical(view, path),
          ...(article.tags.length > 0 && { keywords: article.tags.join(", ") }),
          publisher: organization(view),
        },
        breadcrumbLd(trail),
      ],
    },
  });
}

export function renderSearch(view: SiteView, query: string, hits: ArticleHit[]): RenderedPage {
  const t = HELP_MESSAGES[uiLanguage(view.locale)];
  const similar = hits.length > 0 && hits.every((hit) => hit.match === "similar");
  const body = !query
    ? html`<h1>${t.searchButton}</h1><p class="lead">${t.searchEmpty}</p>`
    : html`<h1>${t.searchTitle(query)}</h1>
<p class="lead" role="status">${hits.length ? t.resultCount(hits.length) : t.noResults}</p>
${similar && html`<p>${t.similarResults}</p>`}
${hits.length > 0 && html`<ul class="article-list">${hits.map(
  (hit) => html`<li><a href="${articlePath(view.base, hit.locale, hit.slug)}">${hit.title}</a><p>${new Markup(hit.snippet)}</p></li>`,
)}</ul>`}`;
  return helpCenterPage(view, {
    title: query ? t.searchTitle(query) : t.searchButton,
    body,
    query,
    head: { noindex: true, canonical: canonical(view, `/${view.locale}/search`) },
    localeLinks: view.locales.map((locale) => ({ locale, href: `${view.base}/${locale}/search${query ? `?q=${encodeURIComponent(query)}` : ""}` })),
  });
}

export function renderNotFound(view: SiteView): RenderedPage {
  const t = HELP_MESSAGES[uiLanguage(view.locale)];
  const body = html`<h1>${t.notFoundTitle}</h1>
<p class="lead">${t.notFoundLead}</p>
<p><a href="${homePath(view.base, view.locale)}">${t.home}</a></p>`;
  return helpCenterPage(view, { title: t.notFoundTitle, body, head: { noindex: true } }, 404);
}

/** No help center here at all (no such workspace, or switched off): nothing of the workspace is shown. */
export function renderUnavailable(lang: "en" | "es"): RenderedPage {
  const t = HELP_MESSAGES[lang];
  return renderPublicPage(
    { lang, title: t.unavailableTitle, brand: "Rapport", body: html`<div class="card"><h1>${t.unavailableTitle}</h1><p class="lead">${t.unavailableLead}</p></div>`, head: { noindex: true } },
    404,
  );
}
