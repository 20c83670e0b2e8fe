import { randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, or, sql } from "drizzle-orm";
import { AppError, notFound } from "../../platform/errors.ts";
import { appendEvent } from "../../platform/events.ts";
import type { Executor } from "../../platform/db/client.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { eventActor, withDb, type ServiceContext } from "../../platform/context.ts";
import { generateToken, hashPassword, hashToken, verifyPassword } from "../../platform/auth/secrets.ts";
import { requireMayGrantRole, requireRole, scopesForRole, type Actor, type Scope } from "../../platform/auth/policy.ts";
import { Keyset, type Page } from "../../platform/pagination.ts";
import { apiTokens, auditEntries, sessions, teamMembers, teams, users, workspaces, type Locale, type Role } from "./schema.ts";
import { createConversationNumbers } from "./numbering.ts";

export type Workspace = typeof workspaces.$inferSelect;
export type User = typeof users.$inferSelect;
export type Team = typeof teams.$inferSelect & { memberIds: string[] };
export type ApiToken = typeof apiTokens.$inferSelect;
export type AuditEntry = typeof auditEntries.$inferSelect;

const LOCKOUT_MINUTES = 15;

/** A URL-safe slug of a name; `fallback` when nothing of the name survives (a name in a script without Latin letters). */
export function slugify(name: string, fallback = "workspace"): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return base || fallback;
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export interface NewWorkspace {
  name: string;
  owner: { email: string; name: string; password: string };
}

/** Creates a workspace with its first owner. */
export async function createWorkspace(db: Executor, input: NewWorkspace): Promise<{ workspace: Workspace; owner: User }> {
  const passwordHash = await hashPassword(input.owner.password);
  return db.transaction(async (tx) => {
    let slug = slugify(input.name);
    const [taken] = await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, slug));
    if (taken) slug = `${slug}-${randomBytes(3).toString("hex")}`;
    const [workspace] = await tx.insert(workspaces).values({ name: input.name.trim(), slug }).returning();
    await createConversationNumbers(tx, workspace!.id);
    const [owner] = await tx
      .insert(users)
      .values({ workspaceId: workspace!.id, email: normalizeEmail(input.owner.email), name: input.owner.name.trim(), role: "owner", passwordHash })
      .returning();
    await appendEvent(tx, {
      workspaceId: workspace!.id,
      type: "workspace.created",
      subjectType: "workspace",
      subjectId: workspace!.id,
      actor: { type: "user", id: owner!.id },
      payload: { name: workspace!.name, slug },
    });
    await recordAuditEntry(tx, { workspaceId: workspace!.id, actorUserId: owner!.id, action: "workspace.created", targetType: "workspace", targetId: workspace!.id });
    return { workspace: workspace!, owner: owner! };
  });
}

export async function getWorkspace(db: Executor, workspaceId: string): Promise<Workspace> {
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!workspace) throw notFound("not_found", "The workspace");
  return workspace;
}

export async function updateWorkspace(ctx: ServiceContext, patch: { name?: string; timeZone?: string }): Promise<Workspace> {
  requireRole(ctx.actor, "admin");
  return ctx.db.transaction(async (tx) => {
    const [workspace] = await tx
      .update(workspaces)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(workspaces.id, ctx.actor.workspaceId))
      .returning();
    await recordAudit(withDb(ctx, tx), "workspace.updated", "workspace", ctx.actor.workspaceId, patch);
    return workspace!;
  });
}

export async function countWorkspaces(db: Executor): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(workspaces);
  return row?.count ?? 0;
}

/** A workspace by slug or, without one, the only workspace there is: how operators name a workspace outside any request. */
export async function findWorkspace(db: Executor, slug: string | undefined): Promise<Workspace> {
  const rows = await db.select().from(workspaces).where(slug ? eq(workspaces.slug, slug) : undefined).orderBy(workspaces.createdAt).limit(20);
  if (slug && !rows[0]) throw notFound("not_found", `The workspace "${slug}"`);
  if (rows.length === 0) throw notFound("not_found", "A workspace");
  if (rows.length > 1) throw new AppError("invalid_request", `There are several workspaces; name one by its slug: ${rows.map((row) => row.slug).join(", ")}.`);
  return rows[0]!;
}

/** Operator tools act as the workspace's first active owner, so their changes carry a real person in events and the audit log. */
export async function ownerActor(db: Executor, workspaceId: string): Promise<Actor> {
  const [owner] = await db
    .select({ id: users.id })
    .from(users)
    .where(inWorkspace(users, workspaceId, eq(users.role, "owner"), isNull(users.deactivatedAt)))
    .orderBy(users.createdAt)
    .limit(1);
  if (!owner) throw notFound("user_not_found", "An active owner of this workspace");
  return { via: "session", workspaceId, userId: owner.id, role: "owner", scopes: scopesForRole("owner") };
}

// ---------------------------------------------------------------------------
// Sign-in

export interface LoginInput {
  email: string;
  password: string;
  workspace?: string | undefined;
  ip?: string | undefined;
  userAgent?: string | undefined;
  sessionDays: number;
  maxAttempts: number;
}

export interface SessionGrant {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: User;
  workspace: Workspace;
}

export async function login(db: Executor, input: LoginInput): Promise<SessionGrant> {
  const email = normalizeEmail(input.email);
  const candidates = await db
    .select({ user: users, workspace: workspaces })
    .from(users)
    .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
    .where(and(eq(users.email, email), input.workspace ? or(eq(workspaces.slug, input.workspace), sql`${workspaces.id}::text = ${input.workspace}`) : undefined));
  const invalid = new AppError("invalid_credentials", "The email or password is not right.");
  const usable = candidates.filter(({ user }) => user.passwordHash && !user.deactivatedAt);
  if (usable.length === 0) {
    // Spend the same time as a real check so timing does not reveal which emails exist.
    await hashPassword(input.password);
    throw invalid;
  }
  const open = usable.filter(({ user }) => !(user.lockedUntil && user.lockedUntil > new Date()));
  if (open.length === 0) throw new AppError("too_many_requests", "Too many failed sign-ins for this account. Try again in a few minutes or reset the password.");
  // Only the workspaces this password opens are named, so an email alone tells nobody where its owner works.
  const proven = [];
  for (const candidate of open) if (await passwordHolds(db, candidate.user, input)) proven.push(candidate);
  if (proven.length > 1) {
    throw new AppError("invalid_request", "This email and password open several workspaces: say which one with \"workspace\" (its slug).", {
      workspaces: proven.map((c) => c.workspace.slug),
    });
  }
  const [found] = proven;
  if (!found) throw invalid;
  return { ...(await openSession(db, found.user, input)), user: found.user, workspace: found.workspace };
}

/** Checks a password, counting a wrong one towards the account's lockout. */
async function passwordHolds(db: Executor, user: User, input: Pick<LoginInput, "password" | "maxAttempts">): Promise<boolean> {
  if (await verifyPassword(user.passwordHash!, input.password)) return true;
  const failures = user.failedLogins + 1;
  const lock = failures >= input.maxAttempts;
  await db
    .update(users)
    .set({ failedLogins: lock ? 0 : failures, lockedUntil: lock ? new Date(Date.now() + LOCKOUT_MINUTES * 60_000) : null })
    .where(inWorkspace(users, user.workspaceId, eq(users.id, user.id)));
  return false;
}

/** Starts a session for someone whose identity was just proven (a password, an invitation's token). */
export async function openSession(
  db: Executor,
  user: User,
  input: { sessionDays: number; ip?: string | undefined; userAgent?: string | undefined },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = generateToken("rps");
  const csrfToken = randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + input.sessionDays * 86_400_000);
  await db.transaction(async (tx) => {
    await tx.insert(sessions).values({
      workspaceId: user.workspaceId,
      userId: user.id,
      tokenHash: hashToken(token),
      csrfToken,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 400),
    });
    await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() })
      .where(inWorkspace(users, user.workspaceId, eq(users.id, user.id)));
    await appendEvent(tx, { workspaceId: user.workspaceId, type: "user.signed_in", subjectType: "user", subjectId: user.id, actor: { type: "user", id: user.id } });
  });
  return { token, csrfToken, expiresAt };
}

export async function logout(db: Executor, actor: Actor): Promise<void> {
  const sessionId = actor.sessionId;
  if (!sessionId) return;
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(inWorkspace(sessions, actor.workspaceId, eq(sessions.id, sessionId)));
    await appendEvent(tx, { workspaceId: actor.workspaceId, type: "user.signed_out", subjectType: "user", subjectId: actor.userId, actor: eventActor(actor), payload: { sessionId } });
  });
}

export interface AuthenticatedSession {
  actor: Actor;
  csrfToken: string;
}

export async function authenticateSession(db: Executor, token: string): Promise<AuthenticatedSession | null> {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date()), isNull(users.deactivatedAt)));
  if (!row) return null;
  return {
    csrfToken: row.session.csrfToken,
    actor: {
      via: "session",
      workspaceId: row.user.workspaceId,
      userId: row.user.id,
      role: row.user.role,
      scopes: scopesForRole(row.user.role),
      sessionId: row.session.id,
    },
  };
}

/** Recent use is recorded at most once a minute per token, so authentication stays a read. */
const lastUseRecorded = new Map<string, number>();

/**
 * Tokens seen in the last few seconds, so a burst of API calls costs one lookup, not
 * one per request. Revoking a token, or changing or deactivating its user, clears it
 * here at once; other processes notice within TOKEN_CACHE_MS.
 */
const TOKEN_CACHE_MS = 5_000;
const TOKEN_CACHE_LIMIT = 10_000;
const tokenCache = new Map<string, { actor: Actor; until: number }>();

function forgetCachedTokens(matches: (actor: Actor) => boolean): void {
  for (const [hash, entry] of tokenCache) if (matches(entry.actor)) tokenCache.delete(hash);
}

export async function authenticateApiToken(db: Executor, token: string): Promise<Actor | null> {
  const tokenHash = hashToken(token);
  const cached = tokenCache.get(tokenHash);
  if (cached && cached.until > Date.now()) return cached.actor;
  const actor = await lookUpApiToken(db, tokenHash);
  if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
  if (actor) tokenCache.set(tokenHash, { actor, until: Date.now() + TOKEN_CACHE_MS });
  else tokenCache.delete(tokenHash);
  return actor;
}

async function lookUpApiToken(db: Executor, tokenHash: string): Promise<Actor | null> {
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, new Date())),
        isNull(users.deactivatedAt),
      ),
    );
  if (!row) return null;
  const now = Date.now();
  if ((lastUseRecorded.get(row.token.id) ?? 0) < now - 60_000) {
    lastUseRecorded.set(row.token.id, now);
    await db.update(apiTokens).set({ lastUsedAt: new Date(now) }).where(inWorkspace(apiTokens, row.token.workspaceId, eq(apiTokens.id, row.token.id)));
  }
  // A token never carries more than its user's role allows today.
  const allowed = scopesForRole(row.user.role);
  return {
    via: "api_token",
    workspaceId: row.user.workspaceId,
    userId: row.user.id,
    role: row.user.role,
    scopes: (row.token.scopes as Scope[]).filter((scope) => allowed.includes(scope)),
    tokenId: row.token.id,
  };
}

// ---------------------------------------------------------------------------
// API tokens

export async function createApiToken(
  ctx: ServiceContext,
  input: { name: string; scopes: Scope[]; expiresAt?: Date | undefined },
): Promise<{ token: string; apiToken: ApiToken }> {
  const allowed = scopesForRole(ctx.actor.role);
  const refused = input.scopes.filter((scope) => !allowed.includes(scope) || !ctx.actor.scopes.includes(scope));
  if (refused.length > 0) throw new AppError("forbidden", `You cannot grant scopes you do not hold: ${refused.join(", ")}.`);
  const token = generateToken("rpt");
  return ctx.db.transaction(async (tx) => {
    const [apiToken] = await tx
      .insert(apiTokens)
      .values({
        workspaceId: ctx.actor.workspaceId,
        userId: ctx.actor.userId,
        name: input.name.trim(),
        tokenHash: hashToken(token),
        prefix: token.slice(0, 10),
        scopes: [...new Set(input.scopes)],
        expiresAt: input.expiresAt,
      })
      .returning();
    await recordAudit(withDb(ctx, tx), "api_token.created", "api_token", apiToken!.id, { name: apiToken!.name, scopes: apiToken!.scopes });
    return { token, apiToken: apiToken! };
  });
}

/** Admins see every token in the workspace; others see their own. */
export async function listApiTokens(ctx: ServiceContext): Promise<ApiToken[]> {
  const mine = ctx.actor.scopes.includes("admin") ? undefined : eq(apiTokens.userId, ctx.actor.userId);
  return ctx.db.select().from(apiTokens).where(inWorkspace(apiTokens, ctx.actor.workspaceId, mine)).orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken(ctx: ServiceContext, tokenId: string): Promise<ApiToken> {
  const mine = ctx.actor.scopes.includes("admin") ? undefined : eq(apiTokens.userId, ctx.actor.userId);
  const revoked = await ctx.db.transaction(async (tx) => {
    const [token] = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, now())` })
      .where(inWorkspace(apiTokens, ctx.actor.workspaceId, eq(apiTokens.id, tokenId), mine))
      .returning();
    if (!token) throw notFound("api_token_not_found", "The API token");
    await appendEvent(tx, { workspaceId: ctx.actor.workspaceId, type: "api_token.revoked", subjectType: "api_token", subjectId: token.id, actor: eventActor(ctx.actor) });
    await recordAudit(withDb(ctx, tx), "api_token.revoked", "api_token", token.id, { name: token.name });
    return token;
  });
  // After commit, so a request racing the revocation cannot cache the old state again.
  forgetCachedTokens((actor) => actor.tokenId === revoked.id);
  return revoked;
}

// ---------------------------------------------------------------------------
// Users

export async function listUsers(ctx: ServiceContext): Promise<User[]> {
  return ctx.db.select().from(users).where(inWorkspace(users, ctx.actor.workspaceId)).orderBy(users.name);
}

export async function getUser(ctx: ServiceContext, userId: string): Promise<User> {
  const [user] = await ctx.db.select().from(users).where(inWorkspace(users, ctx.actor.workspaceId, eq(users.id, userId)));
  if (!user) throw notFound("user_not_found", "The user");
  return user;
}

export async function findUserByEmail(db: Executor, workspaceId: string, email: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(inWorkspace(users, workspaceId, eq(users.email, normalizeEmail(email))));
  return user;
}

export async function createUser(ctx: ServiceContext, input: { email: string; name: string; role: Role; password: string }): Promise<User> {
  requireRole(ctx.actor, "admin");
  requireMayGrantRole(ctx.actor, input.role);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ workspaceId: ctx.actor.workspaceId, email: normalizeEmail(input.email), name: input.name.trim(), role: input.role, passwordHash })
      .onConflictDoNothing()
      .returning();
    if (!user) throw new AppError("email_taken", "Someone in this workspace already uses that email.");
    await appendEvent(tx, { workspaceId: user.workspaceId, type: "user.created", subjectType: "user", subjectId: user.id, actor: eventActor(ctx.actor), payload: { role: user.role } });
    await recordAudit(withDb(ctx, tx), "user.created", "user", user.id, { email: user.email, role: user.role });
    return user;
  });
}

/**
 * Adds someone who accepted an invitation. The invitation is their authority: it was
 * an admin's decision, checked when it was made, so this takes no acting user.
 */
export async function createInvitedUser(
  tx: Executor,
  input: { workspaceId: string; email: string; name: string; role: Role; password: string; invitationId: string; invitedBy: string | null },
): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  const [user] = await tx
    .insert(users)
    .values({ workspaceId: input.workspaceId, email: normalizeEmail(input.email), name: input.name.trim(), role: input.role, passwordHash })
    .onConflictDoNothing()
    .returning();
  if (!user) throw new AppError("email_taken", "Someone in this workspace already uses that email; sign in instead.");
  const actor = { type: "user" as const, id: user.id };
  await appendEvent(tx, { workspaceId: user.workspaceId, type: "user.created", subjectType: "user", subjectId: user.id, actor, payload: { role: user.role, invitationId: input.invitationId } });
  await recordAuditEntry(tx, {
    workspaceId: user.workspaceId,
    actorUserId: user.id,
    action: "user.created",
    targetType: "user",
    targetId: user.id,
    details: { email: user.email, role: user.role, invitationId: input.invitationId, invitedBy: input.invitedBy },
  });
  return user;
}

/** Whether Intl knows the zone, and its canonical name ("utc" is "UTC"). */
export function canonicalTimeZone(timeZone: string): string | null {
  try {
    return new Intl.DateTimeFormat("en", { timeZone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** A person's own settings: how they are named, and the language and time zone they read in. */
export async function updateProfile(
  ctx: ServiceContext,
  patch: { name?: string | undefined; locale?: Locale | undefined; timeZone?: string | null | undefined },
): Promise<User> {
  let timeZone = patch.timeZone;
  if (timeZone) {
    timeZone = canonicalTimeZone(timeZone) ?? undefined;
    if (!timeZone) throw new AppError("invalid_request", `"${patch.timeZone}" is not an IANA time zone, e.g. "Europe/Madrid".`);
  }
  const { workspaceId, userId } = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({
        ...(patch.name !== undefined && { name: patch.name.trim() }),
        ...(patch.locale !== undefined && { locale: patch.locale }),
        ...(timeZone !== undefined && { timeZone }),
        updatedAt: new Date(),
      })
      .where(inWorkspace(users, workspaceId, eq(users.id, userId)))
      .returning();
    if (!user) throw notFound("user_not_found", "The user");
    await appendEvent(tx, {
      workspaceId,
      type: "user.updated",
      subjectType: "user",
      subjectId: userId,
      actor: eventActor(ctx.actor),
      payload: { fields: Object.keys(patch).filter((key) => patch[key as keyof typeof patch] !== undefined), accessChanged: false },
    });
    return user;
  });
}

export async function updateUser(
  ctx: ServiceContext,
  userId: string,
  patch: { name?: string | undefined; role?: Role | undefined; active?: boolean | undefined; password?: string | undefined },
): Promise<User> {
  const self = userId === ctx.actor.userId;
  const touchesAdminFields = patch.role !== undefined || patch.active !== undefined || (!self && patch.password !== undefined);
  if (!self || touchesAdminFields) requireRole(ctx.actor, "admin");
  const current = await getUser(ctx, userId);
  if (current.role === "owner" && ctx.actor.role !== "owner" && !self) throw new AppError("forbidden", "Only an owner can change another owner.");
  if (patch.role) requireMayGrantRole(ctx.actor, patch.role);
  if (self && (patch.active === false || (patch.role && patch.role !== current.role && current.role === "owner"))) {
    throw new AppError("forbidden", "You cannot deactivate yourself or give up your own owner role; ask another owner.");
  }
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  const updated = await ctx.db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({
        ...(patch.name !== undefined && { name: patch.name.trim() }),
        ...(patch.role !== undefined && { role: patch.role }),
        ...(patch.active !== undefined && { deactivatedAt: patch.active ? null : new Date() }),
        ...(passwordHash && { passwordHash }),
        updatedAt: new Date(),
      })
      .where(inWorkspace(users, ctx.actor.workspaceId, eq(users.id, userId)))
      .returning();
    if (patch.active === false || passwordHash) {
      await tx.delete(sessions).where(inWorkspace(sessions, ctx.actor.workspaceId, eq(sessions.userId, userId)));
    }
    const changed = { ...patch, password: patch.password ? "changed" : undefined };
    await appendEvent(tx, {
      workspaceId: ctx.actor.workspaceId,
      type: "user.updated",
      subjectType: "user",
      subjectId: userId,
      actor: eventActor(ctx.actor),
      payload: {
        role: patch.role,
        active: patch.active,
        // What this person may do, or whether they may sign in at all, changed: live connections must authenticate again.
        accessChanged: patch.active === false || Boolean(passwordHash) || (patch.role !== undefined && patch.role !== current.role),
      },
    });
    await recordAudit(withDb(ctx, tx), "user.updated", "user", userId, changed);
    return user!;
  });
  forgetCachedTokens((actor) => actor.userId === userId);
  return updated;
}

// ---------------------------------------------------------------------------
// Teams

async function attachMembers(db: Executor, workspaceId: string, rows: (typeof teams.$inferSelect)[]): Promise<Team[]> {
  if (rows.length === 0) return [];
  const members = await db.select().from(teamMembers).where(inWorkspace(teamMembers, workspaceId));
  return rows.map((team) => ({ ...team, memberIds: members.filter((m) => m.teamId === team.id).map((m) => m.userId) }));
}

export async function listTeams(ctx: ServiceContext): Promise<Team[]> {
  const rows = await ctx.db.select().from(teams).where(inWorkspace(teams, ctx.actor.workspaceId)).orderBy(teams.name);
  return attachMembers(ctx.db, ctx.actor.workspaceId, rows);
}

export async function getTeam(ctx: ServiceContext, teamId: string): Promise<Team> {
  const rows = await ctx.db.select().from(teams).where(inWorkspace(teams, ctx.actor.workspaceId, eq(teams.id, teamId)));
  const [team] = await attachMembers(ctx.db, ctx.actor.workspaceId, rows);
  if (!team) throw notFound("team_not_found", "The team");
  return team;
}

async function assertUsersInWorkspace(db: Executor, workspaceId: string, userIds: string[]): Promise<void> {
  for (const userId of new Set(userIds)) {
    const [user] = await db.select({ id: users.id }).from(users).where(inWorkspace(users, workspaceId, eq(users.id, userId)));
    if (!user) throw notFound("user_not_found", "A team member you named");
  }
}

export async function saveTeam(ctx: ServiceContext, teamId: string | null, input: { name?: string | undefined; memberIds?: string[] | undefined }): Promise<Team> {
  requireRole(ctx.actor, "admin");
  const workspaceId = ctx.actor.workspaceId;
  const id = await ctx.db.transaction(async (tx) => {
    let team: typeof teams.$inferSelect | undefined;
    if (teamId) {
      [team] =
        input.name === undefined
          ? await tx.select().from(teams).where(inWorkspace(teams, workspaceId, eq(teams.id, teamId)))
          : await tx
              .update(teams)
              .set({ name: input.name.trim() })
              .where(inWorkspace(teams, workspaceId, eq(teams.id, teamId)))
              .returning();
      if (!team) throw notFound("team_not_found", "The team");
    } else {
      [team] = await tx.insert(teams).values({ workspaceId, name: input.name!.trim() }).onConflictDoNothing().returning();
      if (!team) throw new AppError("conflict", "A team with that name already exists.");
    }
    if (input.memberIds) {
      await assertUsersInWorkspace(tx, workspaceId, input.memberIds);
      await tx.delete(teamMembers).where(inWorkspace(teamMembers, workspaceId, eq(teamMembers.teamId, team.id)));
      const members = [...new Set(input.memberIds)].map((userId) => ({ workspaceId, teamId: team.id, userId }));
      if (members.length > 0) await tx.insert(teamMembers).values(members);
    }
    const action = teamId ? "team.updated" : "team.created";
    await appendEvent(tx, { workspaceId, type: action, subjectType: "team", subjectId: team.id, actor: eventActor(ctx.actor), payload: { name: team.name } });
    await recordAudit(withDb(ctx, tx), action, "team", team.id, input);
    return team.id;
  });
  return getTeam(ctx, id);
}

export async function deleteTeam(ctx: ServiceContext, teamId: string): Promise<void> {
  requireRole(ctx.actor, "admin");
  await ctx.db.transaction(async (tx) => {
    const [team] = await tx.delete(teams).where(inWorkspace(teams, ctx.actor.workspaceId, eq(teams.id, teamId))).returning();
    if (!team) throw notFound("team_not_found", "The team");
    await appendEvent(tx, { workspaceId: ctx.actor.workspaceId, type: "team.deleted", subjectType: "team", subjectId: teamId, actor: eventActor(ctx.actor) });
    await recordAudit(withDb(ctx, tx), "team.deleted", "team", teamId, { name: team.name });
  });
}

// ---------------------------------------------------------------------------
// Audit log

export async function recordAuditEntry(db: Executor, entry: typeof auditEntries.$inferInsert): Promise<void> {
  await db.insert(auditEntries).values(entry);
}

export async function recordAudit(ctx: ServiceContext, action: string, targetType: string, targetId: string | null, details: object = {}): Promise<void> {
  await recordAuditEntry(ctx.db, {
    workspaceId: ctx.actor.workspaceId,
    actorUserId: ctx.actor.userId,
    action,
    targetType,
    targetId,
    details: JSON.parse(JSON.stringify(details)) as Record<string, unknown>,
    ip: ctx.ip,
  });
}

export async function listAuditEntries(ctx: ServiceContext, options: { limit: number; cursor?: string | undefined }): Promise<Page<AuditEntry>> {
  requireRole(ctx.actor, "admin");
  const keyset = new Keyset(auditEntries.createdAt, auditEntries.id, "desc");
  const rows = await ctx.db
    .select()
    .from(auditEntries)
    .where(
      inWorkspace(
        auditEntries,
        ctx.actor.workspaceId,
        keyset.after(options.cursor),
      ),
    )
    .orderBy(...keyset.orderBy)
    .limit(options.limit + 1);
  return keyset.page(rows, options.limit, (row) => row.createdAt);
}

export const scopesOf = (user: User): Scope[] => scopesForRole(user.role);
