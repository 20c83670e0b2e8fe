import { useEffect, useRef, useState } from "react";
import { useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { realtime, type ConnectionState, type RealtimeEvent, type ServerFrame } from "../api/realtime";
import { SESSION_KEY } from "./session";

/**
 * Query keys shared by the features, so a pushed event refreshes exactly what shows it:
 * lists and counts on any conversation change, the open conversation's parts on its own.
 */
export const keys = {
  conversations: ["conversations"] as const,
  conversationLists: ["conversations", "list"] as const,
  conversationList: (filters: object) => ["conversations", "list", filters] as const,
  counts: ["conversations", "counts"] as const,
  conversation: (id: string) => ["conversation", id] as const,
  messages: (id: string) => ["conversation", id, "messages"] as const,
  events: (id: string) => ["conversation", id, "events"] as const,
  customer: (id: string) => ["customer", id] as const,
  customerConversations: (id: string) => ["customer", id, "conversations"] as const,
  users: ["users"] as const,
  teams: ["teams"] as const,
  views: ["views"] as const,
  tags: ["tags"] as const,
  notifications: ["notifications"] as const,
};

function keysFor(event: RealtimeEvent): QueryKey[] {
  const [subject] = event.type.split(".");
  switch (subject) {
    case "conversation":
    case "message":
      return [keys.conversationLists, keys.counts, ["conversation", event.subjectId], ["customer"]];
    case "customer":
      return [keys.customer(event.subjectId), keys.conversationLists];
    case "user":
      return [keys.users];
    case "team":
      return [keys.teams];
    case "view":
      return [keys.views, keys.counts];
    case "notification":
      return [keys.notifications];
    case "tag":
      return [keys.tags, keys.conversationLists, keys.counts];
    default:
      return [];
  }
}

/**
 * How often a key may be refetched because of pushed events, in ms. The first event refreshes at once; a burst
 * after it is folded into one more refresh when the interval ends. Counts scan many rows, so every agent's
 * sidebar refreshing on every message of a busy workspace would cost more than it shows.
 */
function intervalFor(queryKey: QueryKey): number {
  if (JSON.stringify(queryKey) === JSON.stringify(keys.counts)) return 3000;
  if (JSON.stringify(queryKey) === JSON.stringify(keys.conversationLists)) return 1000;
  return 0;
}

function throttledInvalidator(queryClient: QueryClient) {
  const lastRun = new Map<string, number>();
  const waiting = new Set<string>();
  return (queryKeys: QueryKey[]) => {
    for (const queryKey of queryKeys) {
      const id = JSON.stringify(queryKey);
      if (waiting.has(id)) continue;
      waiting.add(id);
      const delay = Math.max(0, (lastRun.get(id) ?? 0) + intervalFor(queryKey) - Date.now());
      setTimeout(() => {
        // The next frame, so a burst of events that arrive together costs one refetch, and a hidden tab waits.
        requestAnimationFrame(() => {
          waiting.delete(id);
          lastRun.set(id, Date.now());
          void queryClient.invalidateQueries({ queryKey });
        });
      }, delay);
    }
  };
}

/** Keeps the query cache in step with the realtime socket; mounted once, in the signed-in shell. */
export function useLiveUpdates(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const invalidate = throttledInvalidator(queryClient);
    return realtime.subscribe((frame) => {
      if (frame.type === "resync") {
        void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
      } else if (frame.type === "event") {
        invalidate(keysFor((frame as { event: RealtimeEvent }).event));
      }
    });
  }, [queryClient]);
}

/** Calls `handler` for each frame of the given types (presence, typing…) while mounted. */
export function useRealtimeFrames(types: string[], handler: (frame: ServerFrame) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  const joined = types.join(",");
  useEffect(() => {
    const wanted = new Set(joined.split(","));
    return realtime.subscribe((frame) => {
      if (wanted.has(frame.type)) latest.current(frame);
    });
  }, [joined]);
}

export function useConnectionState(): ConnectionState {
  const [state, setState] = useState(realtime.state);
  useEffect(() => realtime.onState(setState), []);
  return state;
}
