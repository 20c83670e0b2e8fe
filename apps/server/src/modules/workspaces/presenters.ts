import Type from "typebox";
import { IsoDate, NullableIsoDate, Uuid } from "../../platform/http/schemas.ts";
import { SCOPES, type Scope } from "../../platform/auth/policy.ts";
import { LOCALES, ROLES } from "./schema.ts";
import type { ApiToken, AuditEntry, Team, User, Workspace } from "./service.ts";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export const RoleSchema = Type.Enum(ROLES);
export const ScopeSchema = Type.Enum(SCOPES);
export const LocaleSchema = Type.Enum(LOCALES);

export const WorkspaceSchema = Type.Object({ id: Uuid, name: Type.String(), slug: Type.String(), timeZone: Type.String(), createdAt: IsoDate });
export const presentWorkspace = (w: Workspace) => ({ id: w.id, name: w.name, slug: w.slug, timeZone: w.timeZone, createdAt: w.createdAt.toISOString() });

export const UserSchema = Type.Object({
  id: Uuid,
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  active: Type.Boolean(),
  locale: LocaleSchema,
  timeZone: Type.Union([Type.String(), Type.Null()], { description: "An IANA time zone; null follows the workspace's." }),
  lastLoginAt: NullableIsoDate,
  createdAt: IsoDate,
});
export const presentUser = (u: User) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  active: u.deactivatedAt === null,
  locale: u.locale,
  timeZone: u.timeZone,
  lastLoginAt: iso(u.lastLoginAt),
  createdAt: u.createdAt.toISOString(),
});

export const TeamSchema = Type.Object({ id: Uuid, name: Type.String(), memberIds: Type.Array(Uuid), createdAt: IsoDate });
export const presentTeam = (t: Team) => ({ id: t.id, name: t.name, memberIds: t.memberIds, createdAt: t.createdAt.toISOString() });

export const ApiTokenSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  prefix: Type.String({ description: "The first characters of the token, to recognise it." }),
  scopes: Type.Array(ScopeSchema),
  userId: Uuid,
  expiresAt: NullableIsoDate,
  lastUsedAt: NullableIsoDate,
  revokedAt: NullableIsoDate,
  createdAt: IsoDate,
});
export const presentApiToken = (t: ApiToken) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  scopes: t.scopes as Scope[],
  userId: t.userId,
  expiresAt: iso(t.expiresAt),
  lastUsedAt: iso(t.lastUsedAt),
  revokedAt: iso(t.revokedAt),
  createdAt: t.createdAt.toISOString(),
});

export const AuditEntrySchema = Type.Object({
  id: Uuid,
  actorUserId: Type.Union([Uuid, Type.Null()]),
  action: Type.String(),
  targetType: Type.String(),
  targetId: Type.Union([Uuid, Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
  ip: Type.Union([Type.String(), Type.Null()]),
  createdAt: IsoDate,
});
export const presentAuditEntry = (e: AuditEntry) => ({
  id: e.id,
  actorUserId: e.actorUserId,
  action: e.action,
  targetType: e.targetType,
  targetId: e.targetId,
  details: e.details,
  ip: e.ip,
  createdAt: e.createdAt.toISOString(),
});
