import sanitize from "sanitize-html";
import { compile } from "html-to-text";

const ALLOWED_TAGS = [
  "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "div", "dl", "dt", "em",
  "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "ol", "p", "pre", "q", "s", "small",
  "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
];

/** What message HTML may keep; channels with their own habits (email) build on it. */
export const MESSAGE_HTML_OPTIONS: sanitize.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ["href", "title"],
    // Marks quoted history, which the agent app folds away.
    blockquote: ["data-quoted"],
    img: ["src", "alt", "title", "width", "height"],
    td: ["colspan", "rowspan"],
    th: ["colspan", "rowspan", "scope"],
    "*": ["dir", "lang"],
  },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesByTag: { img: ["https", "cid", "data"] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    a: sanitize.simpleTransform("a", { rel: "noopener noreferrer nofollow", target: "_blank" }),
  },
};

/**
 * Message HTML is hostile input. Keep structure and formatting; drop scripts, event
 * handlers, styles, forms and frames; allow only http(s), mailto and tel links; links
 * open in a new context without leaking the opener.
 */
export function sanitizeMessageHtml(html: string): string {
  return sanitize(html, MESSAGE_HTML_OPTIONS);
}

// Compiled once rather than per call: html-to-text rebuilds its selector machinery on every convert().
const toPlainText = compile({ wordwrap: false, selectors: [{ selector: "img", format: "skip" }] });

/** Plain text of an HTML body, for previews, search and text-only channels. */
export function htmlToPlainText(html: string): string {
  return toPlainText(html).trim();
}
