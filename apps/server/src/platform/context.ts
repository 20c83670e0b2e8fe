import type { Actor } from "./auth/policy.ts";
import type { Executor } from "./db/client.ts";
import type { EventActor } from "./events.ts";

/** What a service needs to act for someone: a database handle (pool or transaction), who is acting, and from where. */
export interface ServiceContext {
  db: Executor;
  actor: Actor;
  ip?: string | undefined;
}

export const eventActor = (actor: Actor): EventActor => ({ type: "user", id: actor.userId });

export const withDb = (ctx: ServiceContext, db: Executor): ServiceContext => ({ ...ctx, db });
