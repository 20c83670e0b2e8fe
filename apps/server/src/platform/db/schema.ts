/** Every table, for drizzle-kit and for typed queries. Each module owns its own `schema.ts`. */
export * from "./platform-schema.ts";
export * from "../../modules/workspaces/schema.ts";
export * from "../../modules/customers/schema.ts";
export * from "../../modules/conversations/schema.ts";
export * from "../../modules/views/schema.ts";
export * from "../../modules/notifications/schema.ts";
export * from "../../modules/invitations/schema.ts";
export * from "../../modules/attachments/schema.ts";
export * from "../../modules/email/schema.ts";
export * from "../../modules/widget/schema.ts";
export * from "../../modules/knowledge/schema.ts";
export * from "../../modules/helpcenter/schema.ts";
export * from "../../modules/bot/schema.ts";
