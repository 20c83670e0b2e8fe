import { useCallback, useEffect, useRef, useState } from "react";
import { realtime, type ServerFrame } from "../../api/realtime";
import { useConnectionState, useRealtimeFrames } from "../../app/live";

export interface Viewer {
  userId: string;
  userName: string;
  state: "viewing" | "typing";
  /** When the server last heard from them. */
  at: number;
  /** When they last typed here, kept after the indicator fades: they may still hold a draft. */
  typedAt: number | null;
}

const REFRESH_MS = 10_000;
/** The server counts typing not refreshed for 10 s as viewing; the indicator fades on the same clock. */
const TYPING_FADES_MS = 10_000;
const TYPING_SEND_MS = 2_000;
const STOPPED_TYPING_MS = 4_000;

interface PresenceFrame {
  type: "presence";
  userId: string;
  userName: string;
  conversationId: string;
  state: "viewing" | "typing" | "left";
  at: string;
}

interface SnapshotFrame {
  type: "presence.snapshot";
  conversationId: string;
  viewers: { userId: string; userName: string; state: "viewing" | "typing"; at: string }[];
}

const isState = (value: unknown): value is "viewing" | "typing" => value === "viewing" || value === "typing";

/** Frames come off the wire: anything not shaped as docs/realtime.md says is ignored rather than trusted. */
function asPresence(frame: ServerFrame): PresenceFrame | null {
  const { userId, userName, conversationId, state } = frame as Record<string, unknown>;
  if (typeof userId !== "string" || typeof userName !== "string" || typeof conversationId !== "string") return null;
  if (!isState(state) && state !== "left") return null;
  return { type: "presence", userId, userName, conversationId, state, at: String((frame as Record<string, unknown>).at ?? "") };
}

function asSnapshot(frame: ServerFrame): SnapshotFrame | null {
  const { conversationId, viewers } = frame as Record<string, unknown>;
  if (typeof conversationId !== "string" || !Array.isArray(viewers)) return null;
  const valid = viewers.filter(
    (viewer): viewer is SnapshotFrame["viewers"][number] =>
      typeof viewer === "object" && viewer !== null && typeof viewer.userId === "string" && typeof viewer.userName === "string" && isState(viewer.state),
  );
  return { type: "presence.snapshot", conversationId, viewers: valid };
}

/**
 * Says this agent is in the conversation (and typing), and tracks who else is, as docs/realtime.md describes.
 * The agent's own other tabs are left out: they are not a collision.
 */
export function usePresence(conversationId: string, selfId: string) {
  const [viewers, setViewers] = useState<Map<string, Viewer>>(() => new Map());
  const typing = useRef({ lastSent: 0, stopTimer: undefined as ReturnType<typeof setTimeout> | undefined, active: false });
  const connection = useConnectionState();

  useEffect(() => {
    setViewers(new Map());
    const state = typing.current;
    const announce = () => {
      realtime.send({ type: "presence", conversationId, state: state.active ? "typing" : "viewing" });
    };
    if (connection === "open") {
      announce();
      realtime.send({ type: "presence.query", conversationId });
    }
    const refresh = setInterval(announce, REFRESH_MS);
    return () => {
      clearInterval(refresh);
      clearTimeout(state.stopTimer);
      state.active = false;
      realtime.send({ type: "presence", conversationId, state: "left" });
    };
  }, [conversationId, connection]);

  useRealtimeFrames(["presence", "presence.snapshot"], (frame) => {
    if (frame.type === "presence.snapshot") {
      const snapshot = asSnapshot(frame);
      if (!snapshot || snapshot.conversationId !== conversationId) return;
      setViewers((previous) => {
        const next = new Map<string, Viewer>();
        for (const viewer of snapshot.viewers) {
          if (viewer.userId === selfId) continue;
          const known = previous.get(viewer.userId);
          const at = Date.parse(viewer.at) || Date.now();
          next.set(viewer.userId, { userId: viewer.userId, userName: viewer.userName, state: viewer.state, at, typedAt: viewer.state === "typing" ? Date.now() : (known?.typedAt ?? null) });
        }
        return next;
      });
      return;
    }
    const presence = asPresence(frame);
    if (!presence || presence.conversationId !== conversationId || presence.userId === selfId) return;
    setViewers((previous) => {
      const next = new Map(previous);
      if (presence.state === "left") {
        next.delete(presence.userId);
      } else {
        const known = previous.get(presence.userId);
        next.set(presence.userId, {
          userId: presence.userId,
          userName: presence.userName,
          state: presence.state,
          at: Date.now(),
          typedAt: presence.state === "typing" ? Date.now() : (known?.typedAt ?? null),
        });
      }
      return next;
    });
  });

  // A typing indicator whose refreshes stopped fades to viewing, as the server's snapshots would say.
  useEffect(() => {
    const timer = setInterval(() => {
      setViewers((previous) => {
        const now = Date.now();
        let changed = false;
        const next = new Map(previous);
        for (const viewer of previous.values()) {
          if (viewer.state === "typing" && now - viewer.at > TYPING_FADES_MS) {
            next.set(viewer.userId, { ...viewer, state: "viewing" });
            changed = true;
          }
        }
        return changed ? next : previous;
      });
    }, 2_000);
    return () => clearInterval(timer);
  }, []);

  /** Call on every change in the composer; frames go out at most every two seconds. */
  const noteTyping = useCallback(() => {
    const state = typing.current;
    const now = Date.now();
    if (!state.active || now - state.lastSent > TYPING_SEND_MS) {
      state.active = true;
      state.lastSent = now;
      realtime.send({ type: "presence", conversationId, state: "typing" });
    }
    clearTimeout(state.stopTimer);
    state.stopTimer = setTimeout(() => {
      state.active = false;
      realtime.send({ type: "presence", conversationId, state: "viewing" });
    }, STOPPED_TYPING_MS);
  }, [conversationId]);

  return { viewers: [...viewers.values()], noteTyping };
}
