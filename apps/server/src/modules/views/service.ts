import { asc, count, eq, isNull, or } from "drizzle-orm";
import { AppError, notFound } from "../../platform/errors.ts";
import { appendEvent } from "../../platform/events.ts";
import type { Executor } from "../../platform/db/client.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { eventActor, type ServiceContext } from "../../platform/context.ts";
import { atLeast, requireRole, requireScope } from "../../platform/auth/policy.ts";
import { normalizeTag, type Sort } from "../conversations/service.ts";
import { getTeam, getUser } from "../workspaces/service.ts";
import { views, type ViewFilters } from "./schema.ts";

export type View = typeof views.$inferSelect;

/** Enough for any inbox sidebar; it also bounds the per-view counts a caller can ask for. */
const MAX_VIEWS = 100;

export interface NewView {
  name: string;
  filters: ViewFilters;
  sort?: Sort | undefined;
  position?: number | undefined;
  /** Shared with the whole workspace rather than the caller's own. */
  shared?: boolean | undefined;
}

export type ViewChanges = Partial<Omit<NewView, "shared">>;

/** The caller's own views and the workspace's shared ones, in sidebar order. */
export async function listViews(ctx: ServiceContext): Promise<View[]> {
  requireScope(ctx.actor, "conversations:read");
  return ctx.db
    .select()
    .from(views)
    .where(inWorkspace(views, ctx.actor.workspaceId, or(isNull(views.ownerId), eq(views.ownerId, ctx.actor.userId))))
    .orderBy(asc(views.position), asc(views.createdAt), asc(views.id));
}

/** Tags are stored normalized, and named people and teams must be in this workspace. */
async function checkFilters(ctx: ServiceContext, filters: ViewFilters): Promise<ViewFilters> {
  if (filters.assignee && filters.assignee !== "me" && filters.assignee !== "none") await getUser(ctx, filters.assignee);
  if (filters.team && filters.team !== "none") await getTeam(ctx, filters.team);
  return filters.tag ? { ...filters, tag: [...new Set(filters.tag.map(normalizeTag).filter(Boolean))] } : filters;
}

export async function createView(ctx: ServiceContext, input: NewView): Promise<View> {
  requireScope(ctx.actor, "conversations:read");
  // Everyone sees a shared view in their sidebar, so curating them is a lead's job.
  if (input.shared) requireRole(ctx.actor, "supervisor");
  const workspaceId = ctx.actor.workspaceId;
  const ownerId = input.shared ? null : ctx.actor.userId;
  const filters = await checkFilters(ctx, input.filters);
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ n: count() })
      .from(views)
      .where(inWorkspace(views, workspaceId, ownerId ? eq(views.ownerId, ownerId) : isNull(views.ownerId)));
    if ((existing?.n ?? 0) >= MAX_VIEWS) throw new AppError("invalid_request", `There can be at most ${MAX_VIEWS} ${ownerId ? "personal" : "shared"} views; delete one first.`);
    const [view] = await tx
      .insert(views)
      .values({ workspaceId, ownerId, name: input.name.trim(), filters, sort: input.sort ?? "-last_activity", position: input.position ?? 0 })
      .returning();
    await appendEvent(tx, { workspaceId, type: "view.created", subjectType: "view", subjectId: view!.id, actor: eventActor(ctx.actor), payload: { ownerId } });
    return view!;
  });
}

/**
 * A personal view is its owner's alone; a shared one is changed by admins. Someone
 * else's personal view is not even visible, so it is not found rather than forbidden.
 */
async function lockChangeableView(tx: Executor, ctx: ServiceContext, viewId: string): Promise<View> {
  const [view] = await tx
    .select()
    .from(views)
    .where(inWorkspace(views, ctx.actor.workspaceId, eq(views.id, viewId), or(isNull(views.ownerId), eq(views.ownerId, ctx.actor.userId))))
    .for("update");
  if (!view) throw notFound("view_not_found", "The view");
  if (view.ownerId === null && !atLeast(ctx.actor.role, "admin")) throw new AppError("forbidden", "Only an admin can change a shared view.");
  return view;
}

export async function updateView(ctx: ServiceContext, viewId: string, changes: ViewChanges): Promise<View> {
  requireScope(ctx.actor, "conversations:read");
  const filters = changes.filters ? await checkFilters(ctx, changes.filters) : undefined;
  return ctx.db.transaction(async (tx) => {
    const current = await lockChangeableView(tx, ctx, viewId);
    const [view] = await tx
      .update(views)
      .set({
        ...(changes.name !== undefined && { name: changes.name.trim() }),
        ...(filters && { filters }),
        ...(changes.sort !== undefined && { sort: changes.sort }),
        ...(changes.position !== undefined && { position: changes.position }),
        updatedAt: new Date(),
      })
      .where(inWorkspace(views, ctx.actor.workspaceId, eq(views.id, current.id)))
      .returning();
    await appendEvent(tx, { workspaceId: ctx.actor.workspaceId, type: "view.updated", subjectType: "view", subjectId: viewId, actor: eventActor(ctx.actor), payload: { ownerId: current.ownerId } });
    return view!;
  });
}

export async function deleteView(ctx: ServiceContext, viewId: string): Promise<void> {
  requireScope(ctx.actor, "conversations:read");
  await ctx.db.transaction(async (tx) => {
    const current = await lockChangeableView(tx, ctx, viewId);
    await tx.delete(views).where(inWorkspace(views, ctx.actor.workspaceId, eq(views.id, current.id)));
    await appendEvent(tx, { workspaceId: ctx.actor.workspaceId, type: "view.deleted", subjectType: "view", subjectId: viewId, actor: eventActor(ctx.actor), payload: { ownerId: current.ownerId } });
  });
}
