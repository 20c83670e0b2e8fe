import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { sql } from "drizzle-orm";
import { seedDemo } from "../apps/server/src/demo/seed.ts";
import { SecretBox } from "../apps/server/src/platform/crypto.ts";
import { int, ms, printTable, writeResult } from "./lib/report.ts";
import { seedInbox } from "./lib/seed.ts";
import { repoRoot, startServerProcess, type ServerProcess } from "./lib/server-process.ts";
import { createStore, type BenchStore } from "./lib/store.ts";
import { firstRenderProbe, readFirstRender, ROW_SELECTOR, scrollScript, type FirstRenderMarks, type ScrollTrace } from "./web-page.ts";

/**
 * The agent app in Chromium: how much JavaScript its first page costs, how soon the inbox shows after signing
 * in, and whether scrolling an inbox of ten thousand conversations stays smooth. The server runs in its own
 * process on embedded PGlite and serves the app as `npm start`'s prestart step builds it; Playwright drives
 * Debian's Chromium.
 */

export interface WebOptions {
  /** Sign-ins timed for the first inbox render. */
  runs: number;
  /** Conversations in the workspace whose inbox is scrolled. */
  conversations: number;
  /** Pixels scrolled per animation frame: a fast fling. */
  scrollStep: number;
}

export interface WebResult {
  name: string;
  startedAt: string;
  options: WebOptions;
  initialJs: { builtKb: number; builtFiles: string[]; loadedKb: number; loadedFiles: string[]; servedEncoding: string };
  firstRender: { samples: number[]; median: number; worst: number };
  scroll: {
    frames: { count: number; p50: number; p95: number; max: number };
    longTasks: { count: number; max: number };
    lastRow: number;
    setSize: number;
    seconds: number;
    reachedEnd: boolean;
  };
  /** The machine's 1-minute load average as the scroll began and ended: frame times on a busy machine say little about the app. */
  loadAverage: [number, number];
  budgets: typeof WEB_BUDGETS;
  met: boolean;
}

export const WEB_BUDGETS = { initialJsKb: 250, firstRenderMs: 1000, frameP95Ms: 50, longTaskMs: 200 };

const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const PASSWORD = "bench-password-123";
const distDir = path.join(repoRoot, "apps", "web", "dist");

const kb = (bytes: number) => bytes / 1024;
const gzipKb = (body: Buffer) => kb(gzipSync(body).length);

function percentile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : 0;
}

/** The prestart step of `npm start`: builds the app when its sources changed since the last build. */
async function buildApp(log: (line: string) => void): Promise<void> {
  const started = performance.now();
  await promisify(execFile)(process.execPath, ["--import", "tsx", "apps/web/scripts/ensure-build.ts"], { cwd: repoRoot });
  log(`app build checked in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** The JavaScript the page asks for before anything runs: its entry script and the modules it preloads. */
function builtInitialJs(): { kb: number; files: string[] } {
  const html = fs.readFileSync(path.join(distDir, "index.html"), "utf8");
  const files = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/app\/([^"]+\.js)"/g)].map((match) => match[1]!);
  const unique = [...new Set(files)];
  return { kb: unique.reduce((sum, file) => sum + gzipKb(fs.readFileSync(path.join(distDir, file))), 0), files: unique };
}

interface Owner {
  email: string;
  workspaceId: string;
  ownerId: string;
}

async function signUp(url: string, workspaceName: string): Promise<Owner> {
  const email = `owner-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@bench.example`;
  const response = await fetch(`${url}/api/v1/signup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ workspaceName, name: "Bench Owner", email, password: PASSWORD }),
  });
  const body = (await response.json()) as { user?: { id: string }; workspace?: { id: string } };
  if (response.status !== 201 || !body.user || !body.workspace) throw new Error(`Signup answered ${response.status}: ${JSON.stringify(body)}`);
  return { email, workspaceId: body.workspace.id, ownerId: body.user.id };
}

async function signInThroughPage(context: BrowserContext, url: string, email: string): Promise<{ marks: FirstRenderMarks; scripts: Map<string, Buffer>; encoding: string }> {
  const page = await context.newPage();
  const scripts = new Map<string, Buffer>();
  let encoding = "identity";
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    encoding = response.headers()["content-encoding"] ?? encoding;
    void response.body().then(
      (body) => scripts.set(new URL(response.url()).pathname, body),
      () => undefined,
    );
  });
  await page.addInitScript(firstRenderProbe);
  await page.goto(`${url}/app/inbox/open`);
  await page.getByRole("textbox", { name: "Email" }).fill(email);
  await page.getByRole("textbox", { name: "Password" }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.locator(ROW_SELECTOR).first().waitFor({ state: "visible", timeout: 30_000 });
  const marks = (await (await page.waitForFunction(readFirstRender)).jsonValue()) as FirstRenderMarks;
  await page.waitForLoadState("networkidle");
  await page.close();
  return { marks, scripts, encoding };
}

/**
 * Fills the two workspaces straight in their store with the server's own functions and the benches' SQL: the
 * demo inbox a first start makes, and a large one whose conversations are all open and the owner's, so "Mine"
 * lists every one of them.
 */
async function seedWorkspaces(bench: BenchStore, demo: Owner, large: Owner, conversations: number, log: (line: string) => void): Promise<void> {
  const database = await bench.open(1);
  try {
    // The demo's widget secret is never used here, so any key seals it.
    await seedDemo(database.db, demo.workspaceId, demo.ownerId, new SecretBox(randomBytes(32)));
    await seedInbox(database.db, large.workspaceId, large.ownerId, { conversations, otherWorkspaces: 0, agents: 1 }, log);
    await database.db.execute(
      sql`UPDATE conversations SET status = 'open', assignee_id = ${large.ownerId}, resolved_at = NULL, snoozed_until = NULL WHERE workspace_id = ${large.workspaceId}`,
    );
    await database.db.execute(sql.raw("VACUUM (ANALYZE) conversations"));
  } finally {
    await database.close();
  }
}

export async function benchWeb(options: WebOptions): Promise<WebResult> {
  const name = "web";
  const startedAt = new Date().toISOString();
  const log = (line: string) => console.log(`[${name}] ${line}`);
  await buildApp(log);
  const built = builtInitialJs();

  const bench = await createStore("pglite");
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  try {
    // The workspaces come from the API; the server then steps aside while this process seeds the store
    // directly (PGlite admits one process at a time).
    server = await startServerProcess({ store: bench.store, poolSize: 20, label: `${name}-setup` });
    const demo = await signUp(server.url, "Demo Outfitters");
    const large = await signUp(server.url, "Bench web");
    await server.stop();
    const seedStarted = performance.now();
    await seedWorkspaces(bench, demo, large, options.conversations, log);
    log(`seeded the demo inbox and ${int(options.conversations)} open conversations in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s`);
    server = await startServerProcess({ store: bench.store, poolSize: 20, label: name });

    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
    const samples: number[] = [];
    let loaded = new Map<string, Buffer>();
    let servedEncoding = "identity";
    // One run more than measured: the first warms the server's caches and the page's compile cache alike.
    for (let run = 0; run <= options.runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const { marks, scripts, encoding } = await signInThroughPage(context, server.url, demo.email);
      await context.close();
      if (marks.submittedAt === null || marks.firstRowAt === null) throw new Error("The first-render probe saw no sign-in or no row.");
      if (run === 0) {
        loaded = scripts;
        servedEncoding = encoding;
        continue;
      }
      samples.push(marks.firstRowAt - marks.submittedAt);
      log(`sign-in to first row: ${ms(marks.firstRowAt - marks.submittedAt)} ms`);
    }

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const signIn = await context.request.post(`${server.url}/api/v1/auth/login`, { data: { email: large.email, password: PASSWORD } });
    if (!signIn.ok()) throw new Error(`Sign-in answered ${signIn.status()}`);
    const page = await context.newPage();
    await page.goto(`${server.url}/app/inbox/mine`);
    await page.locator(ROW_SELECTOR).first().waitFor({ state: "visible", timeout: 30_000 });
    await page.waitForLoadState("networkidle");
    const loadBefore = os.loadavg()[0]!;
    const trace = (await page.evaluate(scrollScript(options.scrollStep, options.conversations, 180_000))) as ScrollTrace;
    const loadAfter = os.loadavg()[0]!;
    await context.close();
    log(`scrolled ${int(trace.scrolledPx)} px to row ${int(trace.lastRow)} in ${trace.seconds.toFixed(1)} s`);

    const loadedFiles = [...loaded.keys()].sort();
    const result: WebResult = {
      name,
      startedAt,
      options,
      initialJs: {
        builtKb: built.kb,
        builtFiles: built.files,
        loadedKb: [...loaded.values()].reduce((sum, body) => sum + gzipKb(body), 0),
        loadedFiles,
        servedEncoding,
      },
      firstRender: { samples, median: percentile(samples, 0.5), worst: Math.max(...samples) },
      scroll: {
        frames: { count: trace.frames.length, p50: percentile(trace.frames, 0.5), p95: percentile(trace.frames, 0.95), max: Math.max(0, ...trace.frames) },
        longTasks: { count: trace.longTasks.length, max: Math.max(0, ...trace.longTasks) },
        lastRow: trace.lastRow,
        setSize: trace.setSize,
        seconds: trace.seconds,
        reachedEnd: trace.reachedEnd,
      },
      loadAverage: [loadBefore, loadAfter],
      budgets: WEB_BUDGETS,
      met: false,
    };
    result.met = budgetRows(result).every(([, , , met]) => met !== false);
    report(result);
    writeResult(name, result);
    return result;
  } finally {
    await browser?.close();
    await server?.stop();
    await bench.dispose();
  }
}

type BudgetRow = [label: string, value: string, target?: string, met?: boolean];

function budgetRows(result: WebResult): BudgetRow[] {
  const { initialJs, firstRender, scroll, budgets } = result;
  return [
    ["initial JS, built entry + preloads (KB gzip)", initialJs.builtKb.toFixed(1), `≤ ${budgets.initialJsKb}`, initialJs.builtKb <= budgets.initialJsKb],
    ["initial JS, loaded by sign-in + inbox (KB gzip)", initialJs.loadedKb.toFixed(1), `≤ ${budgets.initialJsKb}`, initialJs.loadedKb <= budgets.initialJsKb],
    ["sign-in to first row, median (ms)", ms(firstRender.median), `≤ ${budgets.firstRenderMs}`, firstRender.median <= budgets.firstRenderMs],
    ["sign-in to first row, worst (ms)", ms(firstRender.worst), `≤ ${budgets.firstRenderMs}`, firstRender.worst <= budgets.firstRenderMs],
    ["scroll frame p50 (ms)", ms(scroll.frames.p50)],
    ["scroll frame p95 (ms)", ms(scroll.frames.p95), `≤ ${budgets.frameP95Ms}`, scroll.frames.p95 <= budgets.frameP95Ms],
    ["scroll frame max (ms)", ms(scroll.frames.max)],
    ["long tasks while scrolling", int(scroll.longTasks.count)],
    ["longest task (ms)", ms(scroll.longTasks.max), `≤ ${budgets.longTaskMs}`, scroll.longTasks.max <= budgets.longTaskMs],
    ["reached the last conversation", scroll.reachedEnd ? "yes" : `no (row ${int(scroll.lastRow)})`, "yes", scroll.reachedEnd],
  ];
}

function report(result: WebResult): void {
  const { initialJs, options, scroll } = result;
  printTable(
    `web · Chromium · PGlite · sign-in timed ${options.runs}× on the demo-sized inbox · scroll through ${int(options.conversations)} open conversations at ${options.scrollStep} px a frame`,
    budgetRows(result),
    [
      `initial JS loaded: ${initialJs.loadedFiles.join(", ")} (served ${initialJs.servedEncoding}; gzip sizes computed here)`,
      `first-render samples (ms): ${result.firstRender.samples.map((sample) => ms(sample)).join(", ")}`,
      `scroll: ${int(scroll.frames.count)} frames in ${scroll.seconds.toFixed(1)} s; frame times are requestAnimationFrame deltas, long tasks from PerformanceObserver('longtask')`,
      `load average (1 min) ${result.loadAverage.map((load) => load.toFixed(1)).join(" → ")} on ${os.cpus().length} cores` +
        (Math.max(...result.loadAverage) > os.cpus().length ? ": above the core count, so the frame figures measure the machine as much as the app" : ""),
    ],
  );
}
