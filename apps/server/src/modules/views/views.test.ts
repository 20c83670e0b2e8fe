import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { domainEvents } from "../../platform/db/schema.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { createConversation, createTestWorkspace, sharedServer, type TestServer, type TestWorkspace } from "../../testing/harness.ts";

type ErrorBody = { error: { code: string; message: string } };
interface ViewBody {
  id: string;
  name: string;
  shared: boolean;
  ownerId: string | null;
  filters: Record<string, unknown>;
  sort: string;
  position: number;
}

let server: TestServer;

beforeAll(async () => {
  server = await sharedServer();
});

const eventTypes = async (ws: TestWorkspace, subjectId: string) =>
  (await server.database.db.select({ type: domainEvents.type }).from(domainEvents).where(inWorkspace(domainEvents, ws.id, eq(domainEvents.subjectId, subjectId)))).map((e) => e.type);

describe("saved views", () => {
  it("saves a personal view, lists it with the shared ones, changes and deletes it", async () => {
    const ws = await createTestWorkspace(server);
    const created = await ws.api.post<ViewBody>("/api/v1/views", { name: " Urgent email ", filters: { status: ["open"], priority: ["urgent"], channel: ["email"], tag: ["VIP Customer"], assignee: "me" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Urgent email", shared: false, ownerId: ws.ownerId, sort: "-last_activity", position: 0 });
    expect(created.body.filters).toEqual({ status: ["open"], priority: ["urgent"], channel: ["email"], tag: ["vip-customer"], assignee: "me" });

    const shared = await ws.api.post<ViewBody>("/api/v1/views", { name: "Unassigned", filters: { assignee: "none" }, shared: true, position: 1, sort: "created" });
    expect(shared.body).toMatchObject({ shared: true, ownerId: null, position: 1, sort: "created" });

    const listed = await ws.api.get<{ items: ViewBody[] }>("/api/v1/views");
    expect(listed.body.items.map((view) => view.name)).toEqual(["Urgent email", "Unassigned"]);

    const patched = await ws.api.patch<ViewBody>(`/api/v1/views/${created.body.id}`, { name: "Urgent", position: 5, filters: { status: ["pending"] } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: "Urgent", position: 5, filters: { status: ["pending"] } });

    expect((await ws.api.delete(`/api/v1/views/${created.body.id}`)).status).toBe(204);
    expect((await ws.api.delete(`/api/v1/views/${created.body.id}`)).status).toBe(404);
    expect(await eventTypes(ws, created.body.id)).toEqual(["view.created", "view.updated", "view.deleted"]);
  });

  it("keeps personal views private and lets only admins change shared ones", async () => {
    const ws = await createTestWorkspace(server);
    const agent = await ws.member("agent");
    const supervisor = await ws.member("supervisor");
    const admin = await ws.member("admin");

    const refused = await agent.api.post<ErrorBody>("/api/v1/views", { name: "Team", filters: {}, shared: true });
    expect(refused.status).toBe(403);
    const shared = await supervisor.api.post<ViewBody>("/api/v1/views", { name: "Team", filters: {}, shared: true });
    expect(shared.status).toBe(201);
    const own = await agent.api.post<ViewBody>("/api/v1/views", { name: "Mine", filters: { assignee: "me" } });
    expect(own.status).toBe(201);

    // Everyone sees the shared view; only the agent sees theirs.
    expect((await admin.api.get<{ items: ViewBody[] }>("/api/v1/views")).body.items.map((v) => v.name)).toEqual(["Team"]);
    expect((await agent.api.get<{ items: ViewBody[] }>("/api/v1/views")).body.items.map((v) => v.name).sort()).toEqual(["Mine", "Team"]);

    // Someone else's personal view is not there at all, even for an admin.
    expect((await admin.api.patch(`/api/v1/views/${own.body.id}`, { name: "Taken" })).status).toBe(404);
    expect((await ws.api.delete(`/api/v1/views/${own.body.id}`)).status).toBe(404);

    expect((await agent.api.patch<ErrorBody>(`/api/v1/views/${shared.body.id}`, { name: "Mine now" })).status).toBe(403);
    expect((await supervisor.api.delete(`/api/v1/views/${shared.body.id}`)).status).toBe(403);
    expect((await admin.api.patch<ViewBody>(`/api/v1/views/${shared.body.id}`, { name: "Support" })).body.name).toBe("Support");
    expect((await admin.api.delete(`/api/v1/views/${shared.body.id}`)).status).toBe(204);
  });

  it("validates filters and the people and teams they name", async () => {
    const ws = await createTestWorkspace(server);
    const other = await createTestWorkspace(server);
    const bad = [
      { name: "", filters: {} },
      { name: "x", filters: { status: ["done"] } },
      { name: "x", filters: { assignee: "someone" } },
      { name: "x", filters: { colour: "blue" } },
      { name: "x" },
      { name: "x", filters: {}, position: -1 },
      { name: "x", filters: {}, sort: "sideways" },
    ];
    for (const body of bad) expect((await ws.api.post("/api/v1/views", body)).status, JSON.stringify(body)).toBe(400);
    const foreignUser = await ws.api.post<ErrorBody>("/api/v1/views", { name: "x", filters: { assignee: other.ownerId } });
    expect(foreignUser.status).toBe(404);
    expect(foreignUser.body.error.code).toBe("user_not_found");
    const missingTeam = await ws.api.post<ErrorBody>("/api/v1/views", { name: "x", filters: { team: "00000000-0000-7000-8000-000000000000" } });
    expect(missingTeam.body.error.code).toBe("team_not_found");
    const created = await ws.api.post<ViewBody>("/api/v1/views", { name: "ok", filters: {} });
    expect((await ws.api.patch(`/api/v1/views/${created.body.id}`, {})).status).toBe(400);
  });

  it("needs conversations:read", async () => {
    const ws = await createTestWorkspace(server);
    const customersOnly = await ws.member("agent", ["customers:read"]);
    expect((await customersOnly.api.get("/api/v1/views")).status).toBe(403);
    expect((await customersOnly.api.get("/api/v1/conversations/counts")).status).toBe(403);
  });
});

interface Counts {
  mine: number;
  unassigned: number;
  open: number;
  pending: number;
  snoozed: number;
  resolved: number;
  teams: Record<string, number>;
  channels: Record<string, number>;
  tags: Record<string, number>;
  views: Record<string, number>;
}

describe("GET /conversations/counts", () => {
  it("counts the built-in views, open conversations by team, channel and tag, and saved views", async () => {
    const ws = await createTestWorkspace(server);
    const agent = await ws.member("agent");
    const team = await ws.api.post<{ id: string }>("/api/v1/teams", { name: "Billing" });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await createConversation(ws)).conversation.id);
    await createConversation(ws, { channel: "chat" });
    const [mine1, mine2, theirs, pending, snoozed, resolved] = ids as [string, string, string, string, string, string];
    await ws.api.post(`/api/v1/conversations/${mine1}/assign`, { assigneeId: ws.ownerId, teamId: team.body.id });
    await ws.api.post(`/api/v1/conversations/${mine2}/assign`, { assigneeId: ws.ownerId });
    await ws.api.post(`/api/v1/conversations/${theirs}/assign`, { assigneeId: agent.userId, teamId: team.body.id });
    await ws.api.post(`/api/v1/conversations/${mine1}/tags`, { add: ["refund", "vip"] });
    await ws.api.post(`/api/v1/conversations/${theirs}/tags`, { add: ["refund"] });
    await ws.api.post(`/api/v1/conversations/${resolved}/tags`, { add: ["refund"] });
    await ws.api.post(`/api/v1/conversations/${pending}/status`, { status: "pending" });
    await ws.api.post(`/api/v1/conversations/${snoozed}/status`, { status: "snoozed", snoozedUntil: new Date(Date.now() + 3_600_000).toISOString() });
    await ws.api.post(`/api/v1/conversations/${resolved}/status`, { status: "resolved" });

    const refunds = await ws.api.post<ViewBody>("/api/v1/views", { name: "Refunds", filters: { tag: ["refund"] } });
    const myOpen = await ws.api.post<ViewBody>("/api/v1/views", { name: "Shared mine", filters: { assignee: "me", status: ["open"] }, shared: true });
    const agentsOwn = await agent.api.post<ViewBody>("/api/v1/views", { name: "Agent's", filters: {} });

    const counts = await ws.api.get<Counts>("/api/v1/conversations/counts");
    expect(counts.status).toBe(200);
    expect(counts.body).toEqual({
      mine: 2,
      unassigned: 1,
      open: 4,
      pending: 1,
      snoozed: 1,
      resolved: 1,
      teams: { [team.body.id]: 2 },
      channels: { api: 3, chat: 1 },
      tags: { refund: 2, vip: 1 },
      views: { [refunds.body.id]: 3, [myOpen.body.id]: 2 },
    });
    expect(counts.body.views[agentsOwn.body.id]).toBeUndefined();

    // "me" in a shared view is whoever looks at it.
    const agentCounts = await agent.api.get<Counts>("/api/v1/conversations/counts");
    expect(agentCounts.body).toMatchObject({ mine: 1, views: { [myOpen.body.id]: 1, [agentsOwn.body.id]: 7 } });
  });

  it("is all zeros in an empty workspace", async () => {
    const ws = await createTestWorkspace(server);
    const counts = await ws.api.get<Counts>("/api/v1/conversations/counts");
    expect(counts.body).toEqual({ mine: 0, unassigned: 0, open: 0, pending: 0, snoozed: 0, resolved: 0, teams: {}, channels: {}, tags: {}, views: {} });
  });

  it("counts a view that matches nothing, and keeps view names out of events", async () => {
    const ws = await createTestWorkspace(server);
    const view = await ws.api.post<ViewBody>("/api/v1/views", { name: "Nothing", filters: { status: ["closed"] } });
    const counts = await ws.api.get<Counts>("/api/v1/conversations/counts");
    expect(counts.body.views).toEqual({ [view.body.id]: 0 });
    const events = await server.database.db
      .select({ payload: domainEvents.payload })
      .from(domainEvents)
      .where(and(inWorkspace(domainEvents, ws.id, eq(domainEvents.type, "view.created"))));
    // View names stay out of events: every socket in the workspace hears them.
    expect(JSON.stringify(events)).not.toContain("Nothing");
  });
});
