import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import net from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";

// Used by the benches too, which run outside Vitest: nothing here may import it.

const serverDir = fileURLToPath(new URL("../..", import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Whether something listens on the port: a connection is accepted within 2 s. */
export function acceptsConnections(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const socket = net.connect(port, host);
    socket
      .once("connect", () => {
        resolve(true);
        socket.destroy();
      })
      .once("error", () => resolve(false));
    socket.setTimeout(2_000, () => socket.destroy());
    socket.once("close", () => resolve(false));
  });
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** What the server has written to stdout and stderr so far. */
  output(): string;
  /** SIGTERM lets work in flight finish; a server that has not stopped within 30 s is a bug worth seeing. */
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  /** The database (DATABASE_URL, or RAPPORT_DATA_DIR for PGlite) and any other settings. */
  env: Record<string, string>;
  /** The HTTP port; a free one unless given. */
  port?: number;
  /** More to wait for once /readyz answers, such as a listener on another port. */
  ready?: () => Promise<boolean>;
  readyWithinMs?: number;
}

const running = new Set<ChildProcess>();

/** The real server, as `npm start` runs it, in a process of its own that the test can kill. */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", RAPPORT_DEMO_DATA: "false" };
  // Only the database the test chose: an inherited DATABASE_URL would override its RAPPORT_DATA_DIR.
  if (!options.env.DATABASE_URL) delete env.DATABASE_URL;
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: serverDir, env, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  child.on("exit", () => running.delete(child));
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    url,
    port,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      const stopped = await Promise.race([exited.then(() => true), sleep(30_000, false, { ref: false })]);
      if (!stopped) {
        child.kill("SIGKILL");
        throw new Error(`The server did not stop within 30 s of SIGTERM:\n${output}`);
      }
    },
  };
  // A fresh embedded database takes seconds to initialise; reopening after a crash replays its log.
  const deadline = Date.now() + (options.readyWithinMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The server exited before it was ready:\n${output}`);
    const ready = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(5_000) }).then((response) => response.ok, () => false);
    if (ready && (!options.ready || (await options.ready()))) return server;
    if (Date.now() > deadline) throw new Error(`The server was not ready in time:\n${output}`);
    await sleep(100);
  }
}

/** For afterAll: a test that failed half-way must not leave its servers running. */
export function killServerProcesses(): void {
  for (const child of running) child.kill("SIGKILL");
}
