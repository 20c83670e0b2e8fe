import fs from "node:fs";
import autocannon from "autocannon";

export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** Exact percentiles of latency samples in milliseconds (nearest rank). */
export function summarize(samples: number[]): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : 0);
  return { count: sorted.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted.length ? sorted[sorted.length - 1]! : 0 };
}

export interface LoopResult {
  operations: number;
  seconds: number;
  perSecond: number;
  latency: LatencySummary;
}

/** Runs `operation` back to back on `concurrency` loops for `seconds`, timing each call. */
export async function runClosedLoop(operation: () => Promise<unknown>, concurrency: number, seconds: number): Promise<LoopResult> {
  const samples: number[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      await operation();
      samples.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsed = (performance.now() - started) / 1000;
  return { operations: samples.length, seconds: elapsed, perSecond: samples.length / elapsed, latency: summarize(samples) };
}

export interface HttpLoad {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  /** A fresh path and body for each request, so load can spread over many rows. */
  next?: () => { path: string; body?: string };
  connections: number;
  seconds: number;
}

export interface HttpResult extends LoopResult {
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
}

/**
 * Closed-loop HTTP load from this process. Latency is recorded per response here
 * (autocannon's own histogram rounds to whole milliseconds).
 */
export async function runHttpLoad(load: HttpLoad): Promise<HttpResult> {
  const samples: number[] = [];
  const statusCodes: Record<string, number> = {};
  const next = load.next;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: load.url,
        connections: load.connections,
        duration: load.seconds,
        requests: [
          {
            method: load.method,
            headers: load.headers,
            ...(next && { setupRequest: (request: autocannon.Request) => ({ ...request, ...next() }) }),
          },
        ],
      },
      (error: unknown, done: autocannon.Result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
      if (statusCode >= 200 && statusCode < 300) samples.push(responseTime);
    });
  });
  const seconds = result.duration;
  return {
    operations: samples.length,
    seconds,
    perSecond: samples.length / seconds,
    latency: summarize(samples),
    non2xx: result.non2xx,
    errors: result.errors,
    statusCodes,
  };
}

// ---------------------------------------------------------------------------
// Where the two cores went

const CLOCK_TICKS_PER_SECOND = 100;

function processTicks(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** CPU ticks of every PostgreSQL process, by pid. */
function postgresTicks(): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, "utf8").trim() === "postgres") ticks.set(Number(entry), processTicks(Number(entry)));
    } catch {
      // the process ended while we looked
    }
  }
  return ticks;
}

/** Ticks spent since `before` by the processes alive now (a backend that ended in between is not counted). */
function ticksSince(before: Map<number, number>): number {
  let total = 0;
  for (const [pid, ticks] of postgresTicks()) total += ticks - (before.get(pid) ?? 0);
  return total;
}

function machineTicks(): { busy: number; total: number } {
  const [line] = fs.readFileSync("/proc/stat", "utf8").split("\n");
  const values = line!.trim().split(/\s+/).slice(1).map(Number);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  const total = values.reduce((sum, value) => sum + value, 0);
  return { busy: total - idle, total };
}

/** Percent of one core used by each party; the machine has `cores` of them in all. */
export interface CpuSplit {
  cores: number;
  server: number;
  loadGenerator: number;
  postgres: number;
  /** Everything else on the machine, including other people's work. */
  other: number;
  idle: number;
}

/** Starts measuring CPU use; call the returned function at the end of the window. */
export function startCpuSplit(serverPid: number): () => CpuSplit {
  const wall0 = performance.now();
  const self0 = process.cpuUsage();
  const server0 = processTicks(serverPid);
  const postgres0 = postgresTicks();
  const machine0 = machineTicks();
  return () => {
    const seconds = (performance.now() - wall0) / 1000;
    const self = process.cpuUsage(self0);
    const machine = machineTicks();
    const cores = Math.max(1, Math.round((machine.total - machine0.total) / CLOCK_TICKS_PER_SECOND / seconds));
    const percentOfCore = (ticks: number) => (100 * ticks) / CLOCK_TICKS_PER_SECOND / seconds;
    const server = percentOfCore(processTicks(serverPid) - server0);
    const postgres = percentOfCore(ticksSince(postgres0));
    const loadGenerator = (100 * (self.user + self.system)) / 1e6 / seconds;
    const busy = percentOfCore(machine.busy - machine0.busy);
    return { cores, server, loadGenerator, postgres, other: Math.max(0, busy - server - postgres - loadGenerator), idle: Math.max(0, cores * 100 - busy) };
  };
}
