import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, sharedServer, type TestServer, type TestWorkspace } from "../../testing/harness.ts";
import { widgetSettings, type FormField } from "../widget/schema.ts";

interface Conversation {
  id: string;
  number: number;
  channel: string;
  subject: string;
  customer: { id: string; email: string | null; name: string | null };
}
interface Message {
  text: string;
  attachments: { id: string; filename: string; contentType: string; size: number }[];
}

const CONTACT_FIELDS: FormField[] = [
  { key: "order_number", label: "Order number", type: "text", required: true },
  { key: "topic", label: "Topic", type: "select", required: false, options: ["Billing", "Shipping"] },
];

async function configure(server: TestServer, ws: TestWorkspace, settings: { contactFields?: FormField[]; allowedOrigins?: string[] }) {
  await server.database.db
    .insert(widgetSettings)
    .values({ workspaceId: ws.id, identitySecretEncrypted: "unused in these tests", appearance: { color: "#0b7a55", position: "right", greeting: {}, title: "Support" }, ...settings });
}

function form(fields: Record<string, string>, files: { name: string; type: string; content: string }[] = []): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  for (const file of files) data.append("attachments", new Blob([file.content], { type: file.type }), file.name);
  return data;
}

const valid = (overrides: Record<string, string> = {}) => ({
  name: "Rosa Díaz",
  email: "rosa@example.test",
  subject: "Parcel arrived damaged",
  message: "The box was crushed and the mug inside is broken.",
  field_order_number: "A-1042",
  field_topic: "Shipping",
  submissionId: randomUUID(),
  ...overrides,
});

describe("contact form", () => {
  let server: TestServer;
  let ws: TestWorkspace;

  const post = (slug: string, body: FormData | string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/support/${slug}/contact`, { method: "POST", body, headers, redirect: "manual" });
  const listConversations = async (workspace: TestWorkspace) =>
    (await workspace.api.get<{ items: Conversation[] }>("/api/v1/conversations?channel=web_form&status=open,pending,resolved,closed&limit=100")).body.items;

  beforeAll(async () => {
    server = await sharedServer();
    ws = await createTestWorkspace(server, "Ceramics & Co");
    await configure(server, ws, { contactFields: CONTACT_FIELDS, allowedOrigins: ["https://shop.example"] });
  });

  it("shows an accessible form with the workspace's own questions, in the browser's language", async () => {
    const response = await fetch(`${server.url}/support/${ws.slug}/contact`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'self' https://shop.example");
    expect(response.headers.get("content-security-policy")).not.toContain("script-src");
    const page = await response.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain("Ceramics &amp; Co");
    expect(page).toMatch(/<label for="contact-name">Your name/);
    expect(page).toMatch(/<label for="contact-fields-order-number">Order number/);
    expect(page).toContain('<option value="Billing"');
    expect(page).toMatch(/name="submissionId" value="[0-9a-f-]{36}"/);

    const spanish = await (await fetch(`${server.url}/support/${ws.slug}/contact`, { headers: { "accept-language": "es-ES,es;q=0.9,en;q=0.5" } })).text();
    expect(spanish).toContain('<html lang="es">');
    expect(spanish).toContain("Enviar mensaje");
    const asked = await (await fetch(`${server.url}/support/${ws.slug}/contact?lang=es`, { headers: { "accept-language": "en" } })).text();
    expect(asked).toContain('<html lang="es">');
  });

  it("opens exactly one web form conversation with the answers and files, and shows its reference", async () => {
    const customer = `buyer-${randomUUID()}@example.test`;
    const fields = valid({ email: customer });
    // A double click: the same submission twice at once.
    const [response, twin] = await Promise.all([1, 2].map(() => post(ws.slug, form(fields, [{ name: "crushed box.png", type: "image/png", content: "fake PNG" }]))));
    expect(response!.status).toBe(303);
    const location = response!.headers.get("location")!;
    expect(twin!.headers.get("location")).toBe(location);
    expect(location).toMatch(new RegExp(`^/support/${ws.slug}/contact/sent\\?lang=en&ref=\\d+$`));

    // The same submission again (a double click, a resent post) adds nothing.
    const again = await post(ws.slug, form(fields, [{ name: "crushed box.png", type: "image/png", content: "fake PNG" }]));
    expect(again.headers.get("location")).toBe(location);

    const mine = (await listConversations(ws)).filter((c) => c.customer.email === customer);
    expect(mine).toHaveLength(1);
    const conversation = mine[0]!;
    expect(conversation).toMatchObject({ channel: "web_form", subject: "Parcel arrived damaged", customer: { name: "Rosa Díaz" } });
    expect(location).toContain(`ref=${conversation.number}`);

    const messages = (await ws.api.get<{ items: Message[] }>(`/api/v1/conversations/${conversation.id}/messages`)).body.items;
    expect(messages).toHaveLength(1);
    expect(messages[0]!.text).toBe("The box was crushed and the mug inside is broken.\n\nOrder number: A-1042\nTopic: Shipping");
    expect(messages[0]!.attachments).toEqual([expect.objectContaining({ filename: "crushed box.png", contentType: "image/png", size: 8 })]);
    const file = await ws.api.fetch(`/api/v1/attachments/${messages[0]!.attachments[0]!.id}`);
    expect(await file.text()).toBe("fake PNG");

    const profile = await ws.api.get<{ attributes: Record<string, unknown> }>(`/api/v1/customers/${conversation.customer.id}`);
    expect(profile.body.attributes).toMatchObject({ order_number: "A-1042", topic: "Shipping" });

    const thanks = await fetch(`${server.url}${location}`);
    expect(await thanks.text()).toContain(`#${conversation.number}`);
  });

  it("answers a filled honeypot like a success and stores nothing", async () => {
    const customer = `bot-${randomUUID()}@example.test`;
    const response = await post(ws.slug, form(valid({ email: customer, website: "https://cheap-pills.example" })));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/support/${ws.slug}/contact/sent?lang=en`);
    expect((await listConversations(ws)).filter((c) => c.customer.email === customer)).toHaveLength(0);
  });

  it("shows what to fix beside each field, keeping what was typed", async () => {
    const before = (await listConversations(ws)).length;
    const response = await post(
      ws.slug,
      form(valid({ email: "not an address", message: " ", field_order_number: "", name: `<script>alert("x")</script>` }), [{ name: "setup.exe", type: "application/x-msdownload", content: "MZ" }]),
    );
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain("Please check the form");
    expect(page).toMatch(/<a href="#contact-email">Enter an email address like name@example.com.<\/a>/);
    expect(page).toMatch(/<p class="error" id="contact-message-error">/);
    expect(page).toMatch(/id="contact-message"[^>]*aria-describedby="contact-message-error"[^>]*aria-invalid="true"/);
    expect(page).toMatch(/id="contact-email"[^>]*aria-describedby="contact-email-error contact-email-hint"/);
    expect(page).toContain("Answer &quot;Order number&quot;.");
    expect(page).toContain("&quot;setup.exe&quot; is not a file type we accept");
    expect(page).toContain("Your files were not kept");
    expect(page).toContain('value="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"');
    expect(page).not.toContain("<script>");
    expect(page).toContain('value="Parcel arrived damaged"');

    const large = await post(ws.slug, form(valid(), [{ name: "scan.pdf", type: "application/pdf", content: "x".repeat(10 * 1024 * 1024 + 1) }]));
    expect(large.status).toBe(422);
    expect(await large.text()).toContain("&quot;scan.pdf&quot; is larger than 10 MB.");
    expect((await listConversations(ws)).length).toBe(before);
  });

  it("takes JSON from an allowed site with CORS, and refuses posts from other sites", async () => {
    const preflight = await fetch(`${server.url}/support/${ws.slug}/contact`, {
      method: "OPTIONS",
      headers: { origin: "https://shop.example", "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://shop.example");

    const customer = `embedded-${randomUUID()}@example.test`;
    const { field_order_number: _order, field_topic: _topic, ...base } = valid({ email: customer });
    const json = { ...base, fields: { order_number: "B-7" } };
    const accepted = await post(ws.slug, JSON.stringify(json), { "content-type": "application/json", origin: "https://shop.example" });
    expect(accepted.status).toBe(201);
    expect(accepted.headers.get("access-control-allow-origin")).toBe("https://shop.example");
    const answer = (await accepted.json()) as { number: number; reference: string };
    expect(answer.reference).toBe(`#${answer.number}`);

    // A script posting the page's own form (files included) gets JSON too.
    const scripted = await post(ws.slug, form(valid({ email: `scripted-${randomUUID()}@example.test` }), [{ name: "invoice.pdf", type: "application/pdf", content: "%PDF-1.4" }]), {
      accept: "application/json",
      origin: "https://shop.example",
    });
    expect(scripted.status).toBe(201);
    expect(await scripted.json()).toMatchObject({ received: true, reference: expect.stringMatching(/^#\d+$/) });

    const invalid = await post(ws.slug, JSON.stringify({ ...json, email: "nope" }), { "content-type": "application/json", origin: "https://shop.example" });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: { code: "invalid_request", details: { fields: { email: expect.stringContaining("email address") } } } });

    const forged = `forged-${randomUUID()}@example.test`;
    const refused = await post(ws.slug, form(valid({ email: forged })), { origin: "https://evil.example" });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    const refusedJson = await post(ws.slug, JSON.stringify({ ...json, email: forged }), { "content-type": "application/json", origin: "https://evil.example" });
    expect(refusedJson.status).toBe(403);
    expect((await listConversations(ws)).filter((c) => c.customer.email === forged)).toHaveLength(0);
  });

  it("writes into the workspace its address names and no other", async () => {
    const other = await createTestWorkspace(server, "Other shop");
    const customer = `tenant-${randomUUID()}@example.test`;
    // A's allowed site is nothing to B, and an answer for A's questions is not a field of B's form.
    expect((await post(other.slug, form(valid({ email: customer })), { origin: "https://shop.example" })).status).toBe(403);
    const { field_order_number: _order, field_topic: _topic, ...plain } = valid({ email: customer });
    expect((await post(other.slug, form(plain))).status).toBe(303);
    expect((await listConversations(other)).filter((c) => c.customer.email === customer)).toHaveLength(1);
    expect((await listConversations(ws)).filter((c) => c.customer.email === customer)).toHaveLength(0);

    expect((await fetch(`${server.url}/support/no-such-workspace/contact`)).status).toBe(404);
  });

  it("holds back one address that posts again and again", async () => {
    const busy = await createTestWorkspace(server, "Busy shop");
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await post(busy.slug, form(valid({ email: `flood-${i}@example.test`, field_order_number: "" })))).status);
    expect(statuses.slice(0, 10).every((status) => status === 303)).toBe(true);
    expect(statuses[10]).toBe(429);
    const limited = await post(busy.slug, form(valid()));
    expect(await limited.text()).toContain("Too many messages");
    expect((await listConversations(busy)).length).toBe(10);
    // Another workspace's form is still open to the same address.
    expect((await fetch(`${server.url}/support/${ws.slug}/contact`)).status).toBe(200);
  });
});
