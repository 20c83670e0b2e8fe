import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, timestampNow, updatedAt, workspaceId } from "../../platform/db/columns.ts";
import { customers } from "../customers/schema.ts";
import { workspaces } from "../workspaces/schema.ts";
import type { FormField, ProactiveRule, WidgetAppearance } from "./protocol.ts";

// The settings' shapes are part of the widget's contract, so they are defined with it.
export { FIELD_TYPES, WIDGET_POSITIONS, type FieldType, type FormField, type ProactiveRule, type WidgetAppearance, type WidgetPosition } from "./protocol.ts";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** When the team answers chat: per weekday, opening and closing times (`HH:MM`) in `timeZone` (IANA). */
export interface WeeklyHours {
  timeZone: string;
  days: Partial<Record<Weekday, [string, string][]>>;
}

/** One row per workspace: the chat widget's and the contact form's settings. */
export const widgetSettings = pgTable("widget_settings", {
  workspaceId: workspaceId()
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  enabled: boolean("enabled").notNull().default(true),
  /** Origins (`https://shop.example`) whose pages may run the widget; the server's own origin always may. */
  allowedOrigins: text("allowed_origins").array().notNull().default(sql`'{}'::text[]`),
  /** The HMAC-SHA256 key a host's server signs its signed-in users with; sealed with the server's key (platform/crypto.ts). */
  identitySecretEncrypted: text("identity_secret_encrypted").notNull(),
  /** Refuse visitors the host has not signed: for products where only customers with accounts may chat. */
  requireIdentity: boolean("require_identity").notNull().default(false),
  appearance: jsonb("appearance").$type<WidgetAppearance>().notNull(),
  preChatFields: jsonb("pre_chat_fields").$type<FormField[]>().notNull().default([]),
  proactiveRules: jsonb("proactive_rules").$type<ProactiveRule[]>().notNull().default([]),
  contactFields: jsonb("contact_fields").$type<FormField[]>().notNull().default([]),
  /** Null: the widget is open whenever an agent is online. */
  businessHours: jsonb("business_hours").$type<WeeklyHours>(),
  updatedAt: updatedAt(),
});

/** What the widget tells about the page it runs on, refreshed as the visitor moves around the host's site. */
export interface VisitorContext {
  url?: string;
  title?: string;
  referrer?: string;
  userAgent?: string;
  language?: string;
  timeZone?: string;
}

/**
 * A browser running the widget. It holds a random token (only its hash is stored) kept in the host page's
 * local storage, so history survives reloads. A visitor becomes a customer with their first message, or at
 * once when the host vouches for who they are (`verified`).
 */
export const widgetVisitors = pgTable(
  "widget_visitors",
  {
    id: id(),
    workspaceId: workspaceId(),
    tokenHash: text("token_hash").notNull(),
    customerId: uuid("customer_id").references(() => customers.id, { onDelete: "set null" }),
    /** The host's own user id, when its server signed it; such a visitor joins that customer on every device. */
    verifiedUserId: text("verified_user_id"),
    /** An address left for the answer to go to when no one could chat. */
    email: text("email"),
    context: jsonb("context").$type<VisitorContext>().notNull().default({}),
    createdAt: createdAt(),
    lastSeenAt: timestampNow("last_seen_at"),
    lastReadAt: timestamp("last_read_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("widget_visitors_token_idx").on(t.tokenHash),
    index("widget_visitors_customer_idx").on(t.workspaceId, t.customerId),
  ],
);
