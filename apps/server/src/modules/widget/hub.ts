import type { FastifyBaseLogger } from "fastify";
import { WebSocket, type RawData } from "ws";
import type { Database } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import type { EventNotice } from "../../platform/events.ts";
import type { HeardPresence, RealtimeHub, RealtimeListener } from "../../platform/realtime/hub.ts";
import { sendFrame, TokenBucket } from "../../platform/realtime/sockets.ts";
import { readClientFrame } from "./frames.ts";
import { presentWidgetMessage } from "./presenters.ts";
import { WIDGET_CLOSE, type WidgetClientFrame, type WidgetServerFrame } from "./protocol.ts";
import {
  agentReadSeq,
  currentConversationId,
  latestSeq,
  recordVisitorPage,
  recordVisitorRead,
  sendVisitorMessage,
  touchVisitors,
  visibleMessage,
  visitorIdsOfCustomer,
  visibleMessagesAfter,
  type Visitor,
  type VisibleMessage,
} from "./service.ts";

/** Frames one socket may send in a burst, refilled per second: room for a burst of 50 messages and the syncs around them. */
const FRAME_BURST = 200;
const FRAME_REFILL_PER_S = 20;
/** Messages one visitor may send in a burst (all tabs, both transports, on this process), refilled per second. */
const SEND_BURST = 100;
const SEND_REFILL_PER_S = 2;
/** Repeated "typing" from one visitor goes to agents at most this often. */
const TYPING_RELAY_MS = 2_000;
/** An agent viewing a conversation marks it read at most this often. */
const AGENT_READ_MS = 2_000;
/** Visitors pinged and marked seen at a time by the heartbeat. */
const BEAT_SLICE = 200;
/** A long poll answers at once when something came, after waiting this long for more to go with it. */
const POLL_GATHER_MS = 20;

/** One way of reaching a visitor: an open socket, or a long poll waiting for something to say. */
abstract class Link {
  conversationId: string | null = null;
  typingRelayedAt = 0;
  /** Frames handled one at a time, in the order they came: resent messages are stored in their original order. */
  queue: Promise<void> = Promise.resolve();

  constructor(public visitor: Visitor) {}

  /** Whether a pushed message with this seq is news to this link. */
  abstract wants(seq: number): boolean;
  abstract deliver(frame: WidgetServerFrame, text?: string): void;
  /** Records that everything up to seq has reached the client. */
  abstract delivered(seq: number): void;
}

class SocketLink extends Link {
  private lastSeq = 0;
  readonly frames = new TokenBucket(FRAME_BURST, FRAME_REFILL_PER_S);

  constructor(
    visitor: Visitor,
    readonly socket: WebSocket,
  ) {
    super(visitor);
  }

  wants(seq: number): boolean {
    return seq > this.lastSeq;
  }

  delivered(seq: number): void {
    this.lastSeq = Math.max(this.lastSeq, seq);
  }

  deliver(frame: WidgetServerFrame, text = JSON.stringify(frame)): void {
    sendFrame(this.socket, text);
  }
}

/** Collects what comes for a long poll; messages may arrive out of order from the catch-up and from pushes, so it sorts them. */
class PollLink extends Link {
  private readonly frames: WidgetServerFrame[] = [];
  private readonly seen = new Set<number>();
  private wake: (() => void) | undefined;
  private gathering: NodeJS.Timeout | undefined;

  wants(seq: number): boolean {
    return !this.seen.has(seq);
  }

  delivered(seq: number): void {
    this.seen.add(seq);
  }

  deliver(frame: WidgetServerFrame): void {
    this.frames.push(frame);
    this.gathering ??= setTimeout(() => this.wake?.(), POLL_GATHER_MS);
  }

  async wait(timeoutMs: number, stopped: Promise<void>): Promise<WidgetServerFrame[]> {
    if (this.frames.length === 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([new Promise<void>((resolve) => ((this.wake = resolve), (timer = setTimeout(resolve, timeoutMs)))), stopped]);
      clearTimeout(timer);
    }
    clearTimeout(this.gathering);
    const seqOf = (frame: WidgetServerFrame) => (frame.type === "message" ? frame.message.seq : 0);
    return this.frames.sort((a, b) => seqOf(a) - seqOf(b));
  }
}

/** Answers collected for one request of the fallback transport. */
class ReplyLink extends Link {
  readonly frames: WidgetServerFrame[] = [];
  wants = () => true;
  delivered(): void {}
  deliver(frame: WidgetServerFrame): void {
    this.frames.push(frame);
  }
}

export interface WidgetHubOptions {
  publicUrl: string;
  heartbeatMs?: number;
}

/**
 * The chat widget's side of realtime: holds the visitors' sockets and long polls on this process, handles what
 * they send, and pushes to them what the realtime hub hears: agents' replies (from any process, through LISTEN),
 * typing and reads.
 */
export class WidgetHub implements RealtimeListener {
  private readonly byVisitor = new Map<string, Set<Link>>();
  private readonly byConversation = new Map<string, Set<Link>>();
  private readonly byCustomer = new Map<string, Set<Link>>();
  /** Links of visitors not yet anyone's customer, by workspace: their other tabs follow the chat their first message opens. */
  private readonly anonymous = new Map<string, Set<Link>>();
  private readonly sendBuckets = new Map<string, TokenBucket>();
  /** Pushes of one conversation go out in the order their events came, which is seq order. */
  private readonly chains = new Map<string, Promise<void>>();
  private readonly agentTyping = new Set<string>();
  private readonly agentRead = new Map<string, { seq: number; at: number }>();
  private readonly unanswered = new Set<WebSocket>();
  private readonly heartbeatMs: number;
  private heartbeat: NodeJS.Timeout | undefined;
  private log: FastifyBaseLogger | undefined;
  private stopping: () => void = () => undefined;
  private readonly stopped = new Promise<void>((resolve) => (this.stopping = resolve));
  private running = false;

  constructor(
    private readonly database: Database,
    private readonly realtime: RealtimeHub,
    private readonly options: WidgetHubOptions,
  ) {
    this.heartbeatMs = options.heartbeatMs ?? 30_000;
    realtime.follow(this);
  }

  start(log: FastifyBaseLogger): void {
    this.log = log.child({ subsystem: "widget" });
    this.running = true;
    this.heartbeat = setInterval(() => void this.beat(), this.heartbeatMs);
    this.heartbeat.unref();
  }

  /**
   * Closes every socket with 1001 (the widget reconnects, to another process if need be) and answers every poll,
   * before the server stops taking requests.
   */
  stop(): void {
    this.running = false;
    clearInterval(this.heartbeat);
    this.stopping();
    for (const links of this.byVisitor.values()) for (const link of links) if (link instanceof SocketLink) link.socket.close(1001, "Server is shutting down");
  }

  /** Whether the visitor has a socket or poll open on this process. */
  isConnected(visitorId: string): boolean {
    return this.byVisitor.has(visitorId);
  }

  agentsOnline(workspaceId: string): boolean {
    return this.realtime.agentsOnline(workspaceId);
  }

  /**
   * Takes a visitor's socket, whose token and origin were checked, and greets it. Listeners are attached at once,
   * so frames the widget sends right after opening wait behind the greeting instead of being lost.
   */
  connect(socket: WebSocket, visitor: Visitor): void {
    if (!this.running) {
      socket.close(1001, "Server is shutting down");
      return;
    }
    const link = new SocketLink(visitor, socket);
    this.attach(link, null);
    socket.on("message", (data: RawData, isBinary: boolean) => this.receive(link, data, isBinary));
    socket.on("pong", () => this.unanswered.delete(socket));
    socket.on("close", () => {
      this.unanswered.delete(socket);
      this.detach(link);
    });
    link.queue = this.greet(link);
  }

  private async greet(link: SocketLink): Promise<void> {
    const { visitor } = link;
    try {
      const conversationId = await currentConversationId(this.database.db, visitor);
      if (conversationId) this.follow(link, conversationId);
      link.deliver({ type: "ready", visitorId: visitor.id, conversationId, agentsOnline: this.agentsOnline(visitor.workspaceId) });
    } catch (error) {
      this.log?.error({ err: error }, "could not greet a chat visitor");
      link.socket.close(1011, "Could not open the chat; reconnect");
    }
  }

  private receive(link: SocketLink, data: RawData, isBinary: boolean): void {
    this.unanswered.delete(link.socket);
    if (!link.frames.take()) {
      link.socket.close(WIDGET_CLOSE.rateLimited, "Too many frames; wait a moment and reconnect");
      return;
    }
    const frame = isBinary ? ({ type: "error", code: "invalid_frame", message: "Send JSON in text frames." } as const) : readClientFrame(data.toString());
    if (frame.type === "error") {
      link.deliver(frame);
      return;
    }
    if (frame.type === "send" && !this.sendAllowed(link.visitor.id)) {
      link.socket.close(WIDGET_CLOSE.rateLimited, "Too many messages; wait a moment and reconnect");
      return;
    }
    link.queue = link.queue.then(() => this.handle(link, frame));
  }

  /** The fallback transport's POST: the frames handled in order, and what answers them. */
  async handleFrames(visitor: Visitor, frames: WidgetClientFrame[]): Promise<WidgetServerFrame[]> {
    const link = new ReplyLink(visitor);
    link.conversationId = await currentConversationId(this.database.db, visitor);
    for (const frame of frames) {
      if (frame.type === "send" && !this.sendAllowed(visitor.id)) throw new AppError("too_many_requests", "Too many messages; wait a moment and send the rest again.");
      await this.handle(link, frame);
    }
    return link.frames;
  }

  /** The fallback transport's long poll: what the visitor missed after `after`, or whatever comes within `timeoutMs`. */
  async poll(visitor: Visitor, after: number, timeoutMs: number): Promise<WidgetServerFrame[]> {
    const link = new PollLink(visitor);
    // Listening before looking: a message committed in between is pushed, not lost.
    this.attach(link, null);
    try {
      const conversationId = await currentConversationId(this.database.db, visitor);
      if (conversationId) {
        this.follow(link, conversationId);
        for (const message of await visibleMessagesAfter(this.database.db, visitor.workspaceId, conversationId, after)) this.deliverMessage(link, message);
      }
      return await link.wait(timeoutMs, this.stopped);
    } finally {
      this.detach(link);
    }
  }

  private sendAllowed(visitorId: string): boolean {
    let bucket = this.sendBuckets.get(visitorId);
    if (!bucket) this.sendBuckets.set(visitorId, (bucket = new TokenBucket(SEND_BURST, SEND_REFILL_PER_S)));
    return bucket.take();
  }

  private async handle(link: Link, frame: WidgetClientFrame): Promise<void> {
    try {
      await this.handleFrame(link, frame);
    } catch (error) {
      if (frame.type === "send" && error instanceof AppError && error.statusCode < 500) {
        link.deliver({ type: "rejected", clientId: frame.clientId, code: error.code, message: error.message });
        return;
      }
      this.log?.error({ err: error, frame: frame.type }, "could not handle a widget frame");
      // Not acknowledged: the widget resends it after its next sync.
      link.deliver({ type: "error", code: "internal_error", message: "That frame could not be handled; it was not stored. Try again." });
    }
  }

  private async handleFrame(link: Link, frame: WidgetClientFrame): Promise<void> {
    const db = this.database.db;
    const { visitor } = link;
    switch (frame.type) {
      case "ping":
        link.deliver({ type: "pong" });
        return;
      case "sync": {
        const conversationId = await currentConversationId(db, visitor);
        if (!conversationId) {
          link.deliver({ type: "synced", messages: [], agentReadSeq: 0 });
          return;
        }
        this.follow(link, conversationId);
        const found = await visibleMessagesAfter(db, visitor.workspaceId, conversationId, frame.after);
        const readSeq = Math.max(await agentReadSeq(db, visitor.workspaceId, conversationId), this.agentRead.get(conversationId)?.seq ?? 0);
        link.deliver({ type: "synced", messages: found.map((message) => presentWidgetMessage(message, this.options.publicUrl)), agentReadSeq: readSeq });
        for (const message of found) link.delivered(message.seq);
        return;
      }
      case "send": {
        const { message, customerId } = await sendVisitorMessage(db, visitor.id, visitor.workspaceId, frame);
        this.identify(visitor.id, customerId);
        this.follow(link, message.conversationId);
        link.deliver({ type: "ack", clientId: frame.clientId, messageId: message.id, seq: message.seq, conversationId: message.conversationId });
        return;
      }
      case "typing": {
        if (!link.conversationId) return;
        const now = Date.now();
        if (frame.typing && now - link.typingRelayedAt < TYPING_RELAY_MS) return;
        link.typingRelayedAt = frame.typing ? now : 0;
        this.realtime.relayVisitorTyping(visitor.workspaceId, link.conversationId, frame.typing);
        return;
      }
      case "read":
        if (link.conversationId) await recordVisitorRead(db, visitor, link.conversationId, frame.seq);
        return;
      case "page": {
        const updated = await recordVisitorPage(db, visitor, frame);
        // The row may know a customer this link has not heard of yet; the maps learn it first.
        if (updated.customerId) this.identify(updated.id, updated.customerId);
        link.visitor = { ...updated, customerId: link.visitor.customerId };
        return;
      }
    }
  }

  // -------------------------------------------------------------------------
  // Who is where

  private attach(link: Link, conversationId: string | null): void {
    add(this.byVisitor, link.visitor.id, link);
    if (link.visitor.customerId) add(this.byCustomer, link.visitor.customerId, link);
    else add(this.anonymous, link.visitor.workspaceId, link);
    if (conversationId) this.follow(link, conversationId);
  }

  private detach(link: Link): void {
    remove(this.byVisitor, link.visitor.id, link);
    if (link.visitor.customerId) remove(this.byCustomer, link.visitor.customerId, link);
    else remove(this.anonymous, link.visitor.workspaceId, link);
    if (link.conversationId) this.unfollow(link, link.conversationId);
    if (!this.byVisitor.has(link.visitor.id)) this.sendBuckets.delete(link.visitor.id);
  }

  /** What is remembered of a conversation goes with the last link that follows it. */
  private unfollow(link: Link, conversationId: string): void {
    remove(this.byConversation, conversationId, link);
    if (this.byConversation.has(conversationId)) return;
    this.agentTyping.delete(conversationId);
    this.agentRead.delete(conversationId);
  }

  /** Points a link at the conversation the visitor is in now. */
  private follow(link: Link, conversationId: string): void {
    if (link.conversationId === conversationId) return;
    // An answer to one fallback request is never attached: it only collects that request's replies.
    if (!this.byVisitor.get(link.visitor.id)?.has(link)) {
      link.conversationId = conversationId;
      return;
    }
    if (link.conversationId) this.unfollow(link, link.conversationId);
    link.conversationId = conversationId;
    add(this.byConversation, conversationId, link);
  }

  /** The visitor became a customer (their first message): their other tabs learn it too. */
  private identify(visitorId: string, customerId: string): void {
    for (const link of this.byVisitor.get(visitorId) ?? []) {
      if (link.visitor.customerId === customerId) continue;
      if (link.visitor.customerId) remove(this.byCustomer, link.visitor.customerId, link);
      else remove(this.anonymous, link.visitor.workspaceId, link);
      link.visitor = { ...link.visitor, customerId };
      add(this.byCustomer, customerId, link);
    }
  }

  // -------------------------------------------------------------------------
  // What the realtime hub hears

  event(notice: EventNotice): void {
    const { payload } = notice;
    switch (notice.type) {
      case "message.created":
        // A conversation with work queued may be gaining followers (a chat just opened).
        if (payload.kind !== "note" && (this.byConversation.has(notice.subjectId) || this.chains.has(notice.subjectId))) {
          this.push(notice.workspaceId, notice.subjectId, String(payload.messageId));
        }
        return;
      case "conversation.created":
        if (payload.channel === "chat") this.joinNewChat(notice.workspaceId, String(payload.customerId), notice.subjectId);
        return;
      case "conversation.merged":
        for (const link of [...(this.byConversation.get(notice.subjectId) ?? [])]) this.follow(link, String(payload.into));
        return;
    }
  }

  /**
   * A chat was opened: every tab and device of its customer held here follows it, those of a signed-in customer at
   * once, and the tabs of an anonymous visitor (who became the customer with that first message, perhaps on
   * another process) once the database says which visitors the customer is.
   */
  private joinNewChat(workspaceId: string, customerId: string, conversationId: string): void {
    for (const link of this.byCustomer.get(customerId) ?? []) this.follow(link, conversationId);
    if (!this.anonymous.has(workspaceId)) return;
    this.chain(conversationId, async () => {
      for (const visitorId of await visitorIdsOfCustomer(this.database.db, workspaceId, customerId)) {
        this.identify(visitorId, customerId);
        for (const link of this.byVisitor.get(visitorId) ?? []) this.follow(link, conversationId);
      }
    });
  }


  presence(heard: HeardPresence): void {
    const links = this.byConversation.get(heard.conversationId);
    if (!links) return;
    if (heard.state === "typing") {
      this.agentTyping.add(heard.conversationId);
      const frame: WidgetServerFrame = { type: "typing", typing: true, agentName: heard.userName || null };
      for (const link of links) link.deliver(frame);
    } else if (this.agentTyping.delete(heard.conversationId)) {
      const frame: WidgetServerFrame = { type: "typing", typing: false, agentName: heard.userName || null };
      for (const link of links) link.deliver(frame);
    }
    if (heard.state !== "left") void this.markAgentRead(heard.workspaceId, heard.conversationId);
  }

  /** An agent has the conversation open: they have read it to its end. */
  private async markAgentRead(workspaceId: string, conversationId: string): Promise<void> {
    const previous = this.agentRead.get(conversationId);
    const now = Date.now();
    if (previous && now - previous.at < AGENT_READ_MS) return;
    this.agentRead.set(conversationId, { seq: previous?.seq ?? 0, at: now });
    try {
      const seq = await latestSeq(this.database.db, workspaceId, conversationId);
      if (seq <= (previous?.seq ?? 0)) return;
      this.agentRead.set(conversationId, { seq, at: now });
      const frame: WidgetServerFrame = { type: "read", seq };
      for (const link of this.byConversation.get(conversationId) ?? []) link.deliver(frame);
    } catch (error) {
      this.log?.warn({ err: error }, "could not read a conversation's latest seq");
    }
  }

  /** Events may have been missed: every conversation held here catches up from what its links last got. */
  resync(): void {
    for (const [conversationId, links] of this.byConversation) {
      const [first] = links;
      if (!first) continue;
      this.chain(conversationId, async () => {
        const messages = await visibleMessagesAfter(this.database.db, first.visitor.workspaceId, conversationId, 0);
        for (const link of this.byConversation.get(conversationId) ?? []) for (const message of messages) this.deliverMessage(link, message);
      });
    }
  }

  private push(workspaceId: string, conversationId: string, messageId: string): void {
    this.chain(conversationId, async () => {
      const message = await visibleMessage(this.database.db, workspaceId, messageId);
      if (!message || message.conversationId !== conversationId) return;
      const frame: WidgetServerFrame = { type: "message", message: presentWidgetMessage(message, this.options.publicUrl) };
      const text = JSON.stringify(frame);
      for (const link of this.byConversation.get(conversationId) ?? []) {
        if (!link.wants(message.seq)) continue;
        link.delivered(message.seq);
        link.deliver(frame, text);
      }
    });
  }

  private deliverMessage(link: Link, message: VisibleMessage): void {
    if (!link.wants(message.seq)) return;
    link.delivered(message.seq);
    link.deliver({ type: "message", message: presentWidgetMessage(message, this.options.publicUrl) });
  }

  private chain(conversationId: string, work: () => Promise<void>): void {
    const next = (this.chains.get(conversationId) ?? Promise.resolve()).then(work).catch((error: unknown) => {
      // The visitor's next sync brings what this push could not.
      this.log?.warn({ err: error, conversationId }, "could not push a message to a chat visitor");
    });
    this.chains.set(conversationId, next);
    void next.then(() => {
      if (this.chains.get(conversationId) === next) this.chains.delete(conversationId);
    });
  }

  /**
   * Pings every socket and drops those that did not answer the last ping, then marks the visitors seen. The work
   * goes in slices with the event loop free between them: thousands of pings (each a write) or one update of
   * thousands of rows at once would hold up the messages being sent meanwhile.
   */
  private async beat(): Promise<void> {
    const visitorIds = [...this.byVisitor.keys()];
    for (let from = 0; from < visitorIds.length; from += BEAT_SLICE) {
      const slice = visitorIds.slice(from, from + BEAT_SLICE);
      for (const visitorId of slice) {
        for (const link of this.byVisitor.get(visitorId) ?? []) {
          if (!(link instanceof SocketLink)) continue;
          const { socket } = link;
          if (this.unanswered.has(socket)) {
            socket.terminate();
            continue;
          }
          if (socket.readyState !== WebSocket.OPEN) continue;
          this.unanswered.add(socket);
          socket.ping();
        }
      }
      try {
        await touchVisitors(this.database.db, slice);
      } catch (error) {
        this.log?.warn({ err: error }, "could not mark chat visitors as seen");
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

function add<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function remove<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  set?.delete(value);
  if (set?.size === 0) map.delete(key);
}
