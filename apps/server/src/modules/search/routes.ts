import Type from "typebox";
import { contextOf, type App, type AppDeps } from "../../platform/http/context.ts";
import { errorResponses, splitCommaLists } from "../../platform/http/schemas.ts";
import { ConversationSchema, presentConversation, StatusSchema } from "../conversations/presenters.ts";
import { CustomerSchema, presentCustomer } from "../customers/presenters.ts";
import { search } from "./service.ts";

const Highlight = Type.String({ description: "The matching passage as HTML: text escaped, matches wrapped in <mark>." });

export function registerSearchRoutes(app: App, deps: AppDeps): void {
  app.get(
    "/search",
    {
      preValidation: splitCommaLists("type", "status"),
      schema: {
        tags: ["Search"],
        summary: "Search conversations (subjects and messages) and customers",
        querystring: Type.Object(
          {
            q: Type.String({ minLength: 1, maxLength: 200, description: "Words to find; \"quoted phrases\", OR and -exclusions work." }),
            type: Type.Optional(Type.Array(Type.Enum(["conversations", "customers"]))),
            status: Type.Optional(Type.Array(StatusSchema)),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            conversations: Type.Array(Type.Object({ conversation: ConversationSchema, highlight: Highlight })),
            customers: Type.Array(Type.Object({ customer: CustomerSchema, highlight: Highlight })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { q, type, status, limit } = request.query;
      const result = await search(contextOf(deps, request), { q, types: type?.length ? type : ["conversations", "customers"], status, limit: limit ?? 20 });
      return {
        conversations: result.conversations.map((hit) => ({ conversation: presentConversation(hit.conversation), highlight: hit.highlight })),
        customers: result.customers.map((hit) => ({ customer: presentCustomer(hit.customer), highlight: hit.highlight })),
      };
    },
  );
}
