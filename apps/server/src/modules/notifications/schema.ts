import { sql } from "drizzle-orm";
import { foreignKey, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, workspaceId } from "../../platform/db/columns.ts";
import { conversations } from "../conversations/schema.ts";
import { users } from "../workspaces/schema.ts";

export const NOTIFICATION_KINDS = ["assigned", "mentioned"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What a person should look at: a conversation someone gave them, or a note that named them. */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    workspaceId: workspaceId(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    conversationId: uuid("conversation_id").notNull(),
    actorId: uuid("actor_id"),
    messageId: uuid("message_id"),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    // An erased conversation takes its notifications with it.
    foreignKey({ columns: [t.workspaceId, t.conversationId], foreignColumns: [conversations.workspaceId, conversations.id] }).onDelete("cascade"),
    index("notifications_user_idx").on(t.workspaceId, t.userId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("notifications_unread_idx").on(t.workspaceId, t.userId).where(sql`read_at IS NULL`),
  ],
);
