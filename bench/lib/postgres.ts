import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { sql } from "drizzle-orm";
import type { Executor } from "../../apps/server/src/platform/db/client.ts";
import { runClosedLoop, summarize, type LoopResult } from "./measure.ts";

const PGBENCH = "/usr/lib/postgresql/15/bin/pgbench";

/** The server that holds the bench databases; the same variable the test suite reads. */
export const adminUrl = () => process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh database for one run, dropped (even with connections left open) at the end. */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const name = `rapport_bench_${randomBytes(4).toString("hex")}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`)).then(() => undefined) };
}

export async function serverVersion(): Promise<string> {
  return withAdmin(async (client) => (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version.split(" ")[0]!);
}

export interface RawInsertResult extends LoopResult {
  tool: string;
  concurrency: number;
}

const SCRATCH_TABLE = "bench_raw_insert";
const createScratch = `CREATE TABLE ${SCRATCH_TABLE} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now(), body text NOT NULL)`;
const insertOne = `INSERT INTO ${SCRATCH_TABLE} (body) VALUES ('Hello, my order has not arrived yet.')`;

/**
 * The database's own ceiling for the work a message needs at least once: one row
 * inserted and committed per transaction, into a scratch table that is dropped after.
 * pgbench when PostgreSQL's is installed; otherwise the same through `db`.
 */
export async function measureRawInserts(db: Executor, options: { databaseUrl?: string; concurrency: number; seconds: number }): Promise<RawInsertResult> {
  await db.execute(sql.raw(createScratch));
  try {
    if (options.databaseUrl && fs.existsSync(PGBENCH)) return await runPgbench(options.databaseUrl, options.concurrency, options.seconds);
    const result = await runClosedLoop(() => db.execute(sql.raw(insertOne)), options.concurrency, options.seconds);
    return { ...result, tool: "node loop", concurrency: options.concurrency };
  } finally {
    await db.execute(sql.raw(`DROP TABLE ${SCRATCH_TABLE}`));
  }
}

async function runPgbench(databaseUrl: string, clients: number, seconds: number): Promise<RawInsertResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-pgbench-"));
  try {
    const script = path.join(dir, "insert.sql");
    fs.writeFileSync(script, `${insertOne};\n`);
    const threads = Math.min(clients, os.cpus().length);
    const args = ["-n", "-f", script, "-c", String(clients), "-j", String(threads), "-T", String(seconds), "-l", "--log-prefix", path.join(dir, "tx"), databaseUrl];
    const { stdout } = await promisify(execFile)(PGBENCH, args, { cwd: dir });
    const tps = Number(/tps = ([\d.]+)/.exec(stdout)?.[1]);
    if (!Number.isFinite(tps)) throw new Error(`Could not read pgbench's output:\n${stdout}`);
    // Per-transaction log lines: client, transaction number, latency in microseconds, ...
    const samples: number[] = [];
    for (const file of fs.readdirSync(dir).filter((name) => name.startsWith("tx"))) {
      for (const line of fs.readFileSync(path.join(dir, file), "utf8").split("\n")) {
        const latency = Number(line.split(" ")[2]);
        if (line && Number.isFinite(latency)) samples.push(latency / 1000);
      }
    }
    return { tool: `pgbench -c ${clients} -j ${threads}`, concurrency: clients, operations: samples.length, seconds, perSecond: tps, latency: summarize(samples) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
