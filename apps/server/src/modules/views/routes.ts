import Type from "typebox";
import { contextOf, type App, type AppDeps } from "../../platform/http/context.ts";
import { errorResponses, IdParams, NoContent } from "../../platform/http/schemas.ts";
import * as views from "./service.ts";
import { presentView, ViewFiltersSchema, ViewSchema, ViewSortSchema } from "./presenters.ts";

const Name = Type.String({ minLength: 1, maxLength: 100 });
const Position = Type.Integer({ minimum: 0, maximum: 10_000, description: "Sidebar order, lowest first." });

export function registerViewRoutes(app: App, deps: AppDeps): void {
  const tags = ["Views"];

  app.get("/views", { schema: { tags, summary: "Your saved views and the workspace's shared ones, in sidebar order", response: { 200: Type.Object({ items: Type.Array(ViewSchema) }), ...errorResponses } } }, async (request) => ({
    items: (await views.listViews(contextOf(deps, request))).map(presentView),
  }));

  app.post(
    "/views",
    {
      schema: {
        tags,
        summary: "Save a view; shared: true shares it with the workspace (supervisors and above)",
        body: Type.Object(
          { name: Name, filters: ViewFiltersSchema, sort: Type.Optional(ViewSortSchema), position: Type.Optional(Position), shared: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: { 201: ViewSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(presentView(await views.createView(contextOf(deps, request), request.body))),
  );

  app.patch(
    "/views/:id",
    {
      schema: {
        tags,
        summary: "Rename, refilter, resort or move a view (yours; shared ones need an admin)",
        params: IdParams,
        body: Type.Object(
          { name: Type.Optional(Name), filters: Type.Optional(ViewFiltersSchema), sort: Type.Optional(ViewSortSchema), position: Type.Optional(Position) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: ViewSchema, ...errorResponses },
      },
    },
    async (request) => presentView(await views.updateView(contextOf(deps, request), request.params.id, request.body)),
  );

  app.delete("/views/:id", { schema: { tags, summary: "Delete a view (yours; shared ones need an admin)", params: IdParams, response: { 204: NoContent, ...errorResponses } } }, async (request, reply) => {
    await views.deleteView(contextOf(deps, request), request.params.id);
    return reply.status(204).send(null);
  });
}
