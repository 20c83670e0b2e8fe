import sanitize from "sanitize-html";
import { compile } from "html-to-text";
import { MESSAGE_HTML_OPTIONS } from "../../platform/html.ts";
import { markQuotedHtml } from "./quoted.ts";

/**
 * Budgets for one message's HTML. Past them the sanitizer's work grows with the input while the agent gains
 * nothing a text view would not show, so such mail is shown as text instead: a 20 MB newsletter or a page
 * of 50,000 links must not hold a worker for seconds.
 */
export const HTML_BUDGET = { bytes: 2 * 1024 * 1024, links: 5_000, tags: 100_000 };
/** How much HTML is turned into text when the HTML itself is over budget and there is no text part. */
const FALLBACK_HTML_CHARS = 256 * 1024;

const QUOTE_CLASSES = /\b(gmail_quote|gmail_signature|yahoo_quoted|moz-cite-prefix|moz-signature)\b/i;
const QUOTE_IDS = /^(divRplyFwdMsg|appendonsend|Signature|mail-editor-reference-message-container)$/i;
// Outlook's line above "From: … Sent: …": a div with only a solid top border.
const OUTLOOK_DIVIDER = /border-top\s*:\s*solid\s+#(E1E1E1|B5C4DF)/i;

const markQuote = (tagName: string, attribs: sanitize.Attributes): sanitize.Tag => {
  const quoted =
    QUOTE_CLASSES.test(attribs.class ?? "") ||
    QUOTE_IDS.test(attribs.id ?? "") ||
    OUTLOOK_DIVIDER.test(attribs.style ?? "") ||
    (tagName === "blockquote" && (attribs.type === "cite" || /\bgmail_quote\b/.test(attribs.class ?? "")));
  return { tagName, attribs: quoted ? { ...attribs, "data-quoted": "" } : attribs };
};

const dimension = (value: string | undefined) => (value === undefined ? undefined : Number.parseInt(value, 10));

/** A 1×1 (or hidden) remote image exists only to tell the sender the mail was opened. */
function isTrackingPixel(attribs: Record<string, string>): boolean {
  const width = dimension(attribs.width);
  const height = dimension(attribs.height);
  const tiny = (width !== undefined && width <= 1) || (height !== undefined && height <= 1);
  const hidden = /display\s*:\s*none|visibility\s*:\s*hidden|(width|height)\s*:\s*[01]px/i.test(attribs.style ?? "");
  return (tiny || hidden) && /^\s*(https?:)?\/\//i.test(attribs.src ?? "");
}

const EMAIL_OPTIONS: sanitize.IOptions = {
  ...MESSAGE_HTML_OPTIONS,
  allowedAttributes: {
    ...(MESSAGE_HTML_OPTIONS.allowedAttributes || {}),
    // Only until the quote is wrapped: the marks are moved onto one blockquote.
    div: ["data-quoted"],
    blockquote: ["data-quoted"],
  },
  transformTags: {
    ...MESSAGE_HTML_OPTIONS.transformTags,
    div: markQuote,
    blockquote: markQuote,
    // A tag no list allows is discarded; this sees the style attribute, which is gone by the time filters run.
    img: (tagName, attribs) => ({ tagName: isTrackingPixel(attribs) ? "tracking-pixel" : tagName, attribs }),
  },
};

export interface PreparedHtml {
  /** Sanitized HTML with the quoted history marked, or null when the HTML was over budget. */
  html: string | null;
  /** The plain text of the new part, when there was HTML to take it from. */
  freshText: string;
  /** Why the HTML was not used. */
  overBudget?: "size" | "links" | "tags";
}

function budgetExceeded(html: string): PreparedHtml["overBudget"] {
  if (Buffer.byteLength(html) > HTML_BUDGET.bytes) return "size";
  // Counting is one linear scan, far cheaper than the parse it guards.
  let links = 0;
  let tags = 0;
  for (const match of html.matchAll(/<(a\s)?/gi)) {
    tags++;
    if (match[1] && ++links > HTML_BUDGET.links) return "links";
    if (tags > HTML_BUDGET.tags) return "tags";
  }
  return undefined;
}

/** Email HTML made safe to store and show: sanitized, tracking pixels dropped, quoted history marked. */
export function prepareEmailHtml(raw: string): PreparedHtml {
  const overBudget = budgetExceeded(raw);
  if (overBudget) return { html: null, freshText: fallbackText(raw), overBudget };
  const { html, quoteStart } = markQuotedHtml(sanitize(raw, EMAIL_OPTIONS));
  return { html, freshText: htmlText(quoteStart === undefined ? html : html.slice(0, quoteStart)) };
}

// Compiled once: html-to-text builds its selector machinery on every convert() call otherwise, which was a
// tenth of the CPU spent receiving a message.
const TEXT_SELECTORS = [
  { selector: "img", format: "skip" },
  { selector: "a", options: { ignoreHref: true } },
];
const toText = compile({ wordwrap: false, selectors: TEXT_SELECTORS });
const toBoundedText = compile({ wordwrap: false, limits: { maxChildNodes: 2_000, maxDepth: 50 }, selectors: TEXT_SELECTORS });

const htmlText = (html: string) => toText(html).trim();

/** Text of HTML too large to sanitize whole: a bounded prefix is enough to show what the mail says. */
export function fallbackText(html: string): string {
  return toBoundedText(html.slice(0, FALLBACK_HTML_CHARS)).trim();
}

/** Points `cid:` images at the attachments they became; an image whose part is missing or refused loses its src. */
export function rewriteCidImages(html: string, urls: ReadonlyMap<string, string>): string {
  return html.replace(/(<img\b[^>]*?\ssrc=")cid:([^"]*)"/gi, (_all, prefix: string, cid: string) => {
    const url = urls.get(decodeCid(cid));
    return url ? `${prefix}${url}"` : `${prefix}"`;
  });
}

const decodeCid = (cid: string) => {
  const decoded = cid.replace(/&amp;/g, "&").trim();
  try {
    return decodeURIComponent(decoded).replace(/^<|>$/g, "").toLowerCase();
  } catch {
    return decoded.replace(/^<|>$/g, "").toLowerCase();
  }
};
