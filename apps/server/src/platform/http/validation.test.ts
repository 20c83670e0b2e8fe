import { beforeAll, describe, expect, it } from "vitest";
import { createConversation, createTestWorkspace, sharedServer, type ApiResponse, type TestServer, type TestWorkspace } from "../../testing/harness.ts";

/**
 * Bad input gets a clear 4xx and never a 500. Every operation in the OpenAPI document
 * is sent malformed, wrong-typed and oversized requests.
 */

type ErrorBody = { error: { code: string; message: string } };

let server: TestServer;
let ws: TestWorkspace;
let operations: { method: string; path: string }[];
let conversationId: string;

beforeAll(async () => {
  server = await sharedServer();
  ws = await createTestWorkspace(server);
  conversationId = (await createConversation(ws)).conversation.id;
  const spec = await ws.api.get<{ paths: Record<string, Record<string, unknown>> }>("/api/v1/openapi.json");
  operations = Object.entries(spec.body.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })));
});

function expectClientError(response: ApiResponse, label: string): void {
  expect(response.status, `${label}: ${JSON.stringify(response.body)}`).toBeGreaterThanOrEqual(400);
  expect(response.status, `${label}: ${JSON.stringify(response.body)}`).toBeLessThan(500);
  const body = response.body as ErrorBody;
  expect(body.error.code, label).toMatch(/^[a-z_]+$/);
  expect(body.error.message.length, label).toBeGreaterThan(10);
}

const withBody = (method: string) => method !== "GET" && method !== "DELETE";

describe("every operation refuses bad input with a 4xx", () => {
  it("a path id that is not a UUID", async () => {
    for (const { method, path } of operations.filter((operation) => operation.path.includes("{id}"))) {
      const response = await ws.api.request(method, path.replace("{id}", "not-a-uuid"), withBody(method) ? {} : undefined);
      expectClientError(response, `${method} ${path}`);
    }
  });

  it("bodies of the wrong shape", async () => {
    const garbage: unknown[] = ["just a string", [1, 2, 3], 42, null, { unexpected: { nested: [true] } }, { text: 12, status: ["x"], email: {}, name: 7 }];
    for (const { method, path } of operations.filter((operation) => withBody(operation.method))) {
      for (const body of garbage) {
        const response = await ws.api.request(method, path.replace("{id}", conversationId), JSON.stringify(body), { "content-type": "application/json" });
        // A few operations take no body and ignore it; none may fail on it.
        expect(response.status, `${method} ${path} ${JSON.stringify(body)}: ${JSON.stringify(response.body)}`).toBeLessThan(500);
      }
    }
  });

  it("broken JSON, the wrong content type and wrong-typed query parameters", async () => {
    for (const { method, path } of operations.filter((operation) => withBody(operation.method) && !operation.path.includes("logout"))) {
      const url = path.replace("{id}", conversationId);
      expectClientError(await ws.api.request(method, url, '{"text": "unterminated', { "content-type": "application/json" }), `${method} ${path} broken JSON`);
      expectClientError(await ws.api.request(method, url, "text=hello", { "content-type": "application/x-www-form-urlencoded" }), `${method} ${path} form body`);
    }
    for (const query of ["limit=0", "limit=1000", "limit=abc", "status=bogus", "sort=sideways", "assignee=someone", "cursor=!!!", "updatedSince=yesterday", "unknown=1"]) {
      expectClientError(await ws.api.get(`/api/v1/conversations?${query}`), `list ?${query}`);
    }
    expectClientError(await ws.api.get("/api/v1/search"), "search without q");
  });

  it("a body larger than the limit is a 413", async () => {
    const huge = "x".repeat(server.config.bodyLimitBytes + 10);
    const response = await ws.api.post<ErrorBody>(`/api/v1/conversations/${conversationId}/messages`, { text: huge });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe("payload_too_large");
  });
});

describe("error messages a person can act on", () => {
  it("names the field and what is wrong with it", async () => {
    const badEmail = await ws.api.post<ErrorBody>("/api/v1/conversations", { customer: { email: "not-an-email" }, message: { text: "hi" } });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.error).toMatchObject({ code: "invalid_request" });
    expect(badEmail.body.error.message).toContain("body.customer.email");
    expect(badEmail.body.error.message).toContain("email");

    const unknownField = await ws.api.post<ErrorBody>(`/api/v1/conversations/${conversationId}/messages`, { text: "hi", colour: "blue" });
    expect(unknownField.body.error.message).toContain('unknown field "colour"');

    const badStatus = await ws.api.post<ErrorBody>(`/api/v1/conversations/${conversationId}/status`, { status: "done" });
    expect(badStatus.body.error.message).toContain('"resolved"');

    const empty = await ws.api.post<ErrorBody>(`/api/v1/conversations/${conversationId}/messages`, { text: "   " });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain("needs text");

    const noIdentity = await ws.api.post<ErrorBody>("/api/v1/conversations", { customer: { name: "Nobody" }, message: { text: "hi" } });
    expect(noIdentity.status).toBe(400);
    expect(noIdentity.body.error.message).toContain("email, phone");
  });

  it("unknown routes and missing credentials", async () => {
    const missing = await ws.api.get<ErrorBody>("/api/v1/nothing-here");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("not_found");
    const anonymous = await fetch(`${server.url}/api/v1/conversations`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as ErrorBody).error.code).toBe("unauthenticated");
    const badHeader = await fetch(`${server.url}/api/v1/conversations`, { headers: { authorization: "Token abc" } });
    expect(badHeader.status).toBe(401);
  });
});
