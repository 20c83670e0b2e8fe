import Type from "typebox";
import { contextOf, type App, type AppDeps } from "../../platform/http/context.ts";
import { errorResponses } from "../../platform/http/schemas.ts";
import { deleteTag, listTags, renameTag } from "../conversations/service.ts";

const TagName = Type.String({ minLength: 1, maxLength: 100 });
const Rewritten = Type.Object({ conversations: Type.Integer({ description: "How many conversations changed." }) });

/** Tags live on conversations; these routes manage them across the whole workspace. */
export function registerTagRoutes(app: App, deps: AppDeps): void {
  const tags = ["Tags"];

  app.get(
    "/tags",
    {
      schema: {
        tags,
        summary: "Tags in use, most used first, with how many conversations carry each",
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ name: Type.String(), count: Type.Integer() })) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listTags(contextOf(deps, request)) }),
  );

  app.post(
    "/tags/rename",
    {
      schema: {
        tags,
        summary: "Rename a tag on every conversation (admins); renaming onto an existing tag merges them",
        body: Type.Object({ from: TagName, to: TagName }, { additionalProperties: false }),
        response: { 200: Rewritten, ...errorResponses },
      },
    },
    async (request) => renameTag(contextOf(deps, request), request.body.from, request.body.to),
  );

  app.delete(
    "/tags/:name",
    {
      schema: {
        tags,
        summary: "Remove a tag from every conversation (admins)",
        params: Type.Object({ name: TagName }, { additionalProperties: false }),
        response: { 200: Rewritten, ...errorResponses },
      },
    },
    async (request) => deleteTag(contextOf(deps, request), request.params.name),
  );
}
