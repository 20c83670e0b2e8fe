import { createHash } from "node:crypto";
import fs from "node:fs";
import negotiate from "@fastify/accept-negotiator";
import type { FastifyReply, FastifyRequest } from "fastify";
import { html, Markup } from "./markup.ts";

export const PUBLIC_LANGUAGES = ["en", "es"] as const;
export type PublicLanguage = (typeof PUBLIC_LANGUAGES)[number];

/** `?lang=` when it names a language we have, else the browser's preference, else English. */
export function pickLanguage(request: FastifyRequest): PublicLanguage {
  const asked = (request.query as Record<string, unknown> | undefined)?.lang;
  if (typeof asked === "string" && (PUBLIC_LANGUAGES as readonly string[]).includes(asked)) return asked as PublicLanguage;
  return negotiate(request.headers["accept-language"] ?? "", [...PUBLIC_LANGUAGES]) ?? "en";
}

const STYLES = fs.readFileSync(new URL("./styles.css", import.meta.url), "utf8");
const cspHash = (css: string) => `'sha256-${createHash("sha256").update(css).digest("base64")}'`;
const STYLES_HASH = cspHash(STYLES);
const COLOUR = /^#[0-9a-f]{6}$/i;

/** Black or white, whichever reads better on `colour` (WCAG relative luminance). */
function contrastingText(colour: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const channel = parseInt(colour.slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return luminance > 0.4 ? "#000000" : "#ffffff";
}

export interface PublicPage {
  lang: PublicLanguage;
  title: string;
  /** The workspace's name, shown above the content. */
  brand: string;
  body: Markup;
  /** The workspace's accent colour (`#rrggbb`); the default blue otherwise. */
  accent?: string | undefined;
  /** Origins besides this server's that may show the page in a frame. */
  frameAncestors?: readonly string[] | undefined;
  /** The same page in the other languages, linked from the footer. */
  languageLinks?: { lang: PublicLanguage; label: string; href: string }[] | undefined;
  /** Where the brand links to, and the logo shown beside it. */
  brandHref?: string | undefined;
  logoUrl?: string | undefined;
  /** Set by pages that want more room than a form: the help center's lists and articles. */
  wide?: boolean | undefined;
  /** Beside the brand, for a page's own navigation (the help center's search). */
  headerExtra?: Markup | undefined;
  /** What search engines read about the page. */
  head?: PageHead | undefined;
  /** Scripts the page runs: its own inline ones (allowed by hash) and other origins' (allowed by origin). */
  scripts?: { inline?: readonly string[] | undefined; external?: readonly ExternalScript[] | undefined } | undefined;
  /** Origins of images beyond this server's, such as a logo. */
  imageOrigins?: readonly string[] | undefined;
  /** Replaces the default `no-store`, for pages that may be kept and revalidated. */
  cacheControl?: string | undefined;
}

export interface PageHead {
  description?: string | undefined;
  canonical?: string | undefined;
  /** The page in other languages (`hreflang` links), `x-default` included when wanted. */
  alternates?: readonly { hreflang: string; href: string }[] | undefined;
  /** Structured data, written as JSON-LD. */
  jsonLd?: readonly object[] | undefined;
  /** Keep the page out of search results (not-found pages, search results). */
  noindex?: boolean | undefined;
}

export interface ExternalScript {
  src: string;
  /** `data-*` attributes the script reads from its own tag. */
  data?: Record<string, string> | undefined;
  /** Origins the script talks to and loads its own assets from. */
  origins: readonly string[];
}

const SKIP_LINK: Record<PublicLanguage, string> = { en: "Skip to content", es: "Saltar al contenido" };

/** JSON inside a script element: `<` is escaped so no value can close the element. */
const scriptJson = (value: object) => new Markup(JSON.stringify(value).replace(/</g, "\\u003c"));

export interface RenderedPage {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Renders a public page: one document with the shared stylesheet inline (one request, on any network), under a
 * policy that runs no script but the page's own (by hash) and lets the page be framed only by the workspace's
 * own sites.
 */
export function renderPublicPage(page: PublicPage, status = 200): RenderedPage {
  const theme = page.accent && COLOUR.test(page.accent) ? `:root{--accent:${page.accent};--accent-contrast:${contrastingText(page.accent)}}` : "";
  const inline = page.scripts?.inline ?? [];
  const external = page.scripts?.external ?? [];
  const scriptOrigins = [...new Set(external.flatMap((script) => script.origins))];
  const sockets = scriptOrigins.map((origin) => origin.replace(/^http/, "ws"));
  const csp = [
    "default-src 'none'",
    `style-src ${STYLES_HASH}${theme ? ` ${cspHash(theme)}` : ""}${scriptOrigins.map((origin) => ` ${origin}`).join("")}`,
    `img-src 'self' data:${[...(page.imageOrigins ?? []), ...scriptOrigins].map((origin) => ` ${origin}`).join("")}`,
    ...(inline.length || external.length ? [`script-src ${[...inline.map(cspHash), ...scriptOrigins].join(" ")}`] : []),
    ...(inline.length || external.length ? [`connect-src 'self' ${[...scriptOrigins, ...sockets].join(" ")}`.trim()] : []),
    ...(scriptOrigins.length ? [`font-src ${scriptOrigins.join(" ")}`] : []),
    "form-action 'self'",
    `frame-ancestors ${["'self'", ...(page.frameAncestors ?? [])].join(" ")}`,
    "base-uri 'none'",
  ].join("; ");
  const head = page.head;
  const document = html`<!doctype html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${page.title} · ${page.brand}</title>
${head?.description && html`<meta name="description" content="${head.description}">`}
${head?.noindex && html`<meta name="robots" content="noindex">`}
${head?.canonical && html`<link rel="canonical" href="${head.canonical}">`}
${(head?.alternates ?? []).map((alternate) => html`<link rel="alternate" hreflang="${alternate.hreflang}" href="${alternate.href}">`)}
<style>${new Markup(STYLES)}</style>${theme && html`<style>${new Markup(theme)}</style>`}
${(head?.jsonLd ?? []).map((data) => html`<script type="application/ld+json">${scriptJson(data)}</script>`)}
</head>
<body${page.wide ? html` class="wide"` : ""}>
<a class="skip-link" href="#main">${SKIP_LINK[page.lang]}</a>
<header class="site-header"><div class="site-header-row">${page.brandHref
    ? html`<a class="brand" href="${page.brandHref}">${page.logoUrl && html`<img src="${page.logoUrl}" alt="" class="logo">`}${page.brand}</a>`
    : html`<p class="brand">${page.brand}</p>`}${page.headerExtra ?? ""}</div></header>
<main id="main" tabindex="-1">
${page.body}
</main>
${page.languageLinks?.length ? html`<footer class="site-footer"><nav aria-label="${page.lang === "es" ? "Idioma" : "Language"}">${page.languageLinks.map(
    (link) => html`<a href="${link.href}" lang="${link.lang}" hreflang="${link.lang}">${link.label}</a>`,
  )}</nav></footer>` : ""}
${inline.map((source) => html`<script>${new Markup(source)}</script>`)}
${external.map((script) => html`<script src="${script.src}" ${Object.entries(script.data ?? {}).map(([name, value]) => html`data-${name}="${value}" `)}async></script>`)}
</body>
</html>`;
  return {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": csp,
      "x-content-type-options": "nosniff",
      "referrer-policy": "same-origin",
      "cache-control": page.cacheControl ?? "no-store",
      vary: "accept-language",
    },
    body: document.value,
  };
}

/** Sends a public page, rendered by `renderPublicPage`. */
export function sendPublicPage(reply: FastifyReply, page: PublicPage, status = 200): FastifyReply {
  return sendRendered(reply, renderPublicPage(page, status));
}

export function sendRendered(reply: FastifyReply, page: RenderedPage): FastifyReply {
  return reply.status(page.status).headers(page.headers).send(page.body);
}
