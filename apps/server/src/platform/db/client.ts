import fs from "node:fs/promises";
import path from "node:path";
import { PgTransaction, type PgDatabase, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
/** A database handle: the pool, or a transaction. Services take one so the same code runs inside or outside a transaction. */
export type Executor = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

/** Whether a handle is a transaction already (so work on it commits with the caller's, not by itself). */
export const isTransaction = (db: Executor): boolean => db instanceof PgTransaction;

/** Rows of a raw SQL query; both drivers return them as `rows`. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export interface Database {
  kind: "pglite" | "postgres";
  db: Executor;
  /**
   * Subscribes to `NOTIFY` on a channel; returns the function that unsubscribes. On PostgreSQL the
   * subscription's connection can drop: `onLost` hears of it, the subscription is then gone and
   * notices sent meanwhile are missed.
   */
  listen(channel: string, onPayload: (payload: string) => void, onLost?: (error: Error) => void): Promise<() => Promise<void>>;
  /** Runs `fn` while holding a session-level advisory lock (other processes wait). */
  withAdvisoryLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir?: string;
  poolSize?: number;
}

/** Opens PostgreSQL when a URL is given, otherwise the embedded PGlite database in `dataDir` (in memory when none). */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 20) : openPglite(options.dataDir);
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  // Loaded only here: PGlite's WebAssembly build adds some 50 MB to a process that runs on PostgreSQL otherwise.
  const [{ PGlite }, { drizzle: drizzlePglite }, { pg_trgm }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
  ]);
  if (dataDir) await fs.mkdir(path.dirname(dataDir), { recursive: true });
  // pg_trgm backs typo-tolerant knowledge base search; PostgreSQL ships it in its contrib package.
  const client = await PGlite.create({ ...(dataDir && { dataDir }), extensions: { pg_trgm } });
  const db = drizzlePglite(client, { schema }) as unknown as Executor;
  return {
    kind: "pglite",
    db,
    async listen(channel, onPayload) {
      const unsubscribe = await client.listen(channel, onPayload);
      return unsubscribe;
    },
    // PGlite is one connection inside this process: there is nobody else to wait for.
    withAdvisoryLock: (_key, fn) => fn(),
    close: () => client.close(),
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on("error", () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  const db = drizzlePg(pool, { schema }) as unknown as Executor;
  const listeners = new Set<pg.Client>();
  return {
    kind: "postgres",
    db,
    async listen(channel, onPayload, onLost) {
      const client = new pg.Client({ connectionString: url });
      const lose = (error: Error) => {
        if (listeners.delete(client)) onLost?.(error);
      };
      // Without an error listener a dropped connection would crash the process.
      client.on("error", lose);
      client.on("end", () => lose(new Error(`The connection listening on ${channel} ended.`)));
      client.on("notification", (message) => {
        if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
      });
      await client.connect();
      try {
        await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      } catch (error) {
        await client.end();
        throw error;
      }
      listeners.add(client);
      return async () => {
        if (listeners.delete(client)) await client.end();
      };
    },
    async withAdvisoryLock(key, fn) {
      const client = await pool.connect();
      try {
        await client.query("SELECT pg_advisory_lock($1)", [key]);
        try {
          return await fn();
        } finally {
          await client.query("SELECT pg_advisory_unlock($1)", [key]);
        }
      } finally {
        client.release();
      }
    },
    async close() {
      const clients = [...listeners];
      listeners.clear();
      await Promise.all(clients.map((client) => client.end()));
      await pool.end();
    },
  };
}
