import Type from "typebox";
import { AppError } from "../../platform/errors.ts";
import { eventActor } from "../../platform/context.ts";
import { requireScope } from "../../platform/auth/policy.ts";
import { contextOf, type App, type AppDeps } from "../../platform/http/context.ts";
import { errorResponses, IdParams, PageOf, PageQuery, splitCommaLists, Uuid } from "../../platform/http/schemas.ts";
import { idempotent } from "../../platform/http/idempotency.ts";
import { CustomerClaims } from "../customers/routes.ts";
import { listViews } from "../views/service.ts";
import * as conversations from "./service.ts";
import { registerConversationActivityRoutes } from "./activity-routes.ts";
import {
  AttachmentSchema,
  ChannelSchema,
  ConversationSchema,
  MessageKindSchema,
  MessageSchema,
  presentConversation,
  presentMessage,
  PrioritySchema,
  StatusSchema,
} from "./presenters.ts";

const MAX_TEXT = 100_000;

const MessageBody = {
  text: Type.Optional(Type.String({ maxLength: MAX_TEXT })),
  html: Type.Optional(Type.String({ maxLength: 500_000, description: "HTML is sanitized before it is stored." })),
  attachments: Type.Optional(Type.Array(AttachmentSchema, { maxItems: 20 })),
  externalId: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: "Your id for this message; a repeat with the same id stores nothing." })),
};

const ListQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(Type.Array(StatusSchema, { description: "One or more statuses (repeat the parameter or use commas)." })),
    assignee: Type.Optional(Type.Union([Uuid, Type.Literal("me"), Type.Literal("none")])),
    team: Type.Optional(Type.Union([Uuid, Type.Literal("none")])),
    tag: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { description: "Conversations carrying all of these tags." })),
    channel: Type.Optional(Type.Array(ChannelSchema)),
    priority: Type.Optional(Type.Array(PrioritySchema)),
    customerId: Type.Optional(Uuid),
    number: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: "The conversation with this number (#1042 is 1042)." })),
    updatedSince: Type.Optional(Type.String({ format: "date-time" })),
    sort: Type.Optional(Type.Enum(conversations.SORTS, { default: "-last_activity" })),
  },
  { additionalProperties: false },
);

export function registerConversationRoutes(app: App, deps: AppDeps): void {
  const tags = ["Conversations"];

  app.get(
    "/conversations",
    {
      preValidation: splitCommaLists("status", "tag", "channel", "priority"),
      schema: { tags, summary: "List conversations with filters and sorts", querystring: ListQuery, response: { 200: PageOf(ConversationSchema), ...errorResponses } },
    },
    async (request) => {
      const query = request.query;
      const page = await conversations.listConversations(contextOf(deps, request), {
        ...query,
        tag: query.tag?.map(conversations.normalizeTag),
        updatedSince: query.updatedSince ? new Date(query.updatedSince) : undefined,
        sort: query.sort ?? "-last_activity",
        limit: query.limit ?? 25,
      });
      return { items: page.items.map(presentConversation), nextCursor: page.nextCursor };
    },
  );

  app.post(
    "/conversations",
    {
      schema: {
        tags,
        summary: "Receive a customer's message on the API channel: finds or creates the customer and opens a conversation (accepts Idempotency-Key)",
        body: Type.Object(
          {
            customer: Type.Object({ ...CustomerClaims, name: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false }),
            subject: Type.Optional(Type.String({ maxLength: 500 })),
            channel: Type.Optional(ChannelSchema),
            message: Type.Object(MessageBody, { additionalProperties: false }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ conversation: ConversationSchema, message: MessageSchema }), 200: Type.Object({ conversation: ConversationSchema, message: MessageSchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await idempotent(contextOf(deps, request), request, async (ctx) => {
        requireScope(ctx.actor, "conversations:write");
        const { customer, subject, channel, message } = request.body;
        const receipt = await conversations.receiveMessage(ctx.db, ctx.actor.workspaceId, { channel: channel ?? "api", customer, subject, message }, eventActor(ctx.actor));
        return { statusCode: receipt.created ? 201 : 200, body: { conversation: presentConversation(receipt.conversation), message: presentMessage(receipt.message) } };
      });
      return reply.status(result.statusCode).send(result.body);
    },
  );

  const Counts = Type.Record(Type.String(), Type.Integer());
  app.get(
    "/conversations/counts",
    {
      schema: {
        tags,
        summary: "Counts for the inbox's built-in views, open conversations per team, channel and tag (top 50), and your saved views",
        response: {
          200: Type.Object({
            mine: Type.Integer({ description: "Open and assigned to you." }),
            unassigned: Type.Integer({ description: "Open with nobody assigned." }),
            open: Type.Integer(),
            pending: Type.Integer(),
            snoozed: Type.Integer(),
            resolved: Type.Integer(),
            teams: Counts,
            channels: Counts,
            tags: Counts,
            views: Type.Record(Type.String(), Type.Integer(), { description: "By view id: conversations matching the view's filters." }),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const ctx = contextOf(deps, request);
      return conversations.countConversations(ctx, await listViews(ctx));
    },
  );

  app.get("/conversations/:id", { schema: { tags, summary: "One conversation", params: IdParams, response: { 200: ConversationSchema, ...errorResponses } } }, async (request) =>
    presentConversation(await conversations.getConversation(contextOf(deps, request), request.params.id)),
  );

  app.patch(
    "/conversations/:id",
    {
      schema: {
        tags,
        summary: "Change status, priority, assignee, team, subject, or snooze",
        params: IdParams,
        body: Type.Object(
          {
            status: Type.Optional(StatusSchema),
            priority: Type.Optional(PrioritySchema),
            assigneeId: Type.Optional(Type.Union([Uuid, Type.Null()])),
            teamId: Type.Optional(Type.Union([Uuid, Type.Null()])),
            subject: Type.Optional(Type.String({ maxLength: 500 })),
            snoozedUntil: Type.Optional(Type.String({ format: "date-time" })),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: ConversationSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { snoozedUntil, ...changes } = request.body;
      const conversation = await conversations.updateConversation(contextOf(deps, request), request.params.id, {
        ...changes,
        snoozedUntil: snoozedUntil ? new Date(snoozedUntil) : undefined,
      });
      return presentConversation(conversation);
    },
  );

  app.post(
    "/conversations/:id/assign",
    {
      schema: {
        tags,
        summary: "Assign to a person and/or team (null unassigns)",
        params: IdParams,
        body: Type.Object({ assigneeId: Type.Optional(Type.Union([Uuid, Type.Null()])), teamId: Type.Optional(Type.Union([Uuid, Type.Null()])) }, { additionalProperties: false, minProperties: 1 }),
        response: { 200: ConversationSchema, ...errorResponses },
      },
    },
    async (request) => presentConversation(await conversations.updateConversation(contextOf(deps, request), request.params.id, request.body)),
  );

  app.post(
    "/conversations/:id/status",
    {
      schema: {
        tags,
        summary: "Set the status (snoozed needs snoozedUntil)",
        params: IdParams,
        body: Type.Object({ status: StatusSchema, snoozedUntil: Type.Optional(Type.String({ format: "date-time" })) }, { additionalProperties: false }),
        response: { 200: ConversationSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { status, snoozedUntil } = request.body;
      return presentConversation(
        await conversations.updateConversation(contextOf(deps, request), request.params.id, { status, snoozedUntil: snoozedUntil ? new Date(snoozedUntil) : undefined }),
      );
    },
  );

  app.post(
    "/conversations/:id/tags",
    {
      schema: {
        tags,
        summary: "Add and remove tags",
        params: IdParams,
        body: Type.Object(
          { add: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 })), remove: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 })) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: ConversationSchema, ...errorResponses },
      },
    },
    async (request) => presentConversation(await conversations.changeTags(contextOf(deps, request), request.params.id, request.body)),
  );

  app.post(
    "/conversations/:id/merge",
    {
      schema: {
        tags,
        summary: "Merge this conversation into another; returns the one that remains",
        params: IdParams,
        body: Type.Object({ intoId: Uuid }, { additionalProperties: false }),
        response: { 200: ConversationSchema, ...errorResponses },
      },
    },
    async (request) => presentConversation(await conversations.mergeConversations(contextOf(deps, request), request.params.id, request.body.intoId)),
  );

  app.get(
    "/conversations/:id/messages",
    {
      schema: {
        tags,
        summary: "Messages and notes in a conversation, oldest first unless order=newest",
        params: IdParams,
        querystring: Type.Object(
          {
            ...PageQuery,
            order: Type.Optional(
              Type.Enum(conversations.MESSAGE_ORDERS, { default: "oldest", description: "oldest: from the first message on; newest: from the latest back. Ask for the next page in the same order as the cursor's page." }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: PageOf(MessageSchema), ...errorResponses },
      },
    },
    async (request) => {
      const page = await conversations.listMessages(contextOf(deps, request), request.params.id, {
        limit: request.query.limit ?? 25,
        cursor: request.query.cursor,
        order: request.query.order ?? "oldest",
      });
      return { items: page.items.map(presentMessage), nextCursor: page.nextCursor };
    },
  );

  app.post(
    "/conversations/:id/messages",
    {
      schema: {
        tags,
        summary: "Reply, add an internal note, or (integrations) add the customer's next inbound message (accepts Idempotency-Key)",
        params: IdParams,
        body: Type.Object(
          {
            kind: Type.Optional(MessageKindSchema),
            ...MessageBody,
            mentions: Type.Optional(Type.Array(Uuid, { maxItems: 50, description: "Teammates mentioned in a note." })),
            status: Type.Optional(StatusSchema),
            ifNoReplySince: Type.Optional(
              Type.Union([Uuid, Type.String({ format: "date-time" })], {
                description: "The id (or time) of the last message you saw: if a reply was stored after it, nothing is sent and the answer is 409 conversation_changed with the new replies in details.messages.",
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: MessageSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { kind, ...body } = request.body;
      if (body.mentions?.length && kind !== "note") throw new AppError("invalid_request", "Mentions belong in internal notes (kind: \"note\").");
      const result = await idempotent(contextOf(deps, request), request, async (ctx) => ({
        statusCode: 201,
        body: presentMessage(await conversations.addMessage(ctx, request.params.id, { kind: kind ?? "reply", ...body })),
      }));
      return reply.status(result.statusCode).send(result.body);
    },
  );
  registerConversationActivityRoutes(app, deps);
}
