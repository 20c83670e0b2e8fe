import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import { adminToken, baseURL, screenshotDir } from "./env.ts";

export interface Conversation {
  id: string;
  number: number;
  subject: string | null;
  status: string;
  assigneeId: string | null;
}

export interface Message {
  id: string;
  kind: string;
  text: string | null;
}

export interface Teammate {
  id: string;
  name: string;
  email: string;
  password: string;
}

/** The owner's API, through a bearer token: how a test makes and changes its own data. */
export class Api {
  constructor(readonly request: APIRequestContext) {}

  async post<T>(url: string, data: unknown, expected = [200, 201]): Promise<T> {
    const response = await this.request.post(url, { data });
    expect(expected, `POST ${url}: ${response.status()} ${await response.text()}`).toContain(response.status());
    return (await response.json()) as T;
  }

  async get<T>(url: string): Promise<T> {
    const response = await this.request.get(url);
    expect(response.status(), `GET ${url}: ${await response.text()}`).toBe(200);
    return (await response.json()) as T;
  }

  /** A customer writes in on the API channel; the subject is unique to the calling test unless given. */
  async createConversation(options: { subject?: string; text?: string; customerName?: string } = {}): Promise<{ conversation: Conversation; message: Message }> {
    const tag = randomUUID().slice(0, 8);
    return this.post("/api/v1/conversations", {
      customer: { email: `customer-${tag}@example.test`, name: options.customerName ?? `Customer ${tag}` },
      subject: options.subject ?? `Test conversation ${tag}`,
      message: { text: options.text ?? `Hello, this is message ${tag}.` },
    });
  }

  /** A new teammate who can sign in with the returned password. */
  async createTeammate(name: string, role: "agent" | "supervisor" | "admin" = "agent"): Promise<Teammate> {
    const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${randomUUID().slice(0, 8)}@example.test`;
    const password = `password-${randomUUID()}`;
    const user = await this.post<{ id: string }>("/api/v1/users", { email, name, role, password }, [201]);
    return { id: user.id, name, email, password };
  }
}

export const test = base.extend<{ api: Api }>({
  api: async ({ playwright }, use) => {
    const { token } = JSON.parse(fs.readFileSync(adminToken, "utf8")) as { token: string };
    const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
    await use(new Api(request));
    await request.dispose();
  },
});

/** Screenshots of the main screens, kept under test-results/screenshots for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

export { expect };
