/** Raw header values by lower-case name, in the order they appear (the topmost first). */
export type RawHeaders = ReadonlyMap<string, readonly string[]>;

/** Header lines as the parser kept them (`Name: value`, folded) → unfolded values by name. */
export function collectHeaders(lines: readonly { key: string; line: string }[]): RawHeaders {
  const headers = new Map<string, string[]>();
  for (const { key, line } of lines) {
    const colon = line.indexOf(":");
    const value = line.slice(colon + 1).replace(/\r?\n[ \t]+/g, " ").trim();
    const name = key.toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), value]);
  }
  return headers;
}

/**
 * RFC 3834 and the conventions mail systems actually use: mail written by a machine (auto-replies, lists,
 * bounces) is stored but never answered automatically, so two automatic systems cannot talk to each other forever.
 * `envelopeSender` is SMTP's MAIL FROM when the caller knows it; an empty one is the null sender of bounces.
 */
export function isAutomated(headers: RawHeaders, envelopeSender?: string): boolean {
  const first = (name: string) => headers.get(name)?.[0]?.trim().toLowerCase();
  const autoSubmitted = first("auto-submitted");
  if (autoSubmitted !== undefined && autoSubmitted.split(";")[0]!.trim() !== "no") return true;
  const precedence = first("precedence");
  if (precedence !== undefined && ["bulk", "junk", "list"].includes(precedence)) return true;
  if (headers.has("x-autoreply") || headers.has("x-autorespond") || headers.has("x-auto-response-suppress")) return true;
  const returnPath = first("return-path");
  if (returnPath !== undefined && /^<\s*>$/.test(returnPath)) return true;
  return envelopeSender !== undefined && envelopeSender.replace(/[<>\s]/g, "") === "";
}

export type AuthVerdict = "pass" | "fail" | "none";

/**
 * What the receiving server found of SPF, DKIM and DMARC, from its Authentication-Results — the topmost one,
 * since every server adds its own above what it received, and a sender can write any header below.
 * DMARC decides when it was checked, as it is the only one tied to the From address people see; without it a
 * pass of either SPF or DKIM passes, and a failure with nothing passing fails.
 */
export function authVerdictOf(headers: RawHeaders): AuthVerdict {
  const header = headers.get("authentication-results")?.[0];
  if (!header) return "none";
  const results = new Map<string, string>();
  for (const match of header.matchAll(/\b(spf|dkim|dmarc)\s*=\s*([a-z]+)/gi)) {
    const method = match[1]!.toLowerCase();
    const result = match[2]!.toLowerCase();
    // Several DKIM signatures may be reported; one that passes is enough.
    if (results.get(method) !== "pass") results.set(method, result);
  }
  const dmarc = results.get("dmarc");
  if (dmarc === "pass") return "pass";
  if (dmarc === "fail") return "fail";
  if (results.get("dkim") === "pass" || results.get("spf") === "pass") return "pass";
  if (results.get("dkim") === "fail" || results.get("spf") === "fail") return "fail";
  return "none";
}
