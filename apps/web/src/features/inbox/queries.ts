import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { ConversationFilters } from "../../api/types";
import { keys } from "../../app/live";

// Shared keys hold the API's own answer, untouched, so every feature reading them agrees on the shape.

export function useCounts() {
  return useQuery({ queryKey: keys.counts, queryFn: ({ signal }) => unwrap(api.GET("/api/v1/conversations/counts", { signal })) });
}

export function useSavedViews() {
  return useQuery({ queryKey: keys.views, queryFn: ({ signal }) => unwrap(api.GET("/api/v1/views", { signal })), staleTime: 5 * 60_000 });
}

/** The most the API gives per page; fewer round trips when scrolling through thousands. */
const PAGE_SIZE = 100;

export function useConversationList(filters: ConversationFilters | undefined) {
  return useInfiniteQuery({
    queryKey: keys.conversationList(filters ?? {}),
    queryFn: ({ pageParam, signal }) => unwrap(api.GET("/api/v1/conversations", { params: { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: filters !== undefined,
  });
}
