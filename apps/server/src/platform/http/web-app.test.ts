import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import Fastify from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerWebApp } from "./web-app.ts";

async function serve(root: string) {
  const app = Fastify().withTypeProvider<TypeBoxTypeProvider>();
  await registerWebApp(app, root);
  await app.ready();
  return app;
}

describe("the agent app at /app", () => {
  let root: string;
  let empty: string;

  beforeAll(async () => {
    root = `${await fs.mkdtemp(path.join(os.tmpdir(), "rapport-web-"))}/`;
    empty = `${await fs.mkdtemp(path.join(os.tmpdir(), "rapport-web-empty-"))}/`;
    await fs.mkdir(path.join(root, "assets"));
    await fs.writeFile(path.join(root, "index.html"), "<!doctype html><title>Rapport</title><div id=root></div>");
    await fs.writeFile(path.join(root, "assets", "index-abc123.js"), "console.log('app')");
    await fs.writeFile(path.join(root, "assets", "index-abc123.js.gz"), gzipSync("console.log('app')"));
  });

  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true });
    await fs.rm(empty, { recursive: true, force: true });
  });

  it("serves the page for every app path, with a policy that runs only its own scripts", async () => {
    const app = await serve(root);
    for (const url of ["/app/", "/app/inbox/mine", "/app/conversations/0190c1d2-0000-7000-8000-000000000000", "/app/settings/people"]) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain('<div id=root>');
      expect(response.headers["content-security-policy"]).toContain("script-src 'self'");
      expect(response.headers["cache-control"]).toBe("no-cache");
    }
    expect((await app.inject({ url: "/app" })).headers.location).toBe("/app/");
  });

  it("caches hashed assets for good, and answers a missing one with 404 rather than the page", async () => {
    const app = await serve(root);
    const asset = await app.inject({ url: "/app/assets/index-abc123.js" });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["cache-control"]).toContain("immutable");
    expect(asset.headers["x-content-type-options"]).toBe("nosniff");
    const compressed = await app.inject({ url: "/app/assets/index-abc123.js", headers: { "accept-encoding": "gzip" } });
    expect(compressed.headers["content-encoding"]).toBe("gzip");
    expect(compressed.headers.vary).toContain("accept-encoding");
    expect(gunzipSync(compressed.rawPayload).toString()).toBe("console.log('app')");
    expect(compressed.headers["cache-control"]).toContain("immutable");
    expect((await app.inject({ url: "/app/assets/index-abc123.js.gz" })).statusCode).toBe(404);
    const missing = await app.inject({ url: "/app/assets/index-gone.js" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: "not_found" } });
  });

  it("says how to build the app when it has not been built", async () => {
    const app = await serve(empty);
    const response = await app.inject({ url: "/app/inbox/mine" });
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain("npm run build:web");
    // A build that finishes while the server runs is served at once.
    await fs.writeFile(path.join(empty, "index.html"), "<!doctype html><div id=root></div>");
    expect((await app.inject({ url: "/app/inbox/mine" })).statusCode).toBe(200);
  });

  it("never serves a file from outside the build", async () => {
    const app = await serve(root);
    for (const url of ["/app/../package.json", "/app/%2e%2e/%2e%2e/package.json", "/app/assets/..%2f..%2findex.html"]) {
      const response = await app.inject({ url });
      expect(response.body, url).not.toContain('"dependencies"');
    }
  });
});
