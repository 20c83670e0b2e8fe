import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { ApiClient, createTestWorkspace, sharedServer, until, type ApiResponse, type TestServer, type TestWorkspace } from "../../testing/harness.ts";
import type { WidgetServerFrame } from "./protocol.ts";
import { signIdentity } from "./service.ts";

interface Session {
  token: string;
  visitorId: string;
  verified: boolean;
  conversationId: string | null;
}

/** A real widget socket that records what the server sends. */
class VisitorSocket {
  readonly frames: WidgetServerFrame[] = [];
  private waiters: (() => void)[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on("message", (data) => {
      this.frames.push(JSON.parse(data.toString()) as WidgetServerFrame);
      for (const wake of this.waiters) wake();
    });
  }

  static open(baseUrl: string, token: string, origin?: string): Promise<VisitorSocket> {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, "ws")}/widget/v1/socket?token=${encodeURIComponent(token)}`, { headers: origin ? { origin } : {} });
    const client = new VisitorSocket(socket);
    return new Promise((resolve, reject) => {
      socket.once("open", () => resolve(client));
      socket.once("error", reject);
    });
  }

  send(frame: unknown): void {
    this.socket.send(JSON.stringify(frame));
  }

  /** The first frame matching `match`, from the start, waiting up to `timeoutMs` for it. */
  waitFor<T extends WidgetServerFrame["type"]>(type: T, match: (frame: Extract<WidgetServerFrame, { type: T }>) => boolean = () => true, timeoutMs = 5000): Promise<Extract<WidgetServerFrame, { type: T }>> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.frames.find((frame): frame is Extract<WidgetServerFrame, { type: T }> => frame.type === type && match(frame as Extract<WidgetServerFrame, { type: T }>));
        if (!found) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((waiter) => waiter !== check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== check);
        reject(new Error(`No ${type} frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames).slice(0, 2000)}`));
      }, timeoutMs);
      this.waiters.push(check);
      check();
    });
  }

  closed(): Promise<number> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve(-1);
    return new Promise((resolve) => this.socket.once("close", (code) => resolve(code)));
  }

  close(): void {
    this.socket.terminate();
  }
}

/** The widget's HTTP calls, as a page on `origin` makes them. */
class Widget {
  constructor(
    readonly server: TestServer,
    readonly slug: string,
    readonly origin: string | undefined = undefined,
  ) {}

  private readonly client = () => new ApiClient(this.server.url);

  headers(token?: string): Record<string, string> {
    return { ...(this.origin && { origin: this.origin }), ...(token && { "x-rapport-visitor": token }) };
  }

  session(body: Record<string, unknown> = {}): Promise<ApiResponse<Session>> {
    return this.client().post<Session>("/widget/v1/session", { workspace: this.slug, ...body }, this.headers());
  }

  async start(body: Record<string, unknown> = {}): Promise<Session> {
    const response = await this.session(body);
    if (response.status !== 200) throw new Error(`session: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  config(): Promise<ApiResponse<{ open: boolean; workspaceId: string; appearance: { title: string } }>> {
    return this.client().get(`/widget/v1/config?workspace=${this.slug}`, this.headers());
  }

  frames(token: string, frames: unknown[]): Promise<ApiResponse<{ frames: WidgetServerFrame[] }>> {
    return this.client().post("/widget/v1/frames", { frames }, this.headers(token));
  }

  poll(token: string, after: number): Promise<ApiResponse<{ frames: WidgetServerFrame[] }>> {
    return this.client().get(`/widget/v1/poll?after=${after}`, this.headers(token));
  }

  socket(token: string): Promise<VisitorSocket> {
    return VisitorSocket.open(this.server.url, token, this.origin);
  }
}

const reply = (ws: TestWorkspace, conversationId: string, text: string, kind = "reply") => ws.api.post<{ id: string }>(`/api/v1/conversations/${conversationId}/messages`, { text, kind });

describe("chat widget", () => {
  let server: TestServer;
  let ws: TestWorkspace;
  let widget: Widget;

  beforeAll(async () => {
    server = await sharedServer();
    ws = await createTestWorkspace(server, "Widget shop");
    widget = new Widget(server, ws.slug);
  });

  describe("settings", () => {
    it("are made on first read, with defaults and a secret only admins see", async () => {
      const fresh = await createTestWorkspace(server, "Fresh shop");
      const read = await fresh.api.get<Record<string, unknown>>("/api/v1/widget/settings");
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({
        enabled: true,
        allowedOrigins: [],
        requireIdentity: false,
        appearance: { position: "right", title: "Fresh shop", greeting: { en: expect.any(String), es: expect.any(String) } },
        installSnippet: `<script src="${server.config.publicUrl}/widget.js" data-workspace="${fresh.slug}" async></script>`,
      });
      expect(read.body.identitySecret).toMatch(/^[0-9a-f]{64}$/);
      const again = await fresh.api.get<{ identitySecret: string }>("/api/v1/widget/settings");
      expect(again.body.identitySecret).toBe(read.body.identitySecret);
      const agent = await fresh.member("agent");
      const refused = await agent.api.get<{ error: { code: string } }>("/api/v1/widget/settings");
      expect(refused.status).toBe(403);
      expect((await agent.api.patch("/api/v1/widget/settings", { enabled: false })).status).toBe(403);
      expect((await agent.api.post("/api/v1/widget/settings/rotate-secret")).status).toBe(403);
    });

    it("change in part, are validated with messages a person can act on, and rotate the secret", async () => {
      const fresh = await createTestWorkspace(server, "Patched shop");
      const patched = await fresh.api.patch<Record<string, unknown>>("/api/v1/widget/settings", {
        allowedOrigins: ["https://shop.example", "http://localhost:*"],
        appearance: { color: "#112233" },
        preChatFields: [{ key: "order_number", label: "Order number", type: "text", required: false }],
        businessHours: { timeZone: "Europe/Madrid", days: { mon: [["09:00", "17:00"]] } },
      });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ allowedOrigins: ["https://shop.example", "http://localhost:*"], appearance: { color: "#112233", position: "right", title: "Patched shop" } });
      for (const [body, words] of [
        [{ appearance: { color: "red" } }, "color"],
        [{ allowedOrigins: ["https://shop.example/path"] }, "allowedOrigins"],
        [{ preChatFields: [{ key: "Order", label: "x", type: "text", required: true }] }, "key"],
        [{ businessHours: { timeZone: "Mars/Olympus", days: {} } }, "IANA"],
        [{ businessHours: { timeZone: "UTC", days: { mon: [["17:00", "09:00"]] } } }, "closes before it opens"],
        [{ preChatFields: [{ key: "size", label: "Size", type: "select", required: true }] }, "options"],
      ] as const) {
        const refused = await fresh.api.patch<{ error: { code: string; message: string } }>("/api/v1/widget/settings", body);
        expect(refused.status, JSON.stringify(body)).toBe(400);
        expect(refused.body.error.code).toBe("invalid_request");
        expect(refused.body.error.message).toContain(words);
      }
      const before = (await fresh.api.get<{ identitySecret: string }>("/api/v1/widget/settings")).body.identitySecret;
      const rotated = await fresh.api.post<{ identitySecret: string }>("/api/v1/widget/settings/rotate-secret");
      expect(rotated.status).toBe(200);
      expect(rotated.body.identitySecret).not.toBe(before);
    });
  });

  describe("a visitor's chat", () => {
    it("sends over the socket, is acknowledged once, and hears the agent's reply live in every tab", async () => {
      const session = await widget.start({ context: { url: "https://shop.example/boots", userAgent: "Test browser", language: "es" } });
      expect(session).toMatchObject({ verified: false, conversationId: null });
      expect(session.token).toMatch(/^rpv_/);
      const tab = await widget.socket(session.token);
      const ready = await tab.waitFor("ready");
      expect(ready).toMatchObject({ visitorId: session.visitorId, conversationId: null });

      const clientId = randomUUID();
      tab.send({ type: "send", clientId, text: "Do these boots come in size 46?" });
      const ack = await tab.waitFor("ack");
      expect(ack).toMatchObject({ clientId, seq: 1 });
      tab.send({ type: "send", clientId, text: "Do these boots come in size 46?" });
      await until(() => tab.frames.filter((frame) => frame.type === "ack").length === 2);
      const acks = tab.frames.filter((frame) => frame.type === "ack");
      expect(acks[1]).toEqual(ack);

      const conversation = await ws.api.get<{ channel: string; subject: string; messageCount: number }>(`/api/v1/conversations/${ack.conversationId}`);
      expect(conversation.body).toMatchObject({ channel: "chat", subject: "Do these boots come in size 46?", messageCount: 1 });

      const second = await widget.socket(session.token);
      await second.waitFor("ready", (frame) => frame.conversationId === ack.conversationId);
      await reply(ws, ack.conversationId, "Internal: check stock", "note");
      const agentReply = await reply(ws, ack.conversationId, "Yes, we have them in 46.");
      for (const socket of [tab, second]) {
        const pushed = await socket.waitFor("message", (frame) => frame.message.id === agentReply.body.id);
        expect(pushed.message).toMatchObject({ seq: 3, author: "agent", authorName: "Olive Owner", text: "Yes, we have them in 46.", conversationId: ack.conversationId });
      }
      expect(tab.frames.some((frame) => frame.type === "message" && frame.message.text.startsWith("Internal"))).toBe(false);

      second.send({ type: "sync", after: 0 });
      const synced = await second.waitFor("synced");
      expect(synced.messages.map((message) => [message.seq, message.author, message.clientId])).toEqual([
        [1, "visitor", clientId],
        [3, "agent", null],
      ]);
      expect(synced.agentReadSeq).toBe(3);
      tab.close();
      second.close();
    });

    it("resumes with the token on reload and keeps the history", async () => {
      const session = await widget.start();
      const socket = await widget.socket(session.token);
      socket.send({ type: "send", clientId: randomUUID(), text: "Hello there" });
      const ack = await socket.waitFor("ack");
      socket.close();
      const resumed = await widget.start({ token: session.token });
      expect(resumed).toMatchObject({ token: session.token, visitorId: session.visitorId, conversationId: ack.conversationId });
      const again = await widget.socket(session.token);
      again.send({ type: "sync", after: 0 });
      expect((await again.waitFor("synced")).messages.map((message) => message.text)).toEqual(["Hello there"]);
      again.send({ type: "send", clientId: randomUUID(), text: "Still there?" });
      expect(await again.waitFor("ack")).toMatchObject({ conversationId: ack.conversationId, seq: 2 });
      again.close();
    });

    it("keeps 50 rapid messages in order, each stored once, with resends acknowledged again", async () => {
      const session = await widget.start();
      const socket = await widget.socket(session.token);
      const ids = Array.from({ length: 50 }, () => randomUUID());
      for (const [index, clientId] of ids.entries()) socket.send({ type: "send", clientId, text: `message ${index + 1}` });
      // A reconnecting widget resends what it had not seen acknowledged.
      for (const clientId of ids.slice(40)) socket.send({ type: "send", clientId, text: "resent" });
      await until(() => socket.frames.filter((frame) => frame.type === "ack").length === 60, 20_000);
      const acks = socket.frames.filter((frame) => frame.type === "ack");
      expect(acks.slice(0, 50).map((ack) => ack.seq)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
      expect(acks.slice(50).map((ack) => ack.seq)).toEqual(Array.from({ length: 10 }, (_, index) => index + 41));
      socket.send({ type: "sync", after: 0 });
      const synced = await socket.waitFor("synced");
      expect(synced.messages.map((message) => message.text)).toEqual(Array.from({ length: 50 }, (_, index) => `message ${index + 1}`));
      socket.close();
    });

    it("refuses what it cannot take without closing the socket", async () => {
      const session = await widget.start();
      const socket = await widget.socket(session.token);
      socket.send({ type: "send", clientId: "abc", text: "x".repeat(10_001) });
      expect(await socket.waitFor("rejected")).toMatchObject({ clientId: "abc", code: "payload_too_large" });
      socket.send({ type: "shout" });
      expect(await socket.waitFor("error")).toMatchObject({ code: "unknown_type" });
      socket.socket.send("{not json");
      await socket.waitFor("error", (frame) => frame.code === "invalid_frame");
      socket.send({ type: "ping" });
      await socket.waitFor("pong");
      socket.close();
    });

    it("ends a socket whose token is unknown with 4401", async () => {
      const socket = await widget.socket("rpv_unknown");
      expect(await socket.closed()).toBe(4401);
    });
  });

  describe("the fallback transport", () => {
    it("takes frames over HTTP and long-polls what comes, with the same guarantees", async () => {
      const session = await widget.start();
      const clientId = randomUUID();
      const sent = await widget.frames(session.token, [{ type: "send", clientId, text: "No websockets here" }, { type: "ping" }]);
      expect(sent.status).toBe(200);
      const [ack, pong] = sent.body.frames;
      expect(ack).toMatchObject({ type: "ack", clientId, seq: 1 });
      expect(pong).toEqual({ type: "pong" });
      const again = await widget.frames(session.token, [{ type: "send", clientId, text: "No websockets here" }]);
      expect(again.body.frames[0]).toEqual(ack);

      const missed = await widget.poll(session.token, 0);
      expect(missed.body.frames.map((frame) => frame.type === "message" && frame.message.text)).toEqual(["No websockets here"]);

      const conversationId = (ack as { conversationId: string }).conversationId;
      const waiting = widget.poll(session.token, 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const agentReply = await reply(ws, conversationId, "Polling works too.");
      const polled = await waiting;
      expect(polled.body.frames).toEqual([expect.objectContaining({ type: "message", message: expect.objectContaining({ id: agentReply.body.id, seq: 2 }) })]);

      const synced = await widget.frames(session.token, [{ type: "sync", after: 1 }]);
      expect(synced.body.frames[0]).toMatchObject({ type: "synced", messages: [expect.objectContaining({ text: "Polling works too." })] });
      const bad = await widget.frames(session.token, [{ type: "send", text: "no id" }]);
      expect(bad.status).toBe(400);
    });
  });

  describe("identity", () => {
    it("joins a signed visitor to their customer on every device, and refuses a forged signature", async () => {
      const secret = (await ws.api.get<{ identitySecret: string }>("/api/v1/widget/settings")).body.identitySecret;
      const identity = { userId: "user-42", email: "ana@example.test", name: "Ana" };
      const signature = signIdentity(secret, identity.userId, identity.email);
      const laptop = await widget.start({ identity: { ...identity, signature } });
      expect(laptop.verified).toBe(true);
      const socket = await widget.socket(laptop.token);
      socket.send({ type: "send", clientId: randomUUID(), text: "From my laptop" });
      const ack = await socket.waitFor("ack");
      socket.close();

      const phone = await widget.start({ identity: { ...identity, signature } });
      expect(phone).toMatchObject({ verified: true, conversationId: ack.conversationId });
      expect(phone.visitorId).not.toBe(laptop.visitorId);

      const forged = await widget.session({ identity: { ...identity, signature: "0".repeat(64) } });
      expect(forged.status).toBe(401);
      expect((forged.body as unknown as { error: { code: string } }).error.code).toBe("identity_refused");
      const wrongUser = await widget.session({ identity: { ...identity, userId: "user-43", signature } });
      expect(wrongUser.status).toBe(401);
    });

    it("keeps an unsigned claim as a note on the visitor, never joining an existing customer", async () => {
      const existing = await ws.api.post<{ id: string }>("/api/v1/customers", { email: "bea@example.test", name: "Bea" });
      const claimed = await widget.start({ identity: { userId: "bea", email: "bea@example.test" } });
      expect(claimed.verified).toBe(false);
      const socket = await widget.socket(claimed.token);
      socket.send({ type: "send", clientId: randomUUID(), text: "I am Bea, show me my orders" });
      const ack = await socket.waitFor("ack");
      socket.close();
      const conversation = await ws.api.get<{ customer: { id: string } }>(`/api/v1/conversations/${ack.conversationId}`);
      expect(conversation.body.customer.id).not.toBe(existing.body.id);
      const visitor = await ws.api.get<{ verified: boolean; email: string }>(`/api/v1/conversations/${ack.conversationId}/visitor`);
      expect(visitor.body).toMatchObject({ verified: false, email: "bea@example.test" });
    });
  });
});
