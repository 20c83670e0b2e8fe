import { boolean, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { updatedAt, workspaceId } from "../../platform/db/columns.ts";
import { workspaces } from "../workspaces/schema.ts";

/**
 * One row per workspace, written the first time an admin changes something: until then
 * the help center runs on defaults (the workspace's name, the widget's color, English).
 */
export const helpCenterSettings = pgTable(
  "help_center_settings",
  {
    workspaceId: workspaceId()
      .primaryKey()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    enabled: boolean("enabled").notNull().default(true),
    /** Shown in the header and page titles; null: the workspace's name. */
    title: text("title"),
    logoUrl: text("logo_url"),
    /** `#rrggbb`; null: the chat widget's color, so both look like one brand. */
    brandColor: text("brand_color"),
    defaultLocale: text("default_locale").notNull().default("en"),
    /** A host name (`help.shop.example`, lower case) whose requests are this help center at `/`. */
    customDomain: text("custom_domain"),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("help_center_settings_domain_idx").on(t.customDomain)],
);
