import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyReply } from "fastify";
import type { App } from "./context.ts";

/** Where `vite build` puts the agent app (apps/web/dist). */
export const WEB_APP_DIR = fileURLToPath(new URL("../../../../web/dist/", import.meta.url));

// The app's own scripts and styles only: a message's HTML that slipped past the sanitizer still runs nothing.
// Mantine sets CSS variables through style attributes, hence 'unsafe-inline' for styles alone.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' ws: wss:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Rapport</title>
<p>The agent app has not been built. <code>npm start</code> builds it; so does <code>npm run build:web</code>.
The API is at <a href="/api/docs">/api/docs</a>.</p></html>`;

/** The built file a path names, if there is one inside the build folder. */
export function builtFile(root: string, relative: string): string | undefined {
  const file = path.resolve(root, relative);
  if (!file.startsWith(root) || file === path.join(root, "index.html") || /\.(br|gz)$/.test(file)) return undefined;
  return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ? path.relative(root, file) : undefined;
}

/**
 * Serves the agent app at /app: hashed assets are cached for good, and every other path under /app is the
 * single page, which routes in the browser. Files are looked up per request, so a rebuild shows without a
 * restart.
 */
export async function registerWebApp(app: App, root = WEB_APP_DIR): Promise<void> {
  // The build writes .br and .gz beside each file; a browser that accepts one gets it, a quarter of the bytes.
  await app.register(fastifyStatic, { root, serve: false, preCompressed: true });
  const sendPage = (reply: FastifyReply) => {
    void reply.header("content-security-policy", CONTENT_SECURITY_POLICY).header("x-content-type-options", "nosniff").header("referrer-policy", "same-origin");
    if (!fs.existsSync(path.join(root, "index.html"))) return reply.status(503).type("text/html").send(NOT_BUILT);
    return reply.header("cache-control", "no-cache").header("vary", "accept-encoding").sendFile("index.html", root, { cacheControl: false });
  };
  const page = { config: { public: true }, schema: { hide: true } };
  app.get("/app", page, (_request, reply) => reply.redirect("/app/"));
  app.get("/app/", page, (_request, reply) => sendPage(reply));
  app.get<{ Params: { "*": string } }>("/app/*", page, (request, reply) => {
    const relative = request.params["*"];
    const file = builtFile(root, relative);
    if (file) {
      const immutable = file.startsWith(`assets${path.sep}`);
      void reply
        .header("x-content-type-options", "nosniff")
        .header("vary", "accept-encoding")
        .header("cache-control", immutable ? "public, max-age=31536000, immutable" : "public, max-age=3600");
      return reply.sendFile(file, root, { cacheControl: false });
    }
    // A missing asset is a 404, not the page: a stale tab asking for an old chunk must see the failure.
    if (relative.startsWith("assets/")) return reply.status(404).send({ error: { code: "not_found", message: "No such asset; reload the page for the current version." } });
    return sendPage(reply);
  });
}
