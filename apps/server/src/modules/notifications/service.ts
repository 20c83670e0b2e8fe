import { and, count, eq, inArray, isNull } from "drizzle-orm";
import { AppError } from "../../platform/errors.ts";
import { appendEvent, type EventActor } from "../../platform/events.ts";
import type { Executor } from "../../platform/db/client.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { eventActor, type ServiceContext } from "../../platform/context.ts";
import { requireScope } from "../../platform/auth/policy.ts";
import { Keyset, type Page } from "../../platform/pagination.ts";
import { conversations } from "../conversations/schema.ts";
import { notifications, type NotificationKind } from "./schema.ts";

export type Notification = typeof notifications.$inferSelect & { conversation: { number: number; subject: string } };

export interface NotificationInput {
  kind: NotificationKind;
  userIds: string[];
  conversationId: string;
  messageId?: string | null | undefined;
}

/**
 * Tells people about a conversation that concerns them. Call it in the transaction of
 * the change it follows from; nobody is told about what they did themselves.
 */
export async function notifyUsers(tx: Executor, workspaceId: string, input: NotificationInput, actor: EventActor): Promise<void> {
  const recipients = [...new Set(input.userIds)].filter((userId) => userId !== actor.id);
  if (recipients.length === 0) return;
  const created = await tx
    .insert(notifications)
    .values(recipients.map((userId) => ({ workspaceId, userId, kind: input.kind, conversationId: input.conversationId, actorId: actor.id, messageId: input.messageId ?? null })))
    .returning({ id: notifications.id, userId: notifications.userId });
  for (const notification of created) {
    await appendEvent(tx, {
      workspaceId,
      type: "notification.created",
      subjectType: "notification",
      subjectId: notification.id,
      actor,
      payload: { userId: notification.userId, kind: input.kind, conversationId: input.conversationId },
    });
  }
}

const unreadOf = (workspaceId: string, userId: string) => inWorkspace(notifications, workspaceId, eq(notifications.userId, userId), isNull(notifications.readAt));

export async function countUnread(db: Executor, workspaceId: string, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notifications).where(unreadOf(workspaceId, userId));
  return row?.n ?? 0;
}

/** The caller's notifications, newest first, with the number still unread. */
export async function listNotifications(
  ctx: ServiceContext,
  options: { limit: number; cursor?: string | undefined; unread?: boolean | undefined },
): Promise<Page<Notification> & { unreadCount: number }> {
  requireScope(ctx.actor, "conversations:read");
  const { workspaceId, userId } = ctx.actor;
  const keyset = new Keyset(notifications.createdAt, notifications.id, "desc");
  const rows = await ctx.db
    .select({ notification: notifications, conversation: { number: conversations.number, subject: conversations.subject } })
    .from(notifications)
    .innerJoin(conversations, and(eq(conversations.workspaceId, notifications.workspaceId), eq(conversations.id, notifications.conversationId)))
    .where(
      inWorkspace(
        notifications,
        workspaceId,
        eq(notifications.userId, userId),
        options.unread ? isNull(notifications.readAt) : undefined,
        keyset.after(options.cursor),
      ),
    )
    .orderBy(...keyset.orderBy)
    .limit(options.limit + 1);
  const page = keyset.page(
    rows.map((row) => ({ ...row.notification, conversation: row.conversation })),
    options.limit,
    (row) => row.createdAt,
  );
  return { ...page, unreadCount: await countUnread(ctx.db, workspaceId, userId) };
}

/** Marks some of the caller's notifications, or all of them, as read. Others' ids are ignored. */
export async function markRead(ctx: ServiceContext, target: { ids?: string[] | undefined; all?: boolean | undefined }): Promise<{ updated: number; unreadCount: number }> {
  requireScope(ctx.actor, "conversations:read");
  if (Boolean(target.all) === Boolean(target.ids)) throw new AppError("invalid_request", "Send either \"ids\" (a list of notification ids) or \"all\": true.");
  const { workspaceId, userId } = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const read = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(unreadOf(workspaceId, userId), target.ids ? inArray(notifications.id, target.ids) : undefined))
      .returning({ id: notifications.id });
    if (read.length > 0) {
      await appendEvent(tx, {
        workspaceId,
        type: "notification.read",
        subjectType: "user",
        subjectId: userId,
        actor: eventActor(ctx.actor),
        // The ids, unless there are many: another tab of the same person only needs to refetch.
        payload: { userId, ids: read.length <= 100 ? read.map((row) => row.id) : undefined, count: read.length },
      });
    }
    return { updated: read.length, unreadCount: await countUnread(tx, workspaceId, userId) };
  });
}
