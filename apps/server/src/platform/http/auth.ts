import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../errors.ts";
import type { Actor } from "../auth/policy.ts";
import { safeEqual } from "../auth/secrets.ts";
import type { Executor } from "../db/client.ts";
import { authenticateApiToken, authenticateSession } from "../../modules/workspaces/service.ts";

export const SESSION_COOKIE = "rapport_session";
export const CSRF_HEADER = "x-csrf-token";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Who is calling. A bearer API token, or the session cookie; cookie-authenticated
 * requests that change something must also echo the session's CSRF token in a
 * header, which a page on another site cannot read.
 */
export async function authenticate(db: Executor, request: FastifyRequest): Promise<Actor | null> {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError("unauthenticated", "The Authorization header must be \"Bearer <API token>\".");
    const actor = await authenticateApiToken(db, match[1]!);
    if (!actor) throw new AppError("unauthenticated", "This API token is not valid: it may have been revoked or have expired.");
    return actor;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const session = await authenticateSession(db, cookie);
  if (!session) return null;
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== "string" || !safeEqual(sent, session.csrfToken)) {
      throw new AppError("csrf_failed", `Send the session's CSRF token in the ${CSRF_HEADER} header (from sign-in or GET /api/v1/auth/session).`);
    }
  }
  return session.actor;
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { path: "/", httpOnly: true, sameSite: "lax", secure, expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
}
