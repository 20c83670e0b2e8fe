/**
 * The chat widget's wire protocol, shared by the server (`modules/widget`) and the widget (`apps/widget`).
 * docs/widget.md describes it for people writing their own client.
 *
 * A visitor first opens a session over HTTP (`POST /widget/v1/session`), which answers with a visitor token;
 * everything after carries that token. Messages then flow over a WebSocket (`/widget/v1/socket?token=…`) or,
 * where WebSockets are blocked, over the fallback: `POST /widget/v1/frames` for what the client sends and
 * `GET /widget/v1/poll?token=…&after=<seq>` (long poll) for what it receives. Both transports carry the same
 * frames.
 *
 * Delivery: every message the client sends carries a `clientId` it generated (a UUID). The server stores it
 * once (a resend with the same clientId is acknowledged again, never stored twice) and answers `ack` with
 * the message's `seq`, its place in the conversation. The server pushes `message` frames in seq order; a
 * client remembers the highest seq it has shown and, on every (re)connect, sends `sync` with it to receive
 * what it missed. Unacknowledged sends are resent, in their original order, after the sync.
 */

export const WIDGET_POSITIONS = ["right", "left"] as const;
export type WidgetPosition = (typeof WIDGET_POSITIONS)[number];

/** How the launcher and the chat look on the host's page. Texts are per locale; a missing locale falls back to English. */
export interface WidgetAppearance {
  /** The accent colour, `#rrggbb`. */
  color: string;
  position: WidgetPosition;
  /** Shown at the top of a new chat ("Hi! How can we help?"). */
  greeting: Record<string, string>;
  /** The team's name as the chat's title. */
  title: string;
}

export const FIELD_TYPES = ["text", "email", "textarea", "select"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** A question asked before a chat starts, or on the contact form; its answer is kept on the conversation's customer. */
export interface FormField {
  /** The attribute the answer is stored under, `[a-z][a-z0-9_]*`. */
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  /** The choices of a `select`. */
  options?: string[];
}

/** A message the widget opens with by itself on pages whose address contains `urlContains`, after `delaySeconds`. */
export interface ProactiveRule {
  urlContains: string;
  message: string;
  delaySeconds: number;
}

/** `GET /widget/v1/config`: what the loader needs to draw the launcher and the chat to start. */
export interface WidgetConfig {
  workspaceId: string;
  enabled: boolean;
  appearance: WidgetAppearance;
  preChatFields: FormField[];
  proactiveRules: ProactiveRule[];
  requireIdentity: boolean;
  /** Within business hours and an agent online. */
  open: boolean;
  locales: string[];
}

/** A message as the visitor sees it: no internal notes, no agent's private details. */
export interface WidgetMessage {
  id: string;
  /** Ascending within the conversation; gaps are normal (internal notes take numbers too). */
  seq: number;
  conversationId: string;
  clientId: string | null;
  author: "visitor" | "agent" | "bot" | "system";
  /** The agent's (or the bot's) display name, and the agent's avatar. */
  authorName: string | null;
  authorAvatarUrl: string | null;
  text: string;
  /** Sanitized HTML, when the message has formatting. */
  html: string | null;
  /** `url` serves the file to this visitor only: add `?token=<visitor token>` (an `<img>` cannot send the header). */
  attachments: { id: string; filename: string; contentType: string; size: number; url: string }[];
  createdAt: string;
  /** A bot answer's articles in the help center, best first. */
  articles?: { title: string; url: string }[];
  /**
   * Answers the visitor can tap under a bot's question ("Yes, thanks", "No", "Talk to a person"), shown while
   * it is the latest message. A tap is sent as an ordinary `send` with the reply's text.
   */
  quickReplies?: string[];
}

export type WidgetClientFrame =
  /** After connecting: the highest seq shown, or 0. The server answers with every visible message after it. */
  | { type: "sync"; after: number }
  | { type: "send"; clientId: string; text: string; attachmentIds?: string[] }
  | { type: "typing"; typing: boolean }
  /** The visitor has seen everything up to seq. */
  | { type: "read"; seq: number }
  /** The page the visitor is on now. */
  | { type: "page"; url: string; title?: string }
  | { type: "ping" };

export type WidgetServerFrame =
  | { type: "ready"; visitorId: string; conversationId: string | null; agentsOnline: boolean }
  | { type: "message"; message: WidgetMessage }
  /** The answer to `sync`: every visible message after the asked seq, in order, and the agent's read mark. */
  | { type: "synced"; messages: WidgetMessage[]; agentReadSeq: number }
  | { type: "ack"; clientId: string; messageId: string; seq: number; conversationId: string }
  /** A send the server will not take (too long, rate limited, …); resending it will not help. */
  | { type: "rejected"; clientId: string; code: string; message: string }
  | { type: "typing"; typing: boolean; agentName: string | null }
  /** An agent has read the conversation up to seq. */
  | { type: "read"; seq: number }
  | { type: "pong" }
  | { type: "error"; code: string; message: string };

/** WebSocket close codes the widget acts on. */
export const WIDGET_CLOSE = {
  /** The token is unknown or expired: open a new session. */
  sessionEnded: 4401,
  /** The page's origin is not allowed for this workspace. */
  originRefused: 4403,
  /** Too many frames: wait and reconnect. */
  rateLimited: 4429,
} as const;
