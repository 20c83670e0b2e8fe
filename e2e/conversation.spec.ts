import { expect, screenshot, test } from "./support/fixtures.ts";
import { watchForText } from "./support/timing.ts";

test.describe("a conversation", () => {
  test("reply, internal note, assign and resolve each show in the timeline and header", async ({ page, api }) => {
    const { conversation } = await api.createConversation({ subject: "Tent pole snapped", customerName: "Ada Lovelace", text: "The pole snapped on the first night." });
    const maya = (await api.get<{ items: { id: string; name: string }[] }>("/api/v1/users")).items.find((user) => user.name === "Maya Okafor");
    expect(maya).toBeDefined();

    await page.goto(`/app/inbox/open/${conversation.id}`);
    const pane = page.getByRole("article", { name: `Conversation #${conversation.number}: Tent pole snapped` });
    const timeline = pane.getByRole("region", { name: "Messages and activity" });
    await expect(timeline.getByRole("article", { name: "Ada Lovelace · From the customer" })).toContainText("The pole snapped on the first night.");

    await pane.getByRole("textbox", { name: "Reply" }).fill("Sorry to hear that — a new pole is on its way today.");
    await pane.getByRole("button", { name: "Send", exact: true }).click();
    await expect(timeline.getByRole("article", { name: /· Reply$/ })).toContainText("a new pole is on its way today");

    await pane.getByRole("radiogroup", { name: "Write a reply or an internal note" }).getByText("Internal note", { exact: true }).click();
    await expect(pane.getByRole("radio", { name: "Internal note" })).toBeChecked();
    await pane.getByRole("textbox", { name: "Internal note" }).fill("Courier collected the replacement, tracking 7781.");
    await pane.getByRole("button", { name: "Send", exact: true }).click();
    await expect(timeline.getByRole("article", { name: /· Internal note$/ })).toContainText("tracking 7781");

    await pane.getByRole("combobox", { name: "Assignee" }).click();
    await page.getByRole("option", { name: "Maya Okafor" }).click();
    await expect(pane.getByRole("combobox", { name: "Assignee" })).toHaveValue("Maya Okafor");
    await expect(timeline).toContainText("assigned this to Maya Okafor");

    await pane.getByRole("button", { name: "Resolve" }).click();
    await expect(pane.getByRole("button", { name: "Reopen" })).toBeVisible();
    await expect(pane.getByRole("banner").or(pane.locator("header")).first()).toContainText("Resolved");
    await expect(timeline).toContainText("set the status to Resolved");
    await screenshot(page, "conversation");

    const stored = await api.get<{ status: string; assigneeId: string | null }>(`/api/v1/conversations/${conversation.id}`);
    expect(stored).toMatchObject({ status: "resolved", assigneeId: maya!.id });
    const messages = await api.get<{ items: { kind: string }[] }>(`/api/v1/conversations/${conversation.id}/messages`);
    expect(messages.items.map((message) => message.kind)).toEqual(["inbound", "reply", "note"]);
  });

  test("a customer's message posted through the API appears in the open conversation within a second", async ({ page, api }) => {
    const { conversation } = await api.createConversation({ customerName: "Grace Hopper" });
    await page.goto(`/app/inbox/open/${conversation.id}`);
    const timeline = page.getByRole("region", { name: "Messages and activity" });
    await expect(timeline.getByRole("article").first()).toBeVisible();
    const text = `Any news? (${Date.now()})`;
    const appeared = await watchForText(page, text);

    await api.post(`/api/v1/conversations/${conversation.id}/messages`, { kind: "inbound", text }, [201]);
    const answeredAt = Date.now();

    const latency = (await appeared()) - answeredAt;
    await expect(timeline.getByRole("article", { name: "Grace Hopper · From the customer" }).filter({ hasText: text })).toBeVisible();
    test.info().annotations.push({ type: "latency", description: `${latency} ms from the 201 to the message` });
    expect(latency).toBeLessThanOrEqual(1000);
  });

  test("on a 1280×720 laptop screen the newest message of the open conversation is in view", async ({ page, api }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const { conversation } = await api.createConversation({ subject: "Seen on a small screen", customerName: "Kim Laptop" });
    await api.post(`/api/v1/conversations/${conversation.id}/messages`, { kind: "reply", text: "We have sent a new one." }, [201]);
    await page.goto(`/app/inbox/open/${conversation.id}`);
    const timeline = page.getByRole("region", { name: "Messages and activity" });
    await expect(timeline.getByRole("article", { name: /· Reply$/ })).toBeInViewport();
  });
});
