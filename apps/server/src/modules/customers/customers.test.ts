import { beforeAll, describe, expect, it } from "vitest";
import { createConversation, createTestWorkspace, sharedServer, type TestServer, type TestWorkspace } from "../../testing/harness.ts";

interface Customer {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  identities: { kind: string; value: string }[];
  attributes: Record<string, unknown>;
  notes: string;
}
type ErrorBody = { error: { code: string; message: string } };

let server: TestServer;
let ws: TestWorkspace;

beforeAll(async () => {
  server = await sharedServer();
  ws = await createTestWorkspace(server);
});

describe("customers", () => {
  it("creates, reads, updates and pages", async () => {
    const created = await ws.api.post<Customer>("/api/v1/customers", {
      name: "Ines Duarte",
      email: "Ines@Example.pt",
      phone: "+351 912 345 678",
      attributes: { plan: "gold", city: "Porto" },
      notes: "Prefers email.",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: "ines@example.pt", phone: "+351912345678", attributes: { plan: "gold", city: "Porto" } });
    expect(created.body.identities).toEqual(expect.arrayContaining([{ kind: "email", value: "ines@example.pt" }, { kind: "phone", value: "+351912345678" }]));

    const updated = await ws.api.patch<Customer>(`/api/v1/customers/${created.body.id}`, { attributes: { plan: "platinum", city: null }, handle: "@ines_d" });
    expect(updated.body.attributes).toEqual({ plan: "platinum" });
    expect(updated.body.identities).toContainEqual({ kind: "handle", value: "ines_d" });

    const fetched = await ws.api.get<Customer>(`/api/v1/customers/${created.body.id}`);
    expect(fetched.body.notes).toBe("Prefers email.");

    const own = await createTestWorkspace(server);
    for (let i = 0; i < 3; i++) await own.api.post("/api/v1/customers", { email: `page-${i}@example.test` });
    const first = await own.api.get<{ items: Customer[]; nextCursor: string }>("/api/v1/customers?limit=2");
    const second = await own.api.get<{ items: Customer[]; nextCursor: string | null }>(`/api/v1/customers?limit=2&cursor=${first.body.nextCursor}`);
    expect([...first.body.items, ...second.body.items].map((c) => c.email).sort()).toEqual(["page-0@example.test", "page-1@example.test", "page-2@example.test"]);
    expect(second.body.nextCursor).toBeNull();
  });

  it("one person across channels: a new identity joins the same profile", async () => {
    const byEmail = await createConversation(ws, { customer: { email: "omar@example.test", name: "Omar" } });
    const customerId = byEmail.conversation.customer.id;
    await ws.api.patch(`/api/v1/customers/${customerId}`, { phone: "+1 (555) 010-9999" });
    const byPhone = await createConversation(ws, { channel: "phone", customer: { phone: "+15550109999" }, message: { text: "Calling about my order" } });
    expect(byPhone.conversation.customer.id).toBe(customerId);
    const history = await ws.api.get<{ items: unknown[] }>(`/api/v1/conversations?customerId=${customerId}`);
    expect(history.body.items).toHaveLength(2);
  });

  it("refuses an identity that belongs to someone else", async () => {
    const a = await ws.api.post<Customer>("/api/v1/customers", { email: "first-owner@example.test" });
    const b = await ws.api.post<Customer>("/api/v1/customers", { email: "second-owner@example.test" });
    expect(a.status).toBe(201);
    const clash = await ws.api.patch<ErrorBody>(`/api/v1/customers/${b.body.id}`, { email: "first-owner@example.test" });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe("identity_taken");
    expect((await ws.api.post<ErrorBody>("/api/v1/customers", { email: "FIRST-owner@example.test" })).status).toBe(409);
  });

  it("concurrent first messages from one new address make one customer", async () => {
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => createConversation(ws, { customer: { email: "rush@example.test" }, message: { text: `Message ${i}` } })));
    expect(new Set(results.map((result) => result.conversation.customer.id)).size).toBe(1);
  });

  it("searches by name, email and phone", async () => {
    const own = await createTestWorkspace(server);
    await own.api.post("/api/v1/customers", { name: "Katarzyna Wójcik", email: "kasia@example.pl" });
    await own.api.post("/api/v1/customers", { name: "Someone Else", email: "else@example.test" });
    const byName = await own.api.get<{ items: Customer[] }>("/api/v1/customers?q=katarzyna");
    expect(byName.body.items.map((c) => c.email)).toEqual(["kasia@example.pl"]);
    const byEmail = await own.api.get<{ items: Customer[] }>("/api/v1/customers?q=kasia@example.pl");
    expect(byEmail.body.items).toHaveLength(1);
  });

  it("erasing a customer removes their conversations (supervisors and up)", async () => {
    const { conversation } = await createConversation(ws, { customer: { email: "forget-me@example.test" } });
    const agent = await ws.member("agent");
    expect((await agent.api.delete(`/api/v1/customers/${conversation.customer.id}`)).status).toBe(403);
    expect((await ws.api.delete(`/api/v1/customers/${conversation.customer.id}`)).status).toBe(204);
    expect((await ws.api.get(`/api/v1/customers/${conversation.customer.id}`)).status).toBe(404);
    expect((await ws.api.get(`/api/v1/conversations/${conversation.id}`)).status).toBe(404);
  });
});
