import { useEffect, useRef } from "react";

/**
 * Text other panels put into a conversation's reply (an article's link or excerpt): the composer
 * owns its draft, so they ask it rather than write the draft themselves.
 */
type Listener = (text: string) => void;
const listeners = new Map<string, Set<Listener>>();

export function insertIntoComposer(conversationId: string, text: string): void {
  listeners.get(conversationId)?.forEach((listener) => listener(text));
}

/** Runs `onInsert` for text sent to this conversation's composer while it is shown. */
export function useComposerInsertions(conversationId: string, onInsert: Listener): void {
  const latest = useRef(onInsert);
  latest.current = onInsert;
  useEffect(() => {
    const listener: Listener = (text) => latest.current(text);
    const set = listeners.get(conversationId) ?? new Set<Listener>();
    listeners.set(conversationId, set.add(listener));
    return () => {
      set.delete(listener);
      if (set.size === 0) listeners.delete(conversationId);
    };
  }, [conversationId]);
}

/** The draft with `text` after it, on a paragraph of its own when the draft already says something. */
export const appendParagraph = (draft: string, text: string) => (draft.trim() ? `${draft.replace(/\s+$/, "")}\n\n${text}` : text);
