import { expect, screenshot, test } from "./support/fixtures.ts";

test("searching from the header finds conversations and customers", async ({ page }) => {
  await page.goto("/app/inbox/open");
  await expect(page.getByRole("list", { name: "Conversations in All open" }).getByRole("listitem").first()).toBeVisible();
  await page.keyboard.press("/");
  const search = page.getByRole("searchbox", { name: "Search" }).or(page.getByRole("textbox", { name: "Search" }));
  await expect(search).toBeFocused();
  await search.fill("Priya");
  await search.press("Enter");

  await expect(page).toHaveURL(/\/app\/search\?/);
  await expect(page.getByRole("heading", { name: /^Results for .*Priya.*$/ })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Conversations/ }).getByRole("link", { name: /Gift wrapping options/ })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Customers/ }).getByRole("listitem").first()).toContainText("priya.raman@example.net");
  await screenshot(page, "search");
});

test("settings list the workspace's people and open each section", async ({ page }) => {
  await page.goto("/app/settings");
  await expect(page).toHaveURL(/\/app\/settings\/profile$/);
  const sections = page.getByRole("navigation", { name: "Settings" });
  for (const name of ["Profile", "Workspace", "People", "Teams", "Tags", "API tokens", "Audit log"]) await expect(sections.getByRole("link", { name })).toBeVisible();

  await sections.getByRole("link", { name: "People" }).click();
  await expect(page).toHaveURL(/\/app\/settings\/people$/);
  await expect(sections.getByRole("link", { name: "People" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("cell", { name: "Maya Okafor" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "Tom Lindqvist" }).first()).toBeVisible();
  await screenshot(page, "settings");
});
