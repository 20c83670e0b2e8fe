import { createHash } from "node:crypto";
import type { AddressObject, Attachment as MailPart, ParsedMail } from "mailparser";
import { authVerdictOf, collectHeaders, isAutomated, type AuthVerdict, type RawHeaders } from "./headers.ts";
import { prepareEmailHtml } from "./email-html.ts";
import { quotedTextAsHtml, splitQuotedText } from "./quoted.ts";

/**
 * The stored text feeds the preview and the search index; PostgreSQL refuses a tsvector over 1 MB, and no one
 * reads that much in a helpdesk. The whole message stays in its raw source.
 */
export const TEXT_LIMIT = 200_000;

export interface EmailAddress {
  address: string;
  name: string | undefined;
}

export interface EmailPart {
  filename: string;
  contentType: string;
  content: Buffer;
  /** The Content-ID without brackets, lower-case, for parts an HTML body shows in place. */
  contentId: string | undefined;
}

/** One email as Rapport understands it: decoded to UTF-8, its HTML sanitized, its quoted history marked. */
export interface ParsedEmail {
  messageId: string;
  from: EmailAddress | undefined;
  /** Where replies go when the sender asked; never who the sender is. */
  replyTo: string[];
  recipients: string[];
  subject: string;
  inReplyTo: string | undefined;
  /** Oldest first, as the header lists them. */
  references: string[];
  /** What the sender wrote this time: for the preview, search, and agents reading in text. */
  text: string;
  /** Sanitized HTML of the whole body with its quoted history in `<blockquote data-quoted>`; null when text says it all. */
  html: string | null;
  /** Why the HTML was shown as text instead. */
  htmlOverBudget: "size" | "links" | "tags" | undefined;
  attachments: EmailPart[];
  headers: RawHeaders;
  authVerdict: AuthVerdict;
  automated: boolean;
}

export const stripBrackets = (id: string) => id.trim().replace(/^<|>$/g, "");
/**
 * A message id as Rapport keys it: without brackets, and an absurdly long one (seen in broken or hostile mail)
 * replaced by its hash, since an index entry has a size limit and an id over it would make the mail unstorable.
 */
export function messageKey(id: string): string {
  const bare = stripBrackets(id);
  return bare.length <= 500 ? bare : `sha256-${createHash("sha256").update(bare).digest("hex")}@rapport.invalid`;
}
/** For mail without a Message-ID: one made from its bytes, so a redelivery of it still matches. */
export const contentMessageId = (raw: Buffer) => `sha256-${createHash("sha256").update(raw).digest("hex")}@rapport.invalid`;

// ISO-2022-JP is 7-bit, so mail that forgets to declare it decodes as ASCII with its escape sequences left in.
// eslint-disable-next-line no-control-regex
const JIS_ESCAPE = /\u001b\$[@B]|\u001b\(J/;
export function decodeUndeclaredJis(value: string): string {
  if (!JIS_ESCAPE.test(value)) return value;
  return new TextDecoder("iso-2022-jp").decode(Buffer.from(value, "latin1"));
}

const addressesOf = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((object) => object.value);

const listOf = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value ? [value] : []);

const EXTENSIONS: Record<string, string> = { "text/calendar": ".ics", "message/rfc822": ".eml", "image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/webp": ".webp" };

function partFilename(part: MailPart, index: number): string {
  if (part.filename) return decodeUndeclaredJis(part.filename);
  const extension = EXTENSIONS[part.contentType] ?? "";
  return `${part.contentType.startsWith("image/") ? "image" : "attachment"}-${index + 1}${extension}`;
}

/** The body's new text and HTML: the text part when there is one, else what the HTML says. */
function understandBody(mail: ParsedMail): Pick<ParsedEmail, "text" | "html" | "htmlOverBudget"> {
  const plain = decodeUndeclaredJis(mail.text ?? "");
  const split = splitQuotedText(plain);
  if (typeof mail.html === "string" && mail.html.trim() !== "") {
    const prepared = prepareEmailHtml(decodeUndeclaredJis(mail.html));
    if (prepared.html !== null) return { text: clip(plain.trim() ? split.fresh : prepared.freshText), html: prepared.html, htmlOverBudget: undefined };
    const fallback = plain.trim() ? split : splitQuotedText(prepared.freshText);
    return { text: clip(fallback.fresh), html: fallback.quoted ? quotedTextAsHtml(clip(fallback.fresh), clip(fallback.quoted)) : null, htmlOverBudget: prepared.overBudget };
  }
  return { text: clip(split.fresh), html: split.quoted ? quotedTextAsHtml(clip(split.fresh), clip(split.quoted)) : null, htmlOverBudget: undefined };
}

// Control characters and U+FFFD are what broken transfer encodings leave behind; they carry nothing readable.
// eslint-disable-next-line no-control-regex
const clean = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g, "");
const clip = (text: string) => clean(text.length > TEXT_LIMIT ? `${text.slice(0, TEXT_LIMIT)}…` : text);

/** Parses a raw message. Throws only when the bytes are not mail at all; broken MIME is read as far as it goes. */
export async function parseEmail(raw: Buffer, envelopeSender?: string): Promise<ParsedEmail> {
  const { simpleParser } = await import("mailparser");
  const mail = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true, keepDeliveryStatus: true });
  const headers = collectHeaders(mail.headerLines);
  const from = addressesOf(mail.from).find((entry) => entry.address);
  return {
    messageId: mail.messageId ? messageKey(mail.messageId) : contentMessageId(raw),
    from: from?.address ? { address: from.address.toLowerCase(), name: from.name ? decodeUndeclaredJis(from.name) : undefined } : undefined,
    replyTo: addressesOf(mail.replyTo).flatMap((entry) => (entry.address ? [entry.address.toLowerCase()] : [])),
    recipients: addressesOf([...(Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []), ...(Array.isArray(mail.cc) ? mail.cc : mail.cc ? [mail.cc] : [])]).flatMap((entry) =>
      entry.address ? [entry.address.toLowerCase()] : [],
    ),
    subject: decodeUndeclaredJis(mail.subject ?? "").replace(/\s+/g, " ").trim(),
    inReplyTo: mail.inReplyTo ? messageKey(mail.inReplyTo.split(/\s+/)[0]!) : undefined,
    references: listOf(mail.references).flatMap((value) => value.split(/\s+/)).filter(Boolean).map(messageKey),
    ...understandBody(mail),
    attachments: mail.attachments.map((part, index) => ({
      filename: partFilename(part, index),
      contentType: part.contentType.toLowerCase(),
      content: part.content,
      contentId: part.contentId ? stripBrackets(part.contentId).toLowerCase() : undefined,
    })),
    headers,
    authVerdict: authVerdictOf(headers),
    automated: isAutomated(headers, envelopeSender),
  };
}
