import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Executor } from "../apps/server/src/platform/db/client.ts";
import { runClosedLoop, runHttpLoad, startCpuSplit, type CpuSplit, type HttpResult, type LoopResult } from "./lib/measure.ts";
import { backendName, describeCpu, int, ms, printTable, ratio, writeResult, type Backend } from "./lib/report.ts";
import { seedInbox } from "./lib/seed.ts";
import { createBenchWorkspace, startServerProcess } from "./lib/server-process.ts";
import { createStore } from "./lib/store.ts";

export interface InboxOptions {
  backend: Backend;
  /** Conversations in the measured workspace (other workspaces get a twentieth each). */
  conversations: number;
  otherWorkspaces: number;
  agents: number;
  /** Concurrent requests, over HTTP and for the bare query alike. */
  connections: number;
  poolSize: number;
  warmupSeconds: number;
  seconds: number;
  profile: boolean;
}

export interface InboxResult {
  name: string;
  backend: Backend;
  startedAt: string;
  options: InboxOptions;
  seedSeconds: number;
  /** Open conversations assigned to the caller: what the inbox pages through. */
  matching: number;
  api: HttpResult;
  bareSql: LoopResult;
  plan: string[];
  cpu: CpuSplit;
  targets: { p99Ms: number };
  met: boolean;
}

export const INBOX_TARGETS = { p99Ms: 15 };
export const INBOX_PATH = "/api/v1/conversations?status=open&assignee=me&limit=25";

/** What the service runs for the inbox page: the newest 26 (a page and one more, to know there is a next page) with their customers. */
function inboxQuery(workspaceId: string, userId: string): SQL {
  return sql`SELECT c.id, c.workspace_id, c.number, c.customer_id, c.channel, c.status, c.priority, c.assignee_id, c.team_id, c.subject, c.tags,
      c.message_count, c.last_message_preview, c.last_message_at, c.last_activity_at, c.first_response_at, c.resolved_at, c.snoozed_until,
      c.merged_into_id, c.created_at, c.updated_at, cu.id AS customer_id_, cu.name AS customer_name, cu.email AS customer_email
    FROM conversations c INNER JOIN customers cu ON cu.id = c.customer_id
    WHERE c.workspace_id = ${workspaceId} AND c.status IN (${"open"}) AND c.assignee_id = ${userId}
    ORDER BY c.last_activity_at DESC, c.id DESC
    LIMIT 26`;
}

/** The inbox list at a million conversations, next to the same SELECT run bare on the same database. */
export async function benchInbox(options: InboxOptions): Promise<InboxResult> {
  const name = `inbox-${options.backend}`;
  const startedAt = new Date().toISOString();
  const bench = await createStore(options.backend);
  const log = (line: string) => console.log(`[${name}] ${line}`);
  try {
    // The workspace and token come from the API; the server then steps aside while
    // this process seeds the store directly (PGlite admits one process at a time).
    const setup = await startServerProcess({ store: bench.store, poolSize: options.poolSize, label: `${name}-setup` });
    const workspace = await createBenchWorkspace(setup.url, "Bench inbox").finally(() => setup.stop());

    const database = await bench.open(options.connections);
    let seedSeconds: number;
    let matching: number;
    let plan: string[];
    let bareSql: LoopResult;
    try {
      const seedStarted = performance.now();
      await seedInbox(database.db, workspace.workspaceId, workspace.ownerId, options, log);
      seedSeconds = (performance.now() - seedStarted) / 1000;
      log(`seeded in ${seedSeconds.toFixed(0)} s`);
      matching = await countMatching(database.db, workspace.workspaceId, workspace.ownerId);
      const query = inboxQuery(workspace.workspaceId, workspace.ownerId);
      plan = (await queryRows<{ "QUERY PLAN": string }>(database.db, sql`EXPLAIN (ANALYZE, BUFFERS) ${query}`)).map((row) => row["QUERY PLAN"]);
      await runClosedLoop(() => database.db.execute(query), options.connections, options.warmupSeconds);
      bareSql = await runClosedLoop(() => database.db.execute(query), options.connections, options.seconds);
    } finally {
      await database.close();
    }

    const server = await startServerProcess({ store: bench.store, poolSize: options.poolSize, label: name, profile: options.profile });
    try {
      const load = { url: `${server.url}${INBOX_PATH}`, method: "GET" as const, headers: { authorization: `Bearer ${workspace.token}` }, connections: options.connections };
      const first = await fetch(load.url, { headers: load.headers });
      const page = (await first.json()) as { items?: unknown[] };
      if (first.status !== 200 || page.items?.length !== Math.min(25, matching)) throw new Error(`The inbox answered ${first.status} with ${page.items?.length ?? "no"} items.`);
      await runHttpLoad({ ...load, seconds: options.warmupSeconds });
      const cpuSplit = startCpuSplit(server.pid);
      const api = await runHttpLoad({ ...load, seconds: options.seconds });
      const cpu = cpuSplit();
      const result: InboxResult = {
        name,
        backend: options.backend,
        startedAt,
        options,
        seedSeconds,
        matching,
        api,
        bareSql,
        plan,
        cpu,
        targets: INBOX_TARGETS,
        met: api.latency.p99 <= INBOX_TARGETS.p99Ms && api.non2xx + api.errors === 0,
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

async function countMatching(db: Executor, workspaceId: string, userId: string): Promise<number> {
  const [row] = await queryRows<{ count: number | string }>(
    db,
    sql`SELECT count(*) AS count FROM conversations WHERE workspace_id = ${workspaceId} AND status = 'open' AND assignee_id = ${userId}`,
  );
  return Number(row?.count ?? 0);
}

function report(result: InboxResult): void {
  const { api, bareSql, options, targets } = result;
  const failed = api.non2xx + api.errors;
  printTable(
    `inbox · ${backendName(result.backend)} · ${int(options.conversations)} conversations (+${options.otherWorkspaces} other workspaces) · ${int(result.matching)} open and mine · ${options.connections} concurrent · ${options.seconds} s after ${options.warmupSeconds} s warm-up`,
    [
      ["GET inbox p50 (ms)", ms(api.latency.p50)],
      ["GET inbox p99 (ms)", ms(api.latency.p99), `≤ ${targets.p99Ms}`, api.latency.p99 <= targets.p99Ms],
      ["GET inbox requests/s", int(api.perSecond)],
      ["failed requests", int(failed), "0", failed === 0],
      ["bare SELECT p50 / p99 (ms)", `${ms(bareSql.latency.p50)} / ${ms(bareSql.latency.p99)}`],
      ["bare SELECT queries/s", int(bareSql.perSecond)],
      ["API p99 / bare p99", ratio(api.latency.p99 / bareSql.latency.p99)],
    ],
    [`plan: ${result.plan.find((line) => line.includes("Execution Time"))?.trim() ?? "n/a"}; ${result.plan.filter((line) => line.includes("Index")).map((line) => line.trim().replace(/\s+\(cost.*$/, "")).join("; ")}`, describeCpu(result.cpu)],
  );
}
