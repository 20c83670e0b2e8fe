import type { FastifyBaseLogger } from "fastify";
import { WebSocket, type RawData } from "ws";
import type { Actor } from "../auth/policy.ts";
import type { Database } from "../db/client.ts";
import { EVENTS_CHANNEL, type EventNotice } from "../events.ts";
import { answer, CLOSE_GOING_AWAY, CLOSE_SIGNED_OUT, CLOSE_TRY_AGAIN_LATER, encode, eventFrame, RESYNC } from "./protocol.ts";

/** A socket with this much unsent data is not keeping up; holding more for it would let one client grow the heap. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

export interface RealtimeHubOptions {
  /** How often every socket is pinged; one that has not answered the previous ping by then is dropped. */
  heartbeatMs?: number;
  /** Backoff between attempts to LISTEN again after the connection dropped. */
  reconnectMs?: { initial: number; max: number };
  /** How long stop() waits for clients to finish the closing handshake. */
  closeGraceMs?: number;
}

/**
 * A socket lives on the credentials it opened with, so the events that end those
 * credentials close it: signing out, revoking its token, deactivating the person or
 * changing their role (they reconnect with what they may do now).
 */
function accessEnded(notice: EventNotice): ((actor: Actor) => boolean) | undefined {
  switch (notice.type) {
    case "user.signed_out":
      return (actor) => actor.sessionId === notice.payload.sessionId;
    case "api_token.revoked":
      return (actor) => actor.tokenId === notice.subjectId;
    case "user.updated":
      return notice.payload.accessChanged ? (actor) => actor.userId === notice.subjectId : undefined;
    default:
      return undefined;
  }
}

function send(socket: WebSocket, frame: string): void {
  if (socket.readyState !== WebSocket.OPEN) return;
  if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
    socket.close(CLOSE_TRY_AGAIN_LATER, "Too far behind; reconnect and resync");
    return;
  }
  socket.send(frame);
}

/**
 * Pushes committed domain events to the sockets of their workspace. One per process: a single
 * LISTEN subscription fans out to every socket here, so processes behind a load balancer each
 * hear every event and deliver it to the clients they hold.
 */
export class RealtimeHub {
  private readonly byWorkspace = new Map<string, Set<WebSocket>>();
  private readonly actorOf = new Map<WebSocket, Actor>();
  /** Sockets pinged by the last heartbeat that have not answered yet. */
  private readonly unanswered = new Set<WebSocket>();
  // Listeners shared by every socket (`this` is the socket), so a connection costs no closures.
  private readonly onMessage: (this: WebSocket, data: RawData, isBinary: boolean) => void;
  private readonly onPong: (this: WebSocket) => void;
  private readonly onClose: (this: WebSocket) => void;
  private readonly heartbeatMs: number;
  private readonly reconnectMs: { initial: number; max: number };
  private readonly closeGraceMs: number;
  private state: "idle" | "running" | "stopped" = "idle";
  private log: FastifyBaseLogger | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private retry: NodeJS.Timeout | undefined;
  private resubscribing: Promise<void> | undefined;
  private drained: (() => void) | undefined;

  constructor(
    private readonly database: Database,
    options: RealtimeHubOptions = {},
  ) {
    this.heartbeatMs = options.heartbeatMs ?? 30_000;
    this.reconnectMs = options.reconnectMs ?? { initial: 250, max: 30_000 };
    this.closeGraceMs = options.closeGraceMs ?? 2_000;
    const { unanswered } = this;
    const remove = (socket: WebSocket) => this.remove(socket);
    this.onMessage = function (data, isBinary) {
      unanswered.delete(this);
      send(this, encode(answer(data, isBinary)));
    };
    this.onPong = function () {
      unanswered.delete(this);
    };
    this.onClose = function () {
      remove(this);
    };
  }

  /** Sockets currently held. */
  get connections(): number {
    return this.actorOf.size;
  }

  async start(log: FastifyBaseLogger): Promise<void> {
    if (this.state !== "idle") throw new Error("A realtime hub starts once.");
    this.log = log.child({ subsystem: "realtime" });
    await this.subscribe();
    this.state = "running";
    this.heartbeat = setInterval(() => this.beat(), this.heartbeatMs);
    this.heartbeat.unref();
  }

  /** Closes every socket with 1001 (clients reconnect, to another process if need be), then stops listening. */
  async stop(): Promise<void> {
    if (this.state === "stopped") return;
    this.state = "stopped";
    clearInterval(this.heartbeat);
    clearTimeout(this.retry);
    await this.closeSockets();
    await this.resubscribing;
    await this.unlisten?.();
    this.unlisten = undefined;
  }

  /** Takes an authenticated, authorized socket and greets it. */
  add(socket: WebSocket, actor: Actor): void {
    if (this.state !== "running") {
      socket.close(CLOSE_GOING_AWAY, "Server is shutting down");
      return;
    }
    let peers = this.byWorkspace.get(actor.workspaceId);
    if (!peers) {
      peers = new Set();
      this.byWorkspace.set(actor.workspaceId, peers);
    }
    peers.add(socket);
    this.actorOf.set(socket, actor);
    socket.on("message", this.onMessage);
    socket.on("pong", this.onPong);
    socket.on("close", this.onClose);
    send(socket, encode({ type: "hello", workspaceId: actor.workspaceId, userId: actor.userId }));
  }

  private remove(socket: WebSocket): void {
    const workspaceId = this.actorOf.get(socket)?.workspaceId;
    if (workspaceId === undefined) return;
    this.actorOf.delete(socket);
    this.unanswered.delete(socket);
    const peers = this.byWorkspace.get(workspaceId);
    peers?.delete(socket);
    if (peers?.size === 0) this.byWorkspace.delete(workspaceId);
    if (this.actorOf.size === 0) this.drained?.();
  }

  private async subscribe(): Promise<void> {
    this.unlisten = await this.database.listen(
      EVENTS_CHANNEL,
      (text) => this.deliver(text),
      (error) => this.lost(error),
    );
  }

  private deliver(text: string): void {
    let notice: EventNotice;
    try {
      notice = JSON.parse(text) as EventNotice;
    } catch (error) {
      this.log?.error({ err: error }, "unreadable event notice");
      return;
    }
    const peers = this.byWorkspace.get(notice.workspaceId);
    if (!peers) return;
    const frame = eventFrame(notice);
    const ended = accessEnded(notice);
    for (const socket of peers) {
      if (ended?.(this.actorOf.get(socket)!)) socket.close(CLOSE_SIGNED_OUT, "Your sign-in ended; sign in again");
      else send(socket, frame);
    }
  }

  private beat(): void {
    for (const socket of this.actorOf.keys()) {
      if (this.unanswered.has(socket)) {
        socket.terminate();
        continue;
      }
      if (socket.readyState !== WebSocket.OPEN) continue;
      this.unanswered.add(socket);
      socket.ping();
    }
  }

  private lost(error: Error): void {
    this.unlisten = undefined;
    if (this.state !== "running") return;
    this.log?.warn({ err: error }, "lost the LISTEN connection; reconnecting");
    this.scheduleResubscribe(0);
  }

  private scheduleResubscribe(attempt: number): void {
    const delay = Math.min(this.reconnectMs.max, this.reconnectMs.initial * 2 ** attempt);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.resubscribing = this.resubscribe(attempt).finally(() => {
        this.resubscribing = undefined;
      });
    }, delay);
  }

  private async resubscribe(attempt: number): Promise<void> {
    try {
      await this.subscribe();
    } catch (error) {
      if (this.state !== "running") return;
      this.log?.warn({ err: error, attempt: attempt + 1 }, "could not LISTEN again; retrying");
      this.scheduleResubscribe(attempt + 1);
      return;
    }
    if (this.state !== "running") {
      await this.unlisten?.();
      this.unlisten = undefined;
      return;
    }
    this.log?.info("listening again; asking clients to resync");
    // Events committed while the connection was down were never heard: clients refetch what they show.
    for (const socket of this.actorOf.keys()) send(socket, RESYNC);
  }

  private async closeSockets(): Promise<void> {
    if (this.actorOf.size === 0) return;
    let grace: NodeJS.Timeout | undefined;
    const drained = new Promise<void>((resolve) => {
      this.drained = resolve;
      grace = setTimeout(resolve, this.closeGraceMs);
    });
    for (const socket of this.actorOf.keys()) socket.close(CLOSE_GOING_AWAY, "Server is shutting down");
    await drained;
    clearTimeout(grace);
    for (const socket of this.actorOf.keys()) socket.terminate();
  }
}
