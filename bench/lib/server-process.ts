import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../../apps/server/src/testing/process.ts";
import type { Store } from "./store.ts";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const resultsDir = path.join(repoRoot, "bench", "results");

export interface ServerOptions {
  store: Store;
  poolSize: number;
  /** Name of the log file (and CPU profile directory) under bench/results. */
  label: string;
  /** Write V8 CPU profiles of the server's threads to bench/results/<label>-cpuprofile/. */
  profile?: boolean;
  /** More settings for the server, such as the SMTP listener's. */
  env?: Record<string, string>;
}

export const profileDirOf = (label: string) => path.join(resultsDir, `${label}-cpuprofile`);

export interface ServerProcess {
  url: string;
  pid: number;
  /** SIGTERM, then wait for the process to finish its shutdown (and write its profile). */
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", () => resolve()));
}

/** Starts `apps/server/src/main.ts` in its own process and waits until /readyz answers. */
export async function startServerProcess(options: ServerOptions): Promise<ServerProcess> {
  const port = await freePort();
  fs.mkdirSync(resultsDir, { recursive: true });
  const logPath = path.join(resultsDir, `${options.label}.server.log`);
  const log = fs.openSync(logPath, "w");
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    PORT: String(port),
    HOST: "127.0.0.1",
    RAPPORT_DEMO_DATA: "false",
    RAPPORT_JOBS: "false",
    LOG_LEVEL: "warn",
    DATABASE_POOL_SIZE: String(options.poolSize),
    ...(options.store.kind === "postgres" ? { DATABASE_URL: options.store.databaseUrl } : { RAPPORT_DATA_DIR: options.store.dataDir }),
    ...options.env,
  };
  const profileDir = profileDirOf(options.label);
  if (options.profile) fs.rmSync(profileDir, { recursive: true, force: true });
  const profileFlags = options.profile ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : [];
  const child = spawn(process.execPath, [...profileFlags, "--import", "tsx", "apps/server/src/main.ts"], { cwd: repoRoot, env, stdio: ["ignore", log, log] });
  fs.closeSync(log);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    await exited(child);
    clearTimeout(timer);
  };

  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode} before it was ready; see ${logPath}:\n${fs.readFileSync(logPath, "utf8").slice(-2000)}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return { url, pid: child.pid!, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`The server was not ready within 180 s; see ${logPath}`);
}

export interface BenchWorkspace {
  workspaceId: string;
  ownerId: string;
  /** Bearer token of the owner with the conversation and customer scopes. */
  token: string;
}

async function call<T>(url: string, init: RequestInit, expected: number): Promise<{ body: T; headers: Headers }> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (response.status !== expected) throw new Error(`${init.method ?? "GET"} ${url} answered ${response.status}: ${text.slice(0, 500)}`);
  return { body: JSON.parse(text) as T, headers: response.headers };
}

/** Signs up a workspace through the API and issues the owner an API token. */
export async function createBenchWorkspace(url: string, name: string): Promise<BenchWorkspace> {
  const email = `owner-${Date.now().toString(36)}@bench.example`;
  const signup = await call<{ csrfToken: string; user: { id: string }; workspace: { id: string } }>(
    `${url}/api/v1/signup`,
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ workspaceName: name, name: "Bench Owner", email, password: "bench-password-123" }) },
    201,
  );
  const cookie = /rapport_session=([^;]+)/.exec(signup.headers.get("set-cookie") ?? "")?.[1];
  if (!cookie) throw new Error("Signup set no session cookie.");
  const issued = await call<{ token: string }>(
    `${url}/api/v1/api-tokens`,
    {
      method: "POST",
      headers: { "content-type": "application/json", cookie: `rapport_session=${cookie}`, "x-csrf-token": signup.body.csrfToken },
      body: JSON.stringify({ name: "bench", scopes: ["conversations:read", "conversations:write", "customers:read", "customers:write"] }),
    },
    201,
  );
  return { workspaceId: signup.body.workspace.id, ownerId: signup.body.user.id, token: issued.body.token };
}

/** POSTs JSON with the token and returns the parsed body; throws on any other status than `expected`. */
export async function postJson<T>(url: string, token: string, body: unknown, expected = 201): Promise<T> {
  const { body: parsed } = await call<T>(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(body) }, expected);
  return parsed;
}
