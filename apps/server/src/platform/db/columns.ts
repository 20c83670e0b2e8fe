import { customType, timestamp, uuid } from "drizzle-orm/pg-core";
import { uuidv7 } from "uuidv7";

/** Primary keys are UUIDv7: unique across shards, and time-ordered so inserts stay at the end of the index. */
export const id = () =>
  uuid("id")
    .primaryKey()
    .$defaultFn(() => uuidv7());

/** The tenant key every table carries; see `platform/tenancy.ts` for the one place queries are scoped by it. */
export const workspaceId = () => uuid("workspace_id").notNull();

export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

export const tsvector = customType<{ data: string }>({
  dataType: () => "tsvector",
});
