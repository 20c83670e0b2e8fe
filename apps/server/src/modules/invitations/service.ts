import { desc, eq, gt, isNull } from "drizzle-orm";
import { AppError, notFound } from "../../platform/errors.ts";
import { appendEvent } from "../../platform/events.ts";
import type { Executor } from "../../platform/db/client.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { eventActor, withDb, type ServiceContext } from "../../platform/context.ts";
import { generateToken, hashToken } from "../../platform/auth/secrets.ts";
import { requireMayGrantRole, requireRole } from "../../platform/auth/policy.ts";
import type { Role } from "../workspaces/schema.ts";
import {
  createInvitedUser,
  findUserByEmail,
  getWorkspace,
  normalizeEmail,
  openSession,
  recordAudit,
  type SessionGrant,
  type Workspace,
} from "../workspaces/service.ts";
import { invitations } from "./schema.ts";

export type Invitation = typeof invitations.$inferSelect;

const INVITATION_DAYS = 7;

const pending = () => [isNull(invitations.acceptedAt), isNull(invitations.revokedAt)];

/** Invites someone by email; the token is returned only here, for the link the admin passes on. */
export async function createInvitation(ctx: ServiceContext, input: { email: string; name?: string | undefined; role: Role }): Promise<{ invitation: Invitation; token: string }> {
  requireRole(ctx.actor, "admin");
  requireMayGrantRole(ctx.actor, input.role);
  const workspaceId = ctx.actor.workspaceId;
  const email = normalizeEmail(input.email);
  const token = generateToken("rpi");
  return ctx.db.transaction(async (tx) => {
    if (await findUserByEmail(tx, workspaceId, email)) throw new AppError("email_taken", "Someone in this workspace already uses that email.");
    // Inviting again replaces the earlier link, so only the newest one works.
    await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(inWorkspace(invitations, workspaceId, eq(invitations.email, email), ...pending()));
    const [invitation] = await tx
      .insert(invitations)
      .values({
        workspaceId,
        email,
        name: input.name?.trim() || null,
        role: input.role,
        tokenHash: hashToken(token),
        invitedBy: ctx.actor.userId,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      })
      .returning();
    await appendEvent(tx, { workspaceId, type: "invitation.created", subjectType: "invitation", subjectId: invitation!.id, actor: eventActor(ctx.actor), payload: { role: input.role } });
    await recordAudit(withDb(ctx, tx), "invitation.created", "invitation", invitation!.id, { email, role: input.role });
    return { invitation: invitation!, token };
  });
}

/** Invitations that can still be accepted, newest first. */
export async function listInvitations(ctx: ServiceContext): Promise<Invitation[]> {
  requireRole(ctx.actor, "admin");
  return ctx.db
    .select()
    .from(invitations)
    .where(inWorkspace(invitations, ctx.actor.workspaceId, ...pending(), gt(invitations.expiresAt, new Date())))
    .orderBy(desc(invitations.createdAt), desc(invitations.id));
}

export async function revokeInvitation(ctx: ServiceContext, invitationId: string): Promise<void> {
  requireRole(ctx.actor, "admin");
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    const [invitation] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(inWorkspace(invitations, workspaceId, eq(invitations.id, invitationId), ...pending()))
      .returning();
    if (!invitation) throw notFound("invitation_not_found", "A pending invitation with that id");
    await appendEvent(tx, { workspaceId, type: "invitation.revoked", subjectType: "invitation", subjectId: invitation.id, actor: eventActor(ctx.actor) });
    await recordAudit(withDb(ctx, tx), "invitation.revoked", "invitation", invitation.id, { email: invitation.email });
  });
}

const unusable = () => new AppError("invitation_not_found", "This invitation link is not valid: it may have been used already or withdrawn. Ask an admin for a new one.");

/**
 * The invitation a link's token opens. The token is the only key, so this is the one
 * lookup not scoped by a workspace; what it finds decides the workspace.
 */
async function findByToken(db: Executor, token: string, lock: boolean): Promise<Invitation> {
  const query = db.select().from(invitations).where(eq(invitations.tokenHash, hashToken(token)));
  const [invitation] = lock ? await query.for("update") : await query;
  if (!invitation || invitation.acceptedAt || invitation.revokedAt) throw unusable();
  if (invitation.expiresAt <= new Date()) throw new AppError("invitation_expired", "This invitation has expired; ask an admin to invite you again.");
  return invitation;
}

/** What the accept page shows before the person chooses a password. */
export async function previewInvitation(db: Executor, token: string): Promise<{ invitation: Invitation; workspace: Workspace }> {
  const invitation = await findByToken(db, token, false);
  return { invitation, workspace: await getWorkspace(db, invitation.workspaceId) };
}

export interface Acceptance {
  token: string;
  name: string;
  password: string;
  sessionDays: number;
  ip?: string | undefined;
  userAgent?: string | undefined;
}

/** Joins the workspace through an invitation and signs in: one use, within its seven days. */
export async function acceptInvitation(db: Executor, input: Acceptance): Promise<SessionGrant> {
  return db.transaction(async (tx) => {
    // Locked, so two uses of one link at once make one account.
    const invitation = await findByToken(tx, input.token, true);
    const { workspaceId } = invitation;
    const user = await createInvitedUser(tx, {
      workspaceId,
      email: invitation.email,
      name: input.name,
      role: invitation.role,
      password: input.password,
      invitationId: invitation.id,
      invitedBy: invitation.invitedBy,
    });
    await tx
      .update(invitations)
      .set({ acceptedAt: new Date(), acceptedUserId: user.id })
      .where(inWorkspace(invitations, workspaceId, eq(invitations.id, invitation.id)));
    await appendEvent(tx, { workspaceId, type: "invitation.accepted", subjectType: "invitation", subjectId: invitation.id, actor: { type: "user", id: user.id }, payload: { userId: user.id } });
    const session = await openSession(tx, user, input);
    return { ...session, user, workspace: await getWorkspace(tx, workspaceId) };
  });
}
