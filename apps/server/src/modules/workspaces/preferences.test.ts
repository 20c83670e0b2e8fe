import { beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, sharedServer, type TestServer } from "../../testing/harness.ts";

interface UserBody {
  id: string;
  name: string;
  locale: string;
  timeZone: string | null;
}

let server: TestServer;

beforeAll(async () => {
  server = await sharedServer();
});

describe("PATCH /me", () => {
  it("sets your name, language and time zone, which the session then shows", async () => {
    const ws = await createTestWorkspace(server);
    const before = await ws.session.get<{ user: UserBody }>("/api/v1/auth/session");
    expect(before.body.user).toMatchObject({ locale: "en", timeZone: null });

    const changed = await ws.session.patch<UserBody>("/api/v1/me", { name: " Olivia ", locale: "es", timeZone: "America/Mexico_City" });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: ws.ownerId, name: "Olivia", locale: "es", timeZone: "America/Mexico_City" });
    expect((await ws.session.get<{ user: UserBody }>("/api/v1/auth/session")).body.user).toMatchObject({ locale: "es", timeZone: "America/Mexico_City" });

    // Null goes back to the workspace's zone.
    expect((await ws.api.patch<UserBody>("/api/v1/me", { timeZone: null })).body.timeZone).toBeNull();
    expect((await ws.api.get<UserBody>(`/api/v1/users/${ws.ownerId}`)).body).toMatchObject({ name: "Olivia", locale: "es", timeZone: null });
  });

  it("changes only the caller, whatever their role", async () => {
    const ws = await createTestWorkspace(server);
    const agent = await ws.member("agent");
    expect((await agent.api.patch<UserBody>("/api/v1/me", { locale: "es" })).body).toMatchObject({ id: agent.userId, locale: "es" });
    expect((await ws.api.get<UserBody>(`/api/v1/users/${ws.ownerId}`)).body.locale).toBe("en");
  });

  it("refuses an unknown time zone or language, and unknown fields", async () => {
    const ws = await createTestWorkspace(server);
    for (const body of [{ timeZone: "Mars/Olympus" }, { timeZone: 3 }, { locale: "fr" }, { role: "owner" }, {}, { name: "" }]) {
      const response = await ws.api.patch<{ error: { code: string } }>("/api/v1/me", body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    expect((await ws.api.patch<UserBody>("/api/v1/me", { timeZone: "utc" })).body.timeZone).toBe("UTC");
    // Like any nullable field here, an empty string reads as null.
    expect((await ws.api.patch<UserBody>("/api/v1/me", { timeZone: "" })).body.timeZone).toBeNull();
  });
});
