import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditEntries, invitations } from "../../platform/db/schema.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { ApiClient, createTestWorkspace, sharedServer, type ApiResponse, type TestServer, type TestWorkspace } from "../../testing/harness.ts";

type ErrorBody = { error: { code: string; message: string } };
interface InvitationBody {
  id: string;
  email: string;
  name: string | null;
  role: string;
  invitedBy: string | null;
  expiresAt: string;
}
interface SessionBody {
  user: { id: string; email: string; name: string; role: string };
  workspace: { id: string };
  csrfToken: string;
  scopes: string[];
}

let server: TestServer;

beforeAll(async () => {
  server = await sharedServer();
});

const anonymous = () => new ApiClient(server.url);
const tokenOf = (acceptUrl: string) => new URL(acceptUrl).searchParams.get("token")!;

async function invite(ws: TestWorkspace, body: Record<string, unknown> = {}) {
  const response = await ws.api.post<{ invitation: InvitationBody; acceptUrl: string }>("/api/v1/invitations", {
    email: `Invitee-${Math.random().toString(36).slice(2)}@Example.test`,
    role: "agent",
    ...body,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

const accept = (token: string, password = "a long enough password") =>
  anonymous().post<SessionBody | ErrorBody>("/api/v1/invitations/accept", { token, name: "Ivy Invitee", password });

function sessionClient(response: ApiResponse<SessionBody | ErrorBody>): ApiClient {
  const cookie = /rapport_session=([^;]+)/.exec(response.headers.get("set-cookie") ?? "")![1]!;
  return new ApiClient(server.url, { cookie, csrfToken: (response.body as SessionBody).csrfToken });
}

describe("invitations", () => {
  it("invites by email with a one-time link that creates the account and signs in", async () => {
    const ws = await createTestWorkspace(server);
    const { invitation, acceptUrl } = await invite(ws, { name: "Ivy", role: "supervisor" });
    expect(invitation).toMatchObject({ name: "Ivy", role: "supervisor", invitedBy: ws.ownerId });
    expect(invitation.email).toMatch(/^invitee-.*@example\.test$/);
    expect(acceptUrl.startsWith(`${server.config.publicUrl}/app/accept-invite?token=rpi_`)).toBe(true);
    expect(new Date(invitation.expiresAt).getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);

    // Only the hash is stored.
    const token = tokenOf(acceptUrl);
    const [row] = await server.database.db.select().from(invitations).where(inWorkspace(invitations, ws.id, eq(invitations.id, invitation.id)));
    expect(JSON.stringify(row)).not.toContain(token);

    expect((await ws.api.get<{ items: InvitationBody[] }>("/api/v1/invitations")).body.items.map((i) => i.id)).toEqual([invitation.id]);

    const preview = await anonymous().post("/api/v1/invitations/lookup", { token });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ email: invitation.email, role: "supervisor", workspace: { name: "Test workspace" } });

    const accepted = await accept(token);
    expect(accepted.status).toBe(201);
    const session = accepted.body as SessionBody;
    expect(session.user).toMatchObject({ email: invitation.email, name: "Ivy Invitee", role: "supervisor" });
    expect(session.workspace.id).toBe(ws.id);
    expect(accepted.headers.get("set-cookie")).toMatch(/HttpOnly/i);

    const client = sessionClient(accepted);
    expect((await client.get<SessionBody>("/api/v1/auth/session")).body.user.id).toBe(session.user.id);
    expect((await client.patch("/api/v1/me", { name: "Ivy I." })).status).toBe(200);
    // And the password works for the next sign-in.
    const login = await anonymous().post("/api/v1/auth/login", { email: invitation.email, password: "a long enough password" });
    expect(login.status).toBe(200);

    expect((await ws.api.get<{ items: InvitationBody[] }>("/api/v1/invitations")).body.items).toEqual([]);
    const audit = await server.database.db.select({ action: auditEntries.action }).from(auditEntries).where(inWorkspace(auditEntries, ws.id));
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(["invitation.created", "user.created"]));
  });

  it("works once", async () => {
    const ws = await createTestWorkspace(server);
    const token = tokenOf((await invite(ws)).acceptUrl);
    const [first, second] = await Promise.all([accept(token), accept(token)]);
    expect([first.status, second.status].sort()).toEqual([201, 404]);
    const again = await accept(token);
    expect(again.status).toBe(404);
    expect((again.body as ErrorBody).error.code).toBe("invitation_not_found");
    expect((await anonymous().post("/api/v1/invitations/lookup", { token })).status).toBe(404);
  });

  it("expires after seven days", async () => {
    const ws = await createTestWorkspace(server);
    const { invitation, acceptUrl } = await invite(ws);
    await server.database.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(inWorkspace(invitations, ws.id, eq(invitations.id, invitation.id)));
    const expired = await accept(tokenOf(acceptUrl));
    expect(expired.status).toBe(410);
    expect((expired.body as ErrorBody).error.code).toBe("invitation_expired");
    expect((await ws.api.get<{ items: unknown[] }>("/api/v1/invitations")).body.items).toEqual([]);
  });

  it("can be withdrawn, and inviting again replaces the earlier link", async () => {
    const ws = await createTestWorkspace(server);
    const first = await invite(ws, { email: "again@example.test" });
    const second = await invite(ws, { email: "again@example.test" });
    expect((await accept(tokenOf(first.acceptUrl))).status).toBe(404);
    expect((await ws.api.delete(`/api/v1/invitations/${second.invitation.id}`)).status).toBe(204);
    expect((await ws.api.delete(`/api/v1/invitations/${second.invitation.id}`)).status).toBe(404);
    expect((await accept(tokenOf(second.acceptUrl))).status).toBe(404);
  });

  it("is for admins, who cannot hand out more than they hold", async () => {
    const ws = await createTestWorkspace(server);
    const supervisor = await ws.member("supervisor");
    const admin = await ws.member("admin");
    expect((await supervisor.api.post("/api/v1/invitations", { email: "x@example.test", role: "agent" })).status).toBe(403);
    expect((await supervisor.api.get("/api/v1/invitations")).status).toBe(403);
    expect((await admin.api.post("/api/v1/invitations", { email: "x@example.test", role: "owner" })).status).toBe(403);
    expect((await admin.api.post("/api/v1/invitations", { email: "x@example.test", role: "admin" })).status).toBe(201);
    const taken = await ws.api.post<ErrorBody>("/api/v1/invitations", { email: ws.ownerEmail, role: "agent" });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe("email_taken");
  });

  it("refuses bad input and unknown tokens", async () => {
    const ws = await createTestWorkspace(server);
    for (const body of [{ email: "not-an-email", role: "agent" }, { email: "a@example.test", role: "king" }, { email: "a@example.test" }]) {
      expect((await ws.api.post("/api/v1/invitations", body)).status, JSON.stringify(body)).toBe(400);
    }
    const token = tokenOf((await invite(ws)).acceptUrl);
    expect((await anonymous().post("/api/v1/invitations/accept", { token, name: "x", password: "short" })).status).toBe(400);
    expect((await anonymous().post("/api/v1/invitations/accept", { token, password: "a long enough password" })).status).toBe(400);
    expect((await accept("rpi_made-up-token-value")).status).toBe(404);
    // The failures above did not use up the real link.
    expect((await accept(token)).status).toBe(201);
  });
});
