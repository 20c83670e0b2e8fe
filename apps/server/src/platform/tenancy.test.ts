import { beforeAll, describe, expect, it } from "vitest";
import { createConversation, createTestWorkspace, sharedServer, type ApiClient, type ApiResponse, type TestServer, type TestWorkspace } from "../testing/harness.ts";
import { findMailboxByRecipient } from "../modules/email/mailboxes.ts";
import { receiveEmail } from "../modules/email/receive.ts";
import { recordContentGap } from "../modules/bot/gaps.ts";

/**
 * Tenants never leak. Every operation in the OpenAPI document is called by workspace
 * B against workspace A's resources. The table below must name every operation, so a
 * new route cannot ship without a cross-workspace case.
 */

interface Fixtures {
  conversationId: string;
  customerId: string;
  userId: string;
  teamId: string;
  apiTokenId: string;
  viewId: string;
  invitationId: string;
  notificationId: string;
  attachmentId: string;
  mailboxId: string;
  quarantinedEmailId: string;
  categoryId: string;
  articleId: string;
  contentGapId: string;
  /** B's own conversation, for operations whose body points at A's resources. */
  ownConversationId: string;
}

interface Case {
  /** Fills the path's parameter ({id}, {name}); absent for routes without one. */
  id?: (f: Fixtures) => string;
  body?: (f: Fixtures) => unknown;
  query?: string;
  /** What B should get: 404 for A's resources; for collection routes, a success that shows none of A's data. */
  expect: "not_found" | "no_leak";
  /** A's ids that B itself sent and may be told back, such as the ids a bulk change could not find. */
  echoes?: (f: Fixtures) => string[];
}

const SECRET = "zebracorn";

const CASES: Record<string, Case> = {
  "POST /api/v1/signup": { expect: "no_leak", body: () => ({ workspaceName: "Other", name: "N", email: `signup-${Date.now()}@example.test`, password: "long enough password" }) },
  "POST /api/v1/auth/login": { expect: "no_leak", body: () => ({ email: "nobody@example.test", password: "wrong" }) },
  "POST /api/v1/auth/logout": { expect: "no_leak" },
  "GET /api/v1/auth/session": { expect: "no_leak" },
  "GET /api/v1/workspace": { expect: "no_leak" },
  "PATCH /api/v1/workspace": { expect: "no_leak", body: () => ({ name: "B renamed" }) },
  "GET /api/v1/users": { expect: "no_leak" },
  "POST /api/v1/users": { expect: "no_leak", body: () => ({ email: `b-${Date.now()}@example.test`, name: "B person", role: "agent", password: "long enough password" }) },
  "GET /api/v1/users/{id}": { expect: "not_found", id: (f) => f.userId },
  "PATCH /api/v1/users/{id}": { expect: "not_found", id: (f) => f.userId, body: () => ({ name: "Hijacked", active: false }) },
  "GET /api/v1/teams": { expect: "no_leak" },
  "POST /api/v1/teams": { expect: "not_found", body: (f) => ({ name: `B team ${Date.now()}`, memberIds: [f.userId] }) },
  "GET /api/v1/teams/{id}": { expect: "not_found", id: (f) => f.teamId },
  "PATCH /api/v1/teams/{id}": { expect: "not_found", id: (f) => f.teamId, body: () => ({ name: "Hijacked" }) },
  "DELETE /api/v1/teams/{id}": { expect: "not_found", id: (f) => f.teamId },
  "GET /api/v1/api-tokens": { expect: "no_leak" },
  "POST /api/v1/api-tokens": { expect: "no_leak", body: () => ({ name: "b", scopes: ["conversations:read"] }) },
  "DELETE /api/v1/api-tokens/{id}": { expect: "not_found", id: (f) => f.apiTokenId },
  "GET /api/v1/audit-log": { expect: "no_leak" },
  "GET /api/v1/customers": { expect: "no_leak", query: `?q=${SECRET}` },
  "POST /api/v1/customers": { expect: "no_leak", body: () => ({ email: `${SECRET}@a.example.test`, name: "B's own" }) },
  "GET /api/v1/customers/{id}": { expect: "not_found", id: (f) => f.customerId },
  "PATCH /api/v1/customers/{id}": { expect: "not_found", id: (f) => f.customerId, body: () => ({ name: "Hijacked" }) },
  "DELETE /api/v1/customers/{id}": { expect: "not_found", id: (f) => f.customerId },
  "GET /api/v1/conversations": { expect: "no_leak" },
  "POST /api/v1/conversations": { expect: "no_leak", body: () => ({ customer: { email: `${SECRET}@a.example.test` }, message: { text: "B's own message" } }) },
  "GET /api/v1/conversations/{id}": { expect: "not_found", id: (f) => f.conversationId },
  "PATCH /api/v1/conversations/{id}": { expect: "not_found", id: (f) => f.conversationId, body: () => ({ status: "closed" }) },
  "POST /api/v1/conversations/{id}/assign": { expect: "not_found", id: (f) => f.conversationId, body: () => ({ assigneeId: null }) },
  "POST /api/v1/conversations/{id}/status": { expect: "not_found", id: (f) => f.conversationId, body: () => ({ status: "resolved" }) },
  "POST /api/v1/conversations/{id}/tags": { expect: "not_found", id: (f) => f.conversationId, body: () => ({ add: ["hijacked"] }) },
  "POST /api/v1/conversations/{id}/merge": { expect: "not_found", id: (f) => f.ownConversationId, body: (f) => ({ intoId: f.conversationId }) },
  "GET /api/v1/conversations/{id}/messages": { expect: "not_found", id: (f) => f.conversationId },
  "POST /api/v1/conversations/{id}/messages": { expect: "not_found", id: (f) => f.conversationId, body: () => ({ text: "Injected" }) },
  "GET /api/v1/conversations/{id}/events": { expect: "not_found", id: (f) => f.conversationId },
  "GET /api/v1/conversations/{id}/visitor": { expect: "not_found", id: (f) => f.conversationId },
  "GET /api/v1/widget/settings": { expect: "no_leak" },
  "PATCH /api/v1/widget/settings": { expect: "no_leak", body: () => ({ appearance: { title: "B's widget" }, allowedOrigins: ["https://b.example"] }) },
  "POST /api/v1/widget/settings/rotate-secret": { expect: "no_leak" },
  "POST /api/v1/conversations/bulk": {
    expect: "no_leak",
    body: (f) => ({ ids: [f.conversationId], status: "closed", assigneeId: null, addTags: ["hijacked"] }),
    echoes: (f) => [f.conversationId],
  },
  "GET /api/v1/search": { expect: "no_leak", query: `?q=${SECRET}` },
  "POST /api/v1/attachments": { expect: "no_leak", query: "?filename=b.txt" },
  "GET /api/v1/attachments/{id}": { expect: "not_found", id: (f) => f.attachmentId },
  "GET /api/v1/conversations/counts": { expect: "no_leak" },
  "GET /api/v1/views": { expect: "no_leak" },
  "POST /api/v1/views": { expect: "not_found", body: (f) => ({ name: "B view", filters: { assignee: f.userId } }) },
  "PATCH /api/v1/views/{id}": { expect: "not_found", id: (f) => f.viewId, body: () => ({ name: "Hijacked" }) },
  "DELETE /api/v1/views/{id}": { expect: "not_found", id: (f) => f.viewId },
  "GET /api/v1/tags": { expect: "no_leak" },
  "POST /api/v1/tags/rename": { expect: "not_found", body: () => ({ from: SECRET, to: "hijacked" }) },
  "DELETE /api/v1/tags/{name}": { expect: "not_found", id: () => SECRET },
  "GET /api/v1/notifications": { expect: "no_leak" },
  "POST /api/v1/notifications/read": { expect: "no_leak", body: (f) => ({ ids: [f.notificationId] }) },
  "GET /api/v1/invitations": { expect: "no_leak" },
  "POST /api/v1/invitations": { expect: "no_leak", body: () => ({ email: `invitee-${Date.now()}@example.test`, role: "agent" }) },
  "DELETE /api/v1/invitations/{id}": { expect: "not_found", id: (f) => f.invitationId },
  "POST /api/v1/invitations/lookup": { expect: "no_leak", body: () => ({ token: "rpi_not-a-real-token" }) },
  "POST /api/v1/invitations/accept": { expect: "no_leak", body: () => ({ token: "rpi_not-a-real-token", name: "N", password: "long enough password" }) },
  "PATCH /api/v1/me": { expect: "no_leak", body: () => ({ name: "B me" }) },
  "GET /api/v1/mailboxes": { expect: "no_leak" },
  "POST /api/v1/mailboxes": { expect: "no_leak", body: () => ({ name: "B mailbox", address: `b-${Date.now()}@b.example.test` }) },
  "GET /api/v1/mailboxes/{id}": { expect: "not_found", id: (f) => f.mailboxId },
  "PATCH /api/v1/mailboxes/{id}": { expect: "not_found", id: (f) => f.mailboxId, body: () => ({ name: "Hijacked", address: "hijacked@b.example.test" }) },
  "DELETE /api/v1/mailboxes/{id}": { expect: "not_found", id: (f) => f.mailboxId },
  "POST /api/v1/mailboxes/{id}/test": { expect: "not_found", id: (f) => f.mailboxId },
  "GET /api/v1/mailboxes/quarantine": { expect: "no_leak" },
  "GET /api/v1/mailboxes/quarantine/{id}/raw": { expect: "not_found", id: (f) => f.quarantinedEmailId },
  "POST /api/v1/mailboxes/quarantine/{id}/reprocess": { expect: "not_found", id: (f) => f.quarantinedEmailId },
  "GET /api/v1/knowledge/categories": { expect: "no_leak" },
  "POST /api/v1/knowledge/categories": { expect: "no_leak", body: () => ({ name: "B category", locale: "en" }) },
  "GET /api/v1/knowledge/categories/{id}": { expect: "not_found", id: (f) => f.categoryId },
  "PATCH /api/v1/knowledge/categories/{id}": { expect: "not_found", id: (f) => f.categoryId, body: () => ({ name: "Hijacked" }) },
  "DELETE /api/v1/knowledge/categories/{id}": { expect: "not_found", id: (f) => f.categoryId },
  "GET /api/v1/knowledge/articles": { expect: "no_leak" },
  "POST /api/v1/knowledge/articles": { expect: "not_found", body: (f) => ({ locale: "en", title: "B article", bodyMarkdown: "x", categoryId: f.categoryId }) },
  "GET /api/v1/knowledge/articles/{id}": { expect: "not_found", id: (f) => f.articleId },
  "PATCH /api/v1/knowledge/articles/{id}": { expect: "not_found", id: (f) => f.articleId, body: () => ({ title: "Hijacked" }) },
  "DELETE /api/v1/knowledge/articles/{id}": { expect: "not_found", id: (f) => f.articleId },
  "POST /api/v1/knowledge/articles/{id}/publish": { expect: "not_found", id: (f) => f.articleId },
  "POST /api/v1/knowledge/articles/{id}/archive": { expect: "not_found", id: (f) => f.articleId },
  "GET /api/v1/knowledge/articles/{id}/versions": { expect: "not_found", id: (f) => f.articleId },
  "POST /api/v1/knowledge/articles/{id}/restore": { expect: "not_found", id: (f) => f.articleId, body: () => ({ version: 1 }) },
  "GET /api/v1/knowledge/articles/{id}/translations": { expect: "not_found", id: (f) => f.articleId },
  "POST /api/v1/knowledge/articles/{id}/translations": { expect: "not_found", id: (f) => f.articleId, body: () => ({ locale: "de", title: "Gekapert", bodyMarkdown: "x" }) },
  "POST /api/v1/knowledge/articles/{id}/votes": { expect: "not_found", id: (f) => f.articleId, body: () => ({ helpful: false }) },
  "POST /api/v1/knowledge/articles/{id}/views": { expect: "not_found", id: (f) => f.articleId },
  "GET /api/v1/knowledge/search": { expect: "no_leak", query: `?q=${SECRET}` },
  "POST /api/v1/knowledge/articles/{id}/unpublish": { expect: "not_found", id: (f) => f.articleId },
  "GET /api/v1/knowledge/articles/{id}/related": { expect: "not_found", id: (f) => f.articleId },
  "POST /api/v1/knowledge/preview": { expect: "no_leak", body: () => ({ bodyMarkdown: `# ${SECRET}?` }) },
  "GET /api/v1/conversations/{id}/article-suggestions": { expect: "not_found", id: (f) => f.conversationId },
  "GET /api/v1/help-center/settings": { expect: "no_leak" },
  "PATCH /api/v1/help-center/settings": { expect: "no_leak", body: () => ({ title: "B's help center" }) },
  "GET /api/v1/bot/settings": { expect: "no_leak" },
  "PATCH /api/v1/bot/settings": { expect: "no_leak", body: () => ({ name: "B's bot" }) },
  "GET /api/v1/bot/stats": { expect: "no_leak" },
  "GET /api/v1/bot/content-gaps": { expect: "no_leak" },
  "POST /api/v1/bot/content-gaps/{id}/dismiss": { expect: "not_found", id: (f) => f.contentGapId },
};

/** Body-borne references to A's resources from B's own conversation. */
const REFERENCE_CASES: { name: string; method: string; path: (f: Fixtures) => string; body: (f: Fixtures) => unknown }[] = [
  { name: "assign B's conversation to A's user", method: "POST", path: (f) => `/api/v1/conversations/${f.ownConversationId}/assign`, body: (f) => ({ assigneeId: f.userId }) },
  { name: "give B's conversation A's team", method: "PATCH", path: (f) => `/api/v1/conversations/${f.ownConversationId}`, body: (f) => ({ teamId: f.teamId }) },
  { name: "mention A's user in B's note", method: "POST", path: (f) => `/api/v1/conversations/${f.ownConversationId}/messages`, body: (f) => ({ kind: "note", text: "hi", mentions: [f.userId] }) },
  { name: "bulk-assign B's conversation to A's user", method: "POST", path: () => "/api/v1/conversations/bulk", body: (f) => ({ ids: [f.ownConversationId], assigneeId: f.userId }) },
  { name: "attach A's file to B's reply", method: "POST", path: (f) => `/api/v1/conversations/${f.ownConversationId}/messages`, body: (f) => ({ text: "hi", attachments: [{ id: f.attachmentId, filename: "x.txt", contentType: "text/plain", size: 1 }] }) },
  { name: "list B's conversations filtered by A's customer", method: "GET", path: (f) => `/api/v1/conversations?customerId=${f.customerId}`, body: () => undefined },
];

let server: TestServer;
let a: TestWorkspace;
let b: TestWorkspace;
let fixtures: Fixtures;
let aSecrets: string[];
/** A's agent, who has A's notification. */
let aMember: ApiClient;

beforeAll(async () => {
  server = await sharedServer();
  a = await createTestWorkspace(server, "Workspace A");
  b = await createTestWorkspace(server, "Workspace B");
  const { conversation } = await createConversation(a, { customer: { email: `${SECRET}@a.example.test`, name: `${SECRET} customer` }, subject: `${SECRET} subject` });
  const member = await a.member("agent");
  const team = await a.api.post<{ id: string }>("/api/v1/teams", { name: "A team", memberIds: [member.userId] });
  const token = await a.api.post<{ apiToken: { id: string } }>("/api/v1/api-tokens", { name: "A token", scopes: ["conversations:read"] });
  const view = await a.api.post<{ id: string }>("/api/v1/views", { name: `${SECRET} view`, filters: { assignee: member.userId }, shared: true });
  const invitation = await a.api.post<{ invitation: { id: string } }>("/api/v1/invitations", { email: `${SECRET}-invitee@example.test`, role: "agent" });
  const tagged = await createConversation(a, { subject: "Tagged" });
  await a.api.post(`/api/v1/conversations/${tagged.conversation.id}/tags`, { add: [SECRET] });
  await a.api.post(`/api/v1/conversations/${tagged.conversation.id}/assign`, { assigneeId: member.userId });
  aMember = member.api;
  const notification = await member.api.get<{ items: { id: string }[] }>("/api/v1/notifications");
  const attachment = await a.api.request<{ id: string }>("POST", `/api/v1/attachments?filename=${SECRET}.txt`, `${SECRET} file`, { "content-type": "text/plain" });
  const mailboxAddress = `${SECRET}-${a.slug}@a.example.test`;
  const createdMailbox = await a.api.post<{ id: string }>("/api/v1/mailboxes", { name: `${SECRET} mailbox`, address: mailboxAddress });
  const mailbox = (await findMailboxByRecipient(server.database.db, mailboxAddress, server.config.email.domain))!;
  // Without a sender it cannot be received, so it stays in A's quarantine.
  const quarantined = await receiveEmail(
    { db: server.database.db, files: server.files },
    { mailbox, raw: Buffer.from(`To: ${mailboxAddress}\r\nSubject: ${SECRET} quarantined\r\n\r\n${SECRET} body\r\n`) },
  );
  const category = await a.api.post<{ id: string }>("/api/v1/knowledge/categories", { name: `${SECRET} category`, locale: "en" });
  const article = await a.api.post<{ id: string }>("/api/v1/knowledge/articles", { locale: "en", title: `${SECRET} article`, bodyMarkdown: `${SECRET} body`, categoryId: category.body.id });
  await a.api.post(`/api/v1/knowledge/articles/${article.body.id}/publish`);
  expect((await a.api.patch("/api/v1/help-center/settings", { title: `${SECRET} help center` })).status).toBe(200);
  expect((await a.api.patch("/api/v1/bot/settings", { name: `${SECRET} bot`, greeting: { en: `${SECRET} greeting` } })).status).toBe(200);
  await recordContentGap(server.database.db, a.id, `${SECRET} question nobody has written about`);
  const gaps = await a.api.get<{ items: { id: string }[] }>("/api/v1/bot/content-gaps");
  const own = await createConversation(b);
  fixtures = {
    conversationId: conversation.id,
    customerId: conversation.customer.id,
    userId: member.userId,
    teamId: team.body.id,
    apiTokenId: token.body.apiToken.id,
    ownConversationId: own.conversation.id,
    viewId: view.body.id,
    invitationId: invitation.body.invitation.id,
    notificationId: notification.body.items[0]!.id,
    attachmentId: attachment.body.id,
    mailboxId: createdMailbox.body.id,
    quarantinedEmailId: quarantined.emailId,
    categoryId: category.body.id,
    articleId: article.body.id,
    contentGapId: gaps.body.items[0]!.id,
  };
  aSecrets = [a.id, ...Object.entries(fixtures).filter(([key]) => key !== "ownConversationId").map(([, value]) => value), a.ownerEmail, mailboxAddress];
});

function leaks(response: ApiResponse): string[] {
  const text = JSON.stringify(response.body);
  return aSecrets.filter((secret) => text.includes(secret));
}

describe("one workspace cannot reach another's data", () => {
  it("names every operation in the OpenAPI document", async () => {
    const spec = await b.api.get<{ paths: Record<string, Record<string, unknown>> }>("/api/v1/openapi.json");
    const operations = Object.entries(spec.body.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(operations.length).toBeGreaterThan(20);
    expect(operations.filter((operation) => !(operation in CASES))).toEqual([]);
    expect(Object.keys(CASES).filter((operation) => !operations.includes(operation))).toEqual([]);
  });

  for (const [operation, testCase] of Object.entries(CASES)) {
    it(`${operation} as workspace B`, async () => {
      const [method, template] = operation.split(" ") as [string, string];
      const path = template.replace(/\{\w+\}/, testCase.id ? testCase.id(fixtures) : "") + (testCase.query ?? "");
      const body = testCase.body?.(fixtures);
      const response = await b.api.request(method, path, body ?? (method === "GET" || method === "DELETE" ? undefined : {}));
      if (testCase.expect === "not_found") {
        expect(response.status, JSON.stringify(response.body)).toBe(404);
      } else {
        expect(response.status, JSON.stringify(response.body)).toBeLessThan(500);
      }
      const echoed = testCase.echoes?.(fixtures) ?? [];
      expect(leaks(response).filter((secret) => !echoed.includes(secret))).toEqual([]);
    });
  }

  for (const reference of REFERENCE_CASES) {
    it(`refuses to ${reference.name}`, async () => {
      const response = await b.api.request(reference.method, reference.path(fixtures), reference.body(fixtures));
      if (reference.method === "GET") {
        expect(response.status).toBe(200);
        expect((response.body as { items: unknown[] }).items).toEqual([]);
      } else {
        expect(response.status, JSON.stringify(response.body)).toBe(404);
      }
      expect(leaks(response)).toEqual([]);
    });
  }

  it("left workspace A exactly as it was", async () => {
    const conversation = await a.api.get<{ status: string; tags: string[]; messageCount: number; mergedIntoId: string | null }>(`/api/v1/conversations/${fixtures.conversationId}`);
    expect(conversation.body).toMatchObject({ status: "open", tags: [], messageCount: 1, mergedIntoId: null });
    const customer = await a.api.get<{ name: string }>(`/api/v1/customers/${fixtures.customerId}`);
    expect(customer.body.name).toBe(`${SECRET} customer`);
    const team = await a.api.get<{ name: string }>(`/api/v1/teams/${fixtures.teamId}`);
    expect(team.body.name).toBe("A team");
    const user = await a.api.get<{ name: string; active: boolean }>(`/api/v1/users/${fixtures.userId}`);
    expect(user.body).toMatchObject({ name: "agent person", active: true });
    const tokens = await a.api.get<{ items: { id: string; revokedAt: string | null }[] }>("/api/v1/api-tokens");
    expect(tokens.body.items.find((token) => token.id === fixtures.apiTokenId)?.revokedAt).toBeNull();
    const customers = await a.api.get<{ items: unknown[] }>(`/api/v1/customers?q=${SECRET}`);
    expect(customers.body.items).toHaveLength(1);
    expect((await a.api.get<{ items: { name: string }[] }>("/api/v1/views")).body.items.map((v) => v.name)).toEqual([`${SECRET} view`]);
    expect((await a.api.get<{ items: unknown[] }>("/api/v1/tags")).body.items).toEqual([{ name: SECRET, count: 1 }]);
    expect((await a.api.get<{ items: { id: string }[] }>("/api/v1/invitations")).body.items.map((i) => i.id)).toEqual([fixtures.invitationId]);
    expect((await a.api.get<{ title: string | null }>("/api/v1/help-center/settings")).body.title).toBe(`${SECRET} help center`);
    expect((await a.api.get<{ name: string }>("/api/v1/bot/settings")).body.name).toBe(`${SECRET} bot`);
    expect((await a.api.get<{ items: { id: string }[] }>("/api/v1/bot/content-gaps")).body.items.map((gap) => gap.id)).toEqual([fixtures.contentGapId]);
    expect((await a.api.get<{ status: string }>(`/api/v1/knowledge/articles/${fixtures.articleId}`)).body.status).toBe("published");
    expect((await aMember.get<{ unreadCount: number }>("/api/v1/notifications")).body.unreadCount).toBe(1);
    expect((await a.api.get<{ name: string }>(`/api/v1/mailboxes/${fixtures.mailboxId}`)).body.name).toBe(`${SECRET} mailbox`);
    expect((await a.api.get<{ items: { id: string }[] }>("/api/v1/mailboxes/quarantine")).body.items.map((e) => e.id)).toEqual([fixtures.quarantinedEmailId]);
    expect((await a.api.get<{ name: string }>(`/api/v1/knowledge/categories/${fixtures.categoryId}`)).body.name).toBe(`${SECRET} category`);
    const article = await a.api.get<{ title: string; status: string; version: number; viewCount: number; helpfulCount: number; unhelpfulCount: number }>(`/api/v1/knowledge/articles/${fixtures.articleId}`);
    expect(article.body).toMatchObject({ title: `${SECRET} article`, status: "published", version: 1, viewCount: 0, helpfulCount: 0, unhelpfulCount: 0 });
    expect((await a.api.get<{ items: unknown[] }>(`/api/v1/knowledge/articles/${fixtures.articleId}/translations`)).body.items).toEqual([]);
  });
});
