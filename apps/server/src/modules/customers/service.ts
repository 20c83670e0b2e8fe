import { eq, inArray, sql } from "drizzle-orm";
import { AppError, notFound } from "../../platform/errors.ts";
import { appendEvent, type EventActor } from "../../platform/events.ts";
import type { Executor } from "../../platform/db/client.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { eventActor, type ServiceContext } from "../../platform/context.ts";
import { requireRole, requireScope } from "../../platform/auth/policy.ts";
import { Keyset, type Page } from "../../platform/pagination.ts";
import { customerIdentities, customers, type IdentityKind } from "./schema.ts";

export type CustomerRow = typeof customers.$inferSelect;
export interface Identity {
  kind: IdentityKind;
  value: string;
}
export type Customer = Omit<CustomerRow, "search"> & { identities: Identity[] };

/** Identity values are compared in one canonical form, so "Ana@Example.com" and "ana@example.com" are one person. */
export function normalizeIdentity(kind: IdentityKind, value: string): string {
  const trimmed = value.trim();
  switch (kind) {
    case "email":
      return trimmed.toLowerCase();
    case "phone":
      return trimmed.replace(/[\s().-]/g, "");
    case "handle":
      return trimmed.replace(/^@/, "").toLowerCase();
    default:
      return trimmed;
  }
}

export interface IdentityClaims {
  email?: string | undefined;
  phone?: string | undefined;
  externalId?: string | undefined;
  handle?: string | undefined;
  visitorId?: string | undefined;
}

export function identitiesFromClaims(claims: IdentityClaims): Identity[] {
  const pairs: [IdentityKind, string | undefined][] = [
    ["external_id", claims.externalId],
    ["email", claims.email],
    ["phone", claims.phone],
    ["handle", claims.handle],
    ["visitor", claims.visitorId],
  ];
  return pairs.filter((pair): pair is [IdentityKind, string] => Boolean(pair[1]?.trim())).map(([kind, value]) => ({ kind, value: normalizeIdentity(kind, value) }));
}

const columns = {
  id: customers.id,
  workspaceId: customers.workspaceId,
  name: customers.name,
  email: customers.email,
  phone: customers.phone,
  externalId: customers.externalId,
  attributes: customers.attributes,
  notes: customers.notes,
  createdAt: customers.createdAt,
  updatedAt: customers.updatedAt,
};

async function withIdentities(db: Executor, workspaceId: string, rows: Omit<CustomerRow, "search">[]): Promise<Customer[]> {
  if (rows.length === 0) return [];
  const identities = await db
    .select({ customerId: customerIdentities.customerId, kind: customerIdentities.kind, value: customerIdentities.value })
    .from(customerIdentities)
    .where(inWorkspace(customerIdentities, workspaceId, inArray(customerIdentities.customerId, rows.map((row) => row.id))))
    .orderBy(customerIdentities.createdAt);
  return rows.map((row) => ({
    ...row,
    identities: identities.filter((identity) => identity.customerId === row.id).map(({ kind, value }) => ({ kind, value })),
  }));
}

export async function getCustomerById(db: Executor, workspaceId: string, customerId: string): Promise<Customer> {
  const rows = await db.select(columns).from(customers).where(inWorkspace(customers, workspaceId, eq(customers.id, customerId)));
  const [customer] = await withIdentities(db, workspaceId, rows);
  if (!customer) throw notFound("customer_not_found", "The customer");
  return customer;
}

export async function getCustomer(ctx: ServiceContext, customerId: string): Promise<Customer> {
  requireScope(ctx.actor, "customers:read");
  return getCustomerById(ctx.db, ctx.actor.workspaceId, customerId);
}

const preferred = (identities: Identity[], kind: IdentityKind) => identities.find((identity) => identity.kind === kind)?.value;

/**
 * Finds the customer any of these identities belongs to, or creates one. Safe under
 * concurrency: two first messages from one new address race on the unique identity,
 * and the loser adopts the winner's customer.
 */
export async function findOrCreateCustomer(
  tx: Executor,
  workspaceId: string,
  claims: IdentityClaims & { name?: string | undefined },
  actor: EventActor,
): Promise<{ customerId: string; created: boolean }> {
  const identities = identitiesFromClaims(claims);
  if (identities.length === 0) throw new AppError("invalid_request", "A customer needs at least one of email, phone, externalId, handle or visitorId.");
  const existing = await findCustomerIdByIdentities(tx, workspaceId, identities);
  if (existing) return { customerId: existing, created: false };

  const [customer] = await tx
    .insert(customers)
    .values({
      workspaceId,
      name: claims.name?.trim() || null,
      email: preferred(identities, "email"),
      phone: preferred(identities, "phone"),
      externalId: preferred(identities, "external_id"),
    })
    .returning({ id: customers.id });
  const customerId = customer!.id;
  const inserted = await tx
    .insert(customerIdentities)
    .values(identities.map((identity) => ({ workspaceId, customerId, ...identity })))
    .onConflictDoNothing()
    .returning({ kind: customerIdentities.kind });
  if (inserted.length === 0) {
    const winner = await findCustomerIdByIdentities(tx, workspaceId, identities);
    await tx.delete(customers).where(inWorkspace(customers, workspaceId, eq(customers.id, customerId)));
    return { customerId: winner!, created: false };
  }
  await appendEvent(tx, { workspaceId, type: "customer.created", subjectType: "customer", subjectId: customerId, actor, payload: { identities: identities.map((i) => i.kind) } });
  return { customerId, created: true };
}

/**
 * Adds identities a trusted channel vouches for (a host's signed user id) to a customer found by another of them,
 * so the next lookup by any one finds them. One that already belongs to someone else stays theirs.
 */
export async function addVouchedIdentities(tx: Executor, workspaceId: string, customerId: string, claims: IdentityClaims, actor: EventActor): Promise<void> {
  const identities = identitiesFromClaims(claims);
  if (identities.length === 0) return;
  const added = await tx
    .insert(customerIdentities)
    .values(identities.map((identity) => ({ workspaceId, customerId, ...identity })))
    .onConflictDoNothing()
    .returning({ kind: customerIdentities.kind });
  if (added.length === 0) return;
  await appendEvent(tx, { workspaceId, type: "customer.updated", subjectType: "customer", subjectId: customerId, actor, payload: { fields: ["identities"], added: added.map((identity) => identity.kind) } });
}

async function findCustomerIdByIdentities(db: Executor, workspaceId: string, identities: Identity[]): Promise<string | undefined> {
  for (const identity of identities) {
    const [row] = await db
      .select({ customerId: customerIdentities.customerId })
      .from(customerIdentities)
      .where(inWorkspace(customerIdentities, workspaceId, eq(customerIdentities.kind, identity.kind), eq(customerIdentities.value, identity.value)));
    if (row) return row.customerId;
  }
  return undefined;
}

export interface CustomerInput extends IdentityClaims {
  name?: string | null | undefined;
  attributes?: Record<string, unknown> | undefined;
  notes?: string | undefined;
}

export async function createCustomer(ctx: ServiceContext, input: CustomerInput): Promise<Customer> {
  requireScope(ctx.actor, "customers:write");
  const workspaceId = ctx.actor.workspaceId;
  const identities = identitiesFromClaims(input);
  const id = await ctx.db.transaction(async (tx) => {
    await assertIdentitiesFree(tx, workspaceId, identities, null);
    const [row] = await tx
      .insert(customers)
      .values({
        workspaceId,
        name: input.name?.trim() || null,
        email: preferred(identities, "email"),
        phone: preferred(identities, "phone"),
        externalId: preferred(identities, "external_id"),
        attributes: input.attributes ?? {},
        notes: input.notes ?? "",
      })
      .returning({ id: customers.id });
    if (identities.length > 0) await tx.insert(customerIdentities).values(identities.map((identity) => ({ workspaceId, customerId: row!.id, ...identity })));
    await appendEvent(tx, { workspaceId, type: "customer.created", subjectType: "customer", subjectId: row!.id, actor: eventActor(ctx.actor) });
    return row!.id;
  });
  return getCustomerById(ctx.db, workspaceId, id);
}

async function assertIdentitiesFree(db: Executor, workspaceId: string, identities: Identity[], customerId: string | null): Promise<void> {
  for (const identity of identities) {
    const owner = await findCustomerIdByIdentities(db, workspaceId, [identity]);
    if (owner && owner !== customerId) {
      throw new AppError("identity_taken", `Another customer already has the ${identity.kind} "${identity.value}"; merge the two instead.`, { customerId: owner });
    }
  }
}

export async function updateCustomer(ctx: ServiceContext, customerId: string, input: CustomerInput): Promise<Customer> {
  requireScope(ctx.actor, "customers:write");
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    const current = await getCustomerById(tx, workspaceId, customerId);
    const added = identitiesFromClaims(input).filter((identity) => !current.identities.some((known) => known.kind === identity.kind && known.value === identity.value));
    await assertIdentitiesFree(tx, workspaceId, added, customerId);
    if (added.length > 0) await tx.insert(customerIdentities).values(added.map((identity) => ({ workspaceId, customerId, ...identity })));
    await tx
      .update(customers)
      .set({
        ...(input.name !== undefined && { name: input.name?.trim() || null }),
        ...(input.notes !== undefined && { notes: input.notes }),
        ...(input.attributes !== undefined && { attributes: mergedAttributes(input.attributes) }),
        ...(preferred(added, "email") && { email: preferred(added, "email") }),
        ...(preferred(added, "phone") && { phone: preferred(added, "phone") }),
        ...(preferred(added, "external_id") && { externalId: preferred(added, "external_id") }),
        updatedAt: new Date(),
      })
      .where(inWorkspace(customers, workspaceId, eq(customers.id, customerId)));
    await appendEvent(tx, {
      workspaceId,
      type: "customer.updated",
      subjectType: "customer",
      subjectId: customerId,
      actor: eventActor(ctx.actor),
      payload: { fields: Object.keys(input) },
    });
  });
  return getCustomerById(ctx.db, workspaceId, customerId);
}

// Attributes are merged key by key; a null value removes the key.
const mergedAttributes = (attributes: Record<string, unknown>) => sql`jsonb_strip_nulls(${customers.attributes} || ${JSON.stringify(attributes)}::jsonb)`;

/** Records what a channel learned about a customer (a form's answers) in the caller's transaction, merged into their attributes. */
export async function mergeCustomerAttributes(tx: Executor, workspaceId: string, customerId: string, attributes: Record<string, unknown>, actor: EventActor): Promise<void> {
  if (Object.keys(attributes).length === 0) return;
  await tx
    .update(customers)
    .set({ attributes: mergedAttributes(attributes), updatedAt: new Date() })
    .where(inWorkspace(customers, workspaceId, eq(customers.id, customerId)));
  await appendEvent(tx, { workspaceId, type: "customer.updated", subjectType: "customer", subjectId: customerId, actor, payload: { fields: ["attributes"] } });
}

export interface CustomerListOptions {
  limit: number;
  cursor?: string | undefined;
  q?: string | undefined;
}

export async function listCustomers(ctx: ServiceContext, options: CustomerListOptions): Promise<Page<Customer>> {
  requireScope(ctx.actor, "customers:read");
  const workspaceId = ctx.actor.workspaceId;
  const keyset = new Keyset(customers.createdAt, customers.id, "desc");
  const rows = await ctx.db
    .select(columns)
    .from(customers)
    .where(
      inWorkspace(
        customers,
        workspaceId,
        options.q ? sql`${customers.search} @@ websearch_to_tsquery('simple', ${options.q})` : undefined,
        keyset.after(options.cursor),
      ),
    )
    .orderBy(...keyset.orderBy)
    .limit(options.limit + 1);
  const page = keyset.page(rows, options.limit, (row) => row.createdAt);
  return { items: await withIdentities(ctx.db, workspaceId, page.items), nextCursor: page.nextCursor };
}

/** Erases a customer and everything they wrote: the right to be forgotten, for supervisors and above. */
export async function deleteCustomer(ctx: ServiceContext, customerId: string, eraseConversations: (tx: Executor, customerId: string) => Promise<number>): Promise<void> {
  requireScope(ctx.actor, "customers:write");
  requireRole(ctx.actor, "supervisor");
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    await getCustomerById(tx, workspaceId, customerId);
    const conversationCount = await eraseConversations(tx, customerId);
    await tx.delete(customers).where(inWorkspace(customers, workspaceId, eq(customers.id, customerId)));
    await appendEvent(tx, { workspaceId, type: "customer.deleted", subjectType: "customer", subjectId: customerId, actor: eventActor(ctx.actor), payload: { conversationCount } });
  });
}
