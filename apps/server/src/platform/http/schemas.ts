import Type, { type TSchema } from "typebox";
import type { FastifyRequest } from "fastify";

/** Shapes shared by many routes. Route-specific shapes live beside their routes. */
export const Uuid = Type.String({ format: "uuid", description: "An id (UUID)." });
export const IsoDate = Type.String({ format: "date-time" });
export const NullableIsoDate = Type.Union([IsoDate, Type.Null()]);

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: "Stable machine-readable code, e.g. conversation_not_found." }),
      message: Type.String({ description: "What went wrong and what to do about it, for a person." }),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { $id: "Error" },
);

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25, description: "How many items per page (1–100)." })),
  cursor: Type.Optional(Type.String({ maxLength: 500, description: "The nextCursor of the previous page." })),
};

export const PageOf = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()], { description: "Pass as cursor for the next page; null on the last page." }) });

/** The error responses every authenticated route may give, for the OpenAPI document. */
export const errorResponses = {
  400: Type.Ref("Error"),
  401: Type.Ref("Error"),
  403: Type.Ref("Error"),
  404: Type.Ref("Error"),
  409: Type.Ref("Error"),
  422: Type.Ref("Error"),
  429: Type.Ref("Error"),
};

/**
 * A preValidation hook that lets list parameters be written `status=open,pending` as
 * well as `status=open&status=pending`, before the schema checks each value.
 */
export function splitCommaLists(...keys: string[]) {
  return async (request: FastifyRequest) => {
    const query = request.query as Record<string, unknown>;
    for (const key of keys) {
      const value = query[key];
      if (value === undefined) continue;
      query[key] = (Array.isArray(value) ? value : [value]).flatMap((item) => (typeof item === "string" ? item.split(",").filter(Boolean) : [item]));
    }
  };
}

export const NoContent = Type.Null({ description: "No content." });
