import { customType, timestamp, uuid } from "drizzle-orm/pg-core";
import { uuidv7 } from "uuidv7";

/** Primary keys are UUIDv7: unique across shards, and time-ordered so inserts stay at the end of the index. */
export const id = () => tenantId().primaryKey();

/**
 * An id for a table whose primary key is (workspace_id, id): every lookup is scoped by
 * workspace, so that key answers it exactly, and references to it carry the workspace
 * too, so a row can never point into another tenant.
 */
export const tenantId = () => uuid("id").$defaultFn(() => uuidv7());

/** The tenant key every table carries; see `platform/tenancy.ts` for the one place queries are scoped by it. */
export const workspaceId = () => uuid("workspace_id").notNull();

/**
 * Times are taken from the application clock in milliseconds, the precision a
 * JavaScript Date and a pagination cursor carry; PostgreSQL's now() has microseconds,
 * which would make a cursor taken from a row land just before that same row.
 */
export const timestampNow = (name: string) =>
  timestamp(name, { withTimezone: true })
    .notNull()
    .defaultNow()
    .$defaultFn(() => new Date());

export const createdAt = () => timestampNow("created_at");
export const updatedAt = () => timestampNow("updated_at");

export const tsvector = customType<{ data: string }>({
  dataType: () => "tsvector",
});
