import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "./schema";

/** An error answer from the API: its stable code, and a message written for a person. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

let csrfToken = "";
/** The session's CSRF token, echoed on every request that changes something. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** The header a write outside the typed client (a raw upload) must carry. */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { "x-csrf-token": csrfToken } : {};
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const csrf: Middleware = {
  onRequest({ request }) {
    if (!SAFE_METHODS.has(request.method) && csrfToken) request.headers.set("x-csrf-token", csrfToken);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: "", credentials: "same-origin" });
api.use(csrf);

interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

type Answer<T> = { data?: T; error?: unknown; response: Response };

/** The data of a successful answer; an ApiError for any other. */
export async function unwrap<T>(pending: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await pending;
  if (response.ok) return data as T;
  const body = (error ?? {}) as ErrorBody;
  throw new ApiError(response.status, body.error?.code ?? "http_error", body.error?.message ?? `The server answered ${response.status}.`, body.error?.details);
}
