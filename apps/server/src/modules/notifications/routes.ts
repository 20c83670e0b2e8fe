import Type from "typebox";
import { contextOf, type App, type AppDeps } from "../../platform/http/context.ts";
import { errorResponses, PageQuery, Uuid } from "../../platform/http/schemas.ts";
import * as notifications from "./service.ts";
import { NotificationSchema, presentNotification } from "./presenters.ts";

export function registerNotificationRoutes(app: App, deps: AppDeps): void {
  const tags = ["Notifications"];

  app.get(
    "/notifications",
    {
      schema: {
        tags,
        summary: "Your notifications, newest first, with how many are unread",
        querystring: Type.Object({ ...PageQuery, unread: Type.Optional(Type.Boolean({ description: "Only unread ones." })) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            items: Type.Array(NotificationSchema),
            nextCursor: Type.Union([Type.String(), Type.Null()], { description: "Pass as cursor for the next page; null on the last page." }),
            unreadCount: Type.Integer(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const page = await notifications.listNotifications(contextOf(deps, request), { limit: request.query.limit ?? 25, cursor: request.query.cursor, unread: request.query.unread });
      return { items: page.items.map(presentNotification), nextCursor: page.nextCursor, unreadCount: page.unreadCount };
    },
  );

  app.post(
    "/notifications/read",
    {
      schema: {
        tags,
        summary: "Mark notifications read: some by id, or all: true",
        body: Type.Object(
          { ids: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 500 })), all: Type.Optional(Type.Literal(true)) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Type.Object({ updated: Type.Integer(), unreadCount: Type.Integer() }), ...errorResponses },
      },
    },
    async (request) => notifications.markRead(contextOf(deps, request), request.body),
  );
}
