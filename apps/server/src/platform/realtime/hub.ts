import { randomUUID } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import { WebSocket, type RawData } from "ws";
import type { Actor } from "../auth/policy.ts";
import type { Database } from "../db/client.ts";
import { EVENTS_CHANNEL, type EventNotice } from "../events.ts";
import { PRESENCE_CHANNEL, PresenceBoard, PresencePublisher, type PresenceNotice, type RelayNotice } from "./presence.ts";
import { sendFrame, TokenBucket } from "./sockets.ts";
import {
  CLOSE_GOING_AWAY,
  CLOSE_SIGNED_OUT,
  encode,
  eventFrame,
  PONG,
  readFrame,
  RESYNC,
  type ClientMessage,
  type PresenceState,
} from "./protocol.ts";

/** A socket is one tab: it can hardly show more conversations than this at once, and the bound caps what it can make us remember. */
const MAX_PRESENCE_PER_SOCKET = 50;
/** Repeated "typing" from one socket in one conversation goes out at most this often; clients may send one per keystroke. */
const TYPING_RELAY_MS = 2_000;
/** Presence and query frames a socket may send in a burst, refilled at `PRESENCE_REFILL_PER_S`. */
const PRESENCE_BURST = 20;
const PRESENCE_REFILL_PER_S = 2;
/** How long another process's word that a workspace has agents connected holds; it repeats it every sweep. */
const AGENTS_ONLINE_TTL_MS = 20_000;

/** What a conversation's agents are doing, as heard from any process, for those who show it elsewhere (the chat widget). */
export interface HeardPresence {
  workspaceId: string;
  conversationId: string;
  userName: string;
  state: PresenceState;
}

/** Others in this process that follow what the hub hears: committed events, agents' presence, and lost events. */
export interface RealtimeListener {
  event(notice: EventNotice): void;
  presence(heard: HeardPresence): void;
  /** Events may have been missed (the LISTEN connection dropped and came back). */
  resync(): void;
  /** The hub is stopping: close what was opened on the strength of it, before the server stops taking requests. */
  stop(): void;
}

export interface RealtimeHubOptions {
  /** How often every socket is pinged; one that has not answered the previous ping by then is dropped. */
  heartbeatMs?: number;
  /** Backoff between attempts to LISTEN again after the connection dropped. */
  reconnectMs?: { initial: number; max: number };
  /** How long stop() waits for clients to finish the closing handshake. */
  closeGraceMs?: number;
  /** How long heard presence lasts unless refreshed (clients refresh every 10–15 s). */
  presenceTtlMs?: number;
  /** How long "typing" lasts unless refreshed. */
  typingMs?: number;
}

/** What the hub keeps for each socket besides its actor. */
interface Peer {
  connection: number;
  userName: string;
  /** The conversations this socket said it is in, and when it last relayed "typing" in each. */
  presence: Map<string, { state: Exclude<PresenceState, "left">; relayedAt: number }>;
  /** Presence and query frames it may still send. */
  budget: TokenBucket;
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

/**
 * Pushes committed domain events to the sockets of their workspace. One per process: a single
 * LISTEN subscription fans out to every socket here, so processes behind a load balancer each
 * hear every event and deliver it to the clients they hold.
 */
export class RealtimeHub {
  private readonly byWorkspace = new Map<string, Set<WebSocket>>();
  private readonly actorOf = new Map<WebSocket, Actor>();
  private readonly peerOf = new Map<WebSocket, Peer>();
  /** This process among the others that share presence through PostgreSQL. */
  private readonly origin = randomUUID();
  private nextConnection = 0;
  private readonly board: PresenceBoard;
  private readonly presenceTtlMs: number;
  /** PGlite lives in this one process, so presence has nobody else to reach. */
  private readonly publisher: PresencePublisher | undefined;
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
  private presenceSweep: NodeJS.Timeout | undefined;
  private retry: NodeJS.Timeout | undefined;
  private resubscribing: Promise<void> | undefined;
  private drained: (() => void) | undefined;
  private readonly listeners: RealtimeListener[] = [];
  /** Workspaces with agents connected to other processes, and when each process last said so. */
  private readonly remoteAgents = new Map<string, Map<string, number>>();

  constructor(
    private readonly database: Database,
    options: RealtimeHubOptions = {},
  ) {
    this.heartbeatMs = options.heartbeatMs ?? 30_000;
    this.reconnectMs = options.reconnectMs ?? { initial: 250, max: 30_000 };
    this.closeGraceMs = options.closeGraceMs ?? 2_000;
    this.presenceTtlMs = options.presenceTtlMs ?? 30_000;
    this.board = new PresenceBoard(this.presenceTtlMs, options.typingMs ?? 10_000);
    this.publisher = database.kind === "postgres" ? new PresencePublisher(database.db, () => this.log) : undefined;
    const { unanswered } = this;
    const remove = (socket: WebSocket) => this.remove(socket);
    const handle = (socket: WebSocket, message: ClientMessage) => this.handle(socket, message);
    this.onMessage = function (data, isBinary) {
      unanswered.delete(this);
      const message = readFrame(data, isBinary);
      if (message.type === "error") sendFrame(this, encode(message));
      else handle(this, message);
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

  /** Hands every committed event, every heard presence change and every resync to `listener` too. */
  follow(listener: RealtimeListener): void {
    this.listeners.push(listener);
  }

  /** Whether a person (a signed-in browser, not an API client) of the workspace has the agent app open, on any process. */
  agentsOnline(workspaceId: string): boolean {
    if (this.localAgents(workspaceId)) return true;
    const now = Date.now();
    for (const heardAt of this.remoteAgents.get(workspaceId)?.values() ?? []) if (now - heardAt < AGENTS_ONLINE_TTL_MS) return true;
    return false;
  }

  private localAgents(workspaceId: string): boolean {
    for (const socket of this.byWorkspace.get(workspaceId) ?? []) if (this.actorOf.get(socket)?.via === "session") return true;
    return false;
  }

  /** Tells the workspace's agents, on every process, that a chat visitor is typing or stopped. */
  relayVisitorTyping(workspaceId: string, conversationId: string, typing: boolean): void {
    const notice: RelayNotice = { kind: "visitor.typing", origin: this.origin, workspaceId, conversationId, typing };
    this.hearRelay(notice);
    this.publisher?.publish(notice);
  }

  private hearRelay(notice: RelayNotice): void {
    if (notice.kind === "agents.online") {
      let origins = this.remoteAgents.get(notice.workspaceId);
      if (!origins) this.remoteAgents.set(notice.workspaceId, (origins = new Map()));
      origins.set(notice.origin, Date.now());
      return;
    }
    const frame = encode({ type: "visitor.typing", conversationId: notice.conversationId, typing: notice.typing });
    for (const socket of this.byWorkspace.get(notice.workspaceId) ?? []) sendFrame(socket, frame);
  }

  async start(log: FastifyBaseLogger): Promise<void> {
    if (this.state !== "idle") throw new Error("A realtime hub starts once.");
    this.log = log.child({ subsystem: "realtime" });
    await this.subscribe();
    this.state = "running";
    this.heartbeat = setInterval(() => this.beat(), this.heartbeatMs);
    this.heartbeat.unref();
    this.presenceSweep = setInterval(() => this.sweepPresence(), Math.min(5_000, Math.ceil(this.presenceTtlMs / 3)));
    this.presenceSweep.unref();
  }

  /** Closes every socket with 1001 (clients reconnect, to another process if need be), then stops listening. */
  async stop(): Promise<void> {
    if (this.state === "stopped") return;
    this.state = "stopped";
    for (const listener of this.listeners) listener.stop();
    clearInterval(this.heartbeat);
    clearInterval(this.presenceSweep);
    clearTimeout(this.retry);
    await this.closeSockets();
    // The sockets' "left" notices go out before the database closes.
    await this.publisher?.drain();
    await this.resubscribing;
    await this.unlisten?.();
    this.unlisten = undefined;
  }

  /** Takes an authenticated, authorized socket and greets it. `userName` is what presence shows others. */
  add(socket: WebSocket, actor: Actor, userName = ""): void {
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
    this.peerOf.set(socket, { connection: this.nextConnection++, userName, presence: new Map(), budget: new TokenBucket(PRESENCE_BURST, PRESENCE_REFILL_PER_S) });
    socket.on("message", this.onMessage);
    socket.on("pong", this.onPong);
    socket.on("close", this.onClose);
    sendFrame(socket, encode({ type: "hello", workspaceId: actor.workspaceId, userId: actor.userId }));
    if (actor.via === "session") this.publisher?.publish({ kind: "agents.online", origin: this.origin, workspaceId: actor.workspaceId });
  }

  private remove(socket: WebSocket): void {
    const workspaceId = this.actorOf.get(socket)?.workspaceId;
    if (workspaceId === undefined) return;
    const actor = this.actorOf.get(socket)!;
    const peer = this.peerOf.get(socket)!;
    this.actorOf.delete(socket);
    this.peerOf.delete(socket);
    this.unanswered.delete(socket);
    const at = new Date().toISOString();
    for (const conversationId of peer.presence.keys()) this.announce(this.noticeOf(actor, peer, conversationId, "left", at), socket);
    const peers = this.byWorkspace.get(workspaceId);
    peers?.delete(socket);
    if (peers?.size === 0) this.byWorkspace.delete(workspaceId);
    if (this.actorOf.size === 0) this.drained?.();
  }

  /** Listens for events and, across processes, presence; losing either drops both, so they come back together. */
  private async subscribe(): Promise<void> {
    const unlisteners: (() => Promise<void>)[] = [];
    const unlisten = async () => {
      await Promise.all(unlisteners.map((each) => each()));
    };
    let lostEarly: Error | undefined;
    // Only the first loss of this subscription counts, even one before it was complete.
    const lost = (error: Error) => {
      if (this.unlisten === unlisten) this.lost(error);
      else lostEarly ??= error;
    };
    try {
      unlisteners.push(await this.database.listen(EVENTS_CHANNEL, (text) => this.deliver(text), lost));
      if (this.publisher) unlisteners.push(await this.database.listen(PRESENCE_CHANNEL, (text) => this.hearRemote(text), lost));
    } catch (error) {
      await unlisten();
      throw error;
    }
    this.unlisten = unlisten;
    if (lostEarly) this.lost(lostEarly);
  }

  private handle(socket: WebSocket, message: ClientMessage): void {
    if (message.type === "ping") {
      sendFrame(socket, PONG);
      return;
    }
    const actor = this.actorOf.get(socket);
    const peer = this.peerOf.get(socket);
    if (!actor || !peer) return;
    const now = Date.now();
    if (message.type === "presence.query") {
      if (!this.spend(socket, peer, now)) return;
      const viewers = this.board.viewers(actor.workspaceId, message.conversationId, now, { origin: this.origin, connection: peer.connection });
      sendFrame(socket, encode({ type: "presence.snapshot", conversationId: message.conversationId, viewers }));
      return;
    }
    const { conversationId, state } = message;
    const current = peer.presence.get(conversationId);
    if (state === "left" && !current) return;
    if (state === "typing" && current?.state === "typing" && now - current.relayedAt < TYPING_RELAY_MS) return;
    if (!current && peer.presence.size >= MAX_PRESENCE_PER_SOCKET) {
      sendFrame(socket, encode({ type: "error", code: "rate_limited", message: `One socket can be present in at most ${MAX_PRESENCE_PER_SOCKET} conversations; send "left" for those you closed.` }));
      return;
    }
    // Leaving is never refused: it only ever frees what the socket holds.
    if (state !== "left" && !this.spend(socket, peer, now)) return;
    if (state === "left") peer.presence.delete(conversationId);
    else peer.presence.set(conversationId, { state, relayedAt: now });
    this.announce(this.noticeOf(actor, peer, conversationId, state, new Date(now).toISOString()), socket);
  }

  /** Takes one frame from the socket's budget, or tells it to slow down. */
  private spend(socket: WebSocket, peer: Peer, now: number): boolean {
    if (peer.budget.take(now)) return true;
    sendFrame(socket, encode({ type: "error", code: "rate_limited", message: "Too many presence frames; refresh presence every 10–15 seconds and typing at most every 2 seconds." }));
    return false;
  }

  private noticeOf(actor: Actor, peer: Peer, conversationId: string, state: PresenceState, at: string): PresenceNotice {
    return { origin: this.origin, connection: peer.connection, workspaceId: actor.workspaceId, userId: actor.userId, userName: peer.userName, conversationId, state, at };
  }

  /** Tells this process's sockets (but the sender's) and every other process. */
  private announce(notice: PresenceNotice, sender: WebSocket): void {
    this.hear(notice, sender);
    this.publisher?.publish(notice);
  }

  private hearRemote(text: string): void {
    let notice: PresenceNotice | RelayNotice;
    try {
      notice = JSON.parse(text) as PresenceNotice | RelayNotice;
    } catch (error) {
      this.log?.error({ err: error }, "unreadable presence notice");
      return;
    }
    // This process heard its own notices as it sent them.
    if (notice.origin === this.origin) return;
    if ("kind" in notice) this.hearRelay(notice);
    else this.hear(notice);
  }

  /**
   * Records a notice and passes it on to the workspace's sockets here. The state sent is
   * the user's over all their sockets: closing one of two tabs does not make them leave.
   */
  private hear(notice: PresenceNotice, sender?: WebSocket): void {
    const { state } = this.board.record(notice, Date.now());
    const { userId, userName, conversationId, at, workspaceId } = notice;
    for (const listener of this.listeners) listener.presence({ workspaceId, conversationId, userName, state });
    const peers = this.byWorkspace.get(workspaceId);
    if (!peers) return;
    const frame = encode({ type: "presence", userId, userName, conversationId, state, at });
    for (const socket of peers) if (socket !== sender) sendFrame(socket, frame);
  }

  private sweepPresence(): void {
    const now = Date.now();
    const at = new Date(now).toISOString();
    for (const { workspaceId, conversationId, userId, userName } of this.board.sweep(now)) {
      for (const listener of this.listeners) listener.presence({ workspaceId, conversationId, userName, state: "left" });
      const peers = this.byWorkspace.get(workspaceId);
      if (!peers) continue;
      const frame = encode({ type: "presence", userId, userName, conversationId, state: "left", at });
      for (const socket of peers) sendFrame(socket, frame);
    }
    for (const [workspaceId, origins] of this.remoteAgents) {
      for (const [origin, heardAt] of origins) if (now - heardAt >= AGENTS_ONLINE_TTL_MS) origins.delete(origin);
      if (origins.size === 0) this.remoteAgents.delete(workspaceId);
    }
    if (!this.publisher) return;
    for (const workspaceId of this.byWorkspace.keys()) {
      if (this.localAgents(workspaceId)) this.publisher.publish({ kind: "agents.online", origin: this.origin, workspaceId });
    }
  }

  private deliver(text: string): void {
    let notice: EventNotice;
    try {
      notice = JSON.parse(text) as EventNotice;
    } catch (error) {
      this.log?.error({ err: error }, "unreadable event notice");
      return;
    }
    for (const listener of this.listeners) listener.event(notice);
    const peers = this.byWorkspace.get(notice.workspaceId);
    if (!peers) return;
    const frame = eventFrame(notice);
    const ended = accessEnded(notice);
    for (const socket of peers) {
      if (ended?.(this.actorOf.get(socket)!)) socket.close(CLOSE_SIGNED_OUT, "Your sign-in ended; sign in again");
      else sendFrame(socket, frame);
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
    const rest = this.unlisten;
    this.unlisten = undefined;
    // Closes the subscription that survived, so both come back together.
    void rest?.().catch(() => undefined);
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
    for (const socket of this.actorOf.keys()) sendFrame(socket, RESYNC);
    for (const listener of this.listeners) listener.resync();
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
