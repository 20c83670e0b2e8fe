import { admin } from "./support/env.ts";
import { expect, test } from "./support/fixtures.ts";

test("two agents in one conversation see each other, and the second is warned before replying over the first", async ({ page, browser, api }) => {
  const sam = await api.createTeammate("Sam Second");
  const owner = (await api.get<{ items: { name: string; email: string }[] }>("/api/v1/users")).items.find((user) => user.email === admin.email)!;
  const { conversation } = await api.createConversation({ subject: "Both of us on it", customerName: "Linus Pauling" });
  const path = `/app/inbox/open/${conversation.id}`;
  const paneName = `Conversation #${conversation.number}: Both of us on it`;

  const samContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    const signIn = await samContext.request.post("/api/v1/auth/login", { data: { email: sam.email, password: sam.password } });
    expect(signIn.status()).toBe(200);
    const samPage = await samContext.newPage();

    await page.goto(path);
    await samPage.goto(path);
    const ownerPane = page.getByRole("article", { name: paneName });
    const samPane = samPage.getByRole("article", { name: paneName });
    await expect(ownerPane.getByRole("group", { name: `Also here: ${sam.name}` })).toBeVisible();
    await expect(samPane.getByRole("group", { name: `Also here: ${owner.name}` })).toBeVisible();

    // The owner starts a reply; Sam sees it being written, then writes one too.
    await ownerPane.getByRole("textbox", { name: "Reply" }).pressSequentially("I'm looking into it now", { delay: 20 });
    await expect(samPane.getByText(`${owner.name} is typing…`)).toBeVisible();
    await samPane.getByRole("textbox", { name: "Reply" }).fill("Let me check with the warehouse.");
    await samPane.getByRole("button", { name: "Send", exact: true }).click();

    const warning = samPane.getByRole("alert").filter({ hasText: "Review before sending" });
    await expect(warning).toBeVisible();
    await expect(warning).toContainText(`${owner.name} is also replying.`);
    const stored = await api.get<{ items: { kind: string }[] }>(`/api/v1/conversations/${conversation.id}/messages`);
    expect(stored.items.map((message) => message.kind)).toEqual(["inbound"]);

    await warning.getByRole("button", { name: "Send anyway" }).click();
    await expect(samPane.getByRole("region", { name: "Messages and activity" }).getByRole("article", { name: `${sam.name} · Reply` })).toContainText("check with the warehouse");
    await expect(ownerPane.getByRole("region", { name: "Messages and activity" }).getByRole("article", { name: `${sam.name} · Reply` })).toBeVisible();
  } finally {
    await samContext.close();
  }
});
