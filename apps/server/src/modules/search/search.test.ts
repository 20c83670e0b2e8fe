import { beforeAll, describe, expect, it } from "vitest";
import { createConversation, createTestWorkspace, sharedServer, type TestWorkspace } from "../../testing/harness.ts";

interface SearchBody {
  conversations: { conversation: { id: string; subject: string }; highlight: string }[];
  customers: { customer: { id: string; email: string }; highlight: string }[];
}

let ws: TestWorkspace;
let other: TestWorkspace;
let tent: string;
let stove: string;

beforeAll(async () => {
  const server = await sharedServer();
  ws = await createTestWorkspace(server);
  other = await createTestWorkspace(server);
  tent = (await createConversation(ws, { subject: "Broken tent pole", message: { text: "The pole snapped on the first night." } })).conversation.id;
  stove = (await createConversation(ws, { subject: "Stove question", customer: { email: "gwendolyn@example.test", name: "Gwendolyn Price" }, message: { text: "Does it work at altitude?" } }))
    .conversation.id;
  await ws.api.post(`/api/v1/conversations/${stove}/messages`, { text: "Use an isobutane canister <b>above</b> 3000 m." });
  await createConversation(other, { subject: "Broken tent pole too", message: { text: "Other workspace's tent." } });
});

describe("search", () => {
  it("finds conversations by subject and by message text, with highlighted passages", async () => {
    const bySubject = await ws.api.get<SearchBody>("/api/v1/search?q=tent");
    expect(bySubject.body.conversations.map((hit) => hit.conversation.id)).toEqual([tent]);
    expect(bySubject.body.conversations[0]!.highlight).toContain("<mark>tent</mark>");

    const byMessage = await ws.api.get<SearchBody>("/api/v1/search?q=isobutane&type=conversations");
    expect(byMessage.body.conversations.map((hit) => hit.conversation.id)).toEqual([stove]);
    expect(byMessage.body.customers).toEqual([]);
    // Stored text is escaped in the highlight; only <mark> is markup.
    expect(byMessage.body.conversations[0]!.highlight).not.toContain("<b>");
  });

  it("finds a customer's conversations by their name or address, and a conversation by its number", async () => {
    const byName = await ws.api.get<SearchBody>("/api/v1/search?q=gwendolyn&type=conversations");
    expect(byName.body.conversations.map((hit) => hit.conversation.id)).toEqual([stove]);
    expect(byName.body.conversations[0]!.highlight).toContain("<mark>Gwendolyn</mark>");
    const byEmail = await ws.api.get<SearchBody>(`/api/v1/search?q=${encodeURIComponent("gwendolyn@example.test")}&type=conversations`);
    expect(byEmail.body.conversations.map((hit) => hit.conversation.id)).toEqual([stove]);

    const { number } = (await ws.api.get<{ number: number }>(`/api/v1/conversations/${stove}`)).body;
    for (const q of [`#${number}`, String(number)]) {
      const byNumber = await ws.api.get<SearchBody>(`/api/v1/search?q=${encodeURIComponent(q)}&type=conversations`);
      expect(byNumber.body.conversations[0]?.conversation.id, q).toBe(stove);
    }
    // Another workspace's conversation with the same number stays out.
    const theirs = await other.api.get<SearchBody>(`/api/v1/search?q=${number}&type=conversations`);
    expect(theirs.body.conversations.map((hit) => hit.conversation.id)).not.toContain(stove);
  });

  it("finds customers and understands phrases and exclusions", async () => {
    const people = await ws.api.get<SearchBody>("/api/v1/search?q=gwendolyn&type=customers");
    expect(people.body.customers.map((hit) => hit.customer.email)).toEqual(["gwendolyn@example.test"]);
    const excluded = await ws.api.get<SearchBody>(`/api/v1/search?q=${encodeURIComponent("first -night")}`);
    expect(excluded.body.conversations.map((hit) => hit.conversation.id)).toEqual([]);
    const phrase = await ws.api.get<SearchBody>(`/api/v1/search?q=${encodeURIComponent('"first night"')}`);
    expect(phrase.body.conversations.map((hit) => hit.conversation.id)).toEqual([tent]);
  });

  it("filters by status and never crosses workspaces", async () => {
    await ws.api.post(`/api/v1/conversations/${tent}/status`, { status: "resolved" });
    expect((await ws.api.get<SearchBody>("/api/v1/search?q=tent&status=open")).body.conversations).toEqual([]);
    expect((await ws.api.get<SearchBody>("/api/v1/search?q=tent&status=resolved")).body.conversations).toHaveLength(1);
    const theirs = await other.api.get<SearchBody>("/api/v1/search?q=tent");
    expect(theirs.body.conversations.map((hit) => hit.conversation.id)).not.toContain(tent);
    expect(theirs.body.conversations).toHaveLength(1);
  });

  it("treats odd queries as text, not syntax errors", async () => {
    for (const q of ["(", "!!", "a & | b", "'", "\\", "-", "∑∆"]) {
      const response = await ws.api.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(response.status, q).toBe(200);
    }
  });
});
