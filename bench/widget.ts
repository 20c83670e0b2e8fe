import { randomBytes, randomUUID } from "node:crypto";
import { spawn } from "node:child_process";
import fs from "node:fs";
import WebSocket from "ws";
import { scopesForRole } from "../apps/server/src/platform/auth/policy.ts";
import { SecretBox } from "../apps/server/src/platform/crypto.ts";
import { createApiToken, createWorkspace } from "../apps/server/src/modules/workspaces/service.ts";
import { getWidgetSettings } from "../apps/server/src/modules/widget/settings.ts";
import { openVisitorSession } from "../apps/server/src/modules/widget/service.ts";
import type { WidgetServerFrame } from "../apps/server/src/modules/widget/protocol.ts";
import { acceptsConnections, freePort } from "../apps/server/src/testing/process.ts";
import { startCpuSplit, summarize, type CpuSplit, type LatencySummary } from "./lib/measure.ts";
import { backendName, describeCpu, int, ms, printTable, writeResult, type Backend } from "./lib/report.ts";
import { repoRoot, startServerProcess } from "./lib/server-process.ts";
import { createStore, type Store } from "./lib/store.ts";

export interface WidgetOptions {
  backend: Backend;
  /** Widget sockets held open at once, one per visitor. */
  sockets: number;
  /** Messages per second, sent by visitors (acknowledged once stored) and, separately, replied by agents. */
  rate: number;
  poolSize: number;
  warmupSeconds: number;
  seconds: number;
  profile: boolean;
}

/** One server's figures: Rapport's or the bare `ws` server's. */
export interface WidgetSide {
  connected: number;
  /** Resident memory of the server process before the sockets and with all of them open, MB. */
  rssIdleMb: number;
  rssMb: number;
  /** A visitor's `send` until its `ack` (for Rapport: stored, with its seq). */
  send: { perSecond: number; latency: LatencySummary; unanswered: number };
  /** An agent's reply posted over HTTP until it reaches the visitor's socket. */
  reply: { perSecond: number; latency: LatencySummary; unanswered: number };
  cpu: CpuSplit;
}

export interface WidgetResult {
  name: string;
  backend: Backend;
  startedAt: string;
  options: WidgetOptions;
  rapport: WidgetSide;
  bare: WidgetSide;
  targets: typeof WIDGET_TARGETS;
  met: boolean;
}

export const WIDGET_TARGETS = { p99Ms: 25, ofBare: 2, rssMb: 250 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Calls `fire` `rate` times a second for `seconds`, on schedule whatever the answers take (an open loop). */
async function openLoop(rate: number, seconds: number, fire: (i: number) => void): Promise<number> {
  const started = performance.now();
  let fired = 0;
  for (;;) {
    const elapsed = performance.now() - started;
    if (elapsed >= seconds * 1000) break;
    const due = Math.floor((elapsed / 1000) * rate);
    while (fired < due) fire(fired++);
    await sleep(2);
  }
  return fired;
}

interface Target {
  /** The socket URL of visitor `i`. */
  socketUrl(i: number): string;
  /** Posts an agent's reply with `text` to visitor `i`, whose conversation is `conversationId`. */
  reply(i: number, conversationId: string, text: string): Promise<void>;
  pid: number;
}

/** The same load against one server: sockets, visitors' sends, then agents' replies. */
async function drive(target: Target, options: WidgetOptions): Promise<WidgetSide> {
  const rssIdleMb = rssMb(target.pid);
  const sockets: WebSocket[] = [];
  const conversations: string[] = [];
  const pendingSends = new Map<string, number>();
  const pendingReplies = new Map<string, number>();
  let sendSamples: number[] = [];
  let replySamples: number[] = [];
  let ready = 0;
  const onFrame = (i: number) => (data: Buffer) => {
    const frame = JSON.parse(data.toString()) as WidgetServerFrame;
    if (frame.type === "ready") ready++;
    else if (frame.type === "ack") {
      conversations[i] = frame.conversationId;
      const sentAt = pendingSends.get(frame.clientId);
      if (sentAt !== undefined) {
        pendingSends.delete(frame.clientId);
        sendSamples.push(performance.now() - sentAt);
      }
    } else if (frame.type === "message") {
      const sentAt = pendingReplies.get(frame.message.text);
      if (sentAt !== undefined) {
        pendingReplies.delete(frame.message.text);
        replySamples.push(performance.now() - sentAt);
      }
    }
  };
  // Connected in batches, as visitors arrive, rather than 5,000 handshakes in one instant.
  for (let from = 0; from < options.sockets; from += 250) {
    const batch = Array.from({ length: Math.min(250, options.sockets - from) }, (_, k) => {
      const i = from + k;
      // Each visitor from an address of their own, as behind a proxy that says so; one address for 5,000
      // sockets would (rightly) meet the per-address limits.
      const socket = new WebSocket(target.socketUrl(i), { headers: { "x-forwarded-for": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` } });
      socket.on("message", onFrame(i));
      sockets[i] = socket;
      return new Promise<void>((resolve, reject) => socket.once("open", () => resolve()).once("error", reject));
    });
    await Promise.all(batch);
  }
  while (ready < options.sockets) await sleep(50);
  for (const socket of sockets) socket.send(JSON.stringify({ type: "sync", after: 0 }));
  await sleep(1_000);
  const rss = rssMb(target.pid);

  const send = (i: number) => {
    const socket = sockets[i % options.sockets]!;
    const clientId = randomUUID();
    pendingSends.set(clientId, performance.now());
    socket.send(JSON.stringify({ type: "send", clientId, text: `Message ${i} from a visitor` }));
  };
  // The warm-up gives every visitor their conversation (its first message opens it).
  const warmupRate = Math.max(options.rate, Math.ceil(options.sockets / options.warmupSeconds));
  await openLoop(warmupRate, options.warmupSeconds, send);
  const settleBy = performance.now() + 60_000;
  while (conversations.filter(Boolean).length < options.sockets && performance.now() < settleBy) await sleep(100);
  await sleep(1_000);
  pendingSends.clear();
  sendSamples = [];

  const cpuSplit = startCpuSplit(target.pid);
  const sent = await openLoop(options.rate, options.seconds, send);
  await sleep(2_000);
  const sendUnanswered = pendingSends.size;
  const sendSummary = summarize(sendSamples);

  let replyErrors = 0;
  const reply = (i: number) => {
    const visitor = i % options.sockets;
    const text = `r-${i}`;
    pendingReplies.set(text, performance.now());
    target.reply(visitor, conversations[visitor]!, text).catch((error: Error) => {
      if (replyErrors++ === 0) console.warn(`  first failed reply: ${error.message}`);
    });
  };
  replySamples = [];
  const replied = await openLoop(options.rate, options.seconds, reply);
  await sleep(2_000);
  const cpu = cpuSplit();
  for (const socket of sockets) socket.terminate();
  return {
    connected: ready,
    rssIdleMb,
    rssMb: rss,
    send: { perSecond: sent / options.seconds, latency: sendSummary, unanswered: sendUnanswered },
    reply: { perSecond: replied / options.seconds, latency: summarize(replySamples), unanswered: pendingReplies.size + replyErrors },
    cpu,
  };
}

/** Widget sockets held open, visitors' messages stored and acknowledged, agents' replies pushed, beside a bare `ws` server. */
export async function benchWidget(options: WidgetOptions): Promise<WidgetResult> {
  const name = `widget-${options.backend}`;
  const startedAt = new Date().toISOString();
  const secretKey = randomBytes(32).toString("base64");
  const bench = await createStore(options.backend);
  try {
    // Visitors are made before the server starts, straight through the service: the session endpoint's
    // per-address rate limit would (rightly) stop 5,000 sessions from one address.
    const database = await bench.open(options.poolSize);
    const tokens: string[] = [];
    let apiToken: string;
    try {
      const { workspace, owner } = await createWorkspace(database.db, { name: "Bench widget", owner: { email: `owner-${randomUUID()}@bench.example`, name: "Bench Owner", password: "bench-password-123" } });
      const actor = { via: "session" as const, workspaceId: workspace.id, userId: owner.id, role: "owner" as const, scopes: scopesForRole("owner") };
      apiToken = (await createApiToken({ db: database.db, actor }, { name: "bench", scopes: ["conversations:read", "conversations:write"] })).token;
      const settings = await getWidgetSettings(database.db, new SecretBox(Buffer.from(secretKey, "base64")), workspace.id);
      for (let i = 0; i < options.sockets; i++) {
        const session = await openVisitorSession(database.db, { workspaceId: workspace.id, settings, context: { url: `https://shop.example/page/${i}`, language: "en" } });
        tokens.push(session.token);
      }
    } finally {
      await database.close();
    }

    const bareSide = await benchBare(options, bench.store);
    const server = await startServerProcess({ store: bench.store, poolSize: options.poolSize, label: name, profile: options.profile, env: { RAPPORT_SECRET_KEY: secretKey } });
    let rapport: WidgetSide;
    try {
      const socketBase = server.url.replace("http", "ws");
      rapport = await drive(
        {
          pid: server.pid,
          socketUrl: (i) => `${socketBase}/widget/v1/socket?token=${encodeURIComponent(tokens[i]!)}`,
          reply: async (_i, conversationId, text) => {
            const response = await fetch(`${server.url}/api/v1/conversations/${conversationId}/messages`, {
              method: "POST",
              headers: { "content-type": "application/json", authorization: `Bearer ${apiToken}` },
              body: JSON.stringify({ text }),
            });
            await response.arrayBuffer();
            if (response.status !== 201) throw new Error(`reply to ${conversationId} answered ${response.status}`);
          },
        },
        options,
      );
    } finally {
      await server.stop();
    }
    const result: WidgetResult = {
      name,
      backend: options.backend,
      startedAt,
      options,
      rapport,
      bare: bareSide,
      targets: WIDGET_TARGETS,
      met: meets(rapport, bareSide),
    };
    report(result);
    writeResult(name, result);
    return result;
  } finally {
    await bench.dispose();
  }
}

/** Within both latency targets; with no sample at all, nothing was delivered and nothing is met. */
const within = (ours: LatencySummary, theirs: LatencySummary) => ours.count > 0 && ours.p99 <= WIDGET_TARGETS.p99Ms && ours.p99 <= WIDGET_TARGETS.ofBare * Math.max(theirs.p99, 1);

function meets(rapport: WidgetSide, bare: WidgetSide): boolean {
  return within(rapport.send.latency, bare.send.latency) && within(rapport.reply.latency, bare.reply.latency) && rapport.rssMb <= WIDGET_TARGETS.rssMb && rapport.send.unanswered === 0 && rapport.reply.unanswered === 0;
}

async function benchBare(options: WidgetOptions, store: Store): Promise<WidgetSide> {
  if (store.kind !== "postgres") throw new Error("The widget benchmark runs on PostgreSQL.");
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "bench/lib/bare-widget-server.ts", String(port), store.databaseUrl], { cwd: repoRoot, stdio: "ignore" });
  try {
    while (!(await acceptsConnections(port))) await sleep(50);
    const url = `http://127.0.0.1:${port}`;
    return await drive(
      {
        pid: child.pid!,
        socketUrl: (i) => `ws://127.0.0.1:${port}/?visitor=${i}`,
        reply: async (i, _conversationId, text) => {
          const response = await fetch(`${url}/reply?visitor=${i}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text }) });
          await response.arrayBuffer();
        },
      },
      options,
    );
  } finally {
    child.kill("SIGTERM");
  }
}

function report(result: WidgetResult): void {
  const { rapport, bare, options, targets } = result;
  const p99Row = (label: string, ours: LatencySummary, theirs: LatencySummary): [string, string, string, boolean] => [
    label,
    ours.count > 0 ? `${ms(ours.p99)} (bare ${ms(theirs.p99)})` : `none delivered (bare ${ms(theirs.p99)})`,
    `≤ ${targets.p99Ms} and ≤ ${targets.ofBare}× bare`,
    within(ours, theirs),
  ];
  printTable(
    `widget · ${backendName(result.backend)} · ${int(options.sockets)} visitor sockets, ${int(options.rate)} messages/s each way · ${options.seconds} s each after ${options.warmupSeconds} s warm-up`,
    [
      ["sockets connected (Rapport / bare)", `${int(rapport.connected)} / ${int(bare.connected)}`],
      ["server RSS with the sockets open (MB)", `${int(rapport.rssMb)} (idle ${int(rapport.rssIdleMb)}; bare ${int(bare.rssMb)})`, `≤ ${targets.rssMb}`, rapport.rssMb <= targets.rssMb],
      ["visitor send → ack, messages/s offered", `${int(rapport.send.perSecond)}`],
      ["visitor send → ack p50 (ms)", `${ms(rapport.send.latency.p50)} (bare ${ms(bare.send.latency.p50)})`],
      p99Row("visitor send → ack p99 (ms)", rapport.send.latency, bare.send.latency),
      ["agent reply → visitor socket, replies/s offered", `${int(rapport.reply.perSecond)}`],
      ["agent reply → visitor socket p50 (ms)", `${ms(rapport.reply.latency.p50)} (bare ${ms(bare.reply.latency.p50)})`],
      p99Row("agent reply → visitor socket p99 (ms)", rapport.reply.latency, bare.reply.latency),
      ["unanswered sends / replies never delivered", `${int(rapport.send.unanswered)} / ${int(rapport.reply.unanswered)}`, "0 / 0", rapport.send.unanswered === 0 && rapport.reply.unanswered === 0],
    ],
    [
      "send → ack: Rapport stores the message (once, with its seq, its conversation and events) before the ack; the bare server inserts one row",
      "agent reply: POST /api/v1/conversations/{id}/messages until the message frame reaches the visitor's socket; the bare server inserts one row and relays the POST to the socket",
      `Rapport: ${describeCpu(rapport.cpu)}`,
    ],
  );
}
