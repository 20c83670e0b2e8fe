import { beforeAll, describe, expect, it } from "vitest";
import { createConversation, createTestWorkspace, sharedServer, type TestServer } from "../../testing/harness.ts";

let server: TestServer;

beforeAll(async () => {
  server = await sharedServer();
});

describe("operations endpoints", () => {
  it("answers health and readiness without credentials", async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: "ok" });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("exposes Prometheus metrics with request timings by route", async () => {
    const ws = await createTestWorkspace(server);
    await createConversation(ws);
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toContain("rapport_http_request_duration_seconds_bucket");
    expect(text).toMatch(/route="\/api\/v1\/conversations",status="201"/);
    expect(text).toContain("rapport_process_resident_memory_bytes");
  });

  it("serves the OpenAPI document and the browsable docs", async () => {
    const spec = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(spec.openapi).toBe("3.1.0");
    expect(Object.keys(spec.paths)).toContain("/api/v1/conversations/{id}/messages");
    const docs = await fetch(`${server.url}/api/docs/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain("swagger");
    const home = await fetch(`${server.url}/`, { redirect: "manual" });
    expect(home.status).toBe(302);
    expect(home.headers.get("location")).toBe("/app/");
  });
});
