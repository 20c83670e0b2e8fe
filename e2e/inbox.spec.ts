import { expect, screenshot, test } from "./support/fixtures.ts";
import { watchForText } from "./support/timing.ts";

test.describe("the inbox", () => {
  test("the demo inbox lists its open conversations", async ({ page }) => {
    await page.goto("/app/inbox/open");
    const list = page.getByRole("list", { name: "Conversations in All open" });
    await expect(list.getByRole("link", { name: "Priya Raman: Birthday present arrived broken" })).toBeVisible();
    await expect(list.getByRole("link", { name: "Yuki Tanaka: Is the Storm shell good for cycling?" })).toBeVisible();
    expect(await list.getByRole("listitem").count()).toBeGreaterThanOrEqual(5);
    await expect(page.getByRole("navigation", { name: "Inbox views" })).toBeVisible();
    await screenshot(page, "inbox");
  });

  test("a conversation created through the API appears in the open list within a second", async ({ page, api }) => {
    await page.goto("/app/inbox/open");
    const list = page.getByRole("list", { name: "Conversations in All open" });
    await expect(list.getByRole("listitem").first()).toBeVisible();
    const subject = `Arrives live ${Date.now()}`;
    const appeared = await watchForText(page, subject);

    await api.createConversation({ subject, customerName: "Live Customer" });
    const answeredAt = Date.now();

    const latency = (await appeared()) - answeredAt;
    await expect(list.getByRole("link", { name: `Live Customer: ${subject}` })).toBeVisible();
    test.info().annotations.push({ type: "latency", description: `${latency} ms from the 201 to the row` });
    expect(latency).toBeLessThanOrEqual(1000);
  });

  test("selecting two rows and marking them pending moves both out of the open list", async ({ page, api }) => {
    const first = await api.createConversation({ subject: "Bulk one", customerName: "Bulk Customer" });
    const second = await api.createConversation({ subject: "Bulk two", customerName: "Bulk Customer" });
    await page.goto("/app/inbox/open");
    const list = page.getByRole("list", { name: "Conversations in All open" });
    await list.getByRole("checkbox", { name: "Select Bulk Customer: Bulk one" }).check();
    await list.getByRole("checkbox", { name: "Select Bulk Customer: Bulk two" }).check();

    const actions = page.getByRole("toolbar", { name: "Actions for 2 selected conversations" });
    await actions.getByRole("button", { name: "Status" }).click();
    await page.getByRole("menuitem", { name: "Pending" }).click();

    await expect(list.getByRole("link", { name: "Bulk Customer: Bulk one" })).toHaveCount(0);
    await expect(list.getByRole("link", { name: "Bulk Customer: Bulk two" })).toHaveCount(0);
    for (const { conversation } of [first, second]) {
      expect((await api.get<{ status: string }>(`/api/v1/conversations/${conversation.id}`)).status).toBe("pending");
    }
  });
});
