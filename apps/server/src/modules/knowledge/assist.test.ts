import { beforeAll, describe, expect, it } from "vitest";
import { createConversation, createTestWorkspace, sharedServer, type TestServer, type TestWorkspace } from "../../testing/harness.ts";
import { firstParagraph, queryFromMessages } from "./assist.ts";

interface Suggestion {
  id: string;
  title: string;
  locale: string;
  internal: boolean;
  snippet: string;
  excerpt: string;
  url: string | null;
}
type ErrorBody = { error: { code: string; message: string } };

let server: TestServer;

beforeAll(async () => {
  server = await sharedServer();
});

async function publish(ws: TestWorkspace, fields: Record<string, unknown>): Promise<string> {
  const created = await ws.api.post<{ id: string }>("/api/v1/knowledge/articles", { locale: "en", ...fields });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect((await ws.api.post(`/api/v1/knowledge/articles/${created.body.id}/publish`)).status).toBe(200);
  return created.body.id;
}

const suggestions = (ws: TestWorkspace, conversationId: string, query = "") =>
  ws.api.get<{ items: Suggestion[] }>(`/api/v1/conversations/${conversationId}/article-suggestions${query}`);

describe("article suggestions beside a conversation", () => {
  it("finds this workspace's articles from the customer's words, internal ones included, with a help-center link for public ones", async () => {
    const ws = await createTestWorkspace(server);
    const other = await createTestWorkspace(server);
    const refund = await publish(ws, { title: "Getting a refund", bodyMarkdown: "# Refunds\n\nWrite to us within **30 days** and we refund the order.\n\nMore details." });
    const internal = await publish(ws, { title: "Refund approvals", bodyMarkdown: "Refunds over 500 need a supervisor.", internal: true });
    await publish(ws, { title: "Changing your password", bodyMarkdown: "Open your profile." });
    await publish(other, { title: "Refund policy elsewhere", bodyMarkdown: "Another workspace's refund article." });
    const { conversation } = await createConversation(ws, { message: { text: "Hi, I would like a refund for my broken kettle please" } });

    const answer = await suggestions(ws, conversation.id);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const byId = new Map(answer.body.items.map((item) => [item.id, item]));
    expect([...byId.keys()].sort()).toEqual([refund, internal].sort());
    expect(byId.get(refund)).toMatchObject({
      title: "Getting a refund",
      locale: "en",
      internal: false,
      excerpt: "Write to us within 30 days and we refund the order.",
      url: `${server.config.publicUrl}/help/${ws.slug}/en/articles/getting-a-refund`,
    });
    expect(byId.get(refund)!.snippet).toContain("<mark>");
    expect(byId.get(internal)).toMatchObject({ internal: true, url: null });

    // An agent, not only a lead, is offered the internal article.
    const agent = await ws.member("agent");
    const agentAnswer = await agent.api.get<{ items: Suggestion[] }>(`/api/v1/conversations/${conversation.id}/article-suggestions`);
    expect(agentAnswer.body.items.map((item) => item.id)).toContain(internal);
  });

  it("searches the agent's own words instead when given some", async () => {
    const ws = await createTestWorkspace(server);
    const password = await publish(ws, { title: "Changing your password", bodyMarkdown: "Open your profile." });
    const { conversation } = await createConversation(ws, { message: { text: "Where is my parcel?" } });
    expect((await suggestions(ws, conversation.id, "?q=password")).body.items.map((item) => item.id)).toEqual([password]);
    expect((await suggestions(ws, conversation.id)).body.items).toEqual([]);
  });

  it("answers 404 for another workspace's conversation", async () => {
    const ws = await createTestWorkspace(server);
    const other = await createTestWorkspace(server);
    await publish(ws, { title: "Getting a refund", bodyMarkdown: "We refund." });
    const { conversation } = await createConversation(other, { message: { text: "refund please" } });
    const answer = await ws.api.get<ErrorBody>(`/api/v1/conversations/${conversation.id}/article-suggestions`);
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe("conversation_not_found");
  });

  it("previews Markdown with the published sanitizer, and takes an article back to draft", async () => {
    const ws = await createTestWorkspace(server);
    const preview = await ws.api.post<{ html: string }>("/api/v1/knowledge/preview", { bodyMarkdown: "**bold** <img src=x onerror=alert(1)>" });
    expect(preview.body.html).toContain("<strong>bold</strong>");
    expect(preview.body.html).not.toContain("onerror");
    const id = await publish(ws, { title: "Shipping times", bodyMarkdown: "Two days." });
    expect((await ws.api.post<{ status: string }>(`/api/v1/knowledge/articles/${id}/unpublish`)).body.status).toBe("draft");
    const agent = await ws.member("agent");
    expect((await agent.api.post(`/api/v1/knowledge/articles/${id}/unpublish`)).status).toBe(403);
  });
});

describe("the words behind a suggestion", () => {
  it("joins distinct words with OR and leaves out short ones and the operator itself", () => {
    expect(queryFromMessages(["Refund or return?", "a REFUND, -now"])).toBe("refund OR return OR now");
  });

  it("quotes the first paragraph that is not a heading, as text that keeps its links' addresses", () => {
    expect(firstParagraph("# Title\n\nSee [our page](https://example.test) for *more*.\n\nLater.")).toBe("See our page [https://example.test] for more.");
  });
});
