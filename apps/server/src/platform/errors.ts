/**
 * The error taxonomy. Each code is stable (clients switch on it) and maps to one HTTP
 * status. Anything that is not an AppError becomes a bare 500 that leaks nothing.
 */
const STATUS_BY_CODE = {
  invalid_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  identity_refused: 401,
  identity_required: 401,
  csrf_failed: 403,
  forbidden: 403,
  signup_closed: 403,
  origin_refused: 403,
  not_found: 404,
  conversation_not_found: 404,
  customer_not_found: 404,
  user_not_found: 404,
  team_not_found: 404,
  api_token_not_found: 404,
  view_not_found: 404,
  tag_not_found: 404,
  invitation_not_found: 404,
  attachment_not_found: 404,
  mailbox_not_found: 404,
  email_not_found: 404,
  no_visitor: 404,
  knowledge_category_not_found: 404,
  article_not_found: 404,
  article_version_not_found: 404,
  conflict: 409,
  email_taken: 409,
  identity_taken: 409,
  already_merged: 409,
  conversation_changed: 409,
  idempotency_key_reused: 422,
  invitation_expired: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof STATUS_BY_CODE;

export class AppError extends Error {
  override name = "AppError";
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.statusCode = STATUS_BY_CODE[code];
  }
}

export const notFound = (code: ErrorCode & `${string}not_found`, what: string) => new AppError(code, `${what} was not found.`);
export const forbidden = (message = "You are not allowed to do that.") => new AppError("forbidden", message);

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}
