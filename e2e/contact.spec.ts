import { randomUUID } from "node:crypto";
import { seriousViolations } from "./support/axe.ts";
import { expect, screenshot, test, type Api } from "./support/fixtures.ts";

async function contactPath(api: Api): Promise<string> {
  const { slug } = await api.get<{ slug: string }>("/api/v1/workspace");
  return `/support/${slug}/contact`;
}

async function conversationsOf(api: Api, email: string): Promise<{ number: number; channel: string; subject: string }[]> {
  const customers = await api.get<{ items: { id: string }[] }>(`/api/v1/customers?q=${encodeURIComponent(email)}`);
  if (!customers.items[0]) return [];
  return (await api.get<{ items: { number: number; channel: string; subject: string }[] }>(`/api/v1/conversations?customerId=${customers.items[0].id}`)).items;
}

test.describe("contact form", () => {
  // A visitor of the public page, not the signed-in agent.
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a visitor writes in, attaches a file and sees the conversation's reference", async ({ page, api }) => {
    const email = `visitor-${randomUUID().slice(0, 8)}@example.test`;
    await page.goto(await contactPath(api));
    await expect(page.getByRole("heading", { name: "Contact us" })).toBeVisible();

    // Sent empty first: every problem is listed, and each field says what it needs.
    await page.getByRole("button", { name: "Send message" }).click();
    await expect(page.getByRole("alert")).toContainText("Please check the form");
    await expect(page.getByRole("alert")).toBeFocused();
    // Each problem links to its field.
    await page.getByRole("link", { name: "Enter your email address." }).click();
    await expect(page.getByLabel("Email")).toBeFocused();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Your name")).toHaveAccessibleDescription(/Enter your name/);
    await screenshot(page, "contact-form-errors");
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel("Your name").fill("Rosa Díaz");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Subject").fill("The lid does not fit");
    await page.getByLabel("Message").fill("The teapot arrived today but its lid is a size too small.");
    await page.getByLabel(/Attachments/).setInputFiles({ name: "teapot.png", mimeType: "image/png", buffer: Buffer.from("not really a png") });
    await screenshot(page, "contact-form");
    await page.getByRole("button", { name: "Send message" }).click();

    await expect(page.getByRole("heading", { name: "Thank you, we've got your message" })).toBeVisible();
    const reference = await page.getByTestId("reference").textContent();
    await screenshot(page, "contact-form-sent");
    expect(await seriousViolations(page)).toEqual([]);
    const conversations = await conversationsOf(api, email);
    expect(conversations).toEqual([expect.objectContaining({ channel: "web_form", subject: "The lid does not fit" })]);
    expect(reference).toBe(`#${conversations[0]!.number}`);

    // Reloading the thank-you page sends nothing again.
    await page.reload();
    await expect(page.getByTestId("reference")).toHaveText(reference!);
    expect(await conversationsOf(api, email)).toHaveLength(1);
  });

  test("a bot that fills in the hidden field is thanked and nothing is stored", async ({ page, api }) => {
    const email = `bot-${randomUUID().slice(0, 8)}@example.test`;
    await page.goto(await contactPath(api));
    await page.getByLabel("Your name").fill("Cheap Pills");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Subject").fill("Great offer");
    await page.getByLabel("Message").fill("Buy now.");
    await page.locator("input[name=website]").fill("https://pills.example");
    await page.getByRole("button", { name: "Send message" }).click();
    await expect(page.getByRole("heading", { name: "Thank you, we've got your message" })).toBeVisible();
    await expect(page.getByTestId("reference")).toHaveCount(0);
    expect(await conversationsOf(api, email)).toHaveLength(0);
  });

  test("on a phone, in Spanish", async ({ page, api }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${await contactPath(api)}?lang=es`);
    await expect(page.getByRole("heading", { name: "Contacto" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Enviar mensaje" })).toBeVisible();
    // Nothing wider than the screen: no sideways scrolling on a phone.
    const html = page.locator("html");
    const [scrollWidth, clientWidth] = await Promise.all([html.evaluate((root) => root.scrollWidth), html.evaluate((root) => root.clientWidth)]);
    expect(scrollWidth).toBe(clientWidth);
    await screenshot(page, "contact-form-phone-es");
    expect(await seriousViolations(page)).toEqual([]);
  });
});
