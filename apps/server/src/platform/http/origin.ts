import type { FastifyRequest } from "fastify";

/**
 * A browser sends its cookies with a WebSocket upgrade from any page, and the same-origin policy
 * does not apply to WebSockets (nor to a form posted across sites): only the Origin header tells a page of
 * this server from another site's.
 */
export function isOwnOrigin(request: FastifyRequest, publicOrigin: string): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  if (origin === publicOrigin) return true;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}
