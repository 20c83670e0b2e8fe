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
}

/**
 * Sends a public page: one document with the shared stylesheet inline (one request, on any network), under a
 * policy that runs no script at all and lets the page be framed only by the workspace's own sites.
 */
export function sendPublicPage(reply: FastifyReply, page: PublicPage, status = 200): FastifyReply {
  const theme = page.accent && COLOUR.test(page.accent) ? `:root{--accent:${page.accent};--accent-contrast:${contrastingText(page.accent)}}` : "";
  const csp = [
    "default-src 'none'",
    `style-src ${STYLES_HASH}${theme ? ` ${cspHash(theme)}` : ""}`,
    "img-src 'self' data:",
    "form-action 'self'",
    `frame-ancestors ${["'self'", ...(page.frameAncestors ?? [])].join(" ")}`,
    "base-uri 'none'",
  ].join("; ");
  const document = html`<!doctype html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${page.title} · ${page.brand}</title>
<style>${new Markup(STYLES)}</style>${theme && html`<style>${new Markup(theme)}</style>`}
</head>
<body>
<header class="site-header"><p class="brand">${page.brand}</p></header>
<main id="main">
${page.body}
</main>
${page.languageLinks?.length ? html`<footer class="site-footer"><nav aria-label="${page.lang === "es" ? "Idioma" : "Language"}">${page.languageLinks.map(
    (link) => html`<a href="${link.href}" lang="${link.lang}" hreflang="${link.lang}">${link.label}</a>`,
  )}</nav></footer>` : ""}
</body>
</html>`;
  return reply
    .status(status)
    .header("content-type", "text/html; charset=utf-8")
    .header("content-security-policy", csp)
    .header("x-content-type-options", "nosniff")
    .header("referrer-policy", "same-origin")
    .header("cache-control", "no-store")
    .header("vary", "accept-language")
    .send(document.value);
}
