import { sql } from "drizzle-orm";
import Type from "typebox";
import { collectDefaultMetrics, Histogram, Registry } from "prom-client";
import type { App, AppDeps } from "./context.ts";

/** Liveness, readiness and Prometheus metrics: what an operator's load balancer and monitoring poll. */
export function registerOperationsRoutes(app: App, deps: AppDeps): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "rapport_" });
  const requestDuration = new Histogram({
    name: "rapport_http_request_duration_seconds",
    help: "HTTP request duration by route and status.",
    labelNames: ["method", "route", "status"],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });

  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    requestDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  const health = { config: { public: true }, schema: { hide: true } };
  app.get("/healthz", health, () => ({ status: "ok" }));
  app.get("/", health, (_request, reply) => reply.redirect("/app/"));
  app.get(
    "/readyz",
    { ...health, schema: { hide: true, response: { 200: Type.Object({ status: Type.String() }), 503: Type.Object({ status: Type.String(), error: Type.String() }) } } },
    async (_request, reply) => {
      try {
        await deps.database.db.execute(sql`SELECT 1`);
        return { status: "ready" };
      } catch (error) {
        return reply.status(503).send({ status: "unavailable", error: (error as Error).message });
      }
    },
  );
  app.get("/metrics", health, async (_request, reply) => {
    void reply.header("content-type", registry.contentType);
    return registry.metrics();
  });
}
