import pg from "pg";
import { measureRawInserts, type RawInsertResult } from "./lib/postgres.ts";
import { runHttpLoad, startCpuSplit, type CpuSplit, type HttpResult } from "./lib/measure.ts";
import { backendName, describeCpu, int, ms, printTable, ratio, writeResult, type Backend } from "./lib/report.ts";
import { createBenchWorkspace, postJson, startServerProcess } from "./lib/server-process.ts";
import { createStore } from "./lib/store.ts";

export interface MessagesOptions {
  backend: Backend;
  /** Conversations the messages are spread over. */
  conversations: number;
  /** Concurrent HTTP connections of the load generator. */
  connections: number;
  /** The server's DATABASE_POOL_SIZE, and the raw baseline's concurrency. */
  poolSize: number;
  warmupSeconds: number;
  seconds: number;
  baselineSeconds: number;
  profile: boolean;
}

export interface MessagesResult {
  name: string;
  backend: Backend;
  startedAt: string;
  options: MessagesOptions;
  api: HttpResult;
  raw: RawInsertResult;
  apiToRaw: number;
  cpu: CpuSplit;
  targets: { messagesPerSecond: number; p99Ms: number; apiToRaw: number };
  met: boolean;
}

export const MESSAGE_TARGETS = { messagesPerSecond: 3000, p99Ms: 50, apiToRaw: 0.25 };

const TEXT = "Hi again, the parcel still has not arrived and the tracking page has said 'in transit' for six days. Could you check with the courier?";

/** Inbound messages through POST /conversations/{id}/messages, next to the database's raw single-row insert rate. */
export async function benchMessages(options: MessagesOptions): Promise<MessagesResult> {
  const name = `messages-${options.backend}`;
  const startedAt = new Date().toISOString();
  const bench = await createStore(options.backend);
  try {
    // The baseline runs first, with the store to itself (PGlite allows one process at a time).
    const database = await bench.open(options.poolSize);
    let raw: RawInsertResult;
    try {
      const databaseUrl = bench.store.kind === "postgres" ? bench.store.databaseUrl : undefined;
      raw = await measureRawInserts(database.db, { databaseUrl, concurrency: options.poolSize, seconds: options.baselineSeconds });
    } finally {
      await database.close();
    }

    const server = await startServerProcess({ store: bench.store, poolSize: options.poolSize, label: name, profile: options.profile });
    try {
      const workspace = await createBenchWorkspace(server.url, "Bench messages");
      const ids = await openConversations(server.url, workspace.token, options.conversations);
      if (bench.store.kind === "postgres") await settle(bench.store.databaseUrl);
      let sent = 0;
      const load = {
        url: server.url,
        method: "POST" as const,
        headers: { "content-type": "application/json", authorization: `Bearer ${workspace.token}` },
        next: () => ({
          path: `/api/v1/conversations/${ids[Math.floor(Math.random() * ids.length)]}/messages`,
          body: JSON.stringify({ kind: "inbound", text: `${TEXT} (${++sent})` }),
        }),
        connections: options.connections,
      };
      await runHttpLoad({ ...load, seconds: options.warmupSeconds });
      const cpuSplit = startCpuSplit(server.pid);
      const api = await runHttpLoad({ ...load, seconds: options.seconds });
      const cpu = cpuSplit();

      const apiToRaw = api.perSecond / raw.perSecond;
      const result: MessagesResult = {
        name,
        backend: options.backend,
        startedAt,
        options,
        api,
        raw,
        apiToRaw,
        cpu,
        targets: MESSAGE_TARGETS,
        met: api.perSecond >= MESSAGE_TARGETS.messagesPerSecond && api.latency.p99 <= MESSAGE_TARGETS.p99Ms && apiToRaw >= MESSAGE_TARGETS.apiToRaw,
      };
      report(result);
      writeResult(name, result);
      return result;
    } finally {
      await server.stop();
    }
  } finally {
    await bench.dispose();
  }
}

/**
 * Vacuums and analyzes after the bulk setup, so the measured window sees the steady state
 * of a running helpdesk rather than autovacuum catching up on thousands of fresh rows.
 */
async function settle(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("VACUUM (ANALYZE)");
  } finally {
    await client.end();
  }
}

/** Opens conversations through the API (each with its own customer), a few at a time. */
async function openConversations(url: string, token: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const n = next++;
      const created = await postJson<{ conversation: { id: string } }>(`${url}/api/v1/conversations`, token, {
        customer: { email: `customer-${n}@bench.example`, name: `Customer ${n}` },
        subject: `Order ${1000 + n} has not arrived`,
        message: { text: "Hello, my order has not arrived yet." },
      });
      ids.push(created.conversation.id);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return ids;
}

function report(result: MessagesResult): void {
  const { api, raw, options, targets } = result;
  const failed = api.non2xx + api.errors;
  printTable(
    `messages · ${backendName(result.backend)} · ${int(options.conversations)} conversations · ${options.connections} connections, pool ${options.poolSize} · ${options.seconds} s after ${options.warmupSeconds} s warm-up`,
    [
      ["inbound messages/s (API)", int(api.perSecond), `≥ ${int(targets.messagesPerSecond)}`, api.perSecond >= targets.messagesPerSecond],
      ["latency p50 (ms)", ms(api.latency.p50)],
      ["latency p99 (ms)", ms(api.latency.p99), `≤ ${targets.p99Ms}`, api.latency.p99 <= targets.p99Ms],
      ["latency max (ms)", ms(api.latency.max)],
      ["failed requests", int(failed), "0", failed === 0],
      [`raw single-row inserts/s (${raw.tool})`, int(raw.perSecond)],
      ["raw insert p50 / p99 (ms)", `${ms(raw.latency.p50)} / ${ms(raw.latency.p99)}`],
      ["API / raw", ratio(result.apiToRaw), `≥ ${targets.apiToRaw}`, result.apiToRaw >= targets.apiToRaw],
    ],
    [describeCpu(result.cpu)],
  );
}
