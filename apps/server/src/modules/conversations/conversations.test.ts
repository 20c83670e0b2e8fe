import { inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { inWorkspace } from "../../platform/tenancy.ts";
import { messages as messageTable } from "./schema.ts";
import { createConversation, createTestWorkspace, sharedServer, type TestServer, type TestWorkspace } from "../../testing/harness.ts";

interface Conversation {
  id: string;
  number: number;
  status: string;
  priority: string;
  assigneeId: string | null;
  tags: string[];
  messageCount: number;
  firstResponseAt: string | null;
  mergedIntoId: string | null;
  lastMessagePreview: string;
  customer: { id: string; email: string | null };
}
interface Message {
  id: string;
  kind: string;
  authorType: string;
  text: string;
  html: string | null;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

let server: TestServer;
let ws: TestWorkspace;

beforeAll(async () => {
  server = await sharedServer();
  ws = await createTestWorkspace(server);
});

describe("receiving on the API channel", () => {
  it("finds or creates the customer by identity and opens numbered conversations", async () => {
    const first = await createConversation(ws, { customer: { email: "Ana@Example.com", name: "Ana" } });
    const second = await createConversation(ws, { customer: { email: "ana@example.com" } });
    expect(second.conversation.customer.id).toBe(first.conversation.customer.id);
    expect(second.conversation.number).toBe(first.conversation.number + 1);
    expect(first.conversation.status).toBe("open");
    expect(first.message).toMatchObject({ kind: "inbound", authorType: "customer" });
  });

  it("sanitizes hostile HTML and keeps a plain-text body", async () => {
    const { message } = await createConversation(ws, {
      message: { html: '<p onclick="steal()">Hi <b>there</b><script>alert(1)</script><a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)></p>' },
    });
    const html = (message as unknown as Message).html!;
    expect(html).not.toMatch(/script|onclick|onerror|javascript:/i);
    expect(html).toContain("<b>there</b>");
    expect((message as unknown as Message).text).toContain("Hi there");
  });

  it("stores a redelivered message (same externalId) once", async () => {
    const body = { customer: { email: "redeliver@example.test" }, message: { text: "Once only", externalId: "<abc@mail.example>" } };
    const first = await ws.api.post<{ message: Message; conversation: Conversation }>("/api/v1/conversations", body);
    const again = await ws.api.post<{ message: Message; conversation: Conversation }>("/api/v1/conversations", body);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.message.id).toBe(first.body.message.id);
    expect(again.body.conversation.messageCount).toBe(1);
  });
});

describe("working a conversation", () => {
  it("replies, notes, assigns, tags, resolves, and a customer reply reopens", async () => {
    const { conversation } = await createConversation(ws);
    const path = `/api/v1/conversations/${conversation.id}`;
    const reply = await ws.api.post<Message>(`${path}/messages`, { text: "Sorry about that — I'm checking with the courier now." });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ kind: "reply", authorType: "agent" });
    const note = await ws.api.post<Message>(`${path}/messages`, { kind: "note", text: "Courier ticket 7781", mentions: [ws.ownerId] });
    expect(note.status).toBe(201);

    const assigned = await ws.api.post<Conversation>(`${path}/assign`, { assigneeId: ws.ownerId });
    expect(assigned.body.assigneeId).toBe(ws.ownerId);
    const tagged = await ws.api.post<Conversation>(`${path}/tags`, { add: ["Shipping", "late delivery"] });
    expect(tagged.body.tags).toEqual(["late-delivery", "shipping"]);
    const resolved = await ws.api.post<Conversation>(`${path}/status`, { status: "resolved" });
    expect(resolved.body.status).toBe("resolved");

    await ws.api.post(`${path}/messages`, { kind: "inbound", text: "It still hasn't come." });
    const after = await ws.api.get<Conversation>(path);
    expect(after.body.status).toBe("open");
    expect(after.body.firstResponseAt).not.toBeNull();
    expect(after.body.messageCount).toBe(4);
    expect(after.body.lastMessagePreview).toBe("It still hasn't come.");

    const messages = await ws.api.get<Page<Message>>(`${path}/messages`);
    expect(messages.body.items.map((m) => m.kind)).toEqual(["inbound", "reply", "note", "inbound"]);
  });

  it("many messages at once to one conversation are all stored and counted", async () => {
    const { conversation } = await createConversation(ws);
    const path = `/api/v1/conversations/${conversation.id}/messages`;
    const responses = await Promise.all(Array.from({ length: 30 }, (_, i) => ws.api.post(path, { kind: i % 2 ? "inbound" : "reply", text: `Message ${i}` })));
    expect(responses.map((response) => response.status)).toEqual(Array(30).fill(201));
    const after = await ws.api.get<Conversation>(`/api/v1/conversations/${conversation.id}`);
    expect(after.body.messageCount).toBe(31);
  });

  it("snoozing needs a wake-up time in the future", async () => {
    const { conversation } = await createConversation(ws);
    const path = `/api/v1/conversations/${conversation.id}/status`;
    expect((await ws.api.post(path, { status: "snoozed" })).status).toBe(400);
    expect((await ws.api.post(path, { status: "snoozed", snoozedUntil: new Date(Date.now() - 1000).toISOString() })).status).toBe(400);
    const snoozed = await ws.api.post<Conversation>(path, { status: "snoozed", snoozedUntil: new Date(Date.now() + 3_600_000).toISOString() });
    expect(snoozed.body.status).toBe("snoozed");
  });

  it("merges one conversation into another", async () => {
    const source = await createConversation(ws);
    const target = await createConversation(ws);
    const merged = await ws.api.post<Conversation>(`/api/v1/conversations/${source.conversation.id}/merge`, { intoId: target.conversation.id });
    expect(merged.status).toBe(200);
    expect(merged.body.id).toBe(target.conversation.id);
    expect(merged.body.messageCount).toBe(3); // both messages plus the system note
    const gone = await ws.api.get<Conversation>(`/api/v1/conversations/${source.conversation.id}`);
    expect(gone.body).toMatchObject({ status: "closed", mergedIntoId: target.conversation.id, messageCount: 0 });
    const again = await ws.api.post<{ error: { code: string } }>(`/api/v1/conversations/${source.conversation.id}/merge`, { intoId: target.conversation.id });
    expect(again.body.error.code).toBe("already_merged");
  });
});

describe("listing", () => {
  it("filters by status, assignee, tag and channel, and pages with a cursor", async () => {
    const own = await createTestWorkspace(server);
    for (let i = 0; i < 5; i++) await createConversation(own, { subject: `Question ${i}` });
    const { conversation } = await createConversation(own, { channel: "email" });
    await own.api.post(`/api/v1/conversations/${conversation.id}/assign`, { assigneeId: own.ownerId });
    await own.api.post(`/api/v1/conversations/${conversation.id}/tags`, { add: ["vip"] });

    const mine = await own.api.get<Page<Conversation>>("/api/v1/conversations?assignee=me&status=open");
    expect(mine.body.items.map((c) => c.id)).toEqual([conversation.id]);
    expect((await own.api.get<Page<Conversation>>("/api/v1/conversations?tag=vip")).body.items).toHaveLength(1);
    expect((await own.api.get<Page<Conversation>>("/api/v1/conversations?channel=email")).body.items).toHaveLength(1);
    expect((await own.api.get<Page<Conversation>>("/api/v1/conversations?assignee=none")).body.items).toHaveLength(5);
    expect((await own.api.get<Page<Conversation>>("/api/v1/conversations?status=open,pending")).body.items).toHaveLength(6);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Page<Conversation> } = await own.api.get<Page<Conversation>>(`/api/v1/conversations?limit=4&sort=created${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.body.items.map((c) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
  });
});

describe("reading a conversation's messages", () => {
  async function readAll(path: string, order: "oldest" | "newest" | null, limit: number): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let pages = 0;
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ limit: String(limit) });
      if (order) query.set("order", order);
      if (cursor) query.set("cursor", cursor);
      const page: { status: number; body: Page<Message> } = await ws.api.get<Page<Message>>(`${path}?${query}`);
      expect(page.status).toBe(200);
      ids.push(...page.body.items.map((m) => m.id));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor);
    return { ids, pages };
  }

  it("pages oldest first by default and newest first on request, with messages of the same millisecond neither lost nor repeated", async () => {
    const { conversation, message: first } = await createConversation(ws);
    const path = `/api/v1/conversations/${conversation.id}/messages`;
    const posted: string[] = [first.id];
    for (let i = 0; i < 6; i++) posted.push((await ws.api.post<Message>(path, { kind: i % 2 ? "inbound" : "reply", text: `Message ${i}` })).body.id);
    // Messages stored together share a time; the id orders them, and a cursor must not skip or repeat any.
    const sameMoment = new Date();
    await server.database.db
      .update(messageTable)
      .set({ createdAt: sameMoment })
      .where(inWorkspace(messageTable, ws.id, inArray(messageTable.id, posted.slice(2, 6))));
    const sorted = [...posted.slice(0, 2), ...posted.slice(2, 6).sort(), ...posted.slice(6)];
    // The last one posted is newest of all: move it after the shared moment.
    await server.database.db
      .update(messageTable)
      .set({ createdAt: new Date(sameMoment.getTime() + 1) })
      .where(inWorkspace(messageTable, ws.id, inArray(messageTable.id, posted.slice(6))));

    const byDefault = await readAll(path, null, 3);
    expect(byDefault.ids).toEqual(sorted);
    expect(byDefault.pages).toBe(3);
    expect((await readAll(path, "oldest", 2)).ids).toEqual(sorted);
    const newest = await readAll(path, "newest", 3);
    expect(newest.ids).toEqual([...sorted].reverse());
    expect(newest.pages).toBe(3);
    for (const limit of [1, 2, 4]) expect((await readAll(path, "newest", limit)).ids, `limit ${limit}`).toEqual([...sorted].reverse());

    const latest = await ws.api.get<Page<Message>>(`${path}?order=newest&limit=1`);
    expect(latest.body.items.map((m) => m.id)).toEqual([posted[6]]);
    expect(latest.body.nextCursor).not.toBeNull();
    expect((await ws.api.get(`${path}?order=latest`)).status).toBe(400);
  });
});

describe("finding a conversation by its number", () => {
  it("filters the list to that one number, and never finds another workspace's", async () => {
    const own = await createTestWorkspace(server);
    const other = await createTestWorkspace(server);
    const created: { id: string; number: number }[] = [];
    for (let i = 0; i < 3; i++) created.push((await createConversation(own, { subject: `Numbered ${i}` })).conversation);
    const theirs = (await createConversation(other)).conversation;
    const wanted = created[1]!;

    const found = await own.api.get<Page<Conversation>>(`/api/v1/conversations?number=${wanted.number}`);
    expect(found.status).toBe(200);
    expect(found.body.items.map((c) => c.id)).toEqual([wanted.id]);
    expect((await own.api.get<Page<Conversation>>(`/api/v1/conversations?number=${wanted.number}&status=resolved`)).body.items).toEqual([]);
    expect((await own.api.get<Page<Conversation>>("/api/v1/conversations?number=99999")).body.items).toEqual([]);

    // Both workspaces count from 1, so the other's number exists here too; the filter answers with this workspace's.
    const sameNumber = await own.api.get<Page<Conversation>>(`/api/v1/conversations?number=${theirs.number}`);
    expect(sameNumber.body.items.map((c) => c.id)).not.toContain(theirs.id);
    const lone = await createTestWorkspace(server);
    expect((await lone.api.get<Page<Conversation>>(`/api/v1/conversations?number=${theirs.number}`)).body.items).toEqual([]);

    for (const bad of ["0", "-1", "1.5", "abc"]) expect((await own.api.get(`/api/v1/conversations?number=${bad}`)).status, bad).toBe(400);
  });
});
