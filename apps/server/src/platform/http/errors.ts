import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { AppError, errorBody } from "../errors.ts";

interface ValidationIssue {
  instancePath: string;
  message?: string | undefined;
  params?: Record<string, unknown>;
}

function describeIssue(context: string, issue: ValidationIssue): string {
  const where = `${context}${issue.instancePath.replace(/\//g, ".")}`;
  if (issue.params && "additionalProperty" in issue.params) return `${where} has an unknown field "${String(issue.params.additionalProperty)}"`;
  if (issue.params && "allowedValues" in issue.params) {
    return `${where} must be one of: ${(issue.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
  }
  return `${where} ${issue.message ?? "is invalid"}`;
}

/** Maps Fastify's own errors (bad JSON, too large, wrong content type) onto our codes. */
const FASTIFY_CODES: Record<string, { code: Parameters<typeof errorBody>[0]; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: "payload_too_large", message: "The request body is larger than this server accepts." },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: "unsupported_media_type", message: "Send the body as application/json." },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: "invalid_request", message: "The body is not valid JSON." },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: "invalid_request", message: "The body is empty; send a JSON object." },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: "invalid_request", message: "Content-Length does not match the body." },
};

export function handleError(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply): void {
  if (error instanceof AppError) {
    void reply.status(error.statusCode).send(errorBody(error.code, error.message, error.details));
    return;
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const context = fastifyError.validationContext ?? "request";
    const issues = fastifyError.validation.map((issue) => describeIssue(context, issue));
    void reply.status(400).send(errorBody("invalid_request", `${issues[0]}.`, { issues }));
    return;
  }
  const known = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (known) {
    void reply.status(fastifyError.statusCode ?? 400).send(errorBody(known.code, known.message));
    return;
  }
  if (fastifyError.statusCode === 429) {
    void reply.status(429).send(errorBody("too_many_requests", "Too many requests; wait a minute and try again."));
    return;
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    void reply.status(fastifyError.statusCode).send(errorBody("invalid_request", fastifyError.message));
    return;
  }
  const sqlState = postgresErrorCode(error);
  if (sqlState === "22P02" || sqlState === "22007" || sqlState === "22008") {
    // A value PostgreSQL could not read (say, an id that is not a UUID in a path the schema did not cover).
    void reply.status(400).send(errorBody("invalid_request", "A value in the request is not in the expected format."));
    return;
  }
  if (sqlState === "23505") {
    // A unique rule the service did not check first (two requests racing, or a rename onto an existing name).
    void reply.status(409).send(errorBody("conflict", "That conflicts with something that already exists (a name or address must be unique)."));
    return;
  }
  request.log.error({ err: error }, "unhandled error");
  void reply.status(500).send(errorBody("internal_error", "Something went wrong on our side. It has been logged; please try again."));
}

/** The SQLSTATE of a database error, whether the driver threw it directly or the ORM wrapped it. */
function postgresErrorCode(error: unknown): string | undefined {
  const candidates = [error, (error as { cause?: unknown }).cause];
  for (const candidate of candidates) {
    const code = (candidate as { code?: unknown } | undefined)?.code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}
