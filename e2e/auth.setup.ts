import fs from "node:fs";
import { expect, test as setup } from "@playwright/test";
import { admin, adminState, adminToken, authDir } from "./support/env.ts";

/**
 * Signs the demo workspace's owner in through the sign-in page once, keeps the browser state for the other
 * tests, and issues an API token they use to make their own data.
 */
setup("the owner signs in through the sign-in page", async ({ page }) => {
  await page.goto("/app/");
  await expect(page.getByRole("heading", { name: "Sign in to Rapport" })).toBeVisible();
  await page.getByRole("textbox", { name: "Email" }).fill(admin.email);
  await page.getByRole("textbox", { name: "Password" }).fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: /^Account menu for / })).toBeVisible();
  await expect(page).toHaveURL(/\/app\/inbox\//);

  fs.mkdirSync(authDir, { recursive: true });
  await page.context().storageState({ path: adminState });

  const session = await page.request.get("/api/v1/auth/session");
  expect(session.status()).toBe(200);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const issued = await page.request.post("/api/v1/api-tokens", {
    headers: { "x-csrf-token": csrfToken },
    data: { name: "browser tests", scopes: ["conversations:read", "conversations:write", "customers:read", "customers:write", "admin"] },
  });
  expect(issued.status(), await issued.text()).toBe(201);
  const { token } = (await issued.json()) as { token: string };
  fs.writeFileSync(adminToken, JSON.stringify({ token }));
});
