import Type from "typebox";
import { contextOf, type App, type AppDeps } from "../../platform/http/context.ts";
import { errorResponses, IdParams, NoContent, PageOf, PageQuery } from "../../platform/http/schemas.ts";
import { idempotent } from "../../platform/http/idempotency.ts";
import { eraseCustomerConversations } from "../conversations/service.ts";
import * as customers from "./service.ts";
import { CustomerSchema, presentCustomer } from "./presenters.ts";

const Optional = (max: number) => Type.Optional(Type.String({ minLength: 1, maxLength: max }));

export const CustomerClaims = {
  email: Type.Optional(Type.String({ format: "email", maxLength: 254 })),
  phone: Type.Optional(Type.String({ minLength: 3, maxLength: 40, pattern: "^\\+?[0-9 ().-]+$" })),
  externalId: Optional(200),
  handle: Optional(200),
  visitorId: Optional(200),
};

const CustomerBody = Type.Object(
  {
    name: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    ...CustomerClaims,
    attributes: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 100 })),
    notes: Type.Optional(Type.String({ maxLength: 20_000 })),
  },
  { additionalProperties: false },
);

export function registerCustomerRoutes(app: App, deps: AppDeps): void {
  const tags = ["Customers"];

  app.get(
    "/customers",
    {
      schema: {
        tags,
        summary: "Customers, newest first; q searches names, emails, phones and external ids",
        querystring: Type.Object({ ...PageQuery, q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }, { additionalProperties: false }),
        response: { 200: PageOf(CustomerSchema), ...errorResponses },
      },
    },
    async (request) => {
      const page = await customers.listCustomers(contextOf(deps, request), { limit: request.query.limit ?? 25, cursor: request.query.cursor, q: request.query.q });
      return { items: page.items.map(presentCustomer), nextCursor: page.nextCursor };
    },
  );

  app.post(
    "/customers",
    { schema: { tags, summary: "Create a customer (accepts Idempotency-Key)", body: CustomerBody, response: { 201: CustomerSchema, ...errorResponses } } },
    async (request, reply) => {
      const result = await idempotent(contextOf(deps, request), request, async (ctx) => ({
        statusCode: 201,
        body: presentCustomer(await customers.createCustomer(ctx, request.body)),
      }));
      return reply.status(result.statusCode).send(result.body);
    },
  );

  app.get("/customers/:id", { schema: { tags, summary: "One customer with all their identities", params: IdParams, response: { 200: CustomerSchema, ...errorResponses } } }, async (request) =>
    presentCustomer(await customers.getCustomer(contextOf(deps, request), request.params.id)),
  );

  app.patch(
    "/customers/:id",
    {
      schema: {
        tags,
        summary: "Change a customer: name, notes, attributes (merged; null removes a key), or add identities",
        params: IdParams,
        body: CustomerBody,
        response: { 200: CustomerSchema, ...errorResponses },
      },
    },
    async (request) => presentCustomer(await customers.updateCustomer(contextOf(deps, request), request.params.id, request.body)),
  );

  app.delete(
    "/customers/:id",
    { schema: { tags, summary: "Erase a customer and their conversations (supervisors and up)", params: IdParams, response: { 204: NoContent, ...errorResponses } } },
    async (request, reply) => {
      const ctx = contextOf(deps, request);
      await customers.deleteCustomer(ctx, request.params.id, (tx, customerId) => eraseCustomerConversations(tx, ctx.actor.workspaceId, customerId));
      return reply.status(204).send(null);
    },
  );
}
