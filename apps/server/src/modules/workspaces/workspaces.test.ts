import { beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { domainEvents } from "../../platform/db/schema.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { ApiClient, createConversation, createTestWorkspace, sharedServer, startTestServer, testConfig, TEST_PASSWORD, type TestServer, type TestWorkspace } from "../../testing/harness.ts";

type ErrorBody = { error: { code: string; message: string } };
interface SessionBody {
  user: { id: string; role: string };
  workspace: { id: string; slug: string };
  csrfToken: string;
}

let server: TestServer;
let ws: TestWorkspace;

beforeAll(async () => {
  server = await sharedServer();
  ws = await createTestWorkspace(server);
});

/** Signs in over HTTP and returns a client holding the session cookie and CSRF token. */
async function signIn(email: string, password: string, workspace?: string): Promise<{ status: number; client?: ApiClient; body: SessionBody | ErrorBody }> {
  const response = await fetch(`${server.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password, workspace }),
  });
  const body = (await response.json()) as SessionBody | ErrorBody;
  const cookie = /rapport_session=([^;]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
  if (response.status !== 200 || !cookie) return { status: response.status, body };
  return { status: 200, body, client: new ApiClient(server.url, { cookie, csrfToken: (body as SessionBody).csrfToken }) };
}

describe("sessions", () => {
  it("signs in with an httpOnly cookie, and needs the CSRF token to change anything", async () => {
    const response = await fetch(`${server.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: ws.ownerEmail.toUpperCase(), password: TEST_PASSWORD }),
    });
    expect(response.status).toBe(200);
    const setCookie = response.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = /rapport_session=([^;]+)/.exec(setCookie)![1]!;

    const noCsrf = new ApiClient(server.url, { cookie });
    expect((await noCsrf.get("/api/v1/conversations")).status).toBe(200);
    const refused = await noCsrf.post<ErrorBody>("/api/v1/conversations", { customer: { email: "x@example.test" }, message: { text: "hi" } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("csrf_failed");
    const wrongCsrf = new ApiClient(server.url, { cookie, csrfToken: "guess" });
    expect((await wrongCsrf.post("/api/v1/conversations", { customer: { email: "x@example.test" }, message: { text: "hi" } })).status).toBe(403);
  });

  it("logs out", async () => {
    const { client } = await signIn(ws.ownerEmail, TEST_PASSWORD);
    expect((await client!.get("/api/v1/auth/session")).status).toBe(200);
    expect((await client!.post("/api/v1/auth/logout")).status).toBe(204);
    expect((await client!.get("/api/v1/auth/session")).status).toBe(401);
  });

  it("refuses a wrong password without saying whether the email exists", async () => {
    const wrong = await signIn(ws.ownerEmail, "not the password");
    const unknown = await signIn("nobody-at-all@example.test", "not the password");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((wrong.body as ErrorBody).error).toEqual((unknown.body as ErrorBody).error);
  });

  it("locks an account after repeated failures", async () => {
    const target = await createTestWorkspace(server);
    for (let i = 0; i < server.config.loginAttempts; i++) await signIn(target.ownerEmail, `wrong password ${i}`);
    const locked = await signIn(target.ownerEmail, TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect((locked.body as ErrorBody).error.code).toBe("too_many_requests");
  });

  it("rate-limits sign-in attempts per address and account", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await signIn("rate-limited@example.test", "wrong")).status);
    expect(statuses).toContain(429);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
  });

  it("asks which workspace when the email and password open several, naming only those", async () => {
    const email = `twice-${Date.now()}@example.test`;
    const otherPassword = "another horse battery staple";
    const slugs: string[] = [];
    for (const [workspaceName, password] of [["First shop", TEST_PASSWORD], ["Second shop", TEST_PASSWORD], ["Third shop", otherPassword]] as const) {
      const signup = await fetch(`${server.url}/api/v1/signup`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ workspaceName, name: "Sam", email, password }),
      });
      expect(signup.status).toBe(201);
      slugs.push(((await signup.json()) as SessionBody).workspace.slug);
    }
    // A wrong password learns nothing about where the address is used.
    const wrong = await signIn(email, "not the password at all");
    expect(wrong.status).toBe(401);
    expect(JSON.stringify(wrong.body)).not.toContain("shop");
    // A password that opens one of them signs in there.
    const third = await signIn(email, otherPassword);
    expect(third.status).toBe(200);
    expect((third.body as SessionBody).workspace.slug).toBe(slugs[2]);
    const ambiguous = await signIn(email, TEST_PASSWORD);
    expect(ambiguous.status).toBe(400);
    expect((ambiguous.body as ErrorBody).error.message).toContain("workspace");
    expect((ambiguous.body as ErrorBody & { error: { details: { workspaces: string[] } } }).error.details.workspaces).toEqual(slugs.slice(0, 2));
    const chosen = await signIn(email, TEST_PASSWORD, slugs[1]);
    expect(chosen.status).toBe(200);
    expect((chosen.body as SessionBody).workspace.slug).toBe(slugs[1]);
  });
});

describe("signup", () => {
  it("can be switched off", async () => {
    const closed = await startTestServer({ config: testConfig({ RAPPORT_SIGNUP_OPEN: "false" }), database: server.database });
    try {
      const response = await fetch(`${closed.url}/api/v1/signup`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ workspaceName: "Nope", name: "N", email: "nope@example.test", password: TEST_PASSWORD }),
      });
      expect(response.status).toBe(403);
      expect(((await response.json()) as ErrorBody).error.code).toBe("signup_closed");
    } finally {
      await closed.close();
    }
  });
});

describe("API tokens", () => {
  it("are shown once, stored hashed, limited to their scopes, and stop working when revoked", async () => {
    const created = await ws.session.post<{ token: string; apiToken: { id: string; prefix: string; scopes: string[] } }>("/api/v1/api-tokens", {
      name: "read only",
      scopes: ["conversations:read"],
    });
    expect(created.status).toBe(201);
    expect(created.body.token.startsWith(created.body.apiToken.prefix)).toBe(true);
    const listed = await ws.api.get<{ items: Record<string, unknown>[] }>("/api/v1/api-tokens");
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);

    const reader = new ApiClient(server.url, { token: created.body.token });
    expect((await reader.get("/api/v1/conversations")).status).toBe(200);
    const write = await reader.post<ErrorBody>("/api/v1/conversations", { customer: { email: "x@example.test" }, message: { text: "hi" } });
    expect(write.status).toBe(403);
    expect(write.body.error.message).toContain("conversations:write");
    expect((await reader.get("/api/v1/customers")).status).toBe(403);

    expect((await ws.api.delete(`/api/v1/api-tokens/${created.body.apiToken.id}`)).status).toBe(200);
    expect((await reader.get("/api/v1/conversations")).status).toBe(401);
  });

  it("cannot grant more than the holder has", async () => {
    const agent = await ws.member("agent");
    const response = await agent.api.post<ErrorBody>("/api/v1/api-tokens", { name: "too much", scopes: ["admin"] });
    expect(response.status).toBe(403);
  });

  it("expire", async () => {
    const past = await ws.api.post("/api/v1/api-tokens", { name: "old", scopes: ["conversations:read"], expiresAt: new Date(Date.now() - 1000).toISOString() });
    expect(past.status).toBe(400);
  });
});

describe("roles", () => {
  it("lets admins manage people and teams, and not agents", async () => {
    const agent = await ws.member("agent");
    const denied = await agent.api.post<ErrorBody>("/api/v1/users", { email: "new@example.test", name: "New", role: "agent", password: TEST_PASSWORD });
    expect(denied.status).toBe(403);
    expect((await agent.api.post("/api/v1/teams", { name: "Agents' own" })).status).toBe(403);
    expect((await agent.api.get("/api/v1/audit-log")).status).toBe(403);

    const admin = await ws.member("admin");
    const owner = await admin.api.post<ErrorBody>("/api/v1/users", { email: `o-${Date.now()}@example.test`, name: "Would-be owner", role: "owner", password: TEST_PASSWORD });
    expect(owner.status).toBe(403);
    const created = await admin.api.post<{ id: string; role: string }>("/api/v1/users", { email: `s-${Date.now()}@example.test`, name: "Sue", role: "supervisor", password: TEST_PASSWORD });
    expect(created.status).toBe(201);
    const duplicate = await admin.api.post<ErrorBody>("/api/v1/users", { email: ws.ownerEmail, name: "Again", role: "agent", password: TEST_PASSWORD });
    expect(duplicate.body.error.code).toBe("email_taken");
  });

  it("deactivating a person ends their sessions and tokens", async () => {
    const agent = await ws.member("agent");
    expect((await agent.api.get("/api/v1/conversations")).status).toBe(200);
    expect((await ws.api.patch(`/api/v1/users/${agent.userId}`, { active: false })).status).toBe(200);
    expect((await agent.api.get("/api/v1/conversations")).status).toBe(401);
  });

  it("agents may rename themselves but not promote themselves", async () => {
    const agent = await ws.member("agent");
    expect((await agent.api.patch(`/api/v1/users/${agent.userId}`, { name: "Renamed" })).status).toBe(200);
    expect((await agent.api.patch(`/api/v1/users/${agent.userId}`, { role: "admin" })).status).toBe(403);
  });
});

describe("teams", () => {
  it("creates a team with members, renames it, refuses a duplicate name, deletes it", async () => {
    const agent = await ws.member("agent");
    const team = await ws.api.post<{ id: string; memberIds: string[] }>("/api/v1/teams", { name: "Billing", memberIds: [agent.userId] });
    expect(team.status).toBe(201);
    expect(team.body.memberIds).toEqual([agent.userId]);
    expect((await ws.api.post<ErrorBody>("/api/v1/teams", { name: "Billing" })).status).toBe(409);
    await ws.api.post("/api/v1/teams", { name: "Refunds" });
    expect((await ws.api.patch(`/api/v1/teams/${team.body.id}`, { name: "Refunds" })).status).toBe(409);
    const renamed = await ws.api.patch<{ name: string }>(`/api/v1/teams/${team.body.id}`, { name: "Billing & refunds", memberIds: [] });
    expect(renamed.body).toMatchObject({ name: "Billing & refunds", memberIds: [] });
    expect((await ws.api.delete(`/api/v1/teams/${team.body.id}`)).status).toBe(204);
    expect((await ws.api.get(`/api/v1/teams/${team.body.id}`)).status).toBe(404);
  });
});

describe("audit log and domain events", () => {
  it("records admin actions for admins to read", async () => {
    const own = await createTestWorkspace(server);
    await own.api.post("/api/v1/teams", { name: "Audited" });
    await own.api.patch("/api/v1/workspace", { name: "Renamed shop", timeZone: "Europe/Madrid" });
    const log = await own.api.get<{ items: { action: string }[] }>("/api/v1/audit-log");
    expect(log.body.items.map((entry) => entry.action)).toEqual(expect.arrayContaining(["team.created", "workspace.updated", "api_token.created", "workspace.created"]));
    expect((await own.api.patch("/api/v1/workspace", { timeZone: "Mars/Olympus" })).status).toBe(400);
  });

  it("appends a domain event for each change, in order", async () => {
    const own = await createTestWorkspace(server);
    const { conversation } = await createConversation(own);
    await own.api.post(`/api/v1/conversations/${conversation.id}/messages`, { text: "On it" });
    await own.api.post(`/api/v1/conversations/${conversation.id}/assign`, { assigneeId: own.ownerId });
    await own.api.post(`/api/v1/conversations/${conversation.id}/status`, { status: "resolved" });
    const events = await server.database.db
      .select({ type: domainEvents.type })
      .from(domainEvents)
      .where(inWorkspace(domainEvents, own.id, eq(domainEvents.subjectId, conversation.id)))
      .orderBy(asc(domainEvents.id));
    expect(events.map((event) => event.type)).toEqual(["conversation.created", "message.created", "message.created", "conversation.assigned", "conversation.status_changed"]);
  });
});
