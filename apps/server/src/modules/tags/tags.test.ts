import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditEntries, domainEvents } from "../../platform/db/schema.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { createConversation, createTestWorkspace, sharedServer, type TestServer, type TestWorkspace } from "../../testing/harness.ts";

type ErrorBody = { error: { code: string } };
type Tags = { items: { name: string; count: number }[] };

let server: TestServer;

beforeAll(async () => {
  server = await sharedServer();
});

async function tagged(ws: TestWorkspace, tags: string[]): Promise<string> {
  const { conversation } = await createConversation(ws);
  await ws.api.post(`/api/v1/conversations/${conversation.id}/tags`, { add: tags });
  return conversation.id;
}

const tagsOf = async (ws: TestWorkspace, id: string) => (await ws.api.get<{ tags: string[] }>(`/api/v1/conversations/${id}`)).body.tags;

describe("tags", () => {
  it("lists the tags in use, most used first", async () => {
    const ws = await createTestWorkspace(server);
    await tagged(ws, ["billing", "vip"]);
    await tagged(ws, ["billing"]);
    await tagged(ws, ["angry"]);
    const listed = await ws.api.get<Tags>("/api/v1/tags");
    expect(listed.body.items).toEqual([
      { name: "billing", count: 2 },
      { name: "angry", count: 1 },
      { name: "vip", count: 1 },
    ]);
  });

  it("renames a tag everywhere, merging where both were present, with one event and an audit entry", async () => {
    const ws = await createTestWorkspace(server);
    const one = await tagged(ws, ["billing", "vip"]);
    const both = await tagged(ws, ["billing", "invoices"]);
    const untouched = await tagged(ws, ["vip"]);
    const before = (await ws.api.get<{ updatedAt: string }>(`/api/v1/conversations/${untouched}`)).body.updatedAt;

    const renamed = await ws.api.post<{ conversations: number }>("/api/v1/tags/rename", { from: "Billing", to: "Invoices" });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toEqual({ conversations: 2 });
    expect(await tagsOf(ws, one)).toEqual(["invoices", "vip"]);
    expect(await tagsOf(ws, both)).toEqual(["invoices"]);
    expect((await ws.api.get<{ updatedAt: string }>(`/api/v1/conversations/${untouched}`)).body.updatedAt).toBe(before);

    const events = await server.database.db.select().from(domainEvents).where(inWorkspace(domainEvents, ws.id, eq(domainEvents.type, "tag.renamed")));
    expect(events.map((event) => event.payload)).toEqual([{ from: "billing", to: "invoices", conversations: 2 }]);
    const audit = await server.database.db.select().from(auditEntries).where(inWorkspace(auditEntries, ws.id, eq(auditEntries.action, "tag.renamed")));
    expect(audit).toHaveLength(1);
  });

  it("deletes a tag from every conversation", async () => {
    const ws = await createTestWorkspace(server);
    const one = await tagged(ws, ["spam", "vip"]);
    await tagged(ws, ["spam"]);
    const deleted = await ws.api.delete<{ conversations: number }>("/api/v1/tags/SPAM");
    expect(deleted.body).toEqual({ conversations: 2 });
    expect(await tagsOf(ws, one)).toEqual(["vip"]);
    expect((await ws.api.get<Tags>("/api/v1/tags")).body.items).toEqual([{ name: "vip", count: 1 }]);
    const again = await ws.api.delete<ErrorBody>("/api/v1/tags/spam");
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe("tag_not_found");
    const events = await server.database.db.select().from(domainEvents).where(inWorkspace(domainEvents, ws.id, eq(domainEvents.type, "tag.deleted")));
    expect(events).toHaveLength(1);
  });

  it("lets only admins rename or delete, and checks the names", async () => {
    const ws = await createTestWorkspace(server);
    await tagged(ws, ["billing"]);
    const supervisor = await ws.member("supervisor");
    expect((await supervisor.api.get("/api/v1/tags")).status).toBe(200);
    expect((await supervisor.api.post("/api/v1/tags/rename", { from: "billing", to: "money" })).status).toBe(403);
    expect((await supervisor.api.delete("/api/v1/tags/billing")).status).toBe(403);
    expect((await ws.api.post("/api/v1/tags/rename", { from: "billing", to: " Billing " })).status).toBe(400);
    expect((await ws.api.post("/api/v1/tags/rename", { from: "billing", to: "   " })).status).toBe(400);
    expect((await ws.api.post("/api/v1/tags/rename", { from: "billing" })).status).toBe(400);
    expect((await ws.api.post<ErrorBody>("/api/v1/tags/rename", { from: "nowhere", to: "x" })).body.error.code).toBe("tag_not_found");
    expect((await ws.api.get<Tags>("/api/v1/tags")).body.items).toEqual([{ name: "billing", count: 1 }]);
  });

  it("never touches another workspace's tags", async () => {
    const a = await createTestWorkspace(server);
    const b = await createTestWorkspace(server);
    const theirs = await tagged(a, ["shared-name"]);
    expect((await b.api.get<Tags>("/api/v1/tags")).body.items).toEqual([]);
    expect((await b.api.post("/api/v1/tags/rename", { from: "shared-name", to: "x" })).status).toBe(404);
    expect((await b.api.delete("/api/v1/tags/shared-name")).status).toBe(404);
    expect(await tagsOf(a, theirs)).toEqual(["shared-name"]);
  });
});
