import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { Center, Loader } from "@mantine/core";
import type { Conversation, Person } from "../../api/types";
import { useShortcut } from "../../app/shortcuts";
import { ConversationRow, ROW_HEIGHT } from "./ConversationRow";

/** Start fetching the next page this many rows before the end, so a steady scroll never waits. */
const PREFETCH_ROWS = 40;

interface ListProps {
  conversations: Conversation[];
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  openId: string | undefined;
  hrefFor: (id: string) => string;
  onOpen: (id: string) => void;
  selected: ReadonlySet<string>;
  onToggle: (id: string, index: number, range: boolean) => void;
  users: ReadonlyMap<string, Person>;
  label: string;
  ref?: Ref<ConversationListHandle>;
}

export interface ConversationListHandle {
  /** Moves the keyboard focus to a conversation's row, scrolling it into sight. */
  focus(id: string): void;
}

function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * The conversations of a view: a virtualized list of links (only the rows in sight are in the page), with
 * j/k to move, Enter to open and x to select.
 */
export function ConversationList({ conversations, hasNextPage, isFetchingNextPage, fetchNextPage, openId, hrefFor, onOpen, selected, onToggle, users, label, ref }: ListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const now = useMinuteClock();
  // By id, so a conversation arriving at the top does not move the focus to another row.
  const [focusedId, setFocusedId] = useState(openId);
  const indexOf = useCallback((id: string | undefined) => (id ? conversations.findIndex((conversation) => conversation.id === id) : -1), [conversations]);
  const focused = useMemo(() => indexOf(focusedId), [indexOf, focusedId]);
  const [focusWithin, setFocusWithin] = useState(false);
  // Bumped to move the browser's focus to the focused row once it is rendered.
  const [focusRequest, setFocusRequest] = useState(0);

  const count = conversations.length + (hasNextPage ? 1 : 0);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // Stable between renders: the virtualizer recomputes every row's position whenever this function changes.
    getItemKey: useCallback((index: number) => conversations[index]?.id ?? "more", [conversations]),
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= conversations.length - PREFETCH_ROWS) fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastIndex, conversations.length, fetchNextPage]);

  useEffect(() => {
    if (focusRequest === 0 || focused < 0) return;
    virtualizer.scrollToIndex(focused, { align: "auto" });
    let frame = 0;
    let tries = 0;
    // The row may only exist after the virtualizer has scrolled and re-rendered.
    const focusRow = () => {
      const link = scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${focused}"] a`);
      if (link) link.focus({ preventScroll: true });
      else if (tries++ < 5) frame = requestAnimationFrame(focusRow);
    };
    frame = requestAnimationFrame(focusRow);
    return () => cancelAnimationFrame(frame);
    // Only a new request moves focus; a re-render of the list must not pull focus back from elsewhere.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);

  useImperativeHandle(ref, () => ({
    focus(id: string) {
      setFocusedId(id);
      setFocusRequest((request) => request + 1);
    },
  }));

  const move = (step: number) => {
    if (conversations.length === 0) return;
    const openIndex = indexOf(openId);
    const from = focused >= 0 ? focused : openIndex >= 0 ? openIndex : step > 0 ? -1 : conversations.length;
    setFocusedId(conversations[Math.min(conversations.length - 1, Math.max(0, from + step))]?.id);
    setFocusRequest((request) => request + 1);
  };

  const focusedConversation = focused >= 0 ? conversations[focused] : undefined;
  useShortcut("j", "inboxNext", "inbox", () => move(1));
  useShortcut("k", "inboxPrevious", "inbox", () => move(-1));
  useShortcut("x", "inboxSelect", "inbox", () => focusedConversation && onToggle(focusedConversation.id, focused, false));
  // Bound only while the list has focus, so Enter keeps working on every other button and link.
  useShortcut("Enter", "inboxOpen", "inbox", () => focusedConversation && onOpen(focusedConversation.id), { enabled: focusWithin && focusedConversation !== undefined });

  const onFocusRow = useCallback((id: string) => setFocusedId(id), []);

  return (
    <div
      ref={scrollRef}
      className="inbox-scroll"
      onFocus={() => setFocusWithin(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusWithin(false);
      }}
    >
      <div role="list" aria-label={label} aria-busy={isFetchingNextPage} className="inbox-rows" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const conversation = conversations[item.index];
          if (!conversation) {
            return (
              // Not a list item: the list's aria-busy says more is coming, and the rows' set size stays unknown until then.
              <div key={item.key} aria-hidden="true" className="inbox-row" style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}>
                <Center w="100%">
                  <Loader size="sm" />
                </Center>
              </div>
            );
          }
          return (
            <ConversationRow
              key={item.key}
              conversation={conversation}
              index={item.index}
              setSize={hasNextPage ? -1 : conversations.length}
              start={item.start}
              href={hrefFor(conversation.id)}
              open={conversation.id === openId}
              selected={selected.has(conversation.id)}
              assignee={conversation.assigneeId ? users.get(conversation.assigneeId) : undefined}
              now={now}
              onToggle={onToggle}
              onFocusRow={onFocusRow}
            />
          );
        })}
      </div>
    </div>
  );
}
