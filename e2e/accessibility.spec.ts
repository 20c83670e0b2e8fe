import { seriousViolations } from "./support/axe.ts";
import { expect, test } from "./support/fixtures.ts";

test.describe("accessibility (axe-core)", () => {
  test("the inbox has no serious or critical violations", async ({ page }) => {
    await page.goto("/app/inbox/open");
    await expect(page.getByRole("list", { name: "Conversations in All open" }).getByRole("listitem").first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("an open conversation has no serious or critical violations", async ({ page, api }) => {
    const { conversation } = await api.createConversation({ subject: "Accessible conversation", customerName: "Axe Tester" });
    await api.post(`/api/v1/conversations/${conversation.id}/messages`, { kind: "reply", text: "Thanks, we are on it." }, [201]);
    await api.post(`/api/v1/conversations/${conversation.id}/messages`, { kind: "note", text: "Checking stock." }, [201]);
    // Wide enough that the customer panel sits beside the thread and is checked with it.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`/app/inbox/open/${conversation.id}`);
    const timeline = page.getByRole("region", { name: "Messages and activity" });
    await expect(timeline.getByRole("article", { name: /· Internal note$/ })).toBeVisible();
    await expect(page.getByRole("complementary", { name: "Customer details" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("settings have no serious or critical violations", async ({ page }) => {
    await page.goto("/app/settings/people");
    await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "Maya Okafor" }).first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
