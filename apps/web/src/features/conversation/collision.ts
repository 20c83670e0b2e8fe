import type { Message } from "../../api/types";
import type { Viewer } from "./presence";

export interface Collision {
  /** Teammates typing here now, or who typed and have not sent anything since: they may hold a draft. */
  replying: Viewer[];
  /** Replies by others that arrived after this draft began. */
  replies: Message[];
}

interface Input {
  messages: Message[];
  viewers: Viewer[];
  selfId: string;
  /** The newest message id when the draft began. */
  baseline: string | null;
  startedAt: string;
}

export function findCollision({ messages, viewers, selfId, baseline, startedAt }: Input): Collision | null {
  const start = baseline ? messages.findIndex((message) => message.id === baseline) : -1;
  const since = Date.parse(startedAt);
  const newer = start >= 0 ? messages.slice(start + 1) : messages.filter((message) => Date.parse(message.createdAt) > since);
  const replies = newer.filter((message) => message.kind === "reply" && message.authorId !== selfId);
  const lastSentBy = new Map<string, number>();
  for (const message of messages) if (message.authorId) lastSentBy.set(message.authorId, Date.parse(message.createdAt));
  const replying = viewers.filter((viewer) => viewer.state === "typing" || (viewer.typedAt !== null && viewer.typedAt > (lastSentBy.get(viewer.userId) ?? 0)));
  return replies.length || replying.length ? { replying, replies } : null;
}

/** The replies a 409 conversation_changed carries in its details. */
export function repliesIn(details: unknown): Message[] {
  if (typeof details !== "object" || details === null || !("messages" in details)) return [];
  const { messages } = details as { messages: unknown };
  return Array.isArray(messages) ? (messages as Message[]) : [];
}

const MENTION = /@\[([^\]]+)\]\(([^)]+)\)/g;

/** The composer's markup as the text to send and the ids it mentions. */
export function parseMentions(markup: string): { text: string; mentions: string[] } {
  const mentions = new Set<string>();
  const text = markup.replace(MENTION, (_match, display: string, id: string) => {
    mentions.add(id);
    return `@${display}`;
  });
  return { text, mentions: [...mentions] };
}
