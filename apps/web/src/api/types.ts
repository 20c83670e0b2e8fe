import type { paths } from "./schema";

type Json<T> = T extends { content: { "application/json": infer Body } } ? Body : never;
/** The JSON body of a path's successful answer. */
export type Ok<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: infer A }
    ? Json<A>
    : R extends { 201: infer A }
      ? Json<A>
      : never
  : never;
/** The JSON body a path accepts. */
export type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;
/** The query parameters a path accepts. */
export type Query<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type Session = Ok<"/api/v1/auth/session", "get">;
export type User = Session["user"];
export type Workspace = Session["workspace"];
export type Conversation = Ok<"/api/v1/conversations/{id}", "get">;
export type ConversationPage = Ok<"/api/v1/conversations", "get">;
export type ConversationFilters = Query<"/api/v1/conversations", "get">;
export type MessagePage = Ok<"/api/v1/conversations/{id}/messages", "get">;
export type Message = MessagePage["items"][number];
export type Customer = Ok<"/api/v1/customers/{id}", "get">;
export type Team = Ok<"/api/v1/teams/{id}", "get">;
export type Status = Conversation["status"];
export type Priority = Conversation["priority"];
export type Channel = Conversation["channel"];
export type Person = Ok<"/api/v1/users", "get">["items"][number];
export type TimelineEvent = Ok<"/api/v1/conversations/{id}/events", "get">["items"][number];
export type Attachment = Message["attachments"][number];
export type StoredAttachment = Ok<"/api/v1/attachments", "post">;
export type NewMessage = Body<"/api/v1/conversations/{id}/messages", "post">;
export type ConversationChanges = Body<"/api/v1/conversations/{id}", "patch">;
export type TagUsage = Ok<"/api/v1/tags", "get">["items"][number];
export type Sort = NonNullable<ConversationFilters["sort"]>;
export type InboxCounts = Ok<"/api/v1/conversations/counts", "get">;
export type SavedView = Ok<"/api/v1/views", "get">["items"][number];
export type SavedViewFilters = SavedView["filters"];
export type Role = User["role"];
export type Locale = User["locale"];
export type Scope = Session["scopes"][number];
export type Invitation = Ok<"/api/v1/invitations", "get">["items"][number];
export type ApiToken = Ok<"/api/v1/api-tokens", "get">["items"][number];
export type AuditEntry = Ok<"/api/v1/audit-log", "get">["items"][number];
export type NotificationPage = Ok<"/api/v1/notifications", "get">;
/** Named apart from the browser's own Notification. */
export type AgentNotification = NotificationPage["items"][number];
export type SearchResults = Ok<"/api/v1/search", "get">;
export type BulkChanges = Omit<Body<"/api/v1/conversations/bulk", "post">, "ids">;
