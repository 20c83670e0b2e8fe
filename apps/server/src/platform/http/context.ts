import type { FastifyInstance, FastifyRequest, RawServerDefault, FastifyBaseLogger } from "fastify";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { AppError } from "../errors.ts";
import type { Actor } from "../auth/policy.ts";
import type { Config } from "../../config.ts";
import type { Database } from "../db/client.ts";
import type { ServiceContext } from "../context.ts";
import type { FileStore } from "../files.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in (sign-in itself, signup, health). */
    public?: boolean;
  }
}

export interface AppDeps {
  config: Config;
  database: Database;
  /** One store for the whole process, made by `createFileStore`. */
  files: FileStore;
}

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

/** The service context of an authenticated request. */
export function contextOf(deps: AppDeps, request: FastifyRequest): ServiceContext {
  if (!request.actor) throw new AppError("unauthenticated", "Sign in, or send an API token as \"Authorization: Bearer <token>\".");
  return { db: deps.database.db, actor: request.actor, ip: request.ip };
}
