import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sharedServer, type TestServer, type TestWorkspace } from "../../testing/harness.ts";
import { createMailboxFixture } from "../../testing/email.ts";
import type { Mailbox } from "./mailboxes.ts";
import { receiveEmail, type EmailDeps } from "./receive.ts";

interface StoredMessage {
  text: string;
  html: string | null;
  attachments: { id: string; filename: string; contentType: string; size: number; rejected?: string }[];
}
interface Expected {
  subject: string;
  customer?: string;
  text: string | RegExp;
  html?: (html: string | null) => void;
  attachments?: [filename: string, contentType: string, rejected?: RegExp][];
}

/** Awkward mail, written for these tests, and what each must become: correct UTF-8, nothing lost, nothing run. */
const CORPUS: Record<string, Expected> = {
  "iso-2022-jp-declared.eml": { subject: "ご検討のお願い", customer: "山田 太郎", text: "お問い合わせありがとうございます。注文番号は12345です。" },
  "iso-2022-jp-undeclared.eml": { subject: "Order", text: "お問い合わせありがとうございます。注文番号は12345です。" },
  "windows-1252.eml": { subject: "Café – “commande”", customer: "Renée Müller", text: "Bonjour, le café coûte 5 € — “merci”." },
  "gb18030.eml": { subject: "退款申请", customer: "李明", text: "你好，我想申请退款。𠀀" },
  "encoded-words.eml": { subject: "¿Dónde está mi pedido?", customer: "José Álvarez", text: "Hola, ¿dónde está mi pedido?" },
  "missing-boundary-end.eml": { subject: "Broken", text: "The boundary never ends.", attachments: [["notes.txt", "text/plain"]] },
  // eslint-disable-next-line no-control-regex
  "bad-transfer-encoding.eml": { subject: "Bad base64", text: /^Hello, it is broken[^\u0000-\u0008\ufffd]*$/ },
  "missing-message-id.eml": { subject: "No id", text: "This mail has no Message-ID." },
  "winmail-dat.eml": { subject: "Rich text", text: "Please see attached.", attachments: [["winmail.dat", "application/ms-tnef"]] },
  "calendar-invite.eml": {
    subject: "Invitation: Onboarding call",
    customer: "Pat",
    text: "You are invited to: Onboarding call, Monday 10 June 15:00 UTC.",
    attachments: [["attachment-1.ics", "text/calendar"], ["invite.ics", "application/ics"]],
  },
  "nested-multiparts.eml": {
    subject: "Nested",
    text: "Here is the logo.",
    html: (html) => expect(html).toMatch(/<img src="\/api\/v1\/attachments\/[0-9a-f-]{36}\?disposition=inline" alt="logo" \/>/),
    // The logo is drawn in the body, so only the CSV is listed.
    attachments: [["order.csv", "text/csv"]],
  },
  "hostile-html.eml": {
    subject: "Hello",
    text: "Click here or there",
    html: (html) => {
      expect(html).not.toMatch(/script|alert|onload|onclick|<style|evil\.example|<form|<input|<iframe|<svg|<object|javascript:/i);
      expect(html).toContain(`<a href="https://shop.example/ok">there</a>`);
    },
  },
  "exe-attachment.eml": { subject: "Invoice", text: "See the invoice.", attachments: [["invoice.exe", "application/octet-stream", /program or script/]] },
};

describe("the awkward mail corpus", () => {
  let server: TestServer;
  let ws: TestWorkspace;
  let mailbox: Mailbox;
  let deps: EmailDeps;

  beforeAll(async () => {
    server = await sharedServer();
    ({ ws, mailbox, deps } = await createMailboxFixture(server));
  });

  it.each(Object.entries(CORPUS))("%s", async (file, expected) => {
    const raw = fs.readFileSync(path.join(import.meta.dirname, "corpus", file));
    const outcome = await receiveEmail(deps, { mailbox, raw });
    if (outcome.outcome !== "stored") throw new Error(`Not stored: ${JSON.stringify(outcome)}`);
    const conversation = await ws.api.get<{ subject: string; customer: { name: string | null } }>(`/api/v1/conversations/${outcome.conversationId}`);
    expect(conversation.body.subject).toBe(expected.subject);
    if (expected.customer) expect(conversation.body.customer.name).toBe(expected.customer);
    const messages = await ws.api.get<{ items: StoredMessage[] }>(`/api/v1/conversations/${outcome.conversationId}/messages`);
    const [message] = messages.body.items;
    if (typeof expected.text === "string") expect(message!.text).toBe(expected.text);
    else expect(message!.text).toMatch(expected.text);
    expected.html?.(message!.html);
    const listed = message!.attachments.map((a) => [a.filename, a.contentType, a.rejected]);
    expect(listed).toEqual((expected.attachments ?? []).map(([name, type, rejected]) => [name, type, rejected ? expect.stringMatching(rejected) : undefined]));
    for (const attachment of message!.attachments.filter((a) => !a.rejected)) {
      expect((await ws.api.get(`/api/v1/attachments/${attachment.id}`)).status).toBe(200);
    }
    // A redelivery, with or without a Message-ID of its own, stores nothing.
    expect((await receiveEmail(deps, { mailbox, raw })).outcome).toBe("duplicate");
  });

  it("serves an inline image from the store, in place", async () => {
    const raw = fs.readFileSync(path.join(import.meta.dirname, "corpus", "nested-multiparts.eml")).toString().replace("nested@example.org>", "nested-2@example.org>");
    const outcome = await receiveEmail(deps, { mailbox, raw: Buffer.from(raw) });
    if (outcome.outcome !== "stored") throw new Error("not stored");
    const messages = await ws.api.get<{ items: StoredMessage[] }>(`/api/v1/conversations/${outcome.conversationId}/messages`);
    const src = /src="([^"]+)"/.exec(messages.body.items[0]!.html!)![1]!;
    const image = await ws.api.get(src);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
  });

  it("lists an attachment over the limit as rejected, and keeps the message", async () => {
    const big = Buffer.alloc(3000, 1).toString("base64");
    const raw = Buffer.from(
      `From: sam@example.net\r\nTo: ${mailbox.address}\r\nSubject: Big\r\nMessage-ID: <big@example.net>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nHuge file attached.\r\n--B\r\nContent-Type: application/pdf; name=big.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n${big}\r\n--B--\r\n`,
    );
    const outcome = await receiveEmail({ ...deps, attachmentLimitBytes: 2048 }, { mailbox, raw });
    if (outcome.outcome !== "stored") throw new Error("not stored");
    const messages = await ws.api.get<{ items: StoredMessage[] }>(`/api/v1/conversations/${outcome.conversationId}/messages`);
    expect(messages.body.items[0]).toMatchObject({ text: "Huge file attached.", attachments: [{ filename: "big.pdf", size: 3000, rejected: expect.stringContaining("2 KB") }] });
  });

  it("stores the new part as the text and preview, the whole reply as HTML with its quote marked", async () => {
    const raw = Buffer.from(
      `From: sam@example.net\r\nTo: ${mailbox.address}\r\nSubject: Re: Help\r\nMessage-ID: <quoted@example.net>\r\n\r\nIt works now, thanks.\r\n\r\nOn Mon, 3 Jun 2024 at 10:00, Support <${mailbox.address}> wrote:\r\n> Please restart it.\r\n> -- \r\n> Support\r\n`,
    );
    const outcome = await receiveEmail(deps, { mailbox, raw });
    if (outcome.outcome !== "stored") throw new Error("not stored");
    const conversation = await ws.api.get<{ lastMessagePreview: string }>(`/api/v1/conversations/${outcome.conversationId}`);
    expect(conversation.body.lastMessagePreview).toBe("It works now, thanks.");
    const messages = await ws.api.get<{ items: StoredMessage[] }>(`/api/v1/conversations/${outcome.conversationId}/messages`);
    expect(messages.body.items[0]!.text).toBe("It works now, thanks.");
    expect(messages.body.items[0]!.html).toMatch(/^<p>It works now, thanks.<\/p><blockquote data-quoted><p>On Mon.*Please restart it.*<\/blockquote>$/s);
  });
});
