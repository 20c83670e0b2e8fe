import { WIDGET_CLOSE, type WidgetClientFrame, type WidgetMessage, type WidgetServerFrame } from "../../../server/src/modules/widget/protocol.ts";
import { storageKey, store, type WidgetHost } from "../shared/host.ts";

export type Attachment = WidgetMessage["attachments"][number];

/** A message written here and not yet acknowledged; kept in local storage so a reload mid-send resends it. */
export interface OutboxItem {
  clientId: string;
  text: string;
  attachments: Attachment[];
  createdAt: string;
}

export type Status =
  /** No session yet: the pre-chat form is waiting. */
  | "new"
  | "connecting"
  | "online"
  /** The browser is offline or the server cannot be reached; sends wait in the outbox. */
  | "disconnected"
  /** The server refused this page's origin or the host's signature; nothing will change that from here. */
  | "refused"
  | "identityRefused"
  /** The server turned the session down for a reason it names in `problem`. */
  | "failed";

export interface SessionState {
  status: Status;
  messages: WidgetMessage[];
  outbox: OutboxItem[];
  /** Sends the server refused for good, with its reason. */
  rejected: { item: OutboxItem; reason: string }[];
  agentReadSeq: number;
  agentTyping: { name: string | null } | null;
  /** Someone can chat now: from the config at first, then from what agents do. */
  agentsOnline: boolean;
  unread: number;
  problem: string | null;
}

const PING_MS = 25_000;
const TYPING_IDLE_MS = 4_000;
const TYPING_REPEAT_MS = 3_000;
/** The most messages one `synced` carries; a full one means there is more to ask for. */
const SYNC_PAGE = 500;
const AGENT_TYPING_MS = 8_000;

/** A v4 UUID; `crypto.randomUUID` exists only in secure contexts and a host page may be plain http. */
function newId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The visitor's side of the conversation: the session, the transport (WebSocket, or frames + long poll where
 * WebSockets are blocked) and the delivery rules of protocol.ts. Messages are keyed by id and ordered by seq,
 * so a frame received twice, or from another tab, changes nothing.
 */
export class ChatSession {
  state: SessionState;
  private token: string | null;
  private readonly byId = new Map<string, WidgetMessage>();
  private socket: WebSocket | null = null;
  private ready = false;
  private fallback = false;
  private failedOpens = 0;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private agentTypingTimer: ReturnType<typeof setTimeout> | undefined;
  /** When "typing" was last sent, or 0 when "stopped" was. */
  private typingSentAt = 0;
  private posting: Promise<void> = Promise.resolve();
  /** Just after a send, keystrokes are the next message's: not worth a frame each time someone types fast. */
  private typingQuietUntil = 0;
  private readSeq: number;
  private readonly listeners = new Set<() => void>();
  private readonly channel: BroadcastChannel | null;

  constructor(private readonly host: WidgetHost) {
    this.token = store.get(this.key("token"));
    this.readSeq = Number(store.get(this.key("read"))) || 0;
    this.state = {
      status: "new",
      messages: [],
      outbox: this.readOutbox(),
      rejected: [],
      agentReadSeq: 0,
      agentTyping: null,
      agentsOnline: host.config.open,
      unread: 0,
      problem: null,
    };
    // Another tab's sends and acknowledgements: the outbox through storage events, messages over a channel.
    this.channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(this.key("outbox")) : null;
    if (this.channel) this.channel.onmessage = (event: MessageEvent<WidgetMessage>) => this.addMessages([event.data]);
    addEventListener("storage", (event) => {
      if (event.key === this.key("outbox")) this.update({ outbox: this.readOutbox() });
      // Another tab had to open a new session: follow it, or the two tabs would become two visitors.
      if (event.key === this.key("token") && event.newValue && event.newValue !== this.token) {
        this.token = event.newValue;
        this.socket?.close();
      }
      if (event.key === this.key("read")) {
        this.readSeq = Number(event.newValue) || 0;
        this.update({});
      }
    });
    addEventListener("online", () => this.reconnectNow());
    addEventListener("offline", () => this.socket?.close());
  }

  get hasSession(): boolean {
    return this.token !== null;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Opens or resumes the visitor's session, then connects. */
  async start(preChat?: Record<string, string>): Promise<void> {
    this.update({ status: "connecting" });
    for (;;) {
      try {
        const response = await fetch(this.url("/widget/v1/session"), {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            workspace: this.host.workspace,
            token: this.token ?? undefined,
            identity: this.host.identity,
            preChat,
            context: {
              url: location.href,
              title: document.title,
              referrer: document.referrer || undefined,
              userAgent: navigator.userAgent,
              language: navigator.language,
              timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
            },
          }),
        });
        if (response.status === 401) return this.update({ status: "identityRefused" });
        if (response.status === 403) return this.update({ status: "refused" });
        // Asking again will not change the answer to a request the server found wrong.
        if (response.status >= 400 && response.status < 500 && response.status !== 429) {
          const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
          return this.update({ status: "failed", problem: body?.error?.message ?? `HTTP ${response.status}` });
        }
        if (!response.ok) throw new Error(`session: ${response.status}`);
        const session = (await response.json()) as { token: string };
        this.token = session.token;
        store.set(this.key("token"), session.token);
        this.connect();
        return;
      } catch {
        this.update({ status: "disconnected" });
        await sleep(this.backoff());
      }
    }
  }

  send(text: string, attachments: Attachment[] = []): void {
    const item: OutboxItem = { clientId: newId(), text, attachments, createdAt: new Date().toISOString() };
    // Read, change, write: another tab may have changed the outbox since this one last read it.
    this.writeOutbox([...this.readOutbox(), item]);
    this.setTyping(false);
    this.typingQuietUntil = Date.now() + TYPING_IDLE_MS / 2;
    if (this.ready) this.transmit([this.sendFrame(item)]);
  }

  /** The visitor is typing; says so at most once per pause, and stops saying it after a pause. */
  setTyping(typing: boolean): void {
    clearTimeout(this.typingTimer);
    if (typing) this.typingTimer = setTimeout(() => this.setTyping(false), TYPING_IDLE_MS);
    const now = Date.now();
    if (!this.ready || (typing && now < this.typingQuietUntil)) return;
    // Still typing is said again now and then: the agent's indicator fades when it hears nothing.
    if (typing ? now - this.typingSentAt < TYPING_REPEAT_MS : !this.typingSentAt) return;
    this.typingSentAt = typing ? now : 0;
    this.transmit([{ type: "typing", typing }]);
  }

  /** The visitor has seen every message shown. */
  markRead(): void {
    const last = this.state.messages.at(-1);
    if (!last || last.seq <= this.readSeq) return;
    this.readSeq = last.seq;
    store.set(this.key("read"), String(last.seq));
    if (this.ready) this.transmit([{ type: "read", seq: last.seq }]);
    this.update({});
  }

  async leaveEmail(email: string): Promise<boolean> {
    const response = await fetch(this.url("/widget/v1/email"), { method: "POST", headers: this.headers(), body: JSON.stringify({ email }) });
    return response.ok;
  }

  /** Uploads one file, reporting progress (0–1); fetch cannot report upload progress, hence XMLHttpRequest. */
  upload(file: File, progress: (fraction: number) => void): Promise<Attachment> {
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open("POST", this.url("/widget/v1/attachments"));
      request.setRequestHeader("x-rapport-visitor", this.token ?? "");
      request.responseType = "json";
      request.upload.onprogress = (event) => event.lengthComputable && progress(event.loaded / event.total);
      request.onload = () => {
        const body = request.response as (Attachment & { error?: { message: string } }) | null;
        if (request.status >= 200 && request.status < 300 && body) resolve(body);
        else reject(new Error(body?.error?.message ?? `HTTP ${request.status}`));
      };
      request.onerror = () => reject(new Error("network"));
      const form = new FormData();
      form.append("file", file);
      request.send(form);
    });
  }

  /** A URL for an attachment this visitor may fetch. */
  attachmentUrl(attachment: Attachment): string {
    const url = new URL(attachment.url, this.host.origin);
    if (!url.searchParams.has("token") && this.token) url.searchParams.set("token", this.token);
    return url.href;
  }

  private connect(): void {
    clearTimeout(this.reconnectTimer);
    if (!this.token || this.socket) return;
    if (!navigator.onLine) return this.update({ status: "disconnected" });
    this.update({ status: "connecting" });
    if (this.fallback) {
      void this.runFallback();
      return;
    }
    const socket = new WebSocket(`${this.host.origin.replace(/^http/, "ws")}/widget/v1/socket?token=${encodeURIComponent(this.token)}`);
    let opened = false;
    this.socket = socket;
    socket.onopen = () => {
      opened = true;
      this.failedOpens = 0;
      this.sayHello();
      this.pingTimer = setInterval(() => this.transmit([{ type: "ping" }]), PING_MS);
    };
    socket.onmessage = (event: MessageEvent<string>) => this.receive(JSON.parse(event.data) as WidgetServerFrame);
    socket.onclose = (event) => {
      clearInterval(this.pingTimer);
      this.socket = null;
      this.ready = false;
      if (event.code === WIDGET_CLOSE.originRefused) return this.update({ status: "refused" });
      if (event.code === WIDGET_CLOSE.sessionEnded) {
        this.token = null;
        store.set(this.key("token"), null);
        void this.start();
        return;
      }
      // Offline, a failure to open says nothing about whether WebSockets are blocked.
      if (!opened && navigator.onLine) this.failedOpens += 1;
      if (this.failedOpens >= 2) this.fallback = true;
      this.update({ status: "disconnected" });
      this.reconnectTimer = setTimeout(() => this.connect(), this.backoff(event.code === WIDGET_CLOSE.rateLimited ? 10_000 : 0));
    };
  }

  private reconnectNow(): void {
    this.attempt = 0;
    if (!this.socket && !this.fallback) this.connect();
  }

  /** Exponential, with jitter so a server restart is not met by every widget at once. */
  private backoff(floor = 0): number {
    const delay = Math.min(30_000, 500 * 2 ** this.attempt);
    this.attempt += 1;
    return Math.max(floor, delay / 2 + Math.random() * (delay / 2));
  }

  private sayHello(): void {
    this.transmit([
      { type: "sync", after: this.lastSeq() },
      { type: "page", url: location.href, title: document.title },
    ]);
  }

  /** WebSockets blocked: what the client sends goes by POST, what it receives comes by long poll. */
  private async runFallback(): Promise<void> {
    while (this.token && this.fallback) {
      try {
        if (!this.ready) await this.post([{ type: "sync", after: this.lastSeq() }]);
        const after = this.lastSeq();
        const response = await fetch(this.url(`/widget/v1/poll?after=${after}`), { headers: this.headers() });
        if (response.status === 401) {
          this.token = null;
          store.set(this.key("token"), null);
          this.fallback = false;
          void this.start();
          return;
        }
        if (!response.ok) throw new Error(`poll: ${response.status}`);
        for (const frame of ((await response.json()) as { frames: WidgetServerFrame[] }).frames) this.receive(frame);
        this.attempt = 0;
      } catch {
        this.ready = false;
        this.update({ status: "disconnected" });
        await sleep(this.backoff());
      }
    }
  }

  private async post(frames: WidgetClientFrame[]): Promise<void> {
    const response = await fetch(this.url("/widget/v1/frames"), { method: "POST", headers: this.headers(), body: JSON.stringify({ frames }) });
    if (!response.ok) throw new Error(`frames: ${response.status}`);
    for (const frame of ((await response.json()) as { frames: WidgetServerFrame[] }).frames) this.receive(frame);
  }

  private transmit(frames: WidgetClientFrame[]): void {
    if (this.socket?.readyState === WebSocket.OPEN) {
      for (const frame of frames) this.socket.send(JSON.stringify(frame));
    } else if (this.fallback) {
      // One request at a time, so sends arrive in order. After a failure the rest wait for the next sync,
      // which resends the whole outbox in order.
      this.posting = this.posting
        .then(() => (this.ready || frames[0]?.type === "sync" ? this.post(frames) : undefined))
        .catch(() => {
          this.ready = false;
        });
    }
  }

  private receive(frame: WidgetServerFrame): void {
    switch (frame.type) {
      case "ready":
        // The config's answer also weighs business hours, which this frame does not: it can only close the chat.
        if (!frame.agentsOnline) this.update({ agentsOnline: false });
        this.followConversation(frame.conversationId);
        break;
      case "synced":
        this.addMessages(frame.messages);
        if (frame.messages.length >= SYNC_PAGE) {
          this.transmit([{ type: "sync", after: this.lastSeq() }]);
          break;
        }
        this.ready = true;
        this.attempt = 0;
        this.update({ status: "online", agentReadSeq: Math.max(this.state.agentReadSeq, frame.agentReadSeq) });
        // What was not acknowledged goes again, in the order it was written; the server keeps each clientId once.
        this.transmit(this.readOutbox().map((item) => this.sendFrame(item)));
        break;
      case "message":
        this.addMessages([frame.message]);
        if (frame.message.author === "agent") this.update({ agentsOnline: true });
        if (frame.message.author !== "visitor") this.showAgentTyping(null);
        break;
      case "ack":
        this.acknowledge(frame);
        break;
      case "rejected": {
        const item = this.readOutbox().find((candidate) => candidate.clientId === frame.clientId);
        this.writeOutbox(this.readOutbox().filter((candidate) => candidate.clientId !== frame.clientId));
        if (item) this.update({ rejected: [...this.state.rejected, { item, reason: frame.message }] });
        break;
      }
      // An agent typing or reading is someone here to chat, whatever was said when the page loaded.
      case "typing":
        this.update({ agentsOnline: true });
        this.showAgentTyping(frame.typing ? { name: frame.agentName } : null);
        break;
      case "read":
        this.update({ agentsOnline: true, agentReadSeq: Math.max(this.state.agentReadSeq, frame.seq) });
        break;
      case "error":
        console.warn(`Rapport chat: ${frame.message}`);
        break;
      case "pong":
        break;
    }
  }

  /**
   * A merge moves the visitor into another conversation: the messages held belong to the old one, so they are
   * dropped and the new one is synced from its start.
   */
  private followConversation(conversationId: string | null): void {
    const held = this.state.messages[0]?.conversationId;
    if (!conversationId || !held || held === conversationId) return;
    this.byId.clear();
    this.update({ messages: [] });
    this.transmit([{ type: "sync", after: 0 }]);
  }

  private acknowledge(ack: Extract<WidgetServerFrame, { type: "ack" }>): void {
    this.followConversation(ack.conversationId);
    const item = this.readOutbox().find((candidate) => candidate.clientId === ack.clientId) ?? this.state.outbox.find((candidate) => candidate.clientId === ack.clientId);
    this.writeOutbox(this.readOutbox().filter((candidate) => candidate.clientId !== ack.clientId));
    if (!item || this.byId.has(ack.messageId)) return this.update({});
    const message: WidgetMessage = {
      id: ack.messageId,
      seq: ack.seq,
      conversationId: ack.conversationId,
      clientId: item.clientId,
      author: "visitor",
      authorName: null,
      authorAvatarUrl: null,
      text: item.text,
      html: null,
      attachments: item.attachments,
      createdAt: item.createdAt,
    };
    this.addMessages([message]);
    this.channel?.postMessage(message);
  }

  private addMessages(messages: WidgetMessage[]): void {
    let changed = false;
    for (const message of messages) {
      if (this.byId.has(message.id)) continue;
      this.byId.set(message.id, message);
      changed = true;
    }
    if (!changed) return;
    const sorted = [...this.byId.values()].sort((a, b) => a.seq - b.seq);
    const delivered = new Set(sorted.map((message) => message.clientId));
    const outbox = this.state.outbox.filter((item) => !delivered.has(item.clientId));
    this.update({ messages: sorted, outbox });
  }

  private showAgentTyping(typing: { name: string | null } | null): void {
    clearTimeout(this.agentTypingTimer);
    // A lost "stopped typing" must not leave the indicator on for good.
    if (typing) this.agentTypingTimer = setTimeout(() => this.showAgentTyping(null), AGENT_TYPING_MS);
    this.update({ agentTyping: typing });
  }

  private lastSeq(): number {
    return this.state.messages.at(-1)?.seq ?? 0;
  }

  private sendFrame(item: OutboxItem): WidgetClientFrame {
    const attachmentIds = item.attachments.map((attachment) => attachment.id);
    return { type: "send", clientId: item.clientId, text: item.text, ...(attachmentIds.length ? { attachmentIds } : {}) };
  }

  private readOutbox(): OutboxItem[] {
    try {
      const items = JSON.parse(store.get(this.key("outbox")) ?? "[]") as unknown;
      return Array.isArray(items) ? (items as OutboxItem[]) : [];
    } catch {
      return [];
    }
  }

  private writeOutbox(outbox: OutboxItem[]): void {
    store.set(this.key("outbox"), outbox.length ? JSON.stringify(outbox) : null);
    this.update({ outbox });
  }

  private update(change: Partial<SessionState>): void {
    const next = { ...this.state, ...change };
    next.unread = next.messages.filter((message) => message.author !== "visitor" && message.seq > this.readSeq).length;
    this.state = next;
    this.host.setUnread(next.unread);
    for (const listener of this.listeners) listener();
  }

  private key(name: "token" | "outbox" | "read"): string {
    return storageKey(this.host.workspace, name);
  }

  private url(path: string): string {
    return `${this.host.origin}${path}`;
  }

  private headers(): Record<string, string> {
    return { "content-type": "application/json", "x-rapport-visitor": this.token ?? "" };
  }
}
