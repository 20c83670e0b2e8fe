import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { domainEvents } from "../../platform/db/schema.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { createConversation, createTestWorkspace, sharedServer, type TestServer } from "../../testing/harness.ts";

interface NotificationBody {
  id: string;
  kind: string;
  conversation: { id: string; number: number; subject: string };
  actorId: string | null;
  messageId: string | null;
  readAt: string | null;
}
type Listing = { items: NotificationBody[]; nextCursor: string | null; unreadCount: number };

let server: TestServer;

beforeAll(async () => {
  server = await sharedServer();
});

describe("notifications", () => {
  it("tells someone a conversation was assigned to them, but not whoever assigned it to themselves", async () => {
    const ws = await createTestWorkspace(server);
    const agent = await ws.member("agent");
    const { conversation } = await createConversation(ws, { subject: "Broken zipper" });
    await ws.api.post(`/api/v1/conversations/${conversation.id}/assign`, { assigneeId: agent.userId });
    // Assigning to the same person again changes nothing and tells nobody again.
    await ws.api.patch(`/api/v1/conversations/${conversation.id}`, { assigneeId: agent.userId });
    const other = await createConversation(ws);
    await agent.api.post(`/api/v1/conversations/${other.conversation.id}/assign`, { assigneeId: agent.userId });
    await ws.api.post(`/api/v1/conversations/${other.conversation.id}/assign`, { assigneeId: null });

    const listing = await agent.api.get<Listing>("/api/v1/notifications");
    expect(listing.status).toBe(200);
    expect(listing.body.unreadCount).toBe(1);
    expect(listing.body.items).toHaveLength(1);
    expect(listing.body.items[0]).toMatchObject({
      kind: "assigned",
      conversation: { id: conversation.id, number: conversation.number, subject: "Broken zipper" },
      actorId: ws.ownerId,
      messageId: null,
      readAt: null,
    });
    expect((await ws.api.get<Listing>("/api/v1/notifications")).body).toEqual({ items: [], nextCursor: null, unreadCount: 0 });

    const events = await server.database.db.select().from(domainEvents).where(inWorkspace(domainEvents, ws.id, eq(domainEvents.type, "notification.created")));
    expect(events.map((event) => event.payload)).toEqual([{ userId: agent.userId, kind: "assigned", conversationId: conversation.id }]);
    expect(events[0]!.subjectId).toBe(listing.body.items[0]!.id);
  });

  it("tells people mentioned in a note, with the note", async () => {
    const ws = await createTestWorkspace(server);
    const agent = await ws.member("agent");
    const supervisor = await ws.member("supervisor");
    const { conversation } = await createConversation(ws);
    const note = await ws.api.post<{ id: string }>(`/api/v1/conversations/${conversation.id}/messages`, {
      kind: "note",
      text: "Can you two look at this?",
      mentions: [agent.userId, supervisor.userId, ws.ownerId],
    });
    expect(note.status).toBe(201);
    for (const person of [agent, supervisor]) {
      const listing = await person.api.get<Listing>("/api/v1/notifications");
      expect(listing.body.items).toEqual([expect.objectContaining({ kind: "mentioned", messageId: note.body.id, actorId: ws.ownerId })]);
    }
    // Mentioning yourself is not news.
    expect((await ws.api.get<Listing>("/api/v1/notifications")).body.unreadCount).toBe(0);
  });

  it("makes no notification when the note fails", async () => {
    const ws = await createTestWorkspace(server);
    const agent = await ws.member("agent");
    const missing = "00000000-0000-7000-8000-000000000000";
    const failed = await ws.api.post(`/api/v1/conversations/${missing}/messages`, { kind: "note", text: "hi", mentions: [agent.userId] });
    expect(failed.status).toBe(404);
    expect((await agent.api.get<Listing>("/api/v1/notifications")).body.unreadCount).toBe(0);
  });

  it("pages newest first, filters unread, and marks read by id or all at once", async () => {
    const ws = await createTestWorkspace(server);
    const agent = await ws.member("agent");
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { conversation } = await createConversation(ws);
      ids.push(conversation.id);
      await ws.api.post(`/api/v1/conversations/${conversation.id}/assign`, { assigneeId: agent.userId });
    }
    const first = await agent.api.get<Listing>("/api/v1/notifications?limit=3");
    expect(first.body.items.map((n) => n.conversation.id)).toEqual(ids.slice(2).reverse());
    const second = await agent.api.get<Listing>(`/api/v1/notifications?limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((n) => n.conversation.id)).toEqual(ids.slice(0, 2).reverse());
    expect(second.body.nextCursor).toBeNull();

    const someone = await ws.member("agent");
    const othersIds = await someone.api.post<{ updated: number }>("/api/v1/notifications/read", { ids: [first.body.items[0]!.id] });
    expect(othersIds.body.updated).toBe(0);

    const marked = await agent.api.post<{ updated: number; unreadCount: number }>("/api/v1/notifications/read", { ids: first.body.items.slice(0, 2).map((n) => n.id) });
    expect(marked.body).toEqual({ updated: 2, unreadCount: 3 });
    const unread = await agent.api.get<Listing>("/api/v1/notifications?unread=true");
    expect(unread.body.items).toHaveLength(3);
    expect((await agent.api.get<Listing>("/api/v1/notifications")).body.items[0]!.readAt).not.toBeNull();

    expect((await agent.api.post<{ updated: number; unreadCount: number }>("/api/v1/notifications/read", { all: true })).body).toEqual({ updated: 3, unreadCount: 0 });
    const readEvents = await server.database.db.select().from(domainEvents).where(inWorkspace(domainEvents, ws.id, eq(domainEvents.type, "notification.read")));
    expect(readEvents).toHaveLength(2);
  });

  it("refuses an ambiguous or empty request to mark read", async () => {
    const ws = await createTestWorkspace(server);
    for (const body of [{}, { all: false }, { ids: [] }, { ids: ["nope"] }, { ids: ["00000000-0000-7000-8000-000000000000"], all: true }]) {
      expect((await ws.api.post("/api/v1/notifications/read", body)).status, JSON.stringify(body)).toBe(400);
    }
  });

  it("goes with the conversation when it is erased", async () => {
    const ws = await createTestWorkspace(server);
    const agent = await ws.member("agent");
    const { conversation } = await createConversation(ws);
    await ws.api.post(`/api/v1/conversations/${conversation.id}/assign`, { assigneeId: agent.userId });
    expect((await ws.api.delete(`/api/v1/customers/${conversation.customer.id}`)).status).toBeLessThan(300);
    expect((await agent.api.get<Listing>("/api/v1/notifications")).body).toEqual({ items: [], nextCursor: null, unreadCount: 0 });
  });
});
