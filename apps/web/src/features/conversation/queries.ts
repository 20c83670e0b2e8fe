import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { Conversation, Message, MessagePage, TimelineEvent } from "../../api/types";
import { keys } from "../../app/live";

/** Shared keys hold the API's own answer, untouched, so every feature reading them agrees on the shape. */
export function useConversation(id: string) {
  return useQuery({ queryKey: keys.conversation(id), queryFn: () => unwrap(api.GET("/api/v1/conversations/{id}", { params: { path: { id } } })) });
}

const PAGE = 100;
/** A safety stop for runaway timelines, far beyond what an agent reads. */
const MAX_PAGES = 50;
/** Messages per page of the timeline; "Load earlier messages" asks for the next. */
export const MESSAGE_PAGE = 50;

/** The cached pages, newest first, as the timeline reads them: oldest first, each message once. */
function oldestFirst(data: InfiniteData<MessagePage, string | undefined>): Message[] {
  const seen = new Set<string>();
  const items: Message[] = [];
  for (const page of data.pages) {
    for (const message of page.items) {
      if (seen.has(message.id)) continue;
      seen.add(message.id);
      items.push(message);
    }
  }
  return items.reverse();
}

/**
 * The newest messages first, a page at a time, so opening a long thread costs one request. A live update
 * refetches the loaded pages from the newest one, each cursor taken from the fresh page before it.
 */
export function useMessages(id: string) {
  return useInfiniteQuery({
    queryKey: keys.messages(id),
    queryFn: ({ pageParam, signal }) =>
      unwrap(api.GET("/api/v1/conversations/{id}/messages", { params: { path: { id }, query: { order: "newest", limit: MESSAGE_PAGE, cursor: pageParam } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    select: oldestFirst,
  });
}

/** Puts a message just sent at the newest end of the cached pages, before the live update refetches them. */
export function addSentMessage(data: InfiniteData<MessagePage, string | undefined> | undefined, message: Message) {
  if (!data || data.pages.some((page) => page.items.some((item) => item.id === message.id))) return data;
  const [newest, ...older] = data.pages;
  if (!newest) return data;
  return { ...data, pages: [{ ...newest, items: [message, ...newest.items] }, ...older] };
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
