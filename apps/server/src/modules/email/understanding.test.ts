import { describe, expect, it } from "vitest";
import { authVerdictOf, collectHeaders, isAutomated } from "./headers.ts";
import { HTML_BUDGET, prepareEmailHtml } from "./email-html.ts";
import { splitQuotedText } from "./quoted.ts";
import { numberFromRecipients, numberFromSubject, subjectToken } from "./threading.ts";
import { sanitizeMessageHtml } from "../../platform/html.ts";

const headers = (lines: string[]) => collectHeaders(lines.map((line) => ({ key: line.split(":")[0]!.toLowerCase(), line })));

describe("RFC 3834: mail written by a machine", () => {
  it.each([
    [["Auto-Submitted: auto-replied"], true],
    [["Auto-Submitted: auto-generated; owner-email=x@y"], true],
    [["Auto-Submitted: no"], false],
    [["Precedence: bulk"], true],
    [["Precedence: list"], true],
    [["Precedence: junk"], true],
    [["Precedence: first-class"], false],
    [["X-Autoreply: yes"], true],
    [["X-Auto-Response-Suppress: All"], true],
    [["Return-Path: <>"], true],
    [["Return-Path: <sam@example.net>"], false],
    [["Subject: Out of office"], false],
  ])("%j → %s", (lines, automated) => {
    expect(isAutomated(headers(lines))).toBe(automated);
  });

  it("takes a null envelope sender as automated", () => {
    expect(isAutomated(headers([]), "")).toBe(true);
    expect(isAutomated(headers([]), "<>")).toBe(true);
    expect(isAutomated(headers([]), "sam@example.net")).toBe(false);
  });
});

describe("Authentication-Results", () => {
  it.each([
    ["mx.example; spf=pass smtp.mailfrom=a.example; dkim=pass header.d=a.example; dmarc=pass header.from=a.example", "pass"],
    ["mx.example; spf=pass smtp.mailfrom=evil.example; dkim=none; dmarc=fail (p=reject) header.from=bank.example", "fail"],
    ["mx.example; spf=fail smtp.mailfrom=bank.example; dkim=none", "fail"],
    ["mx.example; spf=softfail smtp.mailfrom=x.example; dkim=pass header.d=x.example", "pass"],
    ["mx.example; dkim=fail header.d=a.example; dkim=pass header.d=b.example", "pass"],
    ["mx.example; none", "none"],
  ])("%s → %s", (value, verdict) => {
    expect(authVerdictOf(headers([`Authentication-Results: ${value}`]))).toBe(verdict);
  });

  it("believes only the topmost header, the one the receiving server added", () => {
    expect(authVerdictOf(headers(["Authentication-Results: mx.example; dmarc=fail header.from=bank.example", "Authentication-Results: forged.example; dmarc=pass"]))).toBe("fail");
  });
});

describe("quoted history", () => {
  it.each([
    ["plain 'On … wrote:' and > lines", "Thanks, that worked.\n\nOn Mon, 3 Jun 2024 at 10:00, Rapport <help@shop.example> wrote:\n> Try again.\n> Best", "Thanks, that worked."],
    ["a wrapped attribution", "Thanks!\n\nOn Mon, 3 Jun 2024 at 10:00, Support Team <help@shop.example>\nwrote:\n> Try again.", "Thanks!"],
    ["Outlook's original message", "Got it.\r\n\r\n-----Original Message-----\r\nFrom: Support\r\nSent: Monday\r\n\r\nTry again.", "Got it."],
    ["Outlook's From/Sent block", "Still broken.\n\nFrom: Support <help@shop.example>\nSent: Monday, June 3, 2024 10:00 AM\nTo: Sam\nSubject: RE: [#12] Order\n\nTry again.", "Still broken."],
    ["a signature", "See you.\n-- \nSam Doe\nACME", "See you."],
    ["Spanish", "Gracias.\n\nEl lun, 3 jun 2024 a las 10:00, Soporte (<help@shop.example>) escribió:\n> Pruebe otra vez.", "Gracias."],
  ])("%s", (_name, text, fresh) => {
    expect(splitQuotedText(text).fresh).toBe(fresh);
    expect(splitQuotedText(text).quoted).not.toBe("");
  });

  it("keeps answers written between quotes, and a message that is all quote", () => {
    const inline = "> Which size?\nLarge.\n> Which colour?\nBlue.";
    expect(splitQuotedText(inline)).toEqual({ fresh: inline, quoted: "" });
    expect(splitQuotedText("> only a quote").quoted).toBe("");
  });

  it.each([
    ["Gmail", `<div dir="ltr">Works now.</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, Support &lt;help@shop.example&gt; wrote:<br></div><blockquote class="gmail_quote">Try again.</blockquote></div>`],
    ["Apple Mail", `<div>Works now.</div><div><br><blockquote type="cite"><div>On 3 Jun 2024, at 10:00, Support wrote:</div><div>Try again.</div></blockquote></div>`],
    [
      "Outlook",
      `<div class="WordSection1"><p>Works now.</p><div><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in"><p><b>From:</b> Support<br><b>Sent:</b> Monday</p></div></div><p>Try again.</p></div>`,
    ],
    ["Outlook on the web", `<div>Works now.</div><hr><div id="divRplyFwdMsg"><b>From:</b> Support<br><b>Sent:</b> Monday</div><div>Try again.</div>`],
    ["Thunderbird", `<p>Works now.</p><div class="moz-cite-prefix">On 03/06/2024 10:00, Support wrote:<br></div><blockquote type="cite">Try again.</blockquote>`],
  ])("marks %s's quote, keeps it, and keeps the markup balanced", (_client, html) => {
    const prepared = prepareEmailHtml(html);
    expect(prepared.freshText).toBe("Works now.");
    expect(prepared.html).toContain("Try again.");
    const quoted = prepared.html!.slice(prepared.html!.indexOf("<blockquote data-quoted"));
    expect(quoted).toContain("Try again.");
    expect(quoted).not.toContain("Works now.");
    // The platform's sanitizer, which runs again when the message is stored, keeps the mark and the structure.
    expect(sanitizeMessageHtml(prepared.html!)).toBe(prepared.html);
  });
});

describe("HTML within a budget", () => {
  it("drops scripts, handlers, javascript: links, styles, forms, frames and tracking pixels; keeps remote images for the agent to allow", () => {
    const { html } = prepareEmailHtml(
      `<style>p{background:url(https://evil.example/css)}</style><script>alert(1)</script><p onclick="alert(2)" style="color:red">Hi <a href="javascript:alert(3)">x</a></p><form><input></form><iframe src="https://evil.example"></iframe><img src="https://t.example/open.gif" width="1" height="1"><img src="https://t.example/o.gif" style="display:none"><img src="https://cdn.example/photo.jpg">`,
    );
    expect(html).not.toMatch(/script|alert|onclick|style|evil|form|input|iframe|javascript|t\.example/);
    expect(html).toContain(`<img src="https://cdn.example/photo.jpg" />`);
  });

  it("shows a 20 MB body as text, fast", () => {
    const huge = `<html><body>${"<div><p>Big newsletter paragraph with <b>bold</b> words.</p></div>".repeat(330_000)}</body></html>`;
    expect(huge.length).toBeGreaterThan(20_000_000);
    const started = performance.now();
    const prepared = prepareEmailHtml(huge);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(prepared).toMatchObject({ html: null, overBudget: "size" });
    expect(prepared.freshText).toContain("Big newsletter paragraph");
  });

  it("shows 50,000 links as text, fast", () => {
    const links = Array.from({ length: 50_000 }, (_, i) => `<a href="https://x.io/${i}">${i}</a>`).join(" ");
    expect(Buffer.byteLength(links)).toBeLessThan(HTML_BUDGET.bytes);
    const started = performance.now();
    const prepared = prepareEmailHtml(`<p>Deals</p>${links}`);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(prepared).toMatchObject({ html: null, overBudget: "links" });
    expect(prepared.freshText.startsWith("Deals")).toBe(true);
  });
});

describe("references in subjects and addresses", () => {
  it("writes and finds [#1042] and help+c1042@", () => {
    expect(subjectToken(1042)).toBe("[#1042]");
    expect(numberFromSubject("RE: Fwd: Re: [#1042] Where is my order?")).toBe(1042);
    expect(numberFromSubject("Order #1042")).toBeUndefined();
    expect(numberFromRecipients(["someone@else.example", "Help+c1042@shop.example"], "help@shop.example")).toBe(1042);
    expect(numberFromRecipients(["other+c1042@shop.example"], "help@shop.example")).toBeUndefined();
  });
});
