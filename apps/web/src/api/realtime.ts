/** A domain event pushed by the server, as docs/realtime.md describes. */
export interface RealtimeEvent {
  id: number;
  type: string;
  subjectType: string;
  subjectId: string;
  payload: Record<string, unknown>;
}

/** Every frame the server sends; frames of types this app does not know are passed on untouched. */
export type ServerFrame =
  | { type: "hello"; workspaceId: string; userId: string }
  | { type: "event"; event: RealtimeEvent }
  | { type: "resync" }
  | { type: "pong" }
  | { type: "error"; code: string; message: string }
  | { type: string; [key: string]: unknown };

export type ConnectionState = "connecting" | "open" | "closed" | "signed-out";

type Listener = (frame: ServerFrame) => void;
type StateListener = (state: ConnectionState) => void;

const SIGNED_OUT = 4401;
const MAX_BACKOFF_MS = 30_000;

/**
 * The one socket a signed-in tab keeps to /api/v1/realtime. It reconnects with backoff and jitter, and after
 * every (re)connection tells its listeners to resync, since events sent while it was away are not replayed.
 */
export class RealtimeConnection {
  private socket: WebSocket | undefined;
  private listeners = new Set<Listener>();
  private stateListeners = new Set<StateListener>();
  private attempts = 0;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private stopped = true;
  state: ConnectionState = "closed";

  start(): void {
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retry);
    this.socket?.close(1000);
    this.socket = undefined;
    this.setState("closed");
  }

  /** Sends a frame if the socket is open; presence and typing are worth nothing late, so nothing is queued. */
  send(frame: Record<string, unknown>): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onState(listener: StateListener): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  private open(): void {
    const url = new URL("/api/v1/realtime", window.location.href);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    const socket = new WebSocket(url);
    this.socket = socket;
    this.setState("connecting");
    socket.addEventListener("open", () => {
      this.attempts = 0;
      this.setState("open");
      this.emit({ type: "resync" });
    });
    socket.addEventListener("message", (message) => {
      if (typeof message.data !== "string") return;
      try {
        this.emit(JSON.parse(message.data) as ServerFrame);
      } catch {
        // A frame we cannot read is dropped; the next resync repairs anything it carried.
      }
    });
    socket.addEventListener("close", (event) => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      if (event.code === SIGNED_OUT) {
        this.setState("signed-out");
        return;
      }
      if (this.stopped) return;
      this.setState("closed");
      const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.attempts) * (0.5 + Math.random() / 2);
      this.attempts += 1;
      this.retry = setTimeout(() => this.open(), delay);
    });
  }

  private emit(frame: ServerFrame): void {
    for (const listener of this.listeners) listener(frame);
  }

  private setState(state: ConnectionState): void {
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }
}

export const realtime = new RealtimeConnection();
