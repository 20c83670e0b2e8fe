import { randomUUID } from "node:crypto";
import { baseURL } from "./support/env.ts";
import { expect, screenshot, test, type Api } from "./support/fixtures.ts";
import { useHostSite } from "./support/host-page.ts";

/**
 * The answer bot in the chat widget: a visitor on another site asks a question an article answers and gets the
 * answer with a link to it; asking for a person hands the chat over, and the agent finds the whole exchange
 * and the bot's note in the agent app.
 */

const host = useHostSite();

/** The widget allowed on the host site and the bot on; answers with the workspace's slug. */
async function prepare(api: Api): Promise<string> {
  const widget = await api.request.patch("/api/v1/widget/settings", { data: { enabled: true, allowedOrigins: [host.site.origin], businessHours: null, preChatFields: [], proactiveRules: [] } });
  expect(widget.status(), await widget.text()).toBe(200);
  const bot = await api.request.patch("/api/v1/bot/settings", { data: { enabled: true, name: "Answer Bot" } });
  expect(bot.status(), await bot.text()).toBe(200);
  return (await api.get<{ slug: string }>("/api/v1/workspace")).slug;
}

/** A published article about something no demo article mentions, so it is the one that answers. */
async function publishArticle(api: Api): Promise<{ title: string; slug: string }> {
  const title = `Calibrating the fluxgate compass ${randomUUID().slice(0, 6)}`;
  const article = await api.post<{ id: string; slug: string }>("/api/v1/knowledge/articles", {
    locale: "en",
    title,
    bodyMarkdown:
      "To calibrate the fluxgate compass, hold the calibrate button for five seconds, then turn the device slowly through two full circles. The display shows CAL OK when the fluxgate compass is calibrated.",
  });
  await api.post(`/api/v1/knowledge/articles/${article.id}/publish`, {});
  return { title, slug: article.slug };
}

test("the bot answers from the knowledge base with a link, and hands over to a person who sees the transcript and the note", async ({ api, browser, page: agentApp }) => {
  // Two bot turns and the agent app's first load, on a machine shared with other test runs.
  test.setTimeout(90_000);
  const workspace = await prepare(api);
  const article = await publishArticle(api);

  const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] }, locale: "en-US" });
  host.visitors.push(visitor);
  const page = await visitor.newPage();
  await page.goto(host.site.pageUrl({ workspace }));
  await page.getByRole("button", { name: "Open chat" }).click();
  const panel = page.getByRole("dialog");
  const composer = page.getByRole("textbox", { name: "Write a message" });
  await composer.fill("How do I calibrate the fluxgate compass?");
  await composer.press("Enter");

  const link = panel.getByRole("link", { name: article.title });
  await expect(link).toBeVisible({ timeout: 15_000 });
  await expect(link).toHaveAttribute("href", `${baseURL}/help/${workspace}/en/articles/${article.slug}`);
  await expect(panel.getByText("Did that answer your question?")).toBeVisible();
  await expect(panel.getByText("hold the calibrate button for five seconds", { exact: false })).toBeVisible();
  await expect(panel.locator(".message.bot .author")).toContainText(["Answer Bot"]);
  await screenshot(page, "widget-bot-answer");

  await panel.getByRole("button", { name: "Talk to a person" }).click();
  await expect(panel.getByText(/passing you to a person on our team/)).toBeVisible({ timeout: 15_000 });
  // The question was answered: the buttons went with it.
  await expect(panel.getByRole("button", { name: "Talk to a person" })).toHaveCount(0);
  await screenshot(page, "widget-bot-handover");

  const conversationId = await page.evaluate(
    async ({ origin, workspace }) => {
      const storage = (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage;
      const token = storage.getItem(`rapport:${workspace}:token`);
      const response = await fetch(`${origin}/widget/v1/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ workspace, token }) });
      return ((await response.json()) as { conversationId: string }).conversationId;
    },
    { origin: baseURL, workspace },
  );
  const conversation = await api.get<{ status: string; assigneeId: string | null }>(`/api/v1/conversations/${conversationId}`);
  expect(conversation).toMatchObject({ status: "open", assigneeId: null });

  await agentApp.setViewportSize({ width: 1600, height: 1000 });
  await agentApp.goto(`/app/conversations/${conversationId}`);
  const main = agentApp.getByRole("main");
  const note = main.locator("article.message-note");
  await expect(note).toContainText("Handed over by the answer bot: the customer asked for a person", { timeout: 30_000 });
  await expect(note).toContainText(`Articles tried: ${article.title}`);
  await expect(note).toContainText("Customer: Talk to a person");
  // The transcript is the thread itself: the customer's question, the bot's answer with its link, the handover.
  await expect(main.locator("article.message-inbound").first()).toContainText("How do I calibrate the fluxgate compass?");
  await expect(main.locator("article.message-reply").first()).toContainText("hold the calibrate button for five seconds");
  await expect(main.locator("article.message-reply").last()).toContainText("passing you to a person on our team");
  await expect(main.getByText("The answer bot handed this over: the customer asked for a person")).toBeVisible();
  await screenshot(agentApp, "conversation-bot-handover");
});
