import type { Role } from "../../modules/workspaces/schema.ts";
import { AppError } from "../errors.ts";

export const SCOPES = ["conversations:read", "conversations:write", "customers:read", "customers:write", "admin"] as const;
export type Scope = (typeof SCOPES)[number];

/** Who is making a request, after authentication. */
export interface Actor {
  via: "session" | "api_token";
  workspaceId: string;
  userId: string;
  role: Role;
  /** What this credential may do: all of the role's abilities for a session, the granted subset for a token. */
  scopes: readonly Scope[];
  sessionId?: string;
  tokenId?: string;
}

const ROLE_RANK: Record<Role, number> = { agent: 0, supervisor: 1, admin: 2, owner: 3 };

export const atLeast = (role: Role, minimum: Role) => ROLE_RANK[role] >= ROLE_RANK[minimum];

export function scopesForRole(role: Role): Scope[] {
  return SCOPES.filter((scope) => scope !== "admin" || atLeast(role, "admin"));
}

export function requireScope(actor: Actor, scope: Scope): void {
  if (!actor.scopes.includes(scope)) {
    throw new AppError("forbidden", `This request needs the "${scope}" scope, which your credentials do not have.`);
  }
}

export function requireRole(actor: Actor, minimum: Role): void {
  if (!atLeast(actor.role, minimum)) throw new AppError("forbidden", `Only a ${minimum} or above can do that.`);
}

/** Nobody hands out more than they hold: a role can grant roles up to its own, and only an owner makes owners. */
export function requireMayGrantRole(actor: Actor, role: Role): void {
  if (!atLeast(actor.role, role)) throw new AppError("forbidden", `A ${actor.role} cannot give someone the ${role} role.`);
}
