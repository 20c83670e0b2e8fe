import { Marked } from "marked";
import { htmlToPlainText, sanitizeMessageHtml } from "../../platform/html.ts";

const markdown = new Marked({ gfm: true, async: false });

export interface RenderedBody {
  html: string;
  text: string;
}

/**
 * Article Markdown may carry raw HTML (authors paste it, and so would an attacker with a
 * writer's account), so the rendered HTML goes through the same sanitizer as messages.
 */
export function renderArticleBody(source: string): RenderedBody {
  const html = sanitizeMessageHtml(markdown.parse(source) as string);
  return { html, text: htmlToPlainText(html) };
}
