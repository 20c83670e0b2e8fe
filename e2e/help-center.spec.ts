import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Page } from "@playwright/test";
import { seriousViolations } from "./support/axe.ts";
import { screenshotDir } from "./support/env.ts";
import { expect, screenshot, test, type Api } from "./support/fixtures.ts";

interface Article {
  id: string;
  slug: string;
}

/** Articles of the test's own, with a word no demo article has, so searches find exactly these. */
async function seedHelpCenter(api: Api) {
  const word = `zq${randomUUID().slice(0, 6)}`;
  const { slug } = await api.get<{ slug: string }>("/api/v1/workspace");
  const category = await api.post<{ id: string; slug: string; name: string }>("/api/v1/knowledge/categories", { name: `Lamps ${word}`, locale: "en" });
  const publish = async (title: string, bodyMarkdown: string, tags: string[] = [word]) => {
    const article = await api.post<Article>("/api/v1/knowledge/articles", { locale: "en", title, bodyMarkdown, categoryId: category.id, tags });
    await api.post(`/api/v1/knowledge/articles/${article.id}/publish`, {});
    return article;
  };
  const main = await publish(
    `Replacing the ${word} bulb`,
    `Unplug the lamp and let the ${word} bulb cool for ten minutes before you touch it.\n\n## What you need\n\nA new E27 bulb.\n\n## Step by step\n\n### Remove the shade\n\nTwist it anticlockwise.\n\n### Swap the bulb\n\nScrew the new one in gently.`,
  );
  const related = await publish(`Cleaning the ${word} shade`, "Use a dry cloth; water stains the linen.");
  return { word, slug, category, main, related };
}

const phone = { width: 390, height: 844 };

async function shoot(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await page.setViewportSize(phone);
  await page.screenshot({ path: path.join(screenshotDir, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
}

test.describe("help center", () => {
  // A reader of the public pages, not the signed-in agent.
  test.use({ storageState: { cookies: [], origins: [] } });
  // Each test writes its own articles through the API first, on a small shared machine.
  test.setTimeout(60_000);

  test("a reader without JavaScript browses home → category → article, and searches", async ({ browser, api }) => {
    const { word, slug, category, main } = await seedHelpCenter(api);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();

    await page.goto(`/help/${slug}`);
    await expect(page.getByRole("heading", { level: 1, name: "How can we help?" })).toBeVisible();
    await shoot(page, "help-center-home");

    await page.getByRole("link", { name: new RegExp(category.name) }).click();
    await expect(page.getByRole("heading", { level: 1, name: category.name })).toBeVisible();
    await page.getByRole("link", { name: `Replacing the ${word} bulb` }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Replacing the ${word} bulb` })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText(category.name);
    // The contents link to the article's sections.
    await page.getByRole("navigation", { name: "On this page" }).getByRole("link", { name: "Swap the bulb" }).click();
    await expect(page).toHaveURL(/#section-swap-the-bulb$/);
    await expect(page.getByRole("complementary").getByRole("link", { name: `Cleaning the ${word} shade` })).toBeVisible();
    await expect(page.getByRole("link", { name: "Send us a message" })).toHaveAttribute("href", new RegExp(`/support/${slug}/contact`));
    await page.goto(`/help/${slug}/en/articles/${main.slug}`);
    await shoot(page, "help-center-article");

    await page.getByRole("searchbox", { name: "Search the help center" }).fill(word);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(word);
    await expect(page.locator(".article-list mark").first()).toBeVisible();
    await screenshot(page, "help-center-search");
    await context.close();
  });

  // axe runs as a script in the page, so the pages are checked here, with JavaScript (and the chat widget) on.
  test("home, article and search pages have no serious accessibility problems", async ({ page, api }) => {
    const { word, slug, main } = await seedHelpCenter(api);
    for (const path of [`/help/${slug}`, `/help/${slug}/en/articles/${main.slug}`, `/help/${slug}/en/search?q=${word}`]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });

  test("as the reader types, suggestions appear in a combobox and Enter opens one", async ({ page, api }) => {
    const { word, slug, main } = await seedHelpCenter(api);
    await page.goto(`/help/${slug}`);
    const box = page.getByRole("combobox", { name: "Search the help center" });
    await box.pressSequentially(`${word} bul`, { delay: 30 });
    const options = page.getByRole("listbox", { name: "Suggested articles" }).getByRole("option");
    await expect(options.first()).toHaveText(`Replacing the ${word} bulb`);
    await expect(box).toHaveAttribute("aria-expanded", "true");
    await box.press("ArrowDown");
    await expect(options.first()).toHaveAttribute("aria-selected", "true");
    await expect(box).toHaveAttribute("aria-activedescendant", "hc-suggestions-0");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "help-center-suggestions");
    await box.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/help/${slug}/en/articles/${main.slug}$`));

    // Escape closes the list and leaves what was typed.
    const again = page.getByRole("combobox", { name: "Search the help center" });
    await again.pressSequentially(word, { delay: 30 });
    await expect(page.getByRole("listbox", { name: "Suggested articles" })).toBeVisible();
    await again.press("Escape");
    await expect(page.getByRole("listbox", { name: "Suggested articles" })).toBeHidden();
    await expect(again).toHaveAttribute("aria-expanded", "false");
  });

  test("a reader says an article helped and adds a comment", async ({ page, api }) => {
    const { slug, main } = await seedHelpCenter(api);
    await page.goto(`/help/${slug}/en/articles/${main.slug}`);
    await page.getByRole("button", { name: "Yes" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Thank you for your feedback." })).toBeVisible();
    await page.getByLabel(/Anything we could add/).fill("A picture of the shade would help.");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect(page.getByText("Thank you, your comment will help us improve this article.")).toBeVisible();
    const counted = await api.get<{ helpfulCount: number }>(`/api/v1/knowledge/articles/${main.id}`);
    expect(counted.helpfulCount).toBe(1);
  });

  test("an article with hostile HTML runs nothing", async ({ page, api }) => {
    const { slug } = await api.get<{ slug: string }>("/api/v1/workspace");
    const article = await api.post<Article>("/api/v1/knowledge/articles", {
      locale: "en",
      title: `<img src=x onerror="window.pwned='title'"> Hostile ${randomUUID().slice(0, 6)}`,
      bodyMarkdown: [
        "Read this carefully.",
        "<script>window.pwned = 'script'; alert('script')</script>",
        `<img src="https://127.0.0.1:1/x.png" onerror="window.pwned = 'onerror'; alert('onerror')">`,
        "[Open](javascript:alert('link'))",
        `<a href="javascript:window.pwned='href'">Click here</a>`,
        `<svg onload="alert('svg')"></svg><iframe src="javascript:alert('frame')"></iframe>`,
      ].join("\n\n"),
    });
    await api.post(`/api/v1/knowledge/articles/${article.id}/publish`, {});
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`/help/${slug}/en/articles/${article.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Hostile");
    await page.getByText("Click here").click();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (globalThis as { pwned?: string }).pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
});
