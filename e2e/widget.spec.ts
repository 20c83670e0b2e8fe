import { createHmac } from "node:crypto";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContextOptions, Page } from "@playwright/test";
import { baseURL } from "./support/env.ts";
import { expect, screenshot, test, type Api } from "./support/fixtures.ts";
import { useHostSite, type HostPageOptions } from "./support/host-page.ts";

/**
 * The chat widget on someone else's website: a page on another origin embeds it with the install snippet,
 * under a strict Content-Security-Policy, and a visitor chats with an agent who answers through the API.
 */

interface WidgetSettings {
  identitySecret: string;
}

interface ApiMessage {
  id: string;
  kind: string;
  text: string;
  attachments: { filename: string; contentType: string }[];
}

/** A 1×1 PNG, for an image a visitor sends. */
const PIXEL = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

const host = useHostSite();

/** Allows the host site's origin (and only it) and answers with the workspace's slug and identity secret. */
async function prepareWidget(api: Api, changes: Record<string, unknown> = {}): Promise<{ workspace: string; secret: string }> {
  // These tests are about the chat between a visitor and agents; the answer bot has tests of its own.
  const bot = await api.request.patch("/api/v1/bot/settings", { data: { enabled: false } });
  expect(bot.status(), await bot.text()).toBe(200);
  const response = await api.request.patch("/api/v1/widget/settings", {
    data: { enabled: true, allowedOrigins: [host.site.origin], businessHours: null, preChatFields: [], proactiveRules: [], appearance: { color: "#2563eb", position: "right" }, ...changes },
  });
  expect(response.status(), await response.text()).toBe(200);
  const settings = await api.get<WidgetSettings>("/api/v1/widget/settings");
  const { slug } = await api.get<{ slug: string }>("/api/v1/workspace");
  return { workspace: slug, secret: settings.identitySecret };
}

/** A visitor: a browser of their own, nothing shared with the signed-in agent. */
async function visit(
  browser: Browser,
  options: HostPageOptions,
  context: BrowserContextOptions = {},
  prepare?: (page: Page) => Promise<void>,
): Promise<{ page: Page; problems: string[] }> {
  const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] }, locale: "en-US", ...context });
  host.visitors.push(visitor);
  const page = await visitor.newPage();
  await prepare?.(page);
  // Anything the host's policy blocks shows as a console error: the widget must cause none.
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content.Security.Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  await page.goto(host.site.pageUrl(options));
  return { page, problems };
}

function composer(page: Page) {
  return page.getByRole("textbox", { name: /Write a message|Escribe un mensaje/ });
}

/** The visitor's conversation, as the widget's own session call tells it (the token resumes the visitor). */
async function conversationOf(page: Page, workspace: string): Promise<string> {
  const id = await page.evaluate(
    async ({ origin, workspace }) => {
      const storage = (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage;
      const token = storage.getItem(`rapport:${workspace}:token`);
      const response = await fetch(`${origin}/widget/v1/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ workspace, token }) });
      return ((await response.json()) as { conversationId: string | null }).conversationId;
    },
    { origin: baseURL, workspace },
  );
  expect(id, "the visitor has a conversation").toBeTruthy();
  return id as string;
}

/** The conversation the widget's sends were acknowledged into, as seen on its WebSocket. */
function watchAcks(page: Page): () => string | undefined {
  let conversationId: string | undefined;
  page.on("websocket", (socket) =>
    socket.on("framereceived", ({ payload }) => {
      const frame = JSON.parse(String(payload)) as { type: string; conversationId?: string };
      if (frame.type === "ack") conversationId = frame.conversationId;
    }),
  );
  return () => conversationId;
}

async function inboundMessages(api: Api, conversationId: string): Promise<ApiMessage[]> {
  const messages: ApiMessage[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: ApiMessage[]; nextCursor: string | null } = await api.get(`/api/v1/conversations/${conversationId}/messages?limit=100${cursor ? `&cursor=${cursor}` : ""}`);
    messages.push(...page.items.filter((message) => message.kind === "inbound"));
    cursor = page.nextCursor;
  } while (cursor);
  return messages;
}

async function customerMessages(api: Api, conversationId: string): Promise<string[]> {
  return (await inboundMessages(api, conversationId)).map((message) => message.text);
}

test("a visitor on another site chats with an agent, live, and the history survives a reload", async ({ api, browser, page: agentApp }) => {
  const { workspace } = await prepareWidget(api);
  // The agent is signed in, so the team counts as online.
  await agentApp.goto("/app/");
  const { page, problems } = await visit(browser, { workspace });

  const launcher = page.getByRole("button", { name: "Open chat" });
  await expect(launcher).toBeVisible();
  // The host's CSS paints every button pink with a dashed border; the launcher is in a Shadow DOM and keeps its own look.
  await expect(launcher).not.toHaveCSS("border-top-style", "dashed");
  await screenshot(page, "widget-launcher");

  await launcher.click();
  const panel = page.getByRole("dialog");
  await expect(panel).toBeVisible();
  await expect(composer(page)).toBeFocused();
  await composer(page).fill("Hello! Do you ship to Portugal? 🌍");
  await composer(page).press("Enter");
  await expect(panel.getByText("Hello! Do you ship to Portugal? 🌍")).toBeVisible();
  await expect(panel.getByText("Sending…")).toHaveCount(0);

  const conversationId = await conversationOf(page, workspace);
  await api.post(`/api/v1/conversations/${conversationId}/messages`, { text: "Yes, we do: 3 to 5 days." }, [201]);
  await expect(panel.getByText("Yes, we do: 3 to 5 days.")).toBeVisible();
  await screenshot(page, "widget-open");

  // Escape closes, and focus goes back to the launcher.
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(launcher).toBeFocused();

  await page.reload();
  await page.getByRole("button", { name: /Open chat/ }).click();
  await expect(page.getByRole("dialog").getByText("Hello! Do you ship to Portugal? 🌍")).toBeVisible();
  await expect(page.getByRole("dialog").getByText("Yes, we do: 3 to 5 days.")).toBeVisible();
  expect(await customerMessages(api, conversationId)).toEqual(["Hello! Do you ship to Portugal? 🌍"]);
  expect(problems).toEqual([]);
});

test("an agent in the agent app and the visitor see each other typing, the visitor sees Seen, then the reply", async ({ api, browser, page: agentApp }) => {
  const { workspace } = await prepareWidget(api);
  const { page } = await visit(browser, { workspace });
  const acknowledged = watchAcks(page);
  await page.getByRole("button", { name: "Open chat" }).click();
  const panel = page.getByRole("dialog");
  await composer(page).fill("My parcel has not arrived.");
  await composer(page).press("Enter");
  await expect(panel.getByText("Sending…")).toHaveCount(0);
  const conversationId = acknowledged();
  expect(conversationId).toBeTruthy();

  // The agent opens the conversation: it has been read.
  await agentApp.goto(`/app/inbox/open/${conversationId}`);
  const pane = agentApp.getByRole("article", { name: /^Conversation #/ });
  await expect(pane.getByText("My parcel has not arrived.").last()).toBeVisible();
  await expect(panel.getByText("Seen")).toBeVisible();
  // Whatever the page was told when it loaded, an agent reading the chat is someone here to answer.
  await expect(panel.getByText("We're away right now")).toHaveCount(0);

  await composer(page).pressSequentially("It was order 1234", { delay: 40 });
  await expect(pane.getByText(/is typing/)).toBeVisible();

  await pane.getByRole("textbox", { name: "Reply" }).pressSequentially("Let me look that up", { delay: 40 });
  await expect(panel.getByText(/is typing…$/)).toBeVisible();
  await screenshot(page, "widget-agent-typing");
  await pane.getByRole("button", { name: "Send", exact: true }).click();
  await expect(panel.getByText("Let me look that up")).toBeVisible();
  await expect(panel.getByText(/is typing…$/)).toHaveCount(0);
});

test("the widget works from the keyboard, keeps still for reduced motion, and axe finds nothing serious in it", async ({ api, browser }) => {
  const { workspace } = await prepareWidget(api);
  // The scanner's script is injected into the page, which the host's policy would refuse.
  const { page } = await visit(browser, { workspace }, { reducedMotion: "reduce", bypassCSP: true });
  const launcher = page.getByRole("button", { name: "Open chat" });
  await expect(launcher).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(launcher).toBeFocused();
  await page.keyboard.press("Enter");
  const panel = page.getByRole("dialog");
  await expect(composer(page)).toBeFocused();
  await expect(panel).toHaveCSS("animation-name", "none");
  await composer(page).fill("Typed without a mouse");
  await page.keyboard.press("Enter");
  await expect(panel.getByText("Sending…")).toHaveCount(0);

  const results = await new AxeBuilder({ page }).include("rapport-widget").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);

  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(page.getByRole("button", { name: "Open chat" })).toBeFocused();
});

test("messages still unacknowledged when the page reloads are sent after it, once each", async ({ api, browser }) => {
  const { workspace } = await prepareWidget(api);
  const { page } = await visit(browser, { workspace });
  const acknowledged = watchAcks(page);
  // A connection that swallows what the page sends, as a dying network does, until the page reloads.
  let swallowing = false;
  await page.routeWebSocket(/\/widget\/v1\/socket/, (socket) => {
    const server = socket.connectToServer();
    socket.onMessage((message) => {
      if (!(swallowing && String(message).includes('"type":"send"'))) server.send(message);
    });
  });
  await page.getByRole("button", { name: "Open chat" }).click();
  const panel = page.getByRole("dialog");
  await composer(page).fill("Before the reload");
  await composer(page).press("Enter");
  await expect(panel.getByText("Sending…")).toHaveCount(0);
  const conversationId = acknowledged();
  expect(conversationId).toBeTruthy();

  swallowing = true;
  for (const text of ["Lost in flight, one", "Lost in flight, two"]) {
    await composer(page).fill(text);
    await composer(page).press("Enter");
  }
  await expect(panel.getByText("Sending…")).toHaveCount(2);
  swallowing = false;
  await page.reload();
  await page.getByRole("button", { name: /Open chat/ }).click();
  await expect(page.getByRole("dialog").getByText("Lost in flight, two")).toBeVisible();
  await expect(page.getByRole("dialog").getByText("Sending…")).toHaveCount(0);
  expect(await customerMessages(api, conversationId as string)).toEqual(["Before the reload", "Lost in flight, one", "Lost in flight, two"]);
});

test("on a phone the open chat fills the screen", async ({ api, browser }) => {
  const { workspace } = await prepareWidget(api);
  const { page } = await visit(browser, { workspace }, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await page.getByRole("button", { name: "Open chat" }).tap();
  const panel = page.getByRole("dialog");
  await composer(page).fill("Writing from my phone");
  await composer(page).press("Enter");
  await expect(panel.getByText("Sending…")).toHaveCount(0);
  expect(await panel.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
  await screenshot(page, "widget-phone");
  // The panel covers the launcher, so it has its own way out.
  await panel.getByRole("button", { name: "Close chat" }).tap();
  await expect(panel).toBeHidden();
  await expect(page.getByRole("button", { name: "Open chat" })).toBeFocused();
});

test("an agent's reply while the chat is closed shows as an unread badge", async ({ api, browser }) => {
  const { workspace } = await prepareWidget(api);
  const { page } = await visit(browser, { workspace });
  await page.getByRole("button", { name: "Open chat" }).click();
  await composer(page).fill("Is anyone there?");
  await composer(page).press("Enter");
  await expect(page.getByRole("dialog").getByText("Sending…")).toHaveCount(0);
  const conversationId = await conversationOf(page, workspace);
  await page.keyboard.press("Escape");

  await api.post(`/api/v1/conversations/${conversationId}/messages`, { text: "Here! How can I help?" }, [201]);
  await expect(page.getByRole("button", { name: "Open chat, 1 unread message" })).toBeVisible();
  await screenshot(page, "widget-unread");
  await page.getByRole("button", { name: /Open chat/ }).click();
  await expect(page.getByRole("dialog").getByText("Here! How can I help?")).toBeVisible();
  await expect(page.getByRole("button", { name: "Close chat" }).last()).toBeVisible();
});

test("50 rapid messages sent across a network drop arrive once each, in order", async ({ api, browser }) => {
  const { workspace } = await prepareWidget(api);
  const { page } = await visit(browser, { workspace });
  await page.getByRole("button", { name: "Open chat" }).click();
  const input = composer(page);
  await input.fill("Starting a long list");
  await input.press("Enter");
  await expect(page.getByRole("dialog").getByText("Sending…")).toHaveCount(0);
  const conversationId = await conversationOf(page, workspace);

  const texts = Array.from({ length: 50 }, (_, index) => `item ${String(index + 1).padStart(2, "0")}`);
  for (const [index, text] of texts.entries()) {
    // The network drops while the first sends are still in flight.
    if (index === 20) await page.context().setOffline(true);
    await input.fill(text);
    await input.press("Enter");
  }
  await expect(page.getByRole("dialog").getByText("item 50")).toBeVisible();
  await page.context().setOffline(false);
  await expect(page.getByRole("dialog").getByText("Sending…")).toHaveCount(0, { timeout: 20_000 });

  expect(await customerMessages(api, conversationId)).toEqual(["Starting a long list", ...texts]);
  // The widget shows each once too, in the same order.
  const shown = await page.getByRole("dialog").locator(".message.mine .bubble p").allTextContents();
  expect(shown).toEqual(["Starting a long list", ...texts]);
});

test("two tabs of one visitor show the same conversation", async ({ api, browser }) => {
  const { workspace } = await prepareWidget(api);
  const { page: first } = await visit(browser, { workspace });
  const second = await first.context().newPage();
  await second.goto(host.site.pageUrl({ workspace }));
  await first.getByRole("button", { name: "Open chat" }).click();
  await composer(first).fill("From the first tab");
  await composer(first).press("Enter");
  await expect(first.getByRole("dialog").getByText("Sending…")).toHaveCount(0);

  await second.getByRole("button", { name: /Open chat/ }).click();
  await expect(second.getByRole("dialog").getByText("From the first tab")).toBeVisible();
  await composer(second).fill("From the second tab");
  await composer(second).press("Enter");
  await expect(first.getByRole("dialog").getByText("From the second tab")).toBeVisible();
  const conversationId = await conversationOf(first, workspace);
  expect(await customerMessages(api, conversationId)).toEqual(["From the first tab", "From the second tab"]);
});

test("with no one to chat, the widget says so and takes an email address", async ({ api, browser }) => {
  // Business hours with no opening times: the team is never open.
  const { workspace } = await prepareWidget(api, { businessHours: { timeZone: "Europe/Madrid", days: {} } });
  try {
    const { page } = await visit(browser, { workspace });
    await page.getByRole("button", { name: "Open chat" }).click();
    const panel = page.getByRole("dialog");
    await expect(panel.getByText("We're away right now")).toBeVisible();
    await screenshot(page, "widget-away");
    await panel.getByRole("textbox", { name: "Your email" }).fill("visitor@example.test");
    await panel.getByRole("button", { name: "Send" }).first().click();
    await expect(panel.getByText("Thanks! We'll reply to this address.")).toBeVisible();
  } finally {
    await prepareWidget(api);
  }
});

test("the widget speaks Spanish to a Spanish browser, and works on a right-to-left page", async ({ api, browser }) => {
  // The workspace's own colour and side, too.
  const { workspace } = await prepareWidget(api, { appearance: { color: "#0f766e", position: "left" } });
  const { page, problems } = await visit(browser, { workspace, dir: "rtl" }, { locale: "es-ES" });
  await page.getByRole("button", { name: "Abrir chat" }).click();
  const panel = page.getByRole("dialog");
  await expect(composer(page)).toBeFocused();
  // Spanish reads left to right on an Arabic page too; what people write in Arabic reads right to left.
  await expect(panel).toHaveAttribute("dir", "ltr");
  await composer(page).fill("¡Hola! ¿Tenéis envío gratis?");
  await composer(page).press("Enter");
  await composer(page).fill("مرحبا، هل الشحن مجاني؟");
  await composer(page).press("Enter");
  await expect(panel.getByText("Enviando…")).toHaveCount(0);
  await expect(panel.getByText("مرحبا، هل الشحن مجاني؟")).toHaveCSS("direction", "rtl");
  const box = await panel.boundingBox();
  expect(box && box.x >= 0 && box.x < 40).toBe(true);
  await expect(page.getByRole("button", { name: "Cerrar chat" }).last()).toHaveCSS("background-color", "rgb(15, 118, 110)");
  await screenshot(page, "widget-spanish-rtl-page");
  expect(problems).toEqual([]);
});

test("a proactive message invites the visitor, and the pre-chat form's answers start the chat", async ({ api, browser }) => {
  const { workspace } = await prepareWidget(api, {
    preChatFields: [
      { key: "name", label: "Your name", type: "text", required: true },
      { key: "order", label: "Order number", type: "text", required: false },
    ],
    proactiveRules: [{ urlContains: "/pricing", message: "Questions about our plans? Ask us here.", delaySeconds: 0 }],
  });
  const { page, problems } = await visit(browser, { workspace, path: "/pricing" });
  const acknowledged = watchAcks(page);
  const teaser = page.getByRole("button", { name: "Questions about our plans? Ask us here." });
  await expect(teaser).toBeVisible();
  await screenshot(page, "widget-proactive");
  await teaser.click();

  const panel = page.getByRole("dialog");
  const name = panel.getByRole("textbox", { name: /Your name/ });
  await expect(name).toBeFocused();
  await panel.getByRole("button", { name: "Start chat" }).click();
  // The browser holds back a required field left empty.
  await expect(composer(page)).toHaveCount(0);
  await name.fill("Grace");
  await panel.getByRole("textbox", { name: /Order number/ }).fill("A-1001");
  await screenshot(page, "widget-pre-chat");
  await panel.getByRole("button", { name: "Start chat" }).click();
  await expect(composer(page)).toBeFocused();
  await composer(page).fill("Which plan has phone support?");
  await composer(page).press("Enter");
  await expect(panel.getByText("Sending…")).toHaveCount(0);

  const conversationId = acknowledged();
  expect(conversationId).toBeTruthy();
  const visitor = await api.get<{ context: { url?: string } }>(`/api/v1/conversations/${conversationId}/visitor`);
  expect(visitor.context.url).toContain("/pricing");
  expect(problems).toEqual([]);
});

test("a visitor sends an image, which both sides can open", async ({ api, browser }) => {
  const { workspace } = await prepareWidget(api);
  const { page, problems } = await visit(browser, { workspace });
  await page.getByRole("button", { name: "Open chat" }).click();
  const panel = page.getByRole("dialog");
  await panel.locator("input[type=file]").setInputFiles({ name: "broken-hose.png", mimeType: "image/png", buffer: PIXEL });
  const image = panel.getByRole("img", { name: "broken-hose.png" });
  await expect(image).toBeVisible();
  await expect(panel.getByText("Sending…")).toHaveCount(0);
  // It loaded from Rapport, allowed by the page's img-src, with the visitor's token.
  await expect.poll(() => image.evaluate((element) => (element as unknown as { naturalWidth: number }).naturalWidth)).toBe(1);

  const conversationId = await conversationOf(page, workspace);
  const [message] = await inboundMessages(api, conversationId);
  expect(message?.attachments).toEqual([expect.objectContaining({ filename: "broken-hose.png", contentType: "image/png" })]);

  // Too large is refused before any upload, with a reason.
  await panel.locator("input[type=file]").setInputFiles({ name: "huge.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(11 * 1024 * 1024) });
  await expect(panel.getByRole("alert")).toHaveText("huge.pdf is larger than 10 MB.");
  expect(problems).toEqual([]);
});

test("where WebSockets are blocked, the chat goes over plain HTTP and still delivers in order", async ({ api, browser }) => {
  const { workspace } = await prepareWidget(api);
  // A proxy that refuses WebSocket upgrades: every socket the page opens goes to an address that refuses it.
  const blockSockets = async (page: Page) => {
    await page.addInitScript((refused: string) => {
      const scope = globalThis as unknown as { WebSocket: new (url: string) => object };
      const Real = scope.WebSocket;
      scope.WebSocket = new Proxy(Real, { construct: () => new Real(refused) });
    }, `${baseURL.replace(/^http/, "ws")}/no-websockets-here`);
  };
  const { page } = await visit(browser, { workspace }, {}, blockSockets);
  await page.getByRole("button", { name: "Open chat" }).click();
  const panel = page.getByRole("dialog");
  const texts = ["first over HTTP", "second over HTTP", "third over HTTP", "fourth over HTTP", "fifth over HTTP"];
  for (const text of texts) {
    await composer(page).fill(text);
    await composer(page).press("Enter");
  }
  await expect(panel.getByText("Sending…")).toHaveCount(0, { timeout: 15_000 });
  const conversationId = await conversationOf(page, workspace);
  expect(await customerMessages(api, conversationId)).toEqual(texts);

  await api.post(`/api/v1/conversations/${conversationId}/messages`, { text: "Got all five, by long poll." }, [201]);
  await expect(panel.getByText("Got all five, by long poll.")).toBeVisible({ timeout: 10_000 });
});

test("a signed identity is accepted and a forged one refused", async ({ api, browser }) => {
  const { workspace, secret } = await prepareWidget(api);
  const userId = `user-${Date.now()}`;
  const email = `${userId}@example.test`;
  const signature = createHmac("sha256", secret).update(`${userId}\n${email}`).digest("hex");

  const { page: signed } = await visit(browser, { workspace, identity: { userId, email, name: "Ada", signature } });
  await signed.getByRole("button", { name: "Open chat" }).click();
  await composer(signed).fill("Signed in and asking");
  await composer(signed).press("Enter");
  await expect(signed.getByRole("dialog").getByText("Sending…")).toHaveCount(0);

  const forged = createHmac("sha256", "not-the-secret").update(`${userId}\n${email}`).digest("hex");
  const { page } = await visit(browser, { workspace, identity: { userId, email, name: "Mallory", signature: forged } });
  await page.getByRole("button", { name: "Open chat" }).click();
  await expect(page.getByRole("dialog").getByRole("alert")).toHaveText(/could not confirm who you are/);

  const refused = await page.evaluate(
    async ({ origin, body }) => {
      const response = await fetch(`${origin}/widget/v1/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
    },
    { origin: baseURL, body: { workspace, identity: { userId, email, signature: forged } } },
  );
  expect(refused.status).toBe(401);
  expect(refused.body.error?.code).toBe("identity_refused");
});

test("a site the workspace has not allowed gets no widget", async ({ api, browser, request }) => {
  const { workspace } = await prepareWidget(api);
  const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  host.visitors.push(visitor);
  const page = await visitor.newPage();
  const refused = page.waitForEvent("console", (message) => message.text().startsWith("Rapport chat"));
  await page.goto(host.site.pageUrl({ workspace }, host.site.otherOrigin));
  await refused;
  await expect(page.getByRole("heading", { name: "Example Shop" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Open chat" })).toHaveCount(0);

  const config = await request.get(`/widget/v1/config?workspace=${workspace}`, { headers: { origin: host.site.otherOrigin } });
  expect(config.status()).toBe(403);
  expect(((await config.json()) as { error: { code: string } }).error.code).toBe("origin_refused");
  const session = await request.post("/widget/v1/session", { headers: { origin: host.site.otherOrigin }, data: { workspace } });
  expect(session.status()).toBe(403);
});
