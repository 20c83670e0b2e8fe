import { expect, screenshot, test } from "./support/fixtures.ts";

test.describe("language and direction", () => {
  test("choosing Spanish in the account menu turns the app Spanish", async ({ page }) => {
    await page.goto("/app/inbox/open");
    await expect(page.getByRole("list", { name: "Conversations in All open" })).toBeVisible();
    await page.getByRole("button", { name: /^Account menu for / }).click();
    await page.getByRole("menuitem", { name: "Español" }).click();

    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    const list = page.getByRole("list", { name: "Conversaciones en Todas las abiertas" });
    await expect(list.getByRole("listitem").first()).toBeVisible();
    const views = page.getByRole("navigation", { name: "Vistas de la bandeja" });
    await expect(views.getByRole("link", { name: /^Mías/ })).toBeVisible();
    await expect(views.getByRole("link", { name: /^Sin asignar/ })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Menú de la cuenta de / })).toBeVisible();
    await screenshot(page, "spanish");

    // The choice is remembered in this browser.
    await page.reload();
    await expect(page.getByRole("list", { name: "Conversaciones en Todas las abiertas" })).toBeVisible();
  });

  test("right-to-left layout sets dir=rtl and mirrors the frame", async ({ page }) => {
    await page.goto("/app/inbox/open");
    await expect(page.getByRole("list", { name: "Conversations in All open" }).getByRole("listitem").first()).toBeVisible();
    await page.getByRole("button", { name: /^Account menu for / }).click();
    await page.getByRole("menuitem", { name: "Right to left" }).click();

    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    // The inbox views move to the right-hand side, the list to their left.
    const viewport = page.viewportSize()!;
    const nav = await page.getByRole("navigation", { name: "Inbox views" }).boundingBox();
    const list = await page.getByRole("list", { name: "Conversations in All open" }).boundingBox();
    expect(nav!.x).toBeGreaterThan(viewport.width / 2);
    expect(list!.x).toBeLessThan(nav!.x);
    await screenshot(page, "rtl");

    await page.getByRole("button", { name: /^Account menu for / }).click();
    await page.getByRole("menuitem", { name: "As the language reads" }).click();
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  });
});
