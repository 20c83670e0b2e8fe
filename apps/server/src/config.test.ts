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
    [{ RAPPORT_FILES_S3_BUCKET: "My_Bucket" }, "RAPPORT_FILES_S3_BUCKET"],
    [{ RAPPORT_FILES_S3_BUCKET: "files", RAPPORT_FILES_S3_ENDPOINT: "minio:9000" }, "RAPPORT_FILES_S3_ENDPOINT"],
    [{ RAPPORT_FILES_S3_BUCKET: "files", RAPPORT_FILES_S3_ENDPOINT: "http://minio:9000/files" }, "RAPPORT_FILES_S3_ENDPOINT"],
    [{ RAPPORT_FILES_S3_BUCKET: "files", RAPPORT_FILES_S3_REGION: "EU West" }, "RAPPORT_FILES_S3_REGION"],
    [{ RAPPORT_FILES_S3_BUCKET: "files", RAPPORT_FILES_S3_FORCE_PATH_STYLE: "sometimes" }, "RAPPORT_FILES_S3_FORCE_PATH_STYLE"],
    [{ RAPPORT_FILES_S3_BUCKET: "files", RAPPORT_FILES_S3_PREFIX: "rapport/../other" }, "RAPPORT_FILES_S3_PREFIX"],
    [{ RAPPORT_FILES_S3_BUCKET: "files", RAPPORT_FILES_S3_PREFIX: "help desk" }, "RAPPORT_FILES_S3_PREFIX"],
    [{ RAPPORT_FILES_S3_ENDPOINT: "http://minio:9000" }, "RAPPORT_FILES_S3_ENDPOINT"],
    [{ RAPPORT_TRUST_PROXY: "everyone" }, "RAPPORT_TRUST_PROXY"],
    [{ RAPPORT_LLM_BASE_URL: "api.openai.com/v1", RAPPORT_LLM_MODEL: "gpt-4o-mini" }, "RAPPORT_LLM_BASE_URL"],
    [{ RAPPORT_LLM_BASE_URL: "http://127.0.0.1:11434/v1" }, "RAPPORT_LLM_BASE_URL"],
    [{ RAPPORT_LLM_MODEL: "gpt-4o-mini" }, "RAPPORT_LLM_MODEL"],
    [{ RAPPORT_LLM_API_KEY: "sk-test" }, "RAPPORT_LLM_API_KEY"],
    [{ RAPPORT_LLM_BASE_URL: "http://127.0.0.1:11434/v1", RAPPORT_LLM_MODEL: "llama3", RAPPORT_LLM_TIMEOUT_MS: "soon" }, "RAPPORT_LLM_TIMEOUT_MS"],
    [{ RAPPORT_LLM_BASE_URL: "http://127.0.0.1:11434/v1", RAPPORT_LLM_MODEL: "llama3", RAPPORT_LLM_TIMEOUT_MS: "5" }, "RAPPORT_LLM_TIMEOUT_MS"],
  ])("refuses %o, naming %s", (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });

  it("believes forwarded addresses only from the proxies it is told of, private networks by default", () => {
    expect(loadConfig({}).trustProxy).toEqual(["loopback", "linklocal", "uniquelocal"]);
    expect(loadConfig({ RAPPORT_TRUST_PROXY: "false" }).trustProxy).toBe(false);
    expect(loadConfig({ RAPPORT_TRUST_PROXY: "203.0.113.7, 10.0.0.0/8" }).trustProxy).toEqual(["203.0.113.7", "10.0.0.0/8"]);
  });

  it("keeps files in the data directory unless a bucket is named", () => {
    expect(loadConfig({}).files.s3).toBeUndefined();
    expect(() => loadConfig({ RAPPORT_FILES_S3_PREFIX: "rapport" })).toThrow("RAPPORT_FILES_S3_PREFIX is set but RAPPORT_FILES_S3_BUCKET is not");
  });

  it("reads the S3 settings, with the prefix as a folder", () => {
    const config = loadConfig({
      RAPPORT_FILES_S3_BUCKET: "rapport-files",
      RAPPORT_FILES_S3_ENDPOINT: "http://127.0.0.1:9000/",
      RAPPORT_FILES_S3_FORCE_PATH_STYLE: "yes",
      RAPPORT_FILES_S3_PREFIX: "/helpdesk/files/",
    });
    expect(config.files.s3).toEqual({ bucket: "rapport-files", endpoint: "http://127.0.0.1:9000", region: "us-east-1", forcePathStyle: true, prefix: "helpdesk/files/" });
    expect(loadConfig({ RAPPORT_FILES_S3_BUCKET: "rapport-files", RAPPORT_FILES_S3_REGION: "eu-west-3" }).files.s3).toEqual({
      bucket: "rapport-files",
      endpoint: undefined,
      region: "eu-west-3",
      forcePathStyle: false,
      prefix: "",
    });
  });

  it("uses a model for the answer bot only when its API and model are named", () => {
    expect(loadConfig({}).llm).toBeUndefined();
    expect(loadConfig({ RAPPORT_LLM_BASE_URL: "https://api.openai.com/v1/", RAPPORT_LLM_MODEL: "gpt-4o-mini", RAPPORT_LLM_API_KEY: "sk-test" }).llm).toEqual({
      baseUrl: "https://api.openai.com/v1",
      apiKey: "sk-test",
      model: "gpt-4o-mini",
      timeoutMs: 8000,
    });
    expect(loadConfig({ RAPPORT_LLM_BASE_URL: "http://127.0.0.1:11434/v1", RAPPORT_LLM_MODEL: "llama3", RAPPORT_LLM_TIMEOUT_MS: "20000" }).llm).toMatchObject({ apiKey: undefined, timeoutMs: 20_000 });
  });

  it("stops the process at boot with a message naming the variable", () => {
    const main = fileURLToPath(new URL("./main.ts", import.meta.url));
    const result = spawnSync(process.execPath, ["--import", "tsx", main], { env: { ...process.env, PORT: "eighty", DATABASE_URL: "" }, encoding: "utf8", timeout: 20_000 });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain("Invalid configuration: PORT");
  });
});
