import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { seriousViolations } from "./support/axe.ts";
import { expect, screenshot, test } from "./support/fixtures.ts";

interface Article {
  id: string;
  slug: string;
  version: number;
  bodyMarkdown: string;
  outdated: boolean;
}

const save = (page: Page) => page.keyboard.press("ControlOrMeta+s");

test.describe("the knowledge base", () => {
  test.use({ viewport: { width: 1600, height: 1000 } });
  // Each test walks through many screens on a shared, small machine.
  test.describe.configure({ timeout: 240_000 });

  test("write with a live preview, publish, edit, compare and restore a version, and translate", async ({ page, api }) => {
    const tag = randomUUID().slice(0, 6);
    const title = `Descaling the kettle ${tag}`;
    const firstBody = "Fill the kettle with **white vinegar** and water.\n\nBoil it twice.";
    const secondBody = "Fill the kettle with **citric acid** and water.\n\nBoil it twice.";

    await page.goto("/app/knowledge");
    await expect(page.getByRole("heading", { name: "Articles" })).toBeVisible({ timeout: 20_000 });
    await page.getByRole("link", { name: "New article" }).click();
    await page.getByRole("textbox", { name: "Title" }).fill(title);
    await page.getByRole("textbox", { name: "Text" }).fill(firstBody);
    const preview = page.getByRole("region", { name: "Preview" });
    await expect(preview.locator("strong")).toHaveText("white vinegar");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "knowledge-editor");

    await save(page);
    await expect(page).toHaveURL(/\/app\/knowledge\/articles\/[0-9a-f-]{36}$/);
    const id = page.url().split("/").at(-1)!;
    await expect(page.getByText("Saved · version 1")).toBeVisible();

    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByRole("button", { name: "Unpublish" })).toBeVisible();
    expect((await api.get<{ status: string }>(`/api/v1/knowledge/articles/${id}`)).status).toBe("published");

    await page.getByRole("textbox", { name: "Text" }).fill(secondBody);
    await expect(page.getByText("Unsaved changes")).toBeVisible();
    await expect(preview.locator("strong")).toHaveText("citric acid");
    await save(page);
    await expect(page.getByText("Saved · version 2")).toBeVisible();

    await page.getByRole("tab", { name: "History" }).click();
    const versions = page.getByRole("table", { name: "Versions" });
    await expect(versions.getByRole("row")).toHaveCount(3);
    await expect(versions.getByRole("row", { name: /Version 1/ })).toContainText("Admin");
    await page.getByRole("button", { name: "Compare version 1 with the current one" }).click();
    const diff = page.getByRole("region", { name: "Changes from version 1 to the current version 2" });
    await expect(diff.locator("div", { hasText: "Removed: Fill the kettle with **white vinegar** and water." })).toBeVisible();
    await expect(diff.locator("div", { hasText: "Added: Fill the kettle with **citric acid** and water." })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "knowledge-history");

    await page.getByRole("button", { name: "Restore version 1" }).click();
    await page.getByRole("dialog", { name: "Restore version 1?" }).getByRole("button", { name: "Restore" }).click();
    await expect(versions.getByRole("row")).toHaveCount(4);
    const restored = await api.get<Article>(`/api/v1/knowledge/articles/${id}`);
    expect(restored).toMatchObject({ version: 3, bodyMarkdown: firstBody });
    await page.getByRole("tab", { name: "Edit" }).click();
    await expect(page.getByRole("textbox", { name: "Text" })).toHaveValue(firstBody);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("tab", { name: "Translations" }).click();
    await page.getByRole("combobox", { name: "Into" }).click();
    await page.getByRole("option", { name: /\(es\)$/ }).click();
    await page.getByRole("button", { name: "Start translating" }).click();
    await expect(page.getByRole("heading", { name: "New translation" })).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Title" })).toHaveValue(title);
    await expect(page.getByRole("region", { name: "Original (en)" })).toContainText("white vinegar");
    await page.getByRole("textbox", { name: "Title" }).fill(`Descalcificar el hervidor ${tag}`);
    await page.getByRole("textbox", { name: "Text" }).fill("Llena el hervidor con **vinagre blanco** y agua.");
    await screenshot(page, "knowledge-translation");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Saved · version 1")).toBeVisible();
    const translationId = page.url().split("/").at(-1)!;
    expect(translationId).not.toBe(id);
    await expect(page.getByText("Outdated translation")).toHaveCount(0);

    // The original changes: the translation has fallen behind, and says so in the list and in its editor.
    await api.request.patch(`/api/v1/knowledge/articles/${id}`, { data: { bodyMarkdown: `${firstBody}\n\nRinse well.` } });
    await page.getByRole("tab", { name: "Other languages" }).click();
    await expect(page.getByRole("table", { name: "Translations" }).getByRole("row", { name: /Descalcificar/ })).toContainText("Outdated translation");
    await page.goto("/app/knowledge");
    await expect(page.getByRole("row").filter({ hasText: `Descalcificar el hervidor ${tag}` })).toContainText("Outdated translation", { timeout: 20_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "knowledge-list");
  });

  test("categories are created, renamed, reordered and deleted", async ({ page }) => {
    const tag = randomUUID().slice(0, 6);
    await page.goto("/app/knowledge/categories");
    await expect(page.getByRole("heading", { name: "Categories", level: 2 })).toBeVisible({ timeout: 20_000 });
    for (const name of [`Billing ${tag}`, `Shipping ${tag}`]) {
      await page.getByRole("textbox", { name: "Name" }).fill(name);
      await page.getByRole("button", { name: "Create category" }).click();
      await expect(page.getByRole("cell", { name, exact: true })).toBeVisible();
    }
    await page.getByRole("button", { name: `Move Shipping ${tag} up` }).click();
    const names = page.getByRole("row").filter({ hasText: tag });
    await expect(names.first()).toContainText(`Shipping ${tag}`);
    await page.getByRole("button", { name: `Rename Billing ${tag}` }).click();
    await page.getByRole("dialog").getByRole("textbox", { name: "Name" }).fill(`Payments ${tag}`);
    await page.getByRole("dialog").getByRole("button", { name: "Rename" }).click();
    await expect(page.getByRole("cell", { name: `Payments ${tag}`, exact: true })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "knowledge-categories");
    await page.getByRole("button", { name: `Delete Payments ${tag}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await expect(page.getByRole("cell", { name: `Payments ${tag}`, exact: true })).toHaveCount(0);

    await page.goto("/app/knowledge/gaps");
    await expect(page.getByRole("heading", { name: "Content gaps" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("beside a conversation, a matching article is suggested and its link goes into the reply", async ({ page, api }) => {
    const tag = randomUUID().slice(0, 6);
    const word = `zebrafoam${tag}`;
    const article = await api.post<Article>("/api/v1/knowledge/articles", { title: `Cleaning the ${word} filter`, locale: "en", bodyMarkdown: `Rinse the ${word} filter under warm water once a month.` }, [201]);
    await api.post(`/api/v1/knowledge/articles/${article.id}/publish`, {});
    const { conversation } = await api.createConversation({ text: `Hello, how do I clean the ${word} filter?` });

    await page.goto(`/app/conversations/${conversation.id}`);
    const panel = page.getByRole("region", { name: "Suggested articles" });
    await expect(panel.getByRole("link", { name: `Open “Cleaning the ${word} filter” in the knowledge base` })).toBeVisible({ timeout: 20_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "knowledge-suggestions");
    await panel.getByRole("button", { name: `Insert a link to “Cleaning the ${word} filter” into the reply` }).click();
    await expect(page.getByRole("textbox", { name: "Reply" })).toHaveValue(new RegExp(`/help/[a-z0-9-]+/en/articles/${article.slug}$`));

    // Any word of a search may match, so the one word here is one no article has, nor anything like it.
    await panel.getByRole("searchbox", { name: "Find an article" }).fill(`qxjv${tag}`);
    await expect(panel).toContainText("No article matches.");
  });
});
