import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createConversation, createTestWorkspace, sharedServer, type TestServer, type TestWorkspace } from "../../testing/harness.ts";
import { inWorkspace } from "../tenancy.ts";
import { messages } from "../db/schema.ts";
import { customers } from "../../modules/customers/schema.ts";

let server: TestServer;
let ws: TestWorkspace;

beforeAll(async () => {
  server = await sharedServer();
  ws = await createTestWorkspace(server);
});

const countMessages = async (conversationId: string) =>
  (await server.database.db.select({ id: messages.id }).from(messages).where(inWorkspace(messages, ws.id, eq(messages.conversationId, conversationId)))).length;

describe("Idempotency-Key", () => {
  it("a retried message, sent many times at once, is stored once and every retry gets the first answer", async () => {
    const { conversation } = await createConversation(ws);
    const key = `retry-${Date.now()}`;
    const responses = await Promise.all(
      Array.from({ length: 12 }, () => ws.api.post<{ id: string }>(`/api/v1/conversations/${conversation.id}/messages`, { text: "Are you there?" }, { "idempotency-key": key })),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(12).fill(201));
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
    expect(await countMessages(conversation.id)).toBe(2);
  });

  it("a retried conversation create makes one conversation and one customer", async () => {
    const body = { customer: { email: "retry-create@example.test" }, subject: "Retry", message: { text: "First" } };
    const key = `create-${Date.now()}`;
    const responses = await Promise.all(Array.from({ length: 8 }, () => ws.api.post<{ conversation: { id: string } }>("/api/v1/conversations", body, { "idempotency-key": key })));
    expect(new Set(responses.map((response) => response.body.conversation.id)).size).toBe(1);
    const found = await server.database.db.select().from(customers).where(inWorkspace(customers, ws.id, eq(customers.email, "retry-create@example.test")));
    expect(found).toHaveLength(1);
  });

  it("refuses a key reused for a different request", async () => {
    const { conversation } = await createConversation(ws);
    const key = `reuse-${Date.now()}`;
    await ws.api.post(`/api/v1/conversations/${conversation.id}/messages`, { text: "One" }, { "idempotency-key": key });
    const reused = await ws.api.post<{ error: { code: string } }>(`/api/v1/conversations/${conversation.id}/messages`, { text: "Two" }, { "idempotency-key": key });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe("idempotency_key_reused");
  });

  it("does not remember a failed request, so it can be retried", async () => {
    const key = `failed-${Date.now()}`;
    const missing = "00000000-0000-7000-8000-000000000000";
    const failed = await ws.api.post(`/api/v1/conversations/${missing}/messages`, { text: "Hi" }, { "idempotency-key": key });
    expect(failed.status).toBe(404);
    const { conversation } = await createConversation(ws);
    // Same key, different request: allowed because the failure stored nothing.
    const retried = await ws.api.post(`/api/v1/conversations/${conversation.id}/messages`, { text: "Hi" }, { "idempotency-key": key });
    expect(retried.status).toBe(201);
  });

  it("keys are per workspace", async () => {
    const other = await createTestWorkspace(server);
    const key = `shared-${Date.now()}`;
    const mine = await createConversation(ws);
    const theirs = await createConversation(other);
    const first = await ws.api.post<{ id: string }>(`/api/v1/conversations/${mine.conversation.id}/messages`, { text: "Hi" }, { "idempotency-key": key });
    const second = await other.api.post<{ id: string }>(`/api/v1/conversations/${theirs.conversation.id}/messages`, { text: "Hi" }, { "idempotency-key": key });
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
  });

  it("rejects a malformed key", async () => {
    const { conversation } = await createConversation(ws);
    const response = await ws.api.post(`/api/v1/conversations/${conversation.id}/messages`, { text: "Hi" }, { "idempotency-key": "x".repeat(300) });
    expect(response.status).toBe(400);
  });
});

describe("Idempotency-Key on the other creates", () => {
  it("a retried team or user create makes one", async () => {
    const own = await createTestWorkspace(server);
    const teamKey = `team-${Date.now()}`;
    const teams = await Promise.all(Array.from({ length: 4 }, () => own.api.post<{ id: string }>("/api/v1/teams", { name: "Retried team" }, { "idempotency-key": teamKey })));
    expect(teams.map((response) => response.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(teams.map((response) => response.body.id)).size).toBe(1);
    const user = { email: `retried-${Date.now()}@example.test`, name: "Retried", role: "agent", password: "long enough password" };
    const users = await Promise.all(Array.from({ length: 3 }, () => own.api.post<{ id: string }>("/api/v1/users", user, { "idempotency-key": `user-${user.email}` })));
    expect(new Set(users.map((response) => response.body.id)).size).toBe(1);
  });
});
