import { htmlToPlainText } from "../../platform/html.ts";
import { slugify } from "../workspaces/service.ts";

export interface TocEntry {
  id: string;
  level: 2 | 3;
  text: string;
}

const HEADING = /<h([1-3])(?:\s[^>]*)?>([\s\S]*?)<\/h\1>/g;

/**
 * Prepares a stored (already sanitized) article body for its page: headings get ids the
 * contents link to, and a `# heading` in the body becomes a section heading, since the
 * page's one h1 is the article's title. Ids are ours, prefixed, and unique within the
 * page, so no author can aim one at the page's own elements.
 */
export function withTableOfContents(bodyHtml: string): { html: string; toc: TocEntry[] } {
  const toc: TocEntry[] = [];
  const used = new Set<string>();
  const html = bodyHtml.replace(HEADING, (_whole, rank: string, inner: string) => {
    const level = rank === "3" ? 3 : 2;
    const text = htmlToPlainText(inner);
    const base = `section-${slugify(text, "part")}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    toc.push({ id, level, text });
    return `<h${level} id="${id}">${inner}</h${level}>`;
  });
  return { html, toc };
}
