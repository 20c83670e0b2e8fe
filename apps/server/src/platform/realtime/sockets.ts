import { WebSocket } from "ws";
import { CLOSE_TRY_AGAIN_LATER } from "./protocol.ts";

/** A socket with this much unsent data is not keeping up; holding more for it would let one client grow the heap. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/** Sends a text frame to an open socket; one too far behind reading is closed instead, to reconnect and catch up. */
export function sendFrame(socket: WebSocket, frame: string): void {
  if (socket.readyState !== WebSocket.OPEN) return;
  if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
    socket.close(CLOSE_TRY_AGAIN_LATER, "Too far behind; reconnect and catch up");
    return;
  }
  socket.send(frame);
}

/** How many frames a client may send: bursts of `burst`, refilled at `perSecond`. */
export class TokenBucket {
  private tokens: number;
  private refilledAt = Date.now();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
  ) {
    this.tokens = burst;
  }

  /** Takes one token; false when there is none left. */
  take(now = Date.now()): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.perSecond);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
