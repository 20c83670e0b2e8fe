import type { FastifyRequest } from "fastify";
import { isOwnOrigin } from "../http/origin.ts";
import { requireScope } from "../auth/policy.ts";
import { AppError } from "../errors.ts";
import { contextOf, type App, type AppDeps } from "../http/context.ts";
import { getUser } from "../../modules/workspaces/service.ts";
import type { RealtimeHub } from "./hub.ts";

export interface RealtimeDeps extends AppDeps {
  realtime: RealtimeHub;
}

/** The agent app's live feed: `GET /realtime` upgraded to a WebSocket (docs/realtime.md). */
export function registerRealtimeRoutes(app: App, deps: RealtimeDeps): void {
  const publicOrigin = new URL(deps.config.publicUrl).origin;
  // Read once per connection, so a presence frame costs no query.
  const userNames = new WeakMap<FastifyRequest, string>();
  app.get(
    "/realtime",
    {
      websocket: true,
      // Runs before the upgrade, so a refusal is a plain HTTP error response.
      preHandler: async (request) => {
        const { actor } = contextOf(deps, request);
        if (actor.via === "session" && !isOwnOrigin(request, publicOrigin)) {
          throw new AppError("forbidden", `A signed-in browser may open the realtime socket only from ${publicOrigin}.`);
        }
        requireScope(actor, "conversations:read");
        userNames.set(request, (await getUser(contextOf(deps, request), actor.userId)).name);
      },
    },
    (socket, request) => {
      deps.realtime.add(socket, contextOf(deps, request).actor, userNames.get(request));
    },
  );
}
