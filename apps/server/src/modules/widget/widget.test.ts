import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import Fastify from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { registerWebApp } from "../../platform/http/web-app.ts";
import {
  ApiClient,
  createConversation,
  createTestWorkspace,
  sharedServer,
  startTestServer,
  testDatabaseUrl,
  until,
  type ApiResponse,
  type TestServer,
  type TestWorkspace,
} from "../../testing/harness.ts";
import type { WidgetServerFrame } from "./protocol.ts";
import { registerWidgetScripts } from "./routes.ts";
import { signIdentity } from "./service.ts";
import { withinBusinessHours } from "./settings.ts";
import { login } from "../workspaces/service.ts";
import { eq } from "drizzle-orm";
import { seedDemo } from "../../demo/seed.ts";
import { emailMessages } from "../email/schema.ts";
import { widgetVisitors } from "./schema.ts";
import { loadSecretBox } from "../../platform/crypto.ts";

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

/** The agent app's realtime socket, signed in with the owner's session. */
async function agentSocket(server: TestServer, ws: TestWorkspace): Promise<{ socket: WebSocket; frames: Record<string, unknown>[] }> {
  const grant = await login(server.database.db, { email: ws.ownerEmail, password: ws.password, workspace: ws.slug, sessionDays: 1, maxAttempts: 10 });
  const socket = new WebSocket(`${server.url.replace(/^http/, "ws")}/api/v1/realtime`, { headers: { cookie: `rapport_session=${grant.token}`, origin: server.url } });
  const frames: Record<string, unknown>[] = [];
  socket.on("message", (data) => frames.push(JSON.parse(data.toString()) as Record<string, unknown>));
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  await until(() => frames.some((frame) => frame.type === "hello"));
  return { socket, frames };
}

async function upload(server: TestServer, token: string, filename: string, type: string, bytes: Uint8Array): Promise<ApiResponse<{ id: string; url: string; error?: { code: string } }>> {
  const form = new FormData();
  form.append("file", new Blob([bytes], { type }), filename);
  const response = await fetch(`${server.url}/widget/v1/attachments`, { method: "POST", body: form, headers: { "x-rapport-visitor": token } });
  return { status: response.status, body: (await response.json()) as { id: string; url: string }, headers: response.headers };
}

const reply = (ws: TestWorkspace, conversationId: string, text: string, kind = "reply") => ws.api.post<{ id: string }>(`/api/v1/conversations/${conversationId}/messages`, { text, kind });

describe("chat widget", () => {
  let server: TestServer;
  let ws: TestWorkspace;
  let widget: Widget;

  beforeAll(async () => {
    server = await sharedServer();
    ws = await createTestWorkspace(server, "Widget shop");
    // These are the widget's own tests: the answer bot, which would keep its chats pending, is tested in modules/bot.
    expect((await ws.api.patch("/api/v1/bot/settings", { enabled: false })).status).toBe(200);
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

    it("shows a new visitor's first message in their other tab at once", async () => {
      const session = await widget.start();
      const [one, two] = await Promise.all([widget.socket(session.token), widget.socket(session.token)]);
      await Promise.all([one.waitFor("ready"), two.waitFor("ready")]);
      one.send({ type: "send", clientId: randomUUID(), text: "Written in tab one" });
      const ack = await one.waitFor("ack");
      expect((await two.waitFor("message")).message).toMatchObject({ id: ack.messageId, text: "Written in tab one", author: "visitor" });
      const agentReply = await reply(ws, ack.conversationId, "Seen in both");
      await two.waitFor("message", (frame) => frame.message.id === agentReply.body.id);
      one.close();
      two.close();
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

    it("continues a closed chat, so the widget's seqs never start over", async () => {
      const session = await widget.start();
      const first = await widget.frames(session.token, [{ type: "send", clientId: randomUUID(), text: "First question" }]);
      const { conversationId } = first.body.frames[0] as { conversationId: string };
      await ws.api.post(`/api/v1/conversations/${conversationId}/status`, { status: "closed" });
      const again = await widget.frames(session.token, [{ type: "send", clientId: randomUUID(), text: "One more thing" }]);
      expect(again.body.frames[0]).toMatchObject({ type: "ack", conversationId, seq: 2 });
      const conversation = await ws.api.get<{ status: string }>(`/api/v1/conversations/${conversationId}`);
      expect(conversation.body.status).toBe("open");
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

    it("joins a signed user to the customer who wrote in before from that address, on devices that sign without it too", async () => {
      const secret = (await ws.api.get<{ identitySecret: string }>("/api/v1/widget/settings")).body.identitySecret;
      const { conversation } = await createConversation(ws, { customer: { email: "carla@example.test", name: "Carla" } });
      const withEmail = await widget.start({ identity: { userId: "carla-1", email: "carla@example.test", signature: signIdentity(secret, "carla-1", "carla@example.test") } });
      const withoutEmail = await widget.start({ identity: { userId: "carla-1", signature: signIdentity(secret, "carla-1", undefined) } });
      for (const session of [withEmail, withoutEmail]) {
        const sent = await widget.frames(session.token, [{ type: "send", clientId: randomUUID(), text: "Hi, Carla here" }]);
        const chat = await ws.api.get<{ customer: { id: string } }>(`/api/v1/conversations/${(sent.body.frames[0] as { conversationId: string }).conversationId}`);
        expect(chat.body.customer.id).toBe(conversation.customer.id);
      }
      const customer = await ws.api.get<{ identities: { kind: string; value: string }[] }>(`/api/v1/customers/${conversation.customer.id}`);
      expect(customer.body.identities).toContainEqual({ kind: "external_id", value: "carla-1" });
    });

    it("refuses anonymous visitors where the workspace requires a signed identity", async () => {
      const shop = await createTestWorkspace(server, "Members only");
      const settings = await shop.api.patch<{ identitySecret: string }>("/api/v1/widget/settings", { requireIdentity: true });
      const members = new Widget(server, shop.slug);
      const anonymous = await members.session();
      expect(anonymous.status).toBe(401);
      expect((anonymous.body as unknown as { error: { code: string } }).error.code).toBe("identity_required");
      expect((await members.session({ identity: { userId: "u1", email: "u1@example.test" } })).status).toBe(401);
      const signed = await members.start({ identity: { userId: "u1", signature: signIdentity(settings.body.identitySecret, "u1", undefined) } });
      expect(signed.verified).toBe(true);
    });

    it("keeps pre-chat answers and the visitor's page, browser and language on the customer", async () => {
      const shop = await createTestWorkspace(server, "Asking shop");
      await shop.api.patch("/api/v1/widget/settings", {
        preChatFields: [
          { key: "order_number", label: "Order number", type: "text", required: true },
          { key: "topic", label: "Topic", type: "select", required: false, options: ["Returns", "Sizing"] },
        ],
      });
      const asking = new Widget(server, shop.slug);
      const missing = await asking.session({ preChat: { topic: "Returns" } });
      expect(missing.status).toBe(400);
      expect((missing.body as unknown as { error: { message: string } }).error.message).toContain("Order number");
      expect((await asking.session({ preChat: { order_number: "1001", topic: "Weather" } })).status).toBe(400);
      expect((await asking.session({ preChat: { order_number: "1001", shoe_size: "46" } })).status).toBe(400);
      expect((await asking.session({})).status).toBe(400);
      const session = await asking.start({ preChat: { order_number: "1001", topic: "Sizing" }, context: { url: "https://shop.example/boots", userAgent: "Test browser", language: "es-ES" } });
      // Coming back (a reload) resumes without answering again.
      expect((await asking.session({ token: session.token })).status).toBe(200);
      const sent = await asking.frames(session.token, [{ type: "send", clientId: randomUUID(), text: "Size question" }]);
      const { conversationId } = sent.body.frames[0] as { conversationId: string };
      const conversation = await shop.api.get<{ customer: { id: string } }>(`/api/v1/conversations/${conversationId}`);
      const customer = await shop.api.get<{ attributes: Record<string, string> }>(`/api/v1/customers/${conversation.body.customer.id}`);
      expect(customer.body.attributes).toMatchObject({ order_number: "1001", topic: "Sizing", last_page_url: "https://shop.example/boots", browser: "Test browser", language: "es-ES" });
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
  describe("origins", () => {
    let guarded: TestWorkspace;

    beforeAll(async () => {
      guarded = await createTestWorkspace(server, "Guarded shop");
      await guarded.api.patch("/api/v1/widget/settings", { allowedOrigins: ["https://shop.example", "http://localhost:*"] });
    });

    it("answers allowed origins with CORS and refuses the rest with 403 origin_refused", async () => {
      for (const origin of ["https://shop.example", "http://localhost:5173", "http://localhost:41234", server.url]) {
        const response = await new Widget(server, guarded.slug, origin).config();
        expect(response.status, origin).toBe(200);
        expect(response.headers.get("access-control-allow-origin"), origin).toBe(origin);
      }
      for (const origin of ["https://evil.example", "https://shop.example.evil.example", "http://127.0.0.1:5173"]) {
        const refused = new Widget(server, guarded.slug, origin);
        const config = await refused.config();
        expect(config.status, origin).toBe(403);
        expect((config.body as unknown as { error: { code: string } }).error.code).toBe("origin_refused");
        expect(config.headers.get("access-control-allow-origin")).toBeNull();
        expect((await refused.session()).status, origin).toBe(403);
      }
    });

    it("answers a preflight only for an origin some workspace allows", async () => {
      const preflight = (origin: string) =>
        fetch(`${server.url}/widget/v1/session`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type, x-rapport-visitor" } });
      const allowed = await preflight("https://shop.example");
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get("access-control-allow-origin")).toBe("https://shop.example");
      expect(allowed.headers.get("access-control-allow-headers")).toContain("x-rapport-visitor");
      const refused = await preflight("https://evil.example");
      expect(refused.status).toBe(403);
      expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    });

    it("lets the demo workspace's widget run on this machine's pages on any port, and nowhere else", async () => {
      const demo = await createTestWorkspace(server, "Demo shop");
      await seedDemo(server.database.db, demo.id, demo.ownerId, loadSecretBox(server.config.secretKey, server.config.dataDir));
      for (const origin of ["http://localhost:3000", "http://127.0.0.1:45678"]) expect((await new Widget(server, demo.slug, origin).config()).status, origin).toBe(200);
      for (const origin of ["https://localhost.evil.example", "http://192.168.1.10:3000"]) expect((await new Widget(server, demo.slug, origin).config()).status, origin).toBe(403);
    });

    it("closes a socket opened from another origin with 4403, and a token used from there too", async () => {
      const session = await new Widget(server, guarded.slug, "https://shop.example").start();
      const socket = await new Widget(server, guarded.slug, "https://evil.example").socket(session.token);
      expect(await socket.closed()).toBe(4403);
      const frames = await new Widget(server, guarded.slug, "https://evil.example").frames(session.token, [{ type: "ping" }]);
      expect(frames.status).toBe(403);
    });
  });

  describe("live with agents", () => {
    it("relays typing both ways, read marks both ways, and says whether anyone is there", async () => {
      const shop = await createTestWorkspace(server, "Live shop");
      const live = new Widget(server, shop.slug);
      expect((await live.config()).body.open).toBe(false);
      const session = await live.start();
      const visitor = await live.socket(session.token);
      visitor.send({ type: "send", clientId: randomUUID(), text: "Anyone there?" });
      const { conversationId } = await visitor.waitFor("ack");

      const agent = await agentSocket(server, shop);
      expect((await live.config()).body.open).toBe(true);
      agent.socket.send(JSON.stringify({ type: "presence", conversationId, state: "typing" }));
      expect(await visitor.waitFor("typing", (frame) => frame.typing)).toEqual({ type: "typing", typing: true, agentName: "Olive Owner" });
      expect(await visitor.waitFor("read")).toEqual({ type: "read", seq: 1 });
      agent.socket.send(JSON.stringify({ type: "presence", conversationId, state: "viewing" }));
      await visitor.waitFor("typing", (frame) => !frame.typing);

      visitor.send({ type: "typing", typing: true });
      await until(() => agent.frames.some((frame) => frame.type === "visitor.typing" && frame.conversationId === conversationId && frame.typing === true));

      const agentReply = await reply(shop, conversationId, "Here!");
      const pushed = await visitor.waitFor("message", (frame) => frame.message.id === agentReply.body.id);
      visitor.send({ type: "read", seq: pushed.message.seq });
      await until(() => agent.frames.some((frame) => frame.type === "event" && (frame.event as { type: string; payload: { seq: number } }).type === "widget.visitor_read"));
      // The read moves a mark; it is not a line in the conversation's timeline.
      const timeline = await shop.api.get<{ items: { type: string }[] }>(`/api/v1/conversations/${conversationId}/events`);
      expect(timeline.body.items.map((event) => event.type)).not.toContain("widget.visitor_read");

      const seen = await shop.api.get<Record<string, unknown>>(`/api/v1/conversations/${conversationId}/visitor`);
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({ visitorId: session.visitorId, verified: false, verifiedUserId: null, online: true });

      visitor.send({ type: "page", url: "https://shop.example/checkout", title: "Checkout" });
      await until(async () => (await shop.api.get<{ context: { url?: string } }>(`/api/v1/conversations/${conversationId}/visitor`)).body.context.url === "https://shop.example/checkout");

      agent.socket.close();
      visitor.close();
      await until(async () => (await live.config()).body.open === false);
    });

    it("is closed outside business hours, in the workspace's time zone", async () => {
      const hours = { timeZone: "Europe/Madrid", days: { mon: [["09:00", "17:00"]] as [string, string][] } };
      // Monday 30 November 2026: 08:30 UTC is 09:30 in Madrid.
      expect(withinBusinessHours(hours, new Date("2026-11-30T08:30:00Z"))).toBe(true);
      expect(withinBusinessHours(hours, new Date("2026-11-30T07:30:00Z"))).toBe(false);
      expect(withinBusinessHours(hours, new Date("2026-11-30T16:30:00Z"))).toBe(false);
      expect(withinBusinessHours(hours, new Date("2026-12-01T10:00:00Z"))).toBe(false);
      expect(withinBusinessHours(null, new Date())).toBe(true);

      const shop = await createTestWorkspace(server, "Closed shop");
      await shop.api.patch("/api/v1/widget/settings", { businessHours: { timeZone: "UTC", days: {} } });
      const agent = await agentSocket(server, shop);
      expect((await new Widget(server, shop.slug).config()).body.open).toBe(false);
      agent.socket.close();
    });

    it("takes an address for the answer when no one can chat, and emails replies there once the visitor has left", async () => {
      const shop = await createTestWorkspace(server, "Emailing shop");
      await shop.api.post("/api/v1/mailboxes", { name: "Support", address: `support-${shop.slug}@shop.example.test` });
      const emailing = new Widget(server, shop.slug);
      const session = await emailing.start();
      const left = await new ApiClient(server.url).post("/widget/v1/email", { email: "Later@Example.test" }, { "x-rapport-visitor": session.token });
      expect(left.status).toBe(204);
      const socket = await emailing.socket(session.token);
      socket.send({ type: "send", clientId: randomUUID(), text: "Please write back" });
      const { conversationId } = await socket.waitFor("ack");
      const seen = await shop.api.get<{ email: string }>(`/api/v1/conversations/${conversationId}/visitor`);
      expect(seen.body.email).toBe("later@example.test");

      // Still on the page: the reply is read in the chat, not mailed.
      const live = await reply(shop, conversationId, "Answering live");
      expect((live.body as unknown as { delivery: unknown }).delivery).toBeNull();
      socket.close();
      // Gone for a while (what the heartbeat would show after 75 seconds without a socket).
      await server.database.db.update(widgetVisitors).set({ lastSeenAt: new Date(Date.now() - 10 * 60_000) }).where(eq(widgetVisitors.id, session.visitorId));
      const later = await reply(shop, conversationId, "Answering by email");
      expect((later.body as unknown as { delivery: unknown }).delivery).toEqual({ status: "queued", error: null });
      const [email] = await server.database.db.select().from(emailMessages).where(eq(emailMessages.messageId, later.body.id));
      expect(email).toMatchObject({ direction: "outbound", state: "queued", toAddresses: ["later@example.test"], inReplyTo: null, conversationId });

      const bad = await new ApiClient(server.url).post<{ error: { code: string } }>("/widget/v1/email", { email: "not an address" }, { "x-rapport-visitor": session.token });
      expect(bad.status).toBe(400);
    });

    it("has no visitor for a conversation from another channel", async () => {
      const { conversation } = await createConversation(ws);
      const none = await ws.api.get<{ error: { code: string } }>(`/api/v1/conversations/${conversation.id}/visitor`);
      expect(none.status).toBe(404);
      expect(none.body.error.code).toBe("no_visitor");
    });
  });

  describe("files", () => {
    it("takes pictures and documents within the limits, for that visitor and agents only", async () => {
      const session = await widget.start();
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
      const stored = await upload(server, session.token, "photo.png", "image/png", png);
      expect(stored.status).toBe(201);
      expect(stored.body.url).toBe(`${server.config.publicUrl}/widget/v1/attachments/${stored.body.id}`);
      // Larger than a JSON body may be, within what a file may be.
      expect((await upload(server, session.token, "manual.pdf", "application/pdf", new Uint8Array(3 * 1024 * 1024))).status).toBe(201);
      const refusedType = await upload(server, session.token, "tool.exe", "application/x-msdownload", new Uint8Array([1]));
      expect(refusedType.status).toBe(415);
      const tooBig = await upload(server, session.token, "big.pdf", "application/pdf", new Uint8Array(10 * 1024 * 1024 + 1));
      expect(tooBig.status).toBe(413);
      expect(tooBig.body.error?.code).toBe("payload_too_large");
      expect(refusedType.body.error?.code).toBe("unsupported_media_type");

      const other = await widget.start();
      const stolen = await widget.frames(other.token, [{ type: "send", clientId: randomUUID(), text: "mine now", attachmentIds: [stored.body.id] }]);
      expect(stolen.body.frames[0]).toMatchObject({ type: "rejected", code: "attachment_not_found" });
      expect((await fetch(`${server.url}/widget/v1/attachments/${stored.body.id}?token=${other.token}`)).status).toBe(404);

      const sent = await widget.frames(session.token, [{ type: "send", clientId: randomUUID(), text: "", attachmentIds: [stored.body.id] }]);
      expect(sent.body.frames[0]).toMatchObject({ type: "ack" });
      const synced = await widget.frames(session.token, [{ type: "sync", after: 0 }]);
      expect(synced.body.frames[0]).toMatchObject({ type: "synced", messages: [expect.objectContaining({ attachments: [expect.objectContaining({ id: stored.body.id, filename: "photo.png", contentType: "image/png", size: png.length })] })] });
      const mine = await fetch(`${server.url}/widget/v1/attachments/${stored.body.id}?token=${session.token}`);
      expect(mine.status).toBe(200);
      expect(mine.headers.get("x-content-type-options")).toBe("nosniff");
      expect(new Uint8Array(await mine.arrayBuffer())).toEqual(png);
      const agentCopy = await ws.api.fetch(`/api/v1/attachments/${stored.body.id}`);
      expect(agentCopy.status).toBe(200);
    });

    it("gives the visitor the files agents reply with, never those on internal notes", async () => {
      const session = await widget.start();
      const first = await widget.frames(session.token, [{ type: "send", clientId: randomUUID(), text: "Send me the invoice" }]);
      const { conversationId } = first.body.frames[0] as { conversationId: string };
      const agentUpload = async (name: string) => {
        const response = await ws.api.request<{ id: string; filename: string; contentType: string; size: number }>("POST", `/api/v1/attachments?filename=${name}`, `${name} bytes`, { "content-type": "application/pdf" });
        const { id, filename, contentType, size } = response.body;
        return { id, filename, contentType, size };
      };
      const invoice = await agentUpload("invoice.pdf");
      const internal = await agentUpload("internal.pdf");
      await ws.api.post(`/api/v1/conversations/${conversationId}/messages`, { text: "Here it is", attachments: [invoice] });
      await ws.api.post(`/api/v1/conversations/${conversationId}/messages`, { kind: "note", text: "Margin sheet", attachments: [internal] });
      const shared = await fetch(`${server.url}/widget/v1/attachments/${invoice.id}?token=${session.token}`);
      expect(shared.status).toBe(200);
      expect(shared.headers.get("content-disposition")).toMatch(/^attachment;/);
      expect(await shared.text()).toBe("invoice.pdf bytes");
      expect((await fetch(`${server.url}/widget/v1/attachments/${internal.id}?token=${session.token}`)).status).toBe(404);
    });
  });

  describe("tenancy", () => {
    it("keeps a visitor of one workspace out of another's conversations, files and settings", async () => {
      const other = await createTestWorkspace(server, "Other shop");
      const otherWidget = new Widget(server, other.slug);
      const inA = await widget.start();
      const aFrames = await widget.frames(inA.token, [{ type: "send", clientId: randomUUID(), text: "zebracorn secret" }]);
      const aConversation = (aFrames.body.frames[0] as { conversationId: string }).conversationId;
      const file = await upload(server, inA.token, "secret.txt", "text/plain", new TextEncoder().encode("zebracorn"));

      // A's token offered to B's widget is a stranger there: a new visitor with nothing of A's.
      const inB = await otherWidget.start({ token: inA.token });
      expect(inB.token).not.toBe(inA.token);
      expect(inB.visitorId).not.toBe(inA.visitorId);
      expect(inB.conversationId).toBeNull();
      const bSync = await otherWidget.frames(inB.token, [{ type: "sync", after: 0 }]);
      expect(JSON.stringify(bSync.body)).not.toContain("zebracorn");
      expect((await fetch(`${server.url}/widget/v1/attachments/${file.body.id}?token=${inB.token}`)).status).toBe(404);
      const bSend = await otherWidget.frames(inB.token, [{ type: "send", clientId: randomUUID(), text: "hello B", attachmentIds: [file.body.id] }]);
      expect(bSend.body.frames[0]).toMatchObject({ type: "rejected", code: "attachment_not_found" });
      expect((await other.api.get(`/api/v1/conversations/${aConversation}/visitor`)).status).toBe(404);
      // A visitor token is no credential for the admin API.
      expect((await new ApiClient(server.url).get("/api/v1/widget/settings", { "x-rapport-visitor": inA.token })).status).toBe(401);
      const aMessages = await ws.api.get<{ items: unknown[] }>(`/api/v1/conversations/${aConversation}/messages`);
      expect(aMessages.body.items).toHaveLength(1);
    });
  });
});

describe("rate limits", () => {
  // A server of its own: the limits count per process, and the shared server's other tests come from the same address.
  let limited: TestServer;

  beforeAll(async () => {
    limited = await startTestServer();
  });

  afterAll(async () => {
    await limited.close();
  });

  it("hold back a flood of sessions from one address, a flood of messages from one visitor, and of uploads", async () => {
    const shop = await createTestWorkspace(limited, "Flooded shop");
    const flooded = new Widget(limited, shop.slug);
    const session = await flooded.start();
    const socket = await flooded.socket(session.token);
    for (let index = 0; index < 150; index += 1) socket.send({ type: "send", clientId: randomUUID(), text: `flood ${index}` });
    expect(await socket.closed()).toBe(4429);
    // What came before the limit is stored (the widget resends what it saw no ack for); what came after is not.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const synced = await flooded.frames(session.token, [{ type: "sync", after: 0 }]);
    const stored = (synced.body.frames[0] as { messages: unknown[] }).messages.length;
    expect(stored).toBeGreaterThanOrEqual(50);
    expect(stored).toBeLessThanOrEqual(110);

    let uploadStatus = 0;
    for (let index = 0; index < 21; index += 1) uploadStatus = (await upload(limited, session.token, "a.txt", "text/plain", new Uint8Array([65]))).status;
    expect(uploadStatus).toBe(429);

    const statuses: number[] = [];
    for (let index = 0; index < 120; index += 1) statuses.push((await flooded.session()).status);
    // The session opened above and 119 more are let through; the 121st is not.
    expect(statuses.slice(0, 119).every((status) => status === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const refused = await flooded.session();
    expect((refused.body as unknown as { error: { code: string } }).error.code).toBe("too_many_requests");
  });
});

describe("a server shutting down", () => {
  it("tells sockets to reconnect elsewhere with 1001 and answers waiting polls", async () => {
    const stopping = await startTestServer();
    const shop = await createTestWorkspace(stopping, "Closing shop");
    const closing = new Widget(stopping, shop.slug);
    const session = await closing.start();
    const socket = await closing.socket(session.token);
    await socket.waitFor("ready");
    const waiting = closing.poll(session.token, 0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const closed = socket.closed();
    await stopping.close();
    expect(await closed).toBe(1001);
    expect((await waiting).body).toEqual({ frames: [] });
  });
});

// PGlite lives in one process; several processes share PostgreSQL.
describe.skipIf(!testDatabaseUrl())("chat across server processes", () => {
  let first: TestServer;
  let second: TestServer;

  beforeAll(async () => {
    [first, second] = await Promise.all([startTestServer(), startTestServer()]);
  });

  afterAll(async () => {
    await Promise.all([first.close(), second.close()]);
  });

  it("reaches a visitor on one process from an agent on another: replies, typing, and who is online", async () => {
    const shop = await createTestWorkspace(second, "Two process shop");
    const visitorSide = new Widget(first, shop.slug);
    const session = await visitorSide.start();
    const visitor = await visitorSide.socket(session.token);
    visitor.send({ type: "send", clientId: randomUUID(), text: "Hello from process one" });
    const { conversationId } = await visitor.waitFor("ack");
    expect((await visitorSide.config()).body.open).toBe(false);

    const agent = await agentSocket(second, shop);
    await until(async () => (await visitorSide.config()).body.open);
    agent.socket.send(JSON.stringify({ type: "presence", conversationId, state: "typing" }));
    await visitor.waitFor("typing", (frame) => frame.typing);
    visitor.send({ type: "typing", typing: true });
    await until(() => agent.frames.some((frame) => frame.type === "visitor.typing" && frame.typing === true));
    const agentReply = await reply(shop, conversationId, "Answered from process two");
    expect((await visitor.waitFor("message", (frame) => frame.message.id === agentReply.body.id)).message.text).toBe("Answered from process two");
    agent.socket.close();
    visitor.close();
  });
});

describe("the widget's scripts", () => {
  let root: string;
  let empty: string;

  beforeAll(async () => {
    root = `${await fs.mkdtemp(path.join(os.tmpdir(), "rapport-widget-"))}/`;
    empty = `${await fs.mkdtemp(path.join(os.tmpdir(), "rapport-widget-empty-"))}/`;
    await fs.mkdir(path.join(root, "assets"));
    await fs.writeFile(path.join(root, "widget.js"), "console.log('loader')");
    await fs.writeFile(path.join(root, "widget.js.gz"), gzipSync("console.log('loader')"));
    await fs.writeFile(path.join(root, "assets", "chat-abc123.js"), "console.log('chat')");
  });

  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true });
    await fs.rm(empty, { recursive: true, force: true });
  });

  async function serve(dir: string) {
    const app = Fastify().withTypeProvider<TypeBoxTypeProvider>();
    await registerWebApp(app, empty);
    registerWidgetScripts(app, dir);
    await app.ready();
    return app;
  }

  it("serves the loader briefly cached and the hashed bundle for good, to any site", async () => {
    const app = await serve(root);
    const loader = await app.inject({ url: "/widget.js", headers: { "accept-encoding": "gzip" } });
    expect(loader.statusCode).toBe(200);
    expect(loader.headers["content-encoding"]).toBe("gzip");
    expect(loader.headers["cache-control"]).toBe("public, max-age=300");
    expect(loader.headers["access-control-allow-origin"]).toBe("*");
    expect(loader.headers["x-content-type-options"]).toBe("nosniff");
    const chat = await app.inject({ url: "/widget/assets/chat-abc123.js" });
    expect(chat.statusCode).toBe(200);
    expect(chat.body).toBe("console.log('chat')");
    expect(chat.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await app.inject({ url: "/widget/assets/chat-old.js" })).statusCode).toBe(404);
    expect((await app.inject({ url: "/widget/../package.json" })).statusCode).toBe(404);
    await app.close();
  });

  it("says clearly when the widget has not been built", async () => {
    const app = await serve(empty);
    const response = await app.inject({ url: "/widget.js" });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { message: expect.stringContaining("npm run build:widget") } });
    await app.close();
  });
});
