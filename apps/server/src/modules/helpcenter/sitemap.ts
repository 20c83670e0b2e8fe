import { escapeHtml } from "../../platform/public-pages/markup.ts";

export interface SitemapArticle {
  id: string;
  slug: string;
  locale: string;
  sourceArticleId: string | null;
  updatedAt: Date;
}

/**
 * The sitemap of a help center's public articles: each with its last change and, when it is
 * translated, every language's address as `xhtml:link` alternates (itself included, as
 * search engines ask).
 */
export function renderSitemap(canonicalBase: string, articles: SitemapArticle[]): string {
  const url = (article: SitemapArticle) => `${canonicalBase}/${article.locale}/articles/${encodeURIComponent(article.slug)}`;
  const groups = new Map<string, SitemapArticle[]>();
  for (const article of articles) {
    const key = article.sourceArticleId ?? article.id;
    groups.set(key, [...(groups.get(key) ?? []), article]);
  }
  const entries = articles.map((article) => {
    const group = groups.get(article.sourceArticleId ?? article.id)!;
    const alternates =
      group.length > 1 ? group.map((version) => `\n    <xhtml:link rel="alternate" hreflang="${escapeHtml(version.locale)}" href="${escapeHtml(url(version))}"/>`).join("") : "";
    return `  <url>\n    <loc>${escapeHtml(url(article))}</loc>\n    <lastmod>${article.updatedAt.toISOString()}</lastmod>${alternates}\n  </url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${entries.join("\n")}
</urlset>
`;
}

/** For a help center on its own domain, where /robots.txt is ours to answer. */
export const renderRobots = (canonicalBase: string) => `User-agent: *\nAllow: /\nDisallow: /*/search\nSitemap: ${canonicalBase}/sitemap.xml\n`;
