import { randomUUID } from "node:crypto";
import { baseURL } from "./support/env.ts";
import { seriousViolations } from "./support/axe.ts";
import { expect, screenshot, test } from "./support/fixtures.ts";

/** The agent's side of the chat widget: its settings page, and a chat visitor's card and typing in a conversation. */

interface Settings {
  identitySecret: string;
  allowedOrigins: string[];
  contactFields: unknown[];
  appearance: { color: string; greeting: Record<string, string> };
}

test("an admin sets up the chat widget and the contact form", async ({ page, api }) => {
  const before = await api.get<Settings>("/api/v1/widget/settings");
  const { slug } = await api.get<{ slug: string }>("/api/v1/workspace");
  try {
    await page.goto("/app/settings/widget");
    await expect(page.getByRole("heading", { name: "Chat widget & contact form" })).toBeVisible();
    await expect(page.getByLabel("Install tag")).toHaveValue(new RegExp(`widget\\.js" data-workspace="${slug}"`));
    expect(await seriousViolations(page)).toEqual([]);

    // An origin with no scheme is caught before anything is sent.
    const origins = page.getByRole("region", { name: "Allowed origins" });
    await origins.getByRole("button", { name: "Add origin" }).click();
    await page.keyboard.type("shop.example");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "1 thing to fix before saving" })).toBeVisible();
    await expect(origins.getByRole("textbox").last()).toBeFocused();
    await expect(origins.getByText(/An origin such as https:\/\/www.example.com/)).toBeVisible();
    const origin = origins.getByRole("textbox").last();
    await origin.fill("https://shop.example");

    const questions = page.getByRole("region", { name: "Contact form questions" });
    await questions.getByRole("button", { name: "Add question" }).click();
    await page.keyboard.type("Order number");
    await page.keyboard.press("Tab");
    await expect(questions.getByRole("textbox", { name: "Key" })).toHaveValue("order_number");

    await page.getByRole("textbox", { name: "Colour" }).fill("#0b7a55");
    await page.getByLabel("Greeting in Español").fill("¡Hola! ¿En qué te ayudamos?");
    await screenshot(page, "widget-settings");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Saved", { exact: true })).toBeVisible();
    // A toast's close button says what it does, in the person's language.
    await expect(page.getByRole("alert").filter({ hasText: "Saved" }).getByRole("button", { name: "Close" })).toBeVisible();

    const saved = await api.get<Settings>("/api/v1/widget/settings");
    expect(saved.allowedOrigins).toEqual([...before.allowedOrigins, "https://shop.example"]);
    expect(saved.contactFields).toEqual([...before.contactFields, { key: "order_number", label: "Order number", type: "text", required: false }]);
    expect(saved.appearance).toMatchObject({ color: "#0b7a55", greeting: expect.objectContaining({ es: "¡Hola! ¿En qué te ayudamos?" }) });

    // Opening hours per day, in the workspace's time zone unless changed (left unsaved here).
    const hours = page.getByRole("region", { name: "Business hours" });
    await hours.getByRole("switch", { name: "Chat only during business hours" }).check();
    await expect(hours.getByRole("checkbox", { name: "Monday" })).toBeChecked();
    await hours.getByRole("checkbox", { name: "Saturday" }).check();
    await expect(hours.getByLabel("Saturday opens at")).toHaveValue("09:00");
    await hours.getByRole("button", { name: "Add hours on Monday" }).click();
    await expect(hours.getByLabel("Monday closes at")).toHaveCount(2);
    await questions.scrollIntoViewIfNeeded();
    await screenshot(page, "widget-settings-questions");
    await hours.scrollIntoViewIfNeeded();
    await screenshot(page, "widget-settings-hours");
    expect(await seriousViolations(page)).toEqual([]);

    // The secret shows only when asked for, and a new one takes its place after a confirmation.
    const secret = page.getByRole("textbox", { name: "Identity secret" });
    await expect(secret).not.toHaveValue(saved.identitySecret);
    await page.getByRole("button", { name: "Show the secret" }).click();
    await expect(secret).toHaveValue(saved.identitySecret);
    await page.getByRole("button", { name: "Rotate secret" }).click();
    const dialog = page.getByRole("dialog", { name: "Rotate the identity secret?" });
    await screenshot(page, "widget-settings-rotate");
    await dialog.getByRole("button", { name: "Rotate secret" }).click();
    await expect(dialog).toBeHidden();
    await expect(secret).not.toHaveValue(saved.identitySecret);
    const rotated = await api.get<Settings>("/api/v1/widget/settings");
    await expect(secret).toHaveValue(rotated.identitySecret);

    // The hosted contact form asks the new question.
    await page.goto(`/support/${slug}/contact`);
    await expect(page.getByLabel(/Order number/)).toBeVisible();
    await page.getByRole("button", { name: "Send message" }).scrollIntoViewIfNeeded();
    await screenshot(page, "contact-form-question");
  } finally {
    const restored = await api.request.patch("/api/v1/widget/settings", { data: { allowedOrigins: before.allowedOrigins, contactFields: before.contactFields, appearance: before.appearance } });
    expect(restored.status()).toBe(200);
  }
});

test("an agent sees who they are chatting with, and when the visitor types", async ({ page, api, playwright }) => {
  const enabled = await api.request.patch("/api/v1/widget/settings", { data: { enabled: true, businessHours: null, requireIdentity: false } });
  expect(enabled.status()).toBe(200);
  const bot = await api.request.patch("/api/v1/bot/settings", { data: { enabled: false } });
  expect(bot.status(), await bot.text()).toBe(200);
  const { slug } = await api.get<{ slug: string }>("/api/v1/workspace");
  // The visitor's browser, through the widget's HTTP fallback, on a page of this server.
  const visitor = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const context = {
    url: "https://shop.example/checkout?step=2",
    title: "Checkout · Shop",
    userAgent: "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
    language: "es-MX",
    timeZone: "America/Mexico_City",
  };
  const session = (await (await visitor.post("/widget/v1/session", { data: { workspace: slug, context } })).json()) as { token: string };
  const send = async (frames: Record<string, unknown>[]) => {
    const response = await visitor.post("/widget/v1/frames", { headers: { "x-rapport-visitor": session.token }, data: { frames } });
    expect(response.status(), await response.text()).toBe(200);
  };
  await send([{ type: "send", clientId: randomUUID(), text: "¿Hacen envíos a Monterrey?" }]);
  const { conversationId } = (await (await visitor.post("/widget/v1/session", { data: { workspace: slug, token: session.token } })).json()) as { conversationId: string };
  expect(conversationId).toBeTruthy();

  await page.setViewportSize({ width: 1600, height: 900 });
  await page.goto(`/app/conversations/${conversationId}`);
  const card = page.getByRole("region", { name: "Visitor" });
  await expect(card.getByRole("link", { name: "Checkout · Shop" })).toHaveAttribute("href", context.url, { timeout: 15_000 });
  await expect(card).toContainText("Chrome 131 · Android");
  await expect(card).toContainText("Not verified");
  await expect(card).toContainText("Spanish (Mexico)");
  await expect(card).toContainText("America/Mexico_City");
  await expect(card).toContainText("Online");

  await send([{ type: "typing", typing: true }]);
  const typing = page.getByText(/is typing/);
  await expect(typing).toBeVisible();
  await screenshot(page, "conversation-visitor");
  expect(await seriousViolations(page)).toEqual([]);
  await send([{ type: "typing", typing: false }]);
  await expect(typing).toBeHidden();
  await visitor.dispose();
});
