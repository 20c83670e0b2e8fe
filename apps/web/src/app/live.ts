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
      return [keys.conversations, ["conversation", event.subjectId], ["customer"]];
    case "customer":
      return [keys.customer(event.subjectId), keys.conversations];
    case "user":
      return [keys.users];
    case "team":
      return [keys.teams];
    case "view":
      return [keys.views, keys.counts];
    case "notification":
      return [keys.notifications];
    default:
      return [];
  }
}

/** Invalidates at most once per frame: a burst of fifty events costs one refetch of each list shown. */
function batchedInvalidator(queryClient: QueryClient) {
  const pending = new Map<string, QueryKey>();
  let scheduled = false;
  return (queryKeys: QueryKey[]) => {
    for (const key of queryKeys) pending.set(JSON.stringify(key), key);
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      const batch = [...pending.values()];
      pending.clear();
      for (const queryKey of batch) void queryClient.invalidateQueries({ queryKey });
    });
  };
}

/** Keeps the query cache in step with the realtime socket; mounted once, in the signed-in shell. */
export function useLiveUpdates(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const invalidate = batchedInvalidator(queryClient);
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
