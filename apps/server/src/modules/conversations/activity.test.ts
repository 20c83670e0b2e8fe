import { beforeAll, describe, expect, it } from "vitest";
import { createConversation, createTestWorkspace, sharedServer, type TestServer } from "../../testing/harness.ts";

interface TimelineEvent {
  id: number;
  type: string;
  actor: { type: string; id: string | null; name?: string };
  payload: Record<string, unknown>;
  createdAt: string;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface Conversation {
  id: string;
  status: string;
  priority: string;
  assigneeId: string | null;
  tags: string[];
}
interface ErrorBody {
  error: { code: string; message: string; details?: { conversationId?: string; messages?: { id: string; text: string; authorId: string }[] } };
}

let server: TestServer;

beforeAll(async () => {
  server = await sharedServer();
});

describe("a conversation's events", () => {
  it("lists assignments, status and tag changes oldest first, with who did them, without the messages", async () => {
    const ws = await createTestWorkspace(server);
    const agent = await ws.member("agent");
    const { conversation } = await createConversation(ws);
    const path = `/api/v1/conversations/${conversation.id}`;
    await ws.api.post(`${path}/messages`, { text: "Looking into it." });
    expect((await ws.api.post(`${path}/assign`, { assigneeId: agent.userId })).status).toBe(200);
    expect((await agent.api.post(`${path}/status`, { status: "resolved" })).status).toBe(200);
    expect((await ws.api.post(`${path}/tags`, { add: ["Billing"] })).status).toBe(200);

    const events = await ws.api.get<Page<TimelineEvent>>(`${path}/events`);
    expect(events.status).toBe(200);
    expect(events.body.nextCursor).toBeNull();
    expect(events.body.items.map((event) => event.type)).toEqual(["conversation.created", "conversation.assigned", "conversation.status_changed", "conversation.tags_changed"]);
    const [created, assigned, status, tagged] = events.body.items as [TimelineEvent, TimelineEvent, TimelineEvent, TimelineEvent];
    expect(created.actor).toEqual({ type: "user", id: ws.ownerId, name: "Olive Owner" });
    expect(assigned).toMatchObject({ actor: { type: "user", id: ws.ownerId, name: "Olive Owner" }, payload: { from: null, to: agent.userId } });
    expect(status).toMatchObject({ actor: { id: agent.userId, name: "agent person" }, payload: { from: "open", to: "resolved" } });
    expect(tagged.payload).toEqual({ added: ["billing"], removed: [] });
    expect(new Date(tagged.createdAt).getTime()).toBeGreaterThanOrEqual(new Date(created.createdAt).getTime());

    // A customer's message (here through the API, so the integration's user is the actor) reopens it.
    await ws.api.post(`${path}/messages`, { kind: "inbound", text: "Still broken." });
    const reopened = await ws.api.get<Page<TimelineEvent>>(`${path}/events?type=conversation.status_changed`);
    expect(reopened.body.items.map((event) => event.payload.to)).toEqual(["resolved", "open"]);
    expect(reopened.body.items[1]!.payload).toMatchObject({ reason: "customer_replied" });

    const messages = await ws.api.get<Page<TimelineEvent>>(`${path}/events?type=message.created`);
    expect(messages.body.items).toHaveLength(3);
  });

  it("pages with a cursor", async () => {
    const ws = await createTestWorkspace(server);
    const { conversation } = await createConversation(ws);
    const path = `/api/v1/conversations/${conversation.id}`;
    for (const priority of ["high", "urgent", "low", "normal"]) await ws.api.patch(path, { priority });
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: Page<TimelineEvent> } = await ws.api.get<Page<TimelineEvent>>(`${path}/events?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((event) => event.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
    expect((await ws.api.get(`${path}/events?cursor=garbage`)).status).toBe(400);
  });
});

describe("bulk changes", () => {
  it("assigns, sets status and tags many conversations with the same events, and reports ids it could not find", async () => {
    const ws = await createTestWorkspace(server);
    const other = await createTestWorkspace(server);
    const agent = await ws.member("agent");
    const [first, second] = [await createConversation(ws), await createConversation(ws)];
    const foreign = await createConversation(other);

    const response = await ws.api.post<{ updated: Conversation[]; notFound: string[] }>("/api/v1/conversations/bulk", {
      ids: [first.conversation.id, foreign.conversation.id, second.conversation.id, first.conversation.id],
      assigneeId: agent.userId,
      status: "pending",
      priority: "high",
      addTags: ["Refund"],
    });
    expect(response.status).toBe(200);
    expect(response.body.notFound).toEqual([foreign.conversation.id]);
    expect(response.body.updated.map((conversation) => conversation.id)).toEqual([first.conversation.id, second.conversation.id]);
    for (const conversation of response.body.updated) expect(conversation).toMatchObject({ assigneeId: agent.userId, status: "pending", priority: "high", tags: ["refund"] });

    const events = await ws.api.get<Page<TimelineEvent>>(`/api/v1/conversations/${second.conversation.id}/events`);
    expect(events.body.items.map((event) => event.type)).toEqual([
      "conversation.created",
      "conversation.status_changed",
      "conversation.priority_changed",
      "conversation.assigned",
      "conversation.tags_changed",
    ]);

    const untouched = await other.api.get<Conversation>(`/api/v1/conversations/${foreign.conversation.id}`);
    expect(untouched.body).toMatchObject({ status: "open", priority: "normal", assigneeId: null, tags: [] });
    const foreignEvents = await other.api.get<Page<TimelineEvent>>(`/api/v1/conversations/${foreign.conversation.id}/events`);
    expect(foreignEvents.body.items.map((event) => event.type)).toEqual(["conversation.created"]);
  });

  it("validates like the single routes and changes nothing when one conversation refuses", async () => {
    const ws = await createTestWorkspace(server);
    const [first, second] = [await createConversation(ws), await createConversation(ws)];
    const ids = [first.conversation.id, second.conversation.id];

    const snoozeWithoutTime = await ws.api.post<ErrorBody>("/api/v1/conversations/bulk", { ids, status: "snoozed" });
    expect(snoozeWithoutTime.status).toBe(400);
    expect(snoozeWithoutTime.body.error.details?.conversationId).toBe(first.conversation.id);
    expect((await ws.api.post("/api/v1/conversations/bulk", { ids })).status).toBe(400);
    expect((await ws.api.post("/api/v1/conversations/bulk", { ids: [], status: "open" })).status).toBe(400);
    expect((await ws.api.post("/api/v1/conversations/bulk", { ids, assigneeId: "0190a7c2-0000-7000-8000-000000000000" })).status).toBe(404);

    const target = await createConversation(ws);
    await ws.api.post(`/api/v1/conversations/${second.conversation.id}/merge`, { intoId: target.conversation.id });
    const refused = await ws.api.post<ErrorBody>("/api/v1/conversations/bulk", { ids, priority: "urgent" });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "already_merged", details: { conversationId: second.conversation.id } });
    expect((await ws.api.get<Conversation>(`/api/v1/conversations/${first.conversation.id}`)).body.priority).toBe("normal");

    const snoozed = await ws.api.post<{ updated: Conversation[] }>("/api/v1/conversations/bulk", {
      ids: [first.conversation.id],
      status: "snoozed",
      snoozedUntil: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(snoozed.body.updated[0]?.status).toBe("snoozed");
  });
});

describe("replying over someone else's reply", () => {
  it("refuses with 409 conversation_changed and the new reply when a reply came after the last message seen", async () => {
    const ws = await createTestWorkspace(server);
    const ben = await ws.member("agent");
    const { conversation, message } = await createConversation(ws);
    const path = `/api/v1/conversations/${conversation.id}/messages`;

    const bens = await ben.api.post<{ id: string }>(path, { text: "Ben here: refund issued.", ifNoReplySince: message.id });
    expect(bens.status).toBe(201);
    const mine = await ws.api.post<ErrorBody>(path, { text: "Ana here: let me check.", ifNoReplySince: message.id });
    expect(mine.status).toBe(409);
    expect(mine.body.error.code).toBe("conversation_changed");
    expect(mine.body.error.details?.messages).toMatchObject([{ id: bens.body.id, text: "Ben here: refund issued.", authorId: ben.userId }]);

    // By time as well; notes and customer messages do not count as replies.
    const seenAt = new Date(Date.now() - 60_000).toISOString();
    expect((await ws.api.post(path, { text: "Again", ifNoReplySince: seenAt })).status).toBe(409);
    expect((await ws.api.post(path, { kind: "note", text: "FYI" })).status).toBe(201);
    expect((await ws.api.post(path, { kind: "inbound", text: "Thanks!" })).status).toBe(201);
    const afterBen = await ws.api.post<{ id: string }>(path, { text: "Glad it's sorted.", ifNoReplySince: bens.body.id });
    expect(afterBen.status).toBe(201);

    const listed = await ws.api.get<Page<{ id: string }>>(`${path}?limit=100`);
    expect(listed.body.items.map((item) => item.id)).not.toContain(undefined);
    expect(listed.body.items).toHaveLength(5);
    expect((await ws.api.post(path, { text: "x", ifNoReplySince: "0190a7c2-0000-7000-8000-000000000000" })).status).toBe(400);
  });

  it("lets only one of two simultaneous replies on the same view through", async () => {
    const ws = await createTestWorkspace(server);
    const ben = await ws.member("agent");
    const { conversation, message } = await createConversation(ws);
    const path = `/api/v1/conversations/${conversation.id}/messages`;
    const [ana, bens] = await Promise.all([
      ws.api.post(path, { text: "Ana's answer", ifNoReplySince: message.id }),
      ben.api.post(path, { text: "Ben's answer", ifNoReplySince: message.id }),
    ]);
    expect([ana.status, bens.status].sort()).toEqual([201, 409]);
  });
});
