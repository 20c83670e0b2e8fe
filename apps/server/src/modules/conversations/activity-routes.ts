import Type from "typebox";
import { contextOf, type App, type AppDeps } from "../../platform/http/context.ts";
import { errorResponses, IdParams, IsoDate, PageOf, PageQuery, splitCommaLists, Uuid } from "../../platform/http/schemas.ts";
import { bulkUpdateConversations } from "./bulk.ts";
import { ConversationSchema, presentConversation, PrioritySchema, StatusSchema } from "./presenters.ts";
import { listConversationEvents, type TimelineEvent } from "./timeline.ts";

const TimelineEventSchema = Type.Object({
  id: Type.Integer({ description: "The event's position in the workspace's event log; events here come in this order." }),
  type: Type.String({ description: "e.g. conversation.assigned, conversation.status_changed, conversation.tags_changed." }),
  actor: Type.Object({
    type: Type.Enum(["user", "api_token", "customer", "system"]),
    id: Type.Union([Uuid, Type.Null()]),
    name: Type.Optional(Type.String({ description: "The person's name, when the actor is a user or customer still on record." })),
  }),
  payload: Type.Record(Type.String(), Type.Unknown(), { description: "What changed, e.g. {from, to} or {added, removed}." }),
  createdAt: IsoDate,
});

const presentEvent = (event: TimelineEvent) => ({
  id: event.id,
  type: event.type,
  actor: { type: event.actor.type, id: event.actor.id, ...(event.actor.name === null ? {} : { name: event.actor.name }) },
  payload: event.payload,
  createdAt: event.createdAt.toISOString(),
});

const Tag = Type.String({ minLength: 1, maxLength: 100 });

/** The conversation's history beside its messages, and changes to many conversations at once. */
export function registerConversationActivityRoutes(app: App, deps: AppDeps): void {
  const tags = ["Conversations"];

  app.get(
    "/conversations/:id/events",
    {
      preValidation: splitCommaLists("type"),
      schema: {
        tags,
        summary: "What happened to a conversation besides its messages (assigned, status, priority, tags, team, merged…), oldest first",
        params: IdParams,
        querystring: Type.Object(
          {
            ...PageQuery,
            type: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 20, description: "Only these event types; by default all but message.created." })),
          },
          { additionalProperties: false },
        ),
        response: { 200: PageOf(TimelineEventSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { limit, cursor, type } = request.query;
      const page = await listConversationEvents(contextOf(deps, request), request.params.id, { limit: limit ?? 25, cursor, types: type });
      return { items: page.items.map(presentEvent), nextCursor: page.nextCursor };
    },
  );

  app.post(
    "/conversations/bulk",
    {
      schema: {
        tags,
        summary: "Assign, set status or priority, or tag up to 100 conversations at once, all or none; ids not in your workspace come back in notFound",
        body: Type.Object(
          {
            ids: Type.Array(Uuid, { minItems: 1, maxItems: 100 }),
            assigneeId: Type.Optional(Type.Union([Uuid, Type.Null()])),
            teamId: Type.Optional(Type.Union([Uuid, Type.Null()])),
            status: Type.Optional(StatusSchema),
            snoozedUntil: Type.Optional(Type.String({ format: "date-time", description: "Needed with status snoozed." })),
            priority: Type.Optional(PrioritySchema),
            addTags: Type.Optional(Type.Array(Tag, { maxItems: 50 })),
            removeTags: Type.Optional(Type.Array(Tag, { maxItems: 50 })),
          },
          { additionalProperties: false, minProperties: 2 },
        ),
        response: { 200: Type.Object({ updated: Type.Array(ConversationSchema), notFound: Type.Array(Uuid) }), ...errorResponses },
      },
    },
    async (request) => {
      const { ids, snoozedUntil, ...changes } = request.body;
      const result = await bulkUpdateConversations(contextOf(deps, request), ids, { ...changes, snoozedUntil: snoozedUntil ? new Date(snoozedUntil) : undefined });
      return { updated: result.updated.map(presentConversation), notFound: result.notFound };
    },
  );
}
