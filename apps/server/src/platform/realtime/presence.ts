import { sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type { Executor } from "../db/client.ts";
import type { PresenceState, Viewer } from "./protocol.ts";

/**
 * Presence is ephemeral: it travels on its own channel, never as a domain event, and
 * nothing of it is stored. Each process remembers what it has heard for a short while.
 */
export const PRESENCE_CHANNEL = "rapport_presence";

/** One socket's presence in one conversation, as processes tell each other. */
export interface PresenceNotice {
  /** The process that holds the socket. */
  origin: string;
  /** The socket, numbered within its process. */
  connection: number;
  workspaceId: string;
  userId: string;
  userName: string;
  conversationId: string;
  state: PresenceState;
  at: string;
}

/**
 * What else travels between processes on the presence channel: a chat visitor typing (held by one process,
 * shown to agents on all), and which workspaces have agents connected somewhere.
 */
export type RelayNotice =
  | { kind: "visitor.typing"; origin: string; workspaceId: string; conversationId: string; typing: boolean }
  | { kind: "agents.online"; origin: string; workspaceId: string };

/** A user's presence in a conversation over all of their sockets. */
export interface UserPresence {
  userName: string;
  state: PresenceState;
}

interface Entry {
  userId: string;
  userName: string;
  state: "viewing" | "typing";
  at: string;
  /** When this process heard it, by its own clock: expiry never depends on another machine's time. */
  heardAt: number;
}

/** A user who dropped out of a conversation because nothing refreshed their presence. */
export interface Expired {
  workspaceId: string;
  conversationId: string;
  userId: string;
  userName: string;
}

const keyOf = (origin: string, connection: number) => `${origin}:${connection}`;

/**
 * What this process has heard of who is in which conversation, by socket. Entries last
 * `ttlMs` unless refreshed, so a process that died without saying "left" is forgotten;
 * "typing" not refreshed for `typingMs` counts as viewing.
 */
export class PresenceBoard {
  private readonly byWorkspace = new Map<string, Map<string, Map<string, Entry>>>();

  constructor(
    private readonly ttlMs: number,
    private readonly typingMs: number,
  ) {}

  /** Records a notice; returns the user's presence in that conversation after it. */
  record(notice: PresenceNotice, now: number): UserPresence {
    const key = keyOf(notice.origin, notice.connection);
    let conversations = this.byWorkspace.get(notice.workspaceId);
    let sockets = conversations?.get(notice.conversationId);
    if (notice.state === "left") {
      sockets?.delete(key);
      if (sockets?.size === 0) conversations!.delete(notice.conversationId);
      if (conversations?.size === 0) this.byWorkspace.delete(notice.workspaceId);
    } else {
      if (!conversations) this.byWorkspace.set(notice.workspaceId, (conversations = new Map()));
      if (!sockets) conversations.set(notice.conversationId, (sockets = new Map()));
      sockets.set(key, { userId: notice.userId, userName: notice.userName, state: notice.state, at: notice.at, heardAt: now });
    }
    return { userName: notice.userName, state: this.viewerOf(sockets, notice.userId, now)?.state ?? "left" };
  }

  /** Who is in a conversation, one entry per user, leaving out the asking socket itself. */
  viewers(workspaceId: string, conversationId: string, now: number, asking?: { origin: string; connection: number }): Viewer[] {
    const sockets = this.byWorkspace.get(workspaceId)?.get(conversationId);
    if (!sockets) return [];
    const skip = asking && keyOf(asking.origin, asking.connection);
    const userIds = new Set<string>();
    for (const [key, entry] of sockets) if (key !== skip) userIds.add(entry.userId);
    return [...userIds].flatMap((userId) => this.viewerOf(sockets, userId, now, skip) ?? []);
  }

  /** Forgets entries nobody refreshed; returns the users that left a conversation through it. */
  sweep(now: number): Expired[] {
    const expired: Expired[] = [];
    for (const [workspaceId, conversations] of this.byWorkspace) {
      for (const [conversationId, sockets] of conversations) {
        const lapsed = new Map<string, string>();
        for (const [key, entry] of sockets) {
          if (now - entry.heardAt < this.ttlMs) continue;
          sockets.delete(key);
          lapsed.set(entry.userId, entry.userName);
        }
        for (const [userId, userName] of lapsed) {
          if (!this.viewerOf(sockets, userId, now)) expired.push({ workspaceId, conversationId, userId, userName });
        }
        if (sockets.size === 0) conversations.delete(conversationId);
      }
      if (conversations.size === 0) this.byWorkspace.delete(workspaceId);
    }
    return expired;
  }

  private viewerOf(sockets: Map<string, Entry> | undefined, userId: string, now: number, skip?: string): Viewer | undefined {
    let viewer: Viewer | undefined;
    for (const [key, entry] of sockets ?? []) {
      if (key === skip || entry.userId !== userId || now - entry.heardAt >= this.ttlMs) continue;
      const typing = entry.state === "typing" && now - entry.heardAt < this.typingMs;
      viewer = {
        userId,
        userName: entry.userName,
        state: typing || viewer?.state === "typing" ? "typing" : "viewing",
        at: viewer && viewer.at > entry.at ? viewer.at : entry.at,
      };
    }
    return viewer;
  }
}

/**
 * Sends presence notices to the other processes, batched per tick into one statement:
 * a room full of typists costs a NOTIFY round trip per tick, not one per keystroke.
 */
export class PresencePublisher {
  private pending: string[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: Executor,
    private readonly log: () => FastifyBaseLogger | undefined,
  ) {}

  publish(notice: PresenceNotice | RelayNotice): void {
    this.pending.push(JSON.stringify(notice));
    this.flushing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.flush());
  }

  /** Waits for notices already handed over. */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    this.flushing = null;
    try {
      await this.db.execute(sql`SELECT pg_notify(${PRESENCE_CHANNEL}, notice) FROM jsonb_array_elements_text(${JSON.stringify(batch)}::jsonb) AS notice`);
    } catch (error) {
      // Presence heals itself: clients refresh it every few seconds and stale entries expire.
      this.log()?.warn({ err: error, notices: batch.length }, "could not publish presence");
    }
  }
}
