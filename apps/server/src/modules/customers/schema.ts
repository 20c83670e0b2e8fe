import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, tsvector, updatedAt, workspaceId } from "../../platform/db/columns.ts";

export const IDENTITY_KINDS = ["email", "phone", "external_id", "handle", "visitor"] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

export const customers = pgTable(
  "customers",
  {
    id: id(),
    workspaceId: workspaceId(),
    name: text("name"),
    /** The preferred address of each kind, kept beside the identities for display and search. */
    email: text("email"),
    phone: text("phone"),
    externalId: text("external_id"),
    attributes: jsonb("attributes").$type<Record<string, unknown>>().notNull().default({}),
    notes: text("notes").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector("search").generatedAlwaysAs(
      sql`to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '') || ' ' || coalesce(external_id, ''))`,
    ),
  },
  (t) => [
    index("customers_workspace_idx").on(t.workspaceId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("customers_search_idx").using("gin", t.search),
  ],
);

/** Every address a customer is known by. A message from any of them finds the same person. */
export const customerIdentities = pgTable(
  "customer_identities",
  {
    id: id(),
    workspaceId: workspaceId(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: IDENTITY_KINDS }).notNull(),
    value: text("value").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("customer_identities_value_idx").on(t.workspaceId, t.kind, t.value),
    index("customer_identities_customer_idx").on(t.workspaceId, t.customerId),
  ],
);
