import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("configuration", () => {
  it("has defaults that make the two-command start work", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, adminEmail: "admin@example.com", signupOpen: true, publicUrl: "http://localhost:3000" });
    expect(config.dataDir).toMatch(/data$/);
  });

  it.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://localhost/x" }, "DATABASE_URL"],
    [{ RAPPORT_ADMIN_EMAIL: "not-an-email" }, "RAPPORT_ADMIN_EMAIL"],
    [{ RAPPORT_ADMIN_PASSWORD: "short" }, "RAPPORT_ADMIN_PASSWORD"],
    [{ RAPPORT_SIGNUP_OPEN: "perhaps" }, "RAPPORT_SIGNUP_OPEN"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
  ])("refuses %o, naming %s", (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });

  it("stops the process at boot with a message naming the variable", () => {
    const main = fileURLToPath(new URL("./main.ts", import.meta.url));
    const result = spawnSync(process.execPath, ["--import", "tsx", main], { env: { ...process.env, PORT: "eighty", DATABASE_URL: "" }, encoding: "utf8", timeout: 20_000 });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain("Invalid configuration: PORT");
  });
});
