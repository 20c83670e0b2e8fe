/**
 * Where the new part of a reply ends and the quoted history (or signature) begins. Mail clients quote in their
 * own ways; each rule below is one client's habit. The history is never removed, only marked, so the agent
 * app can fold it away and the preview and search see what the customer actually wrote.
 */

const ORIGINAL_MESSAGE = /^\s*-{2,}\s*(original message|mensaje original|message d'origine|ursprüngliche nachricht)\s*-{2,}\s*$/i;
const WROTE = /^\s*(on|el|le|am)\s.{4,300}\b(wrote|escribió|a écrit|schrieb)\s*:\s*$/i;
const HEADER_FROM = /^\s*\*?(from|de|von)\s*:\*?\s+\S/i;
const HEADER_SENT = /^\s*\*?(sent|date|enviado|fecha|envoyé|gesendet)\s*:\*?\s+\S/i;
const SIGNATURE = /^-- ?$/;

/** The line where plain-text quoting starts, or undefined when the whole text is new. */
export function quoteStartLine(lines: readonly string[]): number | undefined {
  let start: number | undefined;
  for (let i = 0; i < lines.length && start === undefined; i++) {
    const line = lines[i]!;
    const next = lines[i + 1] ?? "";
    if (ORIGINAL_MESSAGE.test(line) || SIGNATURE.test(line)) start = i;
    else if (WROTE.test(line)) start = i;
    // A long "On …, X <x@y>" that the sender's client wrapped before "wrote:".
    else if (/^\s*on\s/i.test(line) && /^\s*(.{0,200}\s)?wrote\s*:\s*$/i.test(next) && WROTE.test(`${line} ${next}`)) start = i;
    // Outlook's plain "From: … / Sent: …" block.
    else if (HEADER_FROM.test(line) && lines.slice(i + 1, i + 5).some((l) => HEADER_SENT.test(l))) start = i;
  }
  // A trailing block of "> " lines, when nothing new follows it (answers written between quotes stay visible).
  let tail = lines.length;
  while (tail > 0 && (lines[tail - 1]!.trim() === "" || lines[tail - 1]!.startsWith(">"))) tail--;
  if (tail < lines.length && lines.slice(tail).some((l) => l.startsWith(">"))) start = start === undefined ? tail : Math.min(start, tail);
  // Nothing before it is new: a message that is all quote is shown as it is.
  if (start === undefined || lines.slice(0, start).every((l) => l.trim() === "")) return undefined;
  return start;
}

/** A plain-text body split into what is new and what is quoted (empty when nothing is). */
export function splitQuotedText(text: string): { fresh: string; quoted: string } {
  const lines = text.split(/\r?\n/);
  const start = quoteStartLine(lines);
  if (start === undefined) return { fresh: text.trim(), quoted: "" };
  return { fresh: lines.slice(0, start).join("\n").trim(), quoted: lines.slice(start).join("\n").trim() };
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== "")
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("");

/** HTML for a plain-text message whose history should fold away: the new part, then the quote marked. */
export function quotedTextAsHtml(fresh: string, quoted: string): string {
  return `${paragraphs(fresh)}<blockquote data-quoted>${paragraphs(quoted)}</blockquote>`;
}

const VOID = new Set(["br", "hr", "img", "col", "wbr"]);

/**
 * Wraps everything from `index` to the end of well-formed HTML in `<blockquote data-quoted>`: the elements open at
 * that point are closed before it and opened again inside, so the result stays balanced whatever the cut crosses.
 */
export function wrapQuotedFrom(html: string, index: number): string {
  const open: { name: string; tag: string }[] = [];
  for (const match of html.slice(0, index).matchAll(/<(\/?)([a-z][a-z0-9]*)\b[^>]*>/gi)) {
    const name = match[2]!.toLowerCase();
    if (VOID.has(name) || match[0].endsWith("/>")) continue;
    if (match[1]) {
      const at = open.map((o) => o.name).lastIndexOf(name);
      if (at >= 0) open.splice(at);
    } else open.push({ name, tag: match[0] });
  }
  const close = [...open].reverse().map((o) => `</${o.name}>`).join("");
  const reopen = open.map((o) => o.tag).join("");
  return `${html.slice(0, index)}${close}<blockquote data-quoted>${reopen}${html.slice(index)}</blockquote>`;
}

const TEXT_MARKERS = [
  /-{2,}\s*Original Message\s*-{2,}/i,
  // "On Mon, 3 Jun 2024, Sam <sam@example.net> wrote:" — the address is escaped in sanitized HTML, tags may sit between.
  /\bOn\s(?:[^<]|<(?!\/?(?:p|div|blockquote)\b)[^>]*>){4,400}?\bwrote:/i,
  // Outlook's "From: … Sent: …" header, often in bold.
  /(?:<b>|<strong>)?From:(?:<\/b>|<\/strong>)?\s(?:[^<]|<(?!\/?(?:blockquote)\b)[^>]*>){1,400}?(?:<b>|<strong>)?(?:Sent|Date):/i,
];

/**
 * The index in sanitized HTML where the quoted history starts: the first element the sanitizer marked as a
 * client's quote container (`data-quoted`), or the first text marker, whichever comes first.
 */
export function quoteStartInHtml(html: string): number | undefined {
  const candidates: number[] = [];
  const marked = html.search(/<[a-z]+\b[^>]*\bdata-quoted\b/i);
  if (marked >= 0) candidates.push(marked);
  for (const marker of TEXT_MARKERS) {
    const found = html.search(marker);
    if (found >= 0) candidates.push(found);
  }
  if (candidates.length === 0) return undefined;
  let start = Math.min(...candidates);
  // Outlook on the web draws a rule above its reply header; it belongs to the quote.
  const rule = /<hr\s*\/?>\s*$/i.exec(html.slice(0, start));
  if (rule) start -= rule[0].length;
  // A quote with nothing new before it is shown whole.
  if (html.slice(0, start).replace(/<[^>]*>|&nbsp;|\s/g, "") === "" && !/<img\b/i.test(html.slice(0, start))) return undefined;
  return start;
}

/** Sanitized HTML with its quoted history wrapped in one `<blockquote data-quoted>`, and the index where it starts. */
export function markQuotedHtml(html: string): { html: string; quoteStart: number | undefined } {
  const start = quoteStartInHtml(html);
  const unmarked = (value: string) => value.replace(/\sdata-quoted(="[^"]*")?/g, "");
  if (start === undefined) return { html: unmarked(html), quoteStart: undefined };
  const before = unmarked(html.slice(0, start));
  return { html: wrapQuotedFrom(before + unmarked(html.slice(start)), before.length), quoteStart: before.length };
}
