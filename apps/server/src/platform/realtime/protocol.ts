import type { RawData } from "ws";
import type { EventNotice } from "../events.ts";

export const PRESENCE_STATES = ["viewing", "typing", "left"] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];

/** Someone in a conversation, as a snapshot lists them. */
export interface Viewer {
  userId: string;
  userName: string;
  state: Exclude<PresenceState, "left">;
  at: string;
}

/** The realtime socket's messages, as JSON text frames. docs/realtime.md describes them for clients. */
export type ServerMessage =
  | { type: "hello"; workspaceId: string; userId: string }
  | { type: "event"; event: Omit<EventNotice, "workspaceId"> }
  | { type: "presence"; userId: string; userName: string; conversationId: string; state: PresenceState; at: string }
  | { type: "presence.snapshot"; conversationId: string; viewers: Viewer[] }
  | { type: "visitor.typing"; conversationId: string; typing: boolean }
  | { type: "resync" }
  | { type: "pong" }
  | { type: "error"; code: "invalid_message" | "unknown_type" | "rate_limited"; message: string };

export type ErrorMessage = Extract<ServerMessage, { type: "error" }>;

export type ClientMessage =
  | { type: "ping" }
  | { type: "presence"; conversationId: string; state: PresenceState }
  | { type: "presence.query"; conversationId: string };

export const CLOSE_GOING_AWAY = 1001;
/** The client fell too far behind reading; it should reconnect and resync. */
export const CLOSE_TRY_AGAIN_LATER = 1013;
/** The credentials the socket opened with no longer hold (signed out, token revoked, person deactivated or role changed). */
export const CLOSE_SIGNED_OUT = 4401;

export const encode = (message: ServerMessage): string => JSON.stringify(message);

export const RESYNC = encode({ type: "resync" });
export const PONG = encode({ type: "pong" });

export function eventFrame(notice: EventNotice): string {
  const { id, type, subjectType, subjectId, payload } = notice;
  return encode({ type: "event", event: { id, type, subjectType, subjectId, payload } });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const invalid = (message: string): ErrorMessage => ({ type: "error", code: "invalid_message", message });

/** A client frame, or the error frame that answers it. Nothing a client sends can throw. */
export function readFrame(data: RawData, isBinary: boolean): ClientMessage | ErrorMessage {
  if (isBinary) return invalid("Send JSON in text frames.");
  let message: unknown;
  try {
    message = JSON.parse(data.toString());
  } catch {
    return invalid("The frame is not valid JSON.");
  }
  if (typeof message !== "object" || message === null || typeof (message as { type?: unknown }).type !== "string") {
    return invalid("Send a JSON object with a string \"type\".");
  }
  const { type, conversationId, state } = message as { type: string; conversationId?: unknown; state?: unknown };
  if (type === "ping") return { type: "ping" };
  if (type !== "presence" && type !== "presence.query") {
    return { type: "error", code: "unknown_type", message: `Unknown message type ${JSON.stringify(type.slice(0, 100))}; send "ping", "presence" or "presence.query".` };
  }
  if (typeof conversationId !== "string" || !UUID.test(conversationId)) return invalid(`A "${type}" frame needs "conversationId", a conversation's id (UUID).`);
  // Lower case, so one conversation is one key whichever way a client spells its id.
  const id = conversationId.toLowerCase();
  if (type === "presence.query") return { type, conversationId: id };
  if (!PRESENCE_STATES.includes(state as PresenceState)) return invalid(`A "presence" frame needs "state": one of ${PRESENCE_STATES.map((s) => `"${s}"`).join(", ")}.`);
  return { type, conversationId: id, state: state as PresenceState };
}
