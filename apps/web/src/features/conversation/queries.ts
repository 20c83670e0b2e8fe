import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { Conversation, Message, TimelineEvent } from "../../api/types";
import { keys } from "../../app/live";

/** Shared keys hold the API's own answer, untouched, so every feature reading them agrees on the shape. */
export function useConversation(id: string) {
  return useQuery({ queryKey: keys.conversation(id), queryFn: () => unwrap(api.GET("/api/v1/conversations/{id}", { params: { path: { id } } })) });
}

export function useUsers() {
  return useQuery({ queryKey: keys.users, queryFn: () => unwrap(api.GET("/api/v1/users")), staleTime: 5 * 60_000 });
}

export function useTeams() {
  return useQuery({ queryKey: keys.teams, queryFn: () => unwrap(api.GET("/api/v1/teams")), staleTime: 5 * 60_000 });
}

export function useTags() {
  return useQuery({ queryKey: keys.tags, queryFn: () => unwrap(api.GET("/api/v1/tags")), staleTime: 60_000 });
}

const PAGE = 100;
/** A safety stop for runaway threads, far beyond what an agent reads. */
const MAX_PAGES = 50;

/**
 * The API lists messages oldest first with a forward cursor only, so the newest ones are reached by reading the
 * pages in order. The timeline then renders only the newest of them, which keeps long threads fast to draw.
 */
export function useMessages(id: string) {
  return useQuery({
    queryKey: keys.messages(id),
    queryFn: async ({ signal }) => {
      const items: Message[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const answer = await unwrap(api.GET("/api/v1/conversations/{id}/messages", { params: { path: { id }, query: { limit: PAGE, cursor } }, signal }));
        items.push(...answer.items);
        if (!answer.nextCursor) break;
        cursor = answer.nextCursor;
      }
      return items;
    },
  });
}

export function useEvents(id: string) {
  return useQuery({
    queryKey: keys.events(id),
    queryFn: async ({ signal }) => {
      const items: TimelineEvent[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const answer = await unwrap(api.GET("/api/v1/conversations/{id}/events", { params: { path: { id }, query: { limit: PAGE, cursor } }, signal }));
        items.push(...answer.items);
        if (!answer.nextCursor) break;
        cursor = answer.nextCursor;
      }
      return items;
    },
  });
}

/** Puts a changed conversation in the cache at once; lists and the timeline catch up through invalidation. */
export function useConversationUpdate<Variables>(id: string, change: (variables: Variables) => Promise<Conversation>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (conversation) => {
      queryClient.setQueryData(keys.conversation(id), conversation);
      void queryClient.invalidateQueries({ queryKey: keys.conversations });
      void queryClient.invalidateQueries({ queryKey: keys.events(id) });
    },
  });
}
