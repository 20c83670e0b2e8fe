import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./cli.ts";
import { loadConfig } from "./config.ts";
import { openConfiguredDatabase } from "./server.ts";
import { login, ownerActor } from "./modules/workspaces/service.ts";
import { listConversations } from "./modules/conversations/service.ts";
import { testDatabaseUrl } from "./testing/harness.ts";

const bin = fileURLToPath(new URL("../bin/rapport.js", import.meta.url));
let tempDir: string;

beforeAll(async () => {
  tempDir = await fs.mkdtemp(path.join(os.tmpdir(), "rapport-cli-"));
});

afterAll(async () => {
  await fs.rm(tempDir, { recursive: true, force: true });
});

/** The environment an operator would give the CLI: the test database, or an embedded one in a directory of its own. */
function databaseEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  const url = testDatabaseUrl();
  return url ? { ...env, DATABASE_URL: url } : { ...env, RAPPORT_DATA_DIR: dataDir };
}

async function rapport(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== "number") throw error;
    return { code: failed.code, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

/** Runs a command in this process, as the binary would, and keeps what it says. */
async function runInProcess(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const said = { stdout: "", stderr: "" };
  const code = await runCli(args, env, { out: (line) => (said.stdout += `${line}\n`), err: (line) => (said.stderr += `${line}\n`) });
  return { code, ...said };
}

describe("the rapport command line", () => {
  it("refuses bad usage with exit code 64 before it opens any database", async () => {
    const untouched = path.join(tempDir, "untouched");
    const env = { RAPPORT_DATA_DIR: untouched };

    const unknown = await runInProcess(env, "frobnicate");
    expect(unknown).toMatchObject({ code: 64 });
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');

    const missing = await runInProcess(env, "create-user", "--email", "sam@example.test");
    expect(missing.code).toBe(64);
    expect(missing.stderr).toContain("--name, --role, --password");

    const badRole = await runInProcess(env, "create-user", "--email", "sam@example.test", "--name", "Sam", "--role", "boss", "--password", "long enough password");
    expect(badRole.code).toBe(64);
    expect(badRole.stderr).toContain("--role must be one of owner, admin, supervisor, agent");

    expect(await runInProcess(env, "create-user", "--bogus", "1")).toMatchObject({ code: 64 });
    expect(await runInProcess(env, "seed-demo", "--workspace", "acme", "--email", "a@b.test")).toMatchObject({ code: 64 });

    const badConfig = await runInProcess({ ...env, PORT: "eighty" }, "migrate");
    expect(badConfig.code).toBe(78);
    expect(badConfig.stderr).toContain("PORT");

    await expect(fs.stat(untouched)).rejects.toThrow();
  });

  it("prints its help from bin/rapport.js", async () => {
    const help = await rapport(process.env, "help");
    expect(help.code).toBe(0);
    for (const command of ["migrate", "create-workspace", "create-user", "seed-demo"]) expect(help.stdout).toContain(command);
  });

  it("migrates, creates a workspace and a teammate who can sign in, and seeds the demo inbox", { timeout: 180_000 }, async () => {
    const env = databaseEnv(path.join(tempDir, "data"));
    const password = "a long enough password";

    expect(await rapport(env, "migrate")).toMatchObject({ code: 0, stderr: "" });

    const created = await rapport(env, "create-workspace", "--name", "Northwind Help", "--email", "nora@northwind.test", "--password", password);
    expect(created.code).toBe(0);
    const slug = /slug: ([a-z0-9-]+)/.exec(created.stdout)?.[1];
    expect(slug).toMatch(/^northwind-help/);

    const added = await rapport(env, "create-user", "--workspace", slug!, "--email", "Sam@Northwind.test", "--name", "Sam Agent", "--role", "agent", "--password", password);
    expect(added).toMatchObject({ code: 0, stderr: "" });
    expect(added.stdout).toContain("Added sam@northwind.test");

    const again = await runInProcess(env, "create-user", "--workspace", slug!, "--email", "sam@northwind.test", "--name", "Sam", "--role", "agent", "--password", password);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already uses that email");

    const elsewhere = await runInProcess(env, "create-user", "--workspace", "no-such-workspace", "--email", "x@northwind.test", "--name", "X", "--role", "agent", "--password", password);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toContain('"no-such-workspace" was not found');

    expect(await runInProcess(env, "seed-demo", "--workspace", slug!)).toMatchObject({ code: 0, stderr: "" });
    const twice = await runInProcess(env, "seed-demo", "--workspace", slug!);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain("already holds the demo data");

    const database = await openConfiguredDatabase(loadConfig(env));
    try {
      const grant = await login(database.db, { email: "sam@northwind.test", password, workspace: slug, sessionDays: 1, maxAttempts: 10 });
      expect(grant.user).toMatchObject({ name: "Sam Agent", role: "agent" });
      expect(grant.workspace.slug).toBe(slug);
      const owner = await ownerActor(database.db, grant.workspace.id);
      const inbox = await listConversations({ db: database.db, actor: owner }, { sort: "-last_activity", limit: 100 });
      expect(inbox.items.length).toBeGreaterThan(5);
    } finally {
      await database.close();
    }
  });
});
