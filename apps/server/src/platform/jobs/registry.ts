import type { Static, TSchema } from "typebox";
import { Compile } from "typebox/compile";
import type { BaseLogger } from "pino";
import type { Executor } from "../db/client.ts";

export interface RetryPolicy {
  /** Attempts in all, the first included; the job is dead after the last one fails. */
  maxAttempts: number;
  /** The wait before the second attempt; each later wait doubles, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 10, baseDelayMs: 5_000, maxDelayMs: 3_600_000 };

export type JobLogger = Pick<BaseLogger, "info" | "warn" | "error">;

export interface JobContext {
  /** The pool, not a transaction: a handler opens the transactions it needs. */
  db: Executor;
  jobId: number;
  workspaceId: string | null;
  /** 1 on the first run. */
  attempt: number;
  /** The attempts this job has in all: a handler on its last one can record the failure for good. */
  maxAttempts: number;
  /** Aborted when shutdown stops waiting for this job; its lease then runs out and it runs again. */
  signal: AbortSignal;
  log: JobLogger;
}

/**
 * A declared background job: a name, a payload schema, a handler and a retry policy.
 *
 * Delivery is at least once. A handler can run again after doing its work — its
 * process died before marking the job done, or shutdown cut it off — so every
 * handler must be idempotent: check the state it is about to change, or make the
 * second change a no-op.
 */
export interface JobDefinition<S extends TSchema = TSchema> {
  readonly name: string;
  readonly payload: S;
  readonly retry: RetryPolicy;
  handle(ctx: JobContext, payload: Static<S>): Promise<void>;
  /** Returns the payload when it matches the schema; throws naming the first mismatch. */
  parse(payload: unknown): Static<S>;
}

export interface JobSpec<S extends TSchema> {
  name: string;
  payload: S;
  retry?: Partial<RetryPolicy>;
  handle(ctx: JobContext, payload: Static<S>): Promise<void>;
}

export function defineJob<S extends TSchema>(spec: JobSpec<S>): JobDefinition<S> {
  const validator = Compile(spec.payload);
  return {
    name: spec.name,
    payload: spec.payload,
    retry: { ...DEFAULT_RETRY, ...spec.retry },
    handle: spec.handle,
    parse(payload) {
      if (validator.Check(payload)) return payload;
      const [first] = validator.Errors(payload);
      throw new TypeError(`Invalid payload for job ${spec.name}: ${first?.instancePath || "/"} ${first?.message ?? "is invalid"}`);
    },
  };
}

/**
 * The wait after failed attempt `attempt` (1-based): exponential and capped, plus up
 * to a quarter more at random so jobs that failed together do not retry together.
 */
export function retryDelayMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential * (1 + random() / 4));
}

/** The jobs a runner knows, one definition per name. */
export class JobRegistry {
  private readonly byName = new Map<string, JobDefinition>();

  constructor(definitions: Iterable<JobDefinition>) {
    for (const definition of definitions) {
      if (this.byName.has(definition.name)) throw new Error(`Job "${definition.name}" is defined twice.`);
      this.byName.set(definition.name, definition);
    }
  }

  get(name: string): JobDefinition | undefined {
    return this.byName.get(name);
  }

  get names(): string[] {
    return [...this.byName.keys()];
  }
}
