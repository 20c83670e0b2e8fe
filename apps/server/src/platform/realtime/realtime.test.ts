import { spawn, type ChildProcess } from "node:child_process";
import net, { type AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { ApiClient, createConversation, createTestWorkspace, sharedServer, testDatabaseUrl, type TestServer, type TestWorkspace } from "../../testing/harness.ts";
import type { Scope } from "../auth/policy.ts";
import { RealtimeHub } from "./hub.ts";
import type { ServerMessage } from "./protocol.ts";

/** A real client socket that records what the server sends. */
class TestSocket {
  readonly messages: ServerMessage[] = [];
  private onMessage: (() => void) | undefined;

  private constructor(readonly socket: WebSocket) {
    socket.on("message", (data) => {
      this.messages.push(JSON.parse(data.toString()) as ServerMessage);
      this.onMessage?.();
    });
  }

  static open(baseUrl: string, headers: Record<string, string>, options: { autoPong?: boolean } = {}): Promise<TestSocket> {
    const socket = new WebSocket(toSocketUrl(baseUrl), { headers, ...options });
    const client = new TestSocket(socket);
    return new Promise((resolve, reject) => {
      socket.once("open", () => resolve(client));
      socket.once("error", reject);
    });
  }

  /** The first message (from the start) matching `match`, waiting up to `timeoutMs` for it. */
  waitFor(match: (message: ServerMessage) => boolean, timeoutMs = 1000): Promise<ServerMessage> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.messages.find(match);
        if (!found) return false;
        clearTimeout(timer);
        this.onMessage = undefined;
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        this.onMessage = undefined;
        reject(new Error(`No matching message within ${timeoutMs} ms; got ${JSON.stringify(this.messages)}`));
      }, timeoutMs);
      if (!check()) this.onMessage = check;
    });
  }

  /** Resolves once every frame the server queued before this call has arrived. */
  async settle(): Promise<void> {
    const pongs = this.messages.filter((message) => message.type === "pong").length;
    this.socket.send(JSON.stringify({ type: "ping" }));
    await this.waitFor(() => this.messages.filter((message) => message.type === "pong").length > pongs);
  }

  closed(): Promise<{ code: number; reason: string }> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve({ code: -1, reason: "already closed" });
    return new Promise((resolve) => this.socket.once("close", (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  close(): void {
    this.socket.terminate();
  }
}

const toSocketUrl = (baseUrl: string) => `${baseUrl.replace(/^http/, "ws")}/api/v1/realtime`;

/** The HTTP status of a refused upgrade. */
function refusal(baseUrl: string, headers: Record<string, string>): Promise<number> {
  const socket = new WebSocket(toSocketUrl(baseUrl), { headers });
  return new Promise((resolve, reject) => {
    socket.once("unexpected-response", (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once("open", () => {
      socket.terminate();
      reject(new Error("The upgrade was accepted."));
    });
    socket.once("error", () => {
      // Terminating after the refusal reports an error; the status is what counts.
    });
  });
}

const isEvent = (type: string, subjectId?: string) => (message: ServerMessage) =>
  message.type === "event" && message.event.type === type && (subjectId === undefined || message.event.subjectId === subjectId);

async function issueToken(workspace: TestWorkspace, scopes: Scope[]): Promise<string> {
  const response = await workspace.api.post<{ token: string }>("/api/v1/api-tokens", { name: "realtime", scopes });
  expect(response.status).toBe(201);
  return response.body.token;
}

/** The session token from a sign-in response's Set-Cookie. */
function sessionToken(headers: Headers): string {
  const cookie = headers.getSetCookie().find((value) => value.startsWith("rapport_session="));
  if (!cookie) throw new Error("No session cookie was set.");
  return cookie.slice("rapport_session=".length).split(";")[0]!;
}

async function signIn(server: TestServer, workspace: TestWorkspace): Promise<string> {
  const response = await new ApiClient(server.url).post("/api/v1/auth/login", { email: workspace.ownerEmail, password: workspace.password, workspace: workspace.slug });
  expect(response.status).toBe(200);
  return `rapport_session=${sessionToken(response.headers)}`;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

type PresenceFrame = Extract<ServerMessage, { type: "presence" }>;
type SnapshotFrame = Extract<ServerMessage, { type: "presence.snapshot" }>;

const isPresence = (userId: string, state: string, conversationId?: string) => (message: ServerMessage) =>
  message.type === "presence" && message.userId === userId && message.state === state && (conversationId === undefined || message.conversationId === conversationId);

const presenceFrames = (socket: TestSocket) => socket.messages.filter((message): message is PresenceFrame => message.type === "presence");

/** Waits until `count` presence frames matching `match` have arrived. */
const waitForPresence = (socket: TestSocket, match: (frame: PresenceFrame) => boolean, count: number, timeoutMs?: number) =>
  socket.waitFor(() => presenceFrames(socket).filter(match).length >= count, timeoutMs);

function sendPresence(socket: TestSocket, conversationId: string, state: string): void {
  socket.socket.send(JSON.stringify({ type: "presence", conversationId, state }));
}

/** Asks who is in a conversation and waits for the answer. */
async function snapshot(socket: TestSocket, conversationId: string): Promise<SnapshotFrame> {
  const before = socket.messages.length;
  socket.socket.send(JSON.stringify({ type: "presence.query", conversationId }));
  await socket.waitFor((message) => message.type === "presence.snapshot" && socket.messages.indexOf(message) >= before);
  return socket.messages.slice(before).find((message): message is SnapshotFrame => message.type === "presence.snapshot")!;
}

let server: TestServer;
let a: TestWorkspace;
let b: TestWorkspace;
let tokenA: string;
let tokenB: string;
const sockets: TestSocket[] = [];

async function connect(headers: Record<string, string>, options?: { autoPong?: boolean }, baseUrl = server.url): Promise<TestSocket> {
  const socket = await TestSocket.open(baseUrl, headers, options);
  sockets.push(socket);
  return socket;
}

beforeAll(async () => {
  server = await sharedServer();
  [a, b] = await Promise.all([createTestWorkspace(server, "Workspace A"), createTestWorkspace(server, "Workspace B")]);
  [tokenA, tokenB] = await Promise.all([issueToken(a, ["conversations:read"]), issueToken(b, ["conversations:read"])]);
});

afterAll(() => {
  for (const socket of sockets) socket.close();
});

describe("delivery", () => {
  it("greets the socket with its workspace and user", async () => {
    const socket = await connect(bearer(tokenA));
    expect(await socket.waitFor((message) => message.type === "hello")).toEqual({ type: "hello", workspaceId: a.id, userId: a.ownerId });
  });

  it("pushes a workspace's committed events to its sockets only", async () => {
    const inA = await connect(bearer(tokenA));
    const inB = await connect(bearer(tokenB));
    await Promise.all([inA.waitFor((message) => message.type === "hello"), inB.waitFor((message) => message.type === "hello")]);
    const { conversation } = await createConversation(a);

    const reply = await a.api.post<{ id: string }>(`/api/v1/conversations/${conversation.id}/messages`, { text: "On its way." });
    expect(reply.status).toBe(201);
    const created = await inA.waitFor((message) => isEvent("message.created", conversation.id)(message) && message.type === "event" && message.event.payload.messageId === reply.body.id, 1000);
    expect(created).toMatchObject({ type: "event", event: { subjectType: "conversation", payload: { kind: "reply", authorType: "agent" } } });
    expect(created.type === "event" && created.event.id).toBeGreaterThan(0);
    expect(created.type === "event" && "workspaceId" in created.event).toBe(false);

    await inB.settle();
    expect(inB.messages.filter((message) => message.type === "event")).toEqual([]);
  });
});

describe("authentication and authorization", () => {
  it("refuses an upgrade without credentials, or with a bad token", async () => {
    expect(await refusal(server.url, {})).toBe(401);
    expect(await refusal(server.url, bearer("not-a-token"))).toBe(401);
  });

  it("accepts a session cookie from our own origin only", async () => {
    const cookie = await signIn(server, a);
    const ownOrigin = new URL(server.url).origin;
    const socket = await connect({ cookie, origin: ownOrigin });
    expect(await socket.waitFor((message) => message.type === "hello")).toMatchObject({ workspaceId: a.id });

    expect(await refusal(server.url, { cookie, origin: "https://evil.example" })).toBe(403);
    expect(await refusal(server.url, { cookie, origin: "null" })).toBe(403);
    expect(await refusal(server.url, { cookie })).toBe(403);
  });

  it("needs the conversations:read scope", async () => {
    expect(await refusal(server.url, bearer(await issueToken(a, ["customers:read"])))).toBe(403);
  });

  it("closes a socket when its credentials end: sign-out, token revoked, person deactivated", async () => {
    const cookie = await signIn(server, a);
    const headers = { cookie, origin: new URL(server.url).origin };
    const bySession = await connect(headers);
    await bySession.waitFor((message) => message.type === "hello");
    const csrf = (await new ApiClient(server.url).get<{ csrfToken: string }>("/api/v1/auth/session", { cookie })).body.csrfToken;
    const signedOutClose = bySession.closed();
    expect((await new ApiClient(server.url).post("/api/v1/auth/logout", {}, { ...headers, "x-csrf-token": csrf })).status).toBe(204);
    expect((await signedOutClose).code).toBe(4401);

    const issued = await a.api.post<{ token: string; apiToken: { id: string } }>("/api/v1/api-tokens", { name: "revoked soon", scopes: ["conversations:read"] });
    const byToken = await connect(bearer(issued.body.token));
    await byToken.waitFor((message) => message.type === "hello");
    const revokedClose = byToken.closed();
    await a.api.delete(`/api/v1/api-tokens/${issued.body.apiToken.id}`);
    expect((await revokedClose).code).toBe(4401);

    const agent = await a.member("agent", ["conversations:read"]);
    const agentSocket = await connect(bearer(agent.token));
    const ownerSocket = await connect(bearer(tokenA));
    await Promise.all([agentSocket.waitFor((message) => message.type === "hello"), ownerSocket.waitFor((message) => message.type === "hello")]);
    const deactivatedClose = agentSocket.closed();
    expect((await a.api.patch(`/api/v1/users/${agent.userId}`, { active: false })).status).toBe(200);
    expect((await deactivatedClose).code).toBe(4401);
    await ownerSocket.settle();
    expect(ownerSocket.socket.readyState).toBe(WebSocket.OPEN);
  });
});

describe("protocol", () => {
  it("answers pings and reports malformed frames without dropping the socket", async () => {
    const socket = await connect(bearer(tokenA));
    socket.socket.send("not json");
    socket.socket.send("null");
    socket.socket.send(JSON.stringify({ type: "subscribe" }));
    socket.socket.send(Buffer.from([1, 2, 3]), { binary: true });
    await socket.settle();
    const errors = socket.messages.filter((message) => message.type === "error");
    expect(errors.map((error) => error.type === "error" && error.code)).toEqual(["invalid_message", "invalid_message", "unknown_type", "invalid_message"]);
    expect(socket.messages.at(-1)).toEqual({ type: "pong" });
    expect(socket.socket.readyState).toBe(WebSocket.OPEN);
  });
});

describe("presence", () => {
  it("tells the workspace's other users who is viewing and typing, answers who is there, and says when they leave", async () => {
    const workspace = await createTestWorkspace(server, "Presence");
    const ownerToken = await issueToken(workspace, ["conversations:read"]);
    const agent = await workspace.member("agent", ["conversations:read"]);
    const { conversation } = await createConversation(workspace);
    const owner = await connect(bearer(ownerToken));
    const agentSocket = await connect(bearer(agent.token));
    const agentTab = await connect(bearer(agent.token));
    await Promise.all([owner, agentSocket, agentTab].map((socket) => socket.waitFor((message) => message.type === "hello")));

    sendPresence(agentSocket, conversation.id, "viewing");
    const viewing = await owner.waitFor(isPresence(agent.userId, "viewing", conversation.id));
    expect(viewing).toEqual({ type: "presence", userId: agent.userId, userName: "agent person", conversationId: conversation.id, state: "viewing", at: expect.any(String) });
    // The same user's other tab hears it; the socket that sent it does not.
    await agentTab.waitFor(isPresence(agent.userId, "viewing", conversation.id));
    await agentSocket.settle();
    expect(presenceFrames(agentSocket)).toEqual([]);

    expect((await snapshot(owner, conversation.id)).viewers).toEqual([{ userId: agent.userId, userName: "agent person", state: "viewing", at: viewing.type === "presence" && viewing.at }]);
    // A socket does not see itself, but sees the others.
    sendPresence(owner, conversation.id, "viewing");
    await agentSocket.waitFor(isPresence(workspace.ownerId, "viewing"));
    expect((await snapshot(agentSocket, conversation.id)).viewers.map((viewer) => viewer.userId)).toEqual([workspace.ownerId]);

    // Typing sent on every keystroke is relayed once per couple of seconds.
    for (let i = 0; i < 5; i++) sendPresence(agentSocket, conversation.id, "typing");
    await owner.waitFor(isPresence(agent.userId, "typing"));
    await agentSocket.settle();
    await owner.settle();
    expect(presenceFrames(owner).filter((frame) => frame.state === "typing")).toHaveLength(1);
    expect((await snapshot(owner, conversation.id)).viewers).toMatchObject([{ userId: agent.userId, state: "typing" }]);

    sendPresence(agentSocket, conversation.id, "left");
    await owner.waitFor(isPresence(agent.userId, "left"));
    expect((await snapshot(owner, conversation.id)).viewers).toEqual([]);

    // Closing a socket says "left" for it; with another tab still there the user stays.
    const agentViewing = (frame: PresenceFrame) => frame.userId === agent.userId && frame.state === "viewing";
    sendPresence(agentSocket, conversation.id, "viewing");
    sendPresence(agentTab, conversation.id, "viewing");
    await waitForPresence(owner, agentViewing, 3);
    agentSocket.close();
    await waitForPresence(owner, agentViewing, 4);
    expect((await snapshot(owner, conversation.id)).viewers).toMatchObject([{ userId: agent.userId, state: "viewing" }]);
    agentTab.close();
    await waitForPresence(owner, (frame) => frame.userId === agent.userId && frame.state === "left", 2);
    expect((await snapshot(owner, conversation.id)).viewers).toEqual([]);
  });

  it("never reaches another workspace, even naming the same conversation", async () => {
    const [inA, inB] = await Promise.all([connect(bearer(tokenA)), connect(bearer(tokenB))]);
    await Promise.all([inA.waitFor((message) => message.type === "hello"), inB.waitFor((message) => message.type === "hello")]);
    const { conversation } = await createConversation(a);
    const agent = await a.member("agent", ["conversations:read"]);
    const watcher = await connect(bearer(agent.token));
    await watcher.waitFor((message) => message.type === "hello");

    sendPresence(inA, conversation.id, "typing");
    await watcher.waitFor(isPresence(a.ownerId, "typing", conversation.id));
    // B names A's conversation: A does not hear of it, and B is told nobody is there.
    sendPresence(inB, conversation.id, "viewing");
    expect((await snapshot(inB, conversation.id)).viewers).toEqual([]);
    await inB.settle();
    await watcher.settle();
    expect(presenceFrames(inB)).toEqual([]);
    expect(presenceFrames(watcher).map((frame) => frame.userId)).toEqual([a.ownerId]);
    expect((await snapshot(watcher, conversation.id)).viewers.map((viewer) => viewer.userId)).toEqual([a.ownerId]);
  });

  it("answers malformed presence frames with errors, and slows down a flood", async () => {
    const socket = await connect(bearer(tokenA));
    socket.socket.send(JSON.stringify({ type: "presence", conversationId: "not-a-uuid", state: "viewing" }));
    socket.socket.send(JSON.stringify({ type: "presence", conversationId: "0190a7c2-0000-7000-8000-000000000000", state: "dancing" }));
    socket.socket.send(JSON.stringify({ type: "presence.query" }));
    socket.socket.send(JSON.stringify({ type: "presence.subscribe" }));
    await socket.settle();
    const codes = () => socket.messages.flatMap((message) => (message.type === "error" ? [message.code] : []));
    expect(codes()).toEqual(["invalid_message", "invalid_message", "invalid_message", "unknown_type"]);

    for (let i = 0; i < 30; i++) sendPresence(socket, `0190a7c2-0000-7000-8000-${String(i).padStart(12, "0")}`, "viewing");
    await socket.settle();
    expect(codes().filter((code) => code === "rate_limited").length).toBeGreaterThanOrEqual(10);
    expect(socket.socket.readyState).toBe(WebSocket.OPEN);
  });
});

describe("presence that nobody refreshes", () => {
  let hub: RealtimeHub;
  let wss: WebSocketServer;
  let url: string;
  let workspace: TestWorkspace;
  let agentId: string;

  beforeAll(async () => {
    workspace = await createTestWorkspace(server, "Presence expiry");
    agentId = (await workspace.member("agent")).userId;
    hub = new RealtimeHub(server.database, { presenceTtlMs: 400, typingMs: 150 });
    await hub.start(server.app.log);
    wss = new WebSocketServer({ port: 0, host: "127.0.0.1", path: "/api/v1/realtime" });
    await new Promise((resolve) => wss.once("listening", resolve));
    // The first socket is the owner, the others the agent.
    wss.on("connection", (socket) => {
      const userId = hub.connections === 0 ? workspace.ownerId : agentId;
      hub.add(socket, { via: "api_token", workspaceId: workspace.id, userId, role: "agent", scopes: ["conversations:read"] }, userId === agentId ? "Ana Agent" : "Olive Owner");
    });
    url = `http://127.0.0.1:${(wss.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await hub.stop();
    await new Promise((resolve) => wss.close(resolve));
  });

  it("lets typing lapse to viewing, then forgets the viewer and says they left", async () => {
    const owner = await connect({}, {}, url);
    await owner.waitFor((message) => message.type === "hello");
    const agent = await connect({}, {}, url);
    await agent.waitFor((message) => message.type === "hello");
    const conversationId = "0190a7c2-0000-7000-8000-0000000000aa";

    sendPresence(agent, conversationId, "typing");
    await owner.waitFor(isPresence(agentId, "typing", conversationId));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await snapshot(owner, conversationId)).viewers).toMatchObject([{ userId: agentId, userName: "Ana Agent", state: "viewing" }]);

    const left = await owner.waitFor(isPresence(agentId, "left", conversationId), 2000);
    expect(left).toMatchObject({ userName: "Ana Agent" });
    expect((await snapshot(owner, conversationId)).viewers).toEqual([]);
    // The agent's socket is still open: refreshing brings them back.
    sendPresence(agent, conversationId, "viewing");
    await waitForPresence(owner, (frame) => frame.state === "viewing", 1);
  });
});

describe("the hub", () => {
  let hub: RealtimeHub;
  let wss: WebSocketServer;
  let url: string;

  beforeAll(async () => {
    hub = new RealtimeHub(server.database, { heartbeatMs: 50, closeGraceMs: 500 });
    await hub.start(server.app.log);
    wss = new WebSocketServer({ port: 0, host: "127.0.0.1", path: "/api/v1/realtime" });
    await new Promise((resolve) => wss.once("listening", resolve));
    wss.on("connection", (socket) => hub.add(socket, { via: "api_token", workspaceId: a.id, userId: a.ownerId, role: "owner", scopes: ["conversations:read"] }));
    url = `http://127.0.0.1:${(wss.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await hub.stop();
    await new Promise((resolve) => wss.close(resolve));
  });

  it("drops a socket that stops answering pings and forgets closed ones", async () => {
    const deaf = await connect({}, { autoPong: false }, url);
    const lively = await connect({}, {}, url);
    const gone = await connect({}, {}, url);
    await Promise.all([deaf, lively, gone].map((socket) => socket.waitFor((message) => message.type === "hello")));
    expect(hub.connections).toBe(3);

    gone.close();
    expect((await deaf.closed()).code).toBe(1006);
    expect(lively.socket.readyState).toBe(WebSocket.OPEN);
    await vi.waitFor(() => expect(hub.connections).toBe(1));
  });

  it("closes sockets with 1001 when it stops, and turns later ones away", async () => {
    const socket = await connect({}, {}, url);
    await socket.waitFor((message) => message.type === "hello");
    const closed = socket.closed();
    await hub.stop();
    expect(await closed).toMatchObject({ code: 1001 });
    expect(hub.connections).toBe(0);

    const late = await connect({}, {}, url);
    expect((await late.closed()).code).toBe(1001);
  });
});

describe.skipIf(!testDatabaseUrl())("on PostgreSQL", () => {
  it("asks clients to resync after the LISTEN connection drops, then delivers again", async () => {
    const socket = await connect(bearer(tokenA));
    await socket.waitFor((message) => message.type === "hello");
    await server.database.db.execute(
      sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %' AND pid <> pg_backend_pid()`,
    );
    await socket.waitFor((message) => message.type === "resync", 5000);

    const { conversation } = await createConversation(a);
    await socket.waitFor(isEvent("conversation.created", conversation.id));
  });

  // PGlite is one process's database; this needs a server both processes share.
  describe("across two server processes", () => {
    const repoRoot = fileURLToPath(new URL("../../../../../", import.meta.url));
    const processes: { child: ChildProcess; output: string[] }[] = [];
    const urls: string[] = [];

    async function freePort(): Promise<number> {
      const probe = net.createServer();
      await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
      const { port } = probe.address() as AddressInfo;
      await new Promise((resolve) => probe.close(resolve));
      return port;
    }

    async function waitUntilReady(url: string, output: string[]): Promise<void> {
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        try {
          if ((await fetch(`${url}/readyz`)).ok) return;
        } catch {
          // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`${url} did not become ready:\n${output.join("")}`);
    }

    beforeAll(async () => {
      for (let i = 0; i < 2; i++) {
        const port = await freePort();
        const child = spawn(process.execPath, ["--import", "tsx", "apps/server/src/main.ts"], {
          cwd: repoRoot,
          env: { ...process.env, DATABASE_URL: testDatabaseUrl(), PORT: String(port), HOST: "127.0.0.1", RAPPORT_DEMO_DATA: "false", RAPPORT_JOBS: "false", LOG_LEVEL: "warn" },
          stdio: ["ignore", "pipe", "pipe"],
        });
        const output: string[] = [];
        child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
        child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
        processes.push({ child, output });
        urls.push(`http://127.0.0.1:${port}`);
      }
      await Promise.all(urls.map((url, i) => waitUntilReady(url, processes[i]!.output)));
    });

    afterAll(async () => {
      await Promise.all(
        processes.map(({ child }) => {
          if (child.exitCode !== null) return undefined;
          const exited = new Promise((resolve) => child.once("exit", resolve));
          child.kill("SIGTERM");
          const forced = setTimeout(() => child.kill("SIGKILL"), 10_000);
          return exited.finally(() => clearTimeout(forced));
        }),
      );
    });

    it("delivers an event committed through one process to a socket on the other", async () => {
      const [first, second] = urls as [string, string];
      const signup = await new ApiClient(first).post<{ workspace: { id: string }; csrfToken: string }>("/api/v1/signup", {
        workspaceName: "Two processes",
        name: "Pat Processes",
        email: `two-processes-${Date.now()}@example.test`,
        password: "correct horse battery staple",
      });
      expect(signup.status).toBe(201);
      const session = new ApiClient(first, { cookie: sessionToken(signup.headers), csrfToken: signup.body.csrfToken });
      const issued = await session.post<{ token: string }>("/api/v1/api-tokens", { name: "realtime", scopes: ["conversations:read", "conversations:write", "customers:write"] });
      expect(issued.status).toBe(201);

      const socket = await connect(bearer(issued.body.token), {}, second);
      expect(await socket.waitFor((message) => message.type === "hello")).toMatchObject({ workspaceId: signup.body.workspace.id });

      const opened = await new ApiClient(first, { token: issued.body.token }).post<{ conversation: { id: string } }>("/api/v1/conversations", {
        customer: { email: "casey@example.test" },
        message: { text: "Hello from the other process." },
      });
      expect(opened.status).toBe(201);
      await socket.waitFor(isEvent("message.created", opened.body.conversation.id), 1000);
    });

    it("shares presence between processes: frames, the snapshot of who is there, and leaving", async () => {
      const [first, second] = urls as [string, string];
      const email = `presence-${Date.now()}@example.test`;
      const signup = await new ApiClient(first).post<{ workspace: { id: string; slug: string }; user: { id: string }; csrfToken: string }>("/api/v1/signup", {
        workspaceName: "Presence across processes",
        name: "Pat Processes",
        email,
        password: "correct horse battery staple",
      });
      expect(signup.status).toBe(201);
      const session = new ApiClient(first, { cookie: sessionToken(signup.headers), csrfToken: signup.body.csrfToken });
      const agentEmail = `presence-agent-${Date.now()}@example.test`;
      const agent = await session.post<{ id: string }>("/api/v1/users", { email: agentEmail, name: "Ana Agent", role: "agent", password: "correct horse battery staple" });
      expect(agent.status).toBe(201);
      const agentLogin = await new ApiClient(second).post("/api/v1/auth/login", { email: agentEmail, password: "correct horse battery staple", workspace: signup.body.workspace.slug });
      expect(agentLogin.status).toBe(200);
      const conversationId = "0190a7c2-0000-7000-8000-0000000000bb";

      // The agent opens the conversation on the second process before the owner arrives on the first.
      const onSecond = await connect({ cookie: `rapport_session=${sessionToken(agentLogin.headers)}`, origin: second }, {}, second);
      await onSecond.waitFor((message) => message.type === "hello");
      sendPresence(onSecond, conversationId, "viewing");
      await onSecond.settle();
      const onFirst = await connect({ cookie: `rapport_session=${sessionToken(signup.headers)}`, origin: first }, {}, first);
      await onFirst.waitFor((message) => message.type === "hello");
      await vi.waitFor(async () => expect((await snapshot(onFirst, conversationId)).viewers).toMatchObject([{ userId: agent.body.id, userName: "Ana Agent", state: "viewing" }]));

      sendPresence(onSecond, conversationId, "typing");
      await onFirst.waitFor(isPresence(agent.body.id, "typing", conversationId));
      sendPresence(onFirst, conversationId, "viewing");
      await onSecond.waitFor((message) => message.type === "presence" && message.userId === signup.body.user.id && message.userName === "Pat Processes" && message.state === "viewing");
      expect((await snapshot(onSecond, conversationId)).viewers.map((viewer) => viewer.userId)).toEqual([signup.body.user.id]);

      onSecond.close();
      await onFirst.waitFor(isPresence(agent.body.id, "left", conversationId));
      expect((await snapshot(onFirst, conversationId)).viewers).toEqual([]);
    });
  });
});
