import { expect, test } from "./support/fixtures.ts";

test("the main path works from the keyboard alone: move, open, reply, send, resolve, and the shortcut sheet", async ({ page, api }) => {
  // The newest conversation heads "All open", so j lands on it.
  const { conversation } = await api.createConversation({ subject: "Keyboard only", customerName: "Ada Keys" });
  await page.goto("/app/inbox/open");
  const list = page.getByRole("list", { name: "Conversations in All open" });
  const rows = list.getByRole("link");
  await expect(rows.first()).toHaveAccessibleName("Ada Keys: Keyboard only");

  await page.keyboard.press("j");
  await expect(rows.nth(0)).toBeFocused();
  await page.keyboard.press("j");
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press("k");
  await expect(rows.nth(0)).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/app/inbox/open/${conversation.id}`));
  const pane = page.getByRole("article", { name: `Conversation #${conversation.number}: Keyboard only` });
  await expect(pane).toBeVisible();

  await page.keyboard.press("r");
  const reply = pane.getByRole("textbox", { name: "Reply" });
  await expect(reply).toBeFocused();
  await page.keyboard.type("Sent without touching the mouse.");
  await page.keyboard.press("Control+Enter");
  const timeline = pane.getByRole("region", { name: "Messages and activity" });
  await expect(timeline.getByRole("article", { name: /· Reply$/ })).toContainText("Sent without touching the mouse.");
  await expect(reply).toHaveValue("");

  // Leave the field, as shortcuts do not fire while typing, then resolve.
  await page.keyboard.press("Tab");
  await page.keyboard.press("e");
  await expect(pane.getByRole("button", { name: "Reopen" })).toBeVisible();
  await expect(timeline).toContainText("set the status to Resolved");

  await page.keyboard.press("?");
  const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText("Show this list");
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();

  const stored = await api.get<{ status: string }>(`/api/v1/conversations/${conversation.id}`);
  expect(stored.status).toBe("resolved");
});
