import { bigint, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, workspaceId } from "../../platform/db/columns.ts";
import { users } from "../workspaces/schema.ts";

/** Files people attached: the bytes are in the file store under `storageKey`; this is what is known of them. */
export const attachments = pgTable(
  "attachments",
  {
    id: id(),
    workspaceId: workspaceId(),
    storageKey: text("storage_key").notNull(),
    /** The name it was uploaded with, for display and downloads only; it is never used as a path. */
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("attachments_workspace_idx").on(t.workspaceId, t.createdAt)],
);
