import { admin } from "./support/env.ts";
import { expect, test } from "./support/fixtures.ts";

test.describe("signing in", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a wrong password keeps the person on the sign-in page with an error", async ({ page }) => {
    await page.goto("/app/inbox/mine");
    await page.getByRole("textbox", { name: "Email" }).fill(admin.email);
    await page.getByRole("textbox", { name: "Password" }).fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Could not sign in" });
    await expect(alert).toBeVisible();
    await expect(page.getByRole("heading", { name: "Sign in to Rapport" })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Account menu for / })).toHaveCount(0);
  });

  test("the right password opens the inbox", async ({ page }) => {
    await page.goto("/app/");
    await page.getByRole("textbox", { name: "Email" }).fill(admin.email);
    await page.getByRole("textbox", { name: "Password" }).fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: /^Account menu for / })).toBeVisible();
    await expect(page).toHaveURL(/\/app\/inbox\/mine/);
  });
});
