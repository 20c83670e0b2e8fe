import type { RawData } from "ws";
import type { EventNotice } from "../events.ts";

/** The realtime socket's messages, as JSON text frames. docs/realtime.md describes them for clients. */
export type ServerMessage =
  | { type: "hello"; workspaceId: string; userId: string }
  | { type: "event"; event: Omit<EventNotice, "workspaceId"> }
  | { type: "resync" }
  | { type: "pong" }
  | { type: "error"; code: "invalid_message" | "unknown_type"; message: string };

export const CLOSE_GOING_AWAY = 1001;
/** The client fell too far behind reading; it should reconnect and resync. */
export const CLOSE_TRY_AGAIN_LATER = 1013;
/** The credentials the socket opened with no longer hold (signed out, token revoked, person deactivated or role changed). */
export const CLOSE_SIGNED_OUT = 4401;

export const encode = (message: ServerMessage): string => JSON.stringify(message);

export const RESYNC = encode({ type: "resync" });

export function eventFrame(notice: EventNotice): string {
  const { id, type, subjectType, subjectId, payload } = notice;
  return encode({ type: "event", event: { id, type, subjectType, subjectId, payload } });
}

/** The answer to one client frame. Nothing a client sends can throw. */
export function answer(data: RawData, isBinary: boolean): ServerMessage {
  if (isBinary) return { type: "error", code: "invalid_message", message: "Send JSON in text frames." };
  let message: unknown;
  try {
    message = JSON.parse(data.toString());
  } catch {
    return { type: "error", code: "invalid_message", message: "The frame is not valid JSON." };
  }
  if (typeof message !== "object" || message === null || typeof (message as { type?: unknown }).type !== "string") {
    return { type: "error", code: "invalid_message", message: "Send a JSON object with a string \"type\"." };
  }
  const { type } = message as { type: string };
  if (type === "ping") return { type: "pong" };
  return { type: "error", code: "unknown_type", message: `Unknown message type ${JSON.stringify(type.slice(0, 100))}; the only one is "ping".` };
}
