import { and, asc, eq, gt, inArray, notInArray } from "drizzle-orm";
import { requireScope } from "../../platform/auth/policy.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { domainEvents } from "../../platform/db/platform-schema.ts";
import { AppError } from "../../platform/errors.ts";
import type { ActorType } from "../../platform/events.ts";
import { decodeCursor, encodeCursor, type Page } from "../../platform/pagination.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { customers } from "../customers/schema.ts";
import { users } from "../workspaces/schema.ts";
import { getConversationById } from "./service.ts";

export interface TimelineEvent {
  id: number;
  type: string;
  actor: { type: ActorType; id: string | null; name: string | null };
  payload: Record<string, unknown>;
  createdAt: Date;
}

export interface TimelineOptions {
  limit: number;
  cursor?: string | undefined;
  /** Only these event types; by default every type the timeline tells (see UNTOLD_EVENTS). */
  types?: string[] | undefined;
}

/** Not told in the timeline: messages have their own list and show their delivery; a visitor's reads only move a mark. */
const UNTOLD_EVENTS = ["message.created", "message.delivery_changed", "widget.visitor_read"];

function afterCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  const { id } = decodeCursor(cursor);
  if (!/^\d{1,18}$/.test(id)) throw new AppError("invalid_request", "The cursor is not one this API gave out; start again without it.");
  return gt(domainEvents.id, Number(id));
}

/**
 * What happened to a conversation besides its messages, oldest first: assignments, status
 * and priority changes, tags, team, merges. Read from the event log through its
 * (workspace_id, subject_id, id) index, in id order, which is the order they were written.
 */
export async function listConversationEvents(ctx: ServiceContext, conversationId: string, options: TimelineOptions): Promise<Page<TimelineEvent>> {
  requireScope(ctx.actor, "conversations:read");
  const workspaceId = ctx.actor.workspaceId;
  await getConversationById(ctx.db, workspaceId, conversationId);
  const rows = await ctx.db
    .select({
      id: domainEvents.id,
      type: domainEvents.type,
      actorType: domainEvents.actorType,
      actorId: domainEvents.actorId,
      userName: users.name,
      customerName: customers.name,
      payload: domainEvents.payload,
      createdAt: domainEvents.occurredAt,
    })
    .from(domainEvents)
    .leftJoin(users, and(eq(domainEvents.actorType, "user"), inWorkspace(users, workspaceId, eq(users.id, domainEvents.actorId))))
    .leftJoin(customers, and(eq(domainEvents.actorType, "customer"), inWorkspace(customers, workspaceId, eq(customers.id, domainEvents.actorId))))
    .where(
      inWorkspace(
        domainEvents,
        workspaceId,
        eq(domainEvents.subjectId, conversationId),
        eq(domainEvents.subjectType, "conversation"),
        options.types?.length ? inArray(domainEvents.type, options.types) : notInArray(domainEvents.type, UNTOLD_EVENTS),
        afterCursor(options.cursor),
      ),
    )
    .orderBy(asc(domainEvents.id))
    .limit(options.limit + 1);
  const items = rows.slice(0, options.limit).map((row) => ({
    id: row.id,
    type: row.type,
    actor: { type: row.actorType as ActorType, id: row.actorId, name: row.userName ?? row.customerName ?? null },
    payload: row.payload,
    createdAt: row.createdAt,
  }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > options.limit && last ? encodeCursor(last.createdAt.toISOString(), String(last.id)) : null };
}
