import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { expect, inject } from "vitest";
import { loadConfig, type Config } from "../config.ts";
import { buildApp } from "../app.ts";
import { openDatabase, type Database } from "../platform/db/client.ts";
import { runMigrations } from "../platform/db/migrate.ts";
import { RealtimeHub } from "../platform/realtime/hub.ts";
import { createFileStore, type FileStore } from "../platform/files.ts";
import type { App } from "../platform/http/context.ts";
import { createApiToken, createUser, createWorkspace, login } from "../modules/workspaces/service.ts";
import { scopesForRole, SCOPES, type Scope } from "../platform/auth/policy.ts";
import type { Role } from "../modules/workspaces/schema.ts";

/** The test database's URL ("" means embedded PGlite), chosen by the global setup. */
export const testDatabaseUrl = () => inject("databaseUrl") || undefined;

// Files (attachments) of a test run go to a scratch folder, never to the checkout's ./data.
const scratchDataDir = path.join(os.tmpdir(), `rapport-test-${process.pid}`);

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    RAPPORT_DEMO_DATA: "false",
    RAPPORT_JOBS: "false",
    DATABASE_POOL_SIZE: "10",
    RAPPORT_DATA_DIR: scratchDataDir,
    ...overrides,
  });
}

export interface TestServer {
  app: App;
  database: Database;
  config: Config;
  /** The store the server's routes read and write. */
  files: FileStore;
  url: string;
  close(): Promise<void>;
}

/** Starts a server on a real socket (a random port) over the test database. */
export async function startTestServer(options: { config?: Config; database?: Database } = {}): Promise<TestServer> {
  const config = options.config ?? testConfig();
  const database = options.database ?? (await openDatabase({ databaseUrl: testDatabaseUrl(), poolSize: config.databasePoolSize }));
  await runMigrations(database);
  const files = await createFileStore(config);
  const realtime = new RealtimeHub(database);
  const app = await buildApp({ config, database, files, realtime });
  await realtime.start(app.log);
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    app,
    database,
    config,
    files,
    url: address,
    async close() {
      await realtime.stop();
      await app.close();
      if (!options.database) await database.close();
    },
  };
}

let shared: Promise<TestServer> | undefined;

/** One server for the whole run; each test makes its own workspace on it. */
export function sharedServer(): Promise<TestServer> {
  shared ??= startTestServer();
  return shared;
}

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A client for one identity: an API token, a session cookie with its CSRF token, or nobody. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly auth: { token?: string; cookie?: string; csrfToken?: string } = {},
  ) {}

  async request<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const init: RequestInit = { method, headers: { ...this.authHeaders(method), ...headers } };
    if (body !== undefined) {
      init.body = typeof body === "string" ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)["content-type"] ??= "application/json";
    }
    const response = await fetch(`${this.baseUrl}${path}`, init);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  /** The bare response, for bodies and answers that are not JSON (file uploads and downloads). */
  fetch(path: string, init: { method?: string; body?: RequestInit["body"]; headers?: Record<string, string> } = {}): Promise<Response> {
    const method = init.method ?? "GET";
    return fetch(`${this.baseUrl}${path}`, { method, body: init.body, headers: { ...this.authHeaders(method), ...init.headers } });
  }

  get = <T = unknown>(path: string, headers?: Record<string, string>) => this.request<T>("GET", path, undefined, headers);
  post = <T = unknown>(path: string, body?: unknown, headers?: Record<string, string>) => this.request<T>("POST", path, body ?? {}, headers);
  patch = <T = unknown>(path: string, body?: unknown, headers?: Record<string, string>) => this.request<T>("PATCH", path, body ?? {}, headers);
  delete = <T = unknown>(path: string, headers?: Record<string, string>) => this.request<T>("DELETE", path, undefined, headers);

  private authHeaders(method: string): Record<string, string> {
    if (this.auth.token) return { authorization: `Bearer ${this.auth.token}` };
    if (this.auth.cookie) {
      const headers: Record<string, string> = { cookie: `rapport_session=${this.auth.cookie}` };
      if (method !== "GET" && this.auth.csrfToken) headers["x-csrf-token"] = this.auth.csrfToken;
      return headers;
    }
    return {};
  }
}

export interface TestWorkspace {
  id: string;
  slug: string;
  ownerId: string;
  ownerEmail: string;
  password: string;
  /** The owner, through an API token with every scope. */
  api: ApiClient;
  /** The owner, through a session cookie and its CSRF token. */
  session: ApiClient;
  /** A client for another member of this workspace with the given role. */
  member(role: Role, scopes?: Scope[]): Promise<{ userId: string; token: string; api: ApiClient }>;
}

export const TEST_PASSWORD = "correct horse battery staple";

/** A fresh workspace with an owner, signed in two ways. */
export async function createTestWorkspace(server: TestServer, name = "Test workspace"): Promise<TestWorkspace> {
  const db = server.database.db;
  const ownerEmail = `owner-${randomBytes(5).toString("hex")}@example.test`;
  const { workspace, owner } = await createWorkspace(db, { name, owner: { email: ownerEmail, name: "Olive Owner", password: TEST_PASSWORD } });
  const ownerActor = { via: "session" as const, workspaceId: workspace.id, userId: owner.id, role: "owner" as const, scopes: scopesForRole("owner") };
  const { token } = await createApiToken({ db, actor: ownerActor }, { name: "tests", scopes: [...SCOPES] });
  const grant = await login(db, { email: ownerEmail, password: TEST_PASSWORD, workspace: workspace.slug, sessionDays: 1, maxAttempts: 10 });
  return {
    id: workspace.id,
    slug: workspace.slug,
    ownerId: owner.id,
    ownerEmail,
    password: TEST_PASSWORD,
    api: new ApiClient(server.url, { token }),
    session: new ApiClient(server.url, { cookie: grant.token, csrfToken: grant.csrfToken }),
    async member(role, scopes) {
      const user = await createUser({ db, actor: ownerActor }, { email: `${role}-${randomBytes(4).toString("hex")}@example.test`, name: `${role} person`, role, password: TEST_PASSWORD });
      const memberActor = { via: "session" as const, workspaceId: workspace.id, userId: user.id, role, scopes: scopesForRole(role) };
      const issued = await createApiToken({ db, actor: memberActor }, { name: "tests", scopes: scopes ?? scopesForRole(role) });
      return { userId: user.id, token: issued.token, api: new ApiClient(server.url, { token: issued.token }) };
    },
  };
}

/** Polls `probe` until it returns something other than false or undefined, and returns that. */
export async function until<T>(probe: () => T | false | undefined | Promise<T | false | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== false && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("Timed out waiting for a condition");
    await sleep(20);
  }
}

export interface ConversationBody {
  conversation: { id: string; number: number; status: string; customer: { id: string } } & Record<string, unknown>;
  message: { id: string } & Record<string, unknown>;
}

/** Opens a conversation through the API channel. */
export async function createConversation(workspace: TestWorkspace, overrides: Record<string, unknown> = {}): Promise<ConversationBody> {
  const response = await workspace.api.post<ConversationBody>("/api/v1/conversations", {
    customer: { email: `customer-${randomBytes(4).toString("hex")}@example.test`, name: "Casey Customer" },
    subject: "My order has not arrived",
    message: { text: "Hello, my order #1001 has not arrived yet." },
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`createConversation failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Writes an article through the API, in English unless `fields` say otherwise, and publishes it. */
export async function publishArticle<T extends { id: string } = { id: string; slug: string }>(workspace: TestWorkspace, fields: Record<string, unknown>): Promise<T> {
  const created = await workspace.api.post<T>("/api/v1/knowledge/articles", { locale: "en", ...fields });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await workspace.api.post<T>(`/api/v1/knowledge/articles/${created.body.id}/publish`);
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  return published.body;
}
