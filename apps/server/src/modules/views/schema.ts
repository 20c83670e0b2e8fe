import { index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, workspaceId } from "../../platform/db/columns.ts";
import type { Channel, Priority, Status } from "../conversations/schema.ts";
import type { Sort } from "../conversations/service.ts";
import { users } from "../workspaces/schema.ts";

/** The filters of a saved view: the same ones the conversation list takes. */
export interface ViewFilters {
  status?: Status[];
  /** A user id, "me" (whoever looks at the view) or "none" for unassigned. */
  assignee?: string;
  /** A team id, or "none". */
  team?: string;
  tag?: string[];
  channel?: Channel[];
  priority?: Priority[];
}

/** Saved inbox views: a person's own, or shared with the whole workspace when owner_id is null. */
export const views = pgTable(
  "views",
  {
    id: id(),
    workspaceId: workspaceId(),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    filters: jsonb("filters").$type<ViewFilters>().notNull().default({}),
    sort: text("sort").$type<Sort>().notNull().default("-last_activity"),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("views_owner_idx").on(t.workspaceId, t.ownerId, t.position)],
);
