import Type from "typebox";
import { IsoDate, Uuid } from "../../platform/http/schemas.ts";
import type { WidgetMessage } from "./protocol.ts";
import type { VisibleMessage } from "./service.ts";
import type { WidgetSettings } from "./settings.ts";
import { FIELD_TYPES, WIDGET_POSITIONS, WEEKDAYS } from "./schema.ts";

const AUTHORS = { customer: "visitor", agent: "agent", bot: "bot", system: "system" } as const;

/** The id the widget gave a message it sent, taken back out of the message's external id. */
export const clientIdOf = (externalId: string | null) => (externalId?.startsWith("widget:") ? externalId.split(":").slice(2).join(":") : null);

/** A message as the visitor sees it: the agent's name, never their id; files through the widget's own address. */
export function presentWidgetMessage(message: VisibleMessage, publicUrl: string): WidgetMessage {
  return {
    id: message.id,
    seq: message.seq,
    conversationId: message.conversationId,
    clientId: clientIdOf(message.externalId),
    author: AUTHORS[message.authorType],
    authorName: message.authorType === "agent" || message.authorType === "bot" ? message.authorName : null,
    authorAvatarUrl: null,
    text: message.bodyText,
    html: message.bodyHtml,
    attachments: message.attachments
      .filter((attachment) => !attachment.rejected)
      .map(({ id, filename, contentType, size }) => ({ id, filename, contentType, size, url: `${publicUrl}/widget/v1/attachments/${id}` })),
    createdAt: message.createdAt.toISOString(),
    ...(message.articles?.length && { articles: message.articles.map(({ title, url }) => ({ title, url })) }),
    ...(message.quickReplies?.length && { quickReplies: message.quickReplies }),
  };
}

const Color = Type.String({ pattern: "^#[0-9a-fA-F]{6}$", description: "#rrggbb" });
const Origin = Type.String({
  pattern: "^https?://[A-Za-z0-9.-]+(:([0-9]{1,5}|\\*))?$",
  maxLength: 300,
  description: "scheme://host[:port], no path; a port of * allows any port (for development).",
});
const Texts = Type.Record(Type.String({ pattern: "^[a-z]{2}$" }), Type.String({ maxLength: 500 }));
const FieldSchema = Type.Object(
  {
    key: Type.String({ pattern: "^[a-z][a-z0-9_]*$", maxLength: 50, description: "Where the answer is kept: [a-z][a-z0-9_]*." }),
    label: Type.String({ minLength: 1, maxLength: 200 }),
    type: Type.Enum(FIELD_TYPES),
    required: Type.Boolean(),
    options: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50 })),
  },
  { additionalProperties: false },
);
const RuleSchema = Type.Object(
  {
    urlContains: Type.String({ minLength: 1, maxLength: 500 }),
    message: Type.String({ minLength: 1, maxLength: 1000 }),
    delaySeconds: Type.Integer({ minimum: 0, maximum: 3600 }),
  },
  { additionalProperties: false },
);
const Time = Type.String({ pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$", description: "HH:MM" });
const HoursSchema = Type.Object(
  {
    timeZone: Type.String({ minLength: 1, maxLength: 100, description: "IANA, such as Europe/Madrid." }),
    days: Type.Object(Object.fromEntries(WEEKDAYS.map((day) => [day, Type.Optional(Type.Array(Type.Tuple([Time, Time]), { maxItems: 6 }))])), { additionalProperties: false }),
  },
  { additionalProperties: false },
);
const AppearanceSchema = Type.Object(
  { color: Color, position: Type.Enum(WIDGET_POSITIONS), greeting: Texts, title: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);

export const WidgetSettingsPatch = Type.Object(
  {
    enabled: Type.Optional(Type.Boolean()),
    allowedOrigins: Type.Optional(Type.Array(Origin, { maxItems: 50 })),
    requireIdentity: Type.Optional(Type.Boolean()),
    appearance: Type.Optional(Type.Partial(AppearanceSchema)),
    preChatFields: Type.Optional(Type.Array(FieldSchema, { maxItems: 20 })),
    proactiveRules: Type.Optional(Type.Array(RuleSchema, { maxItems: 20 })),
    contactFields: Type.Optional(Type.Array(FieldSchema, { maxItems: 20 })),
    businessHours: Type.Optional(Type.Union([HoursSchema, Type.Null()], { description: "Null: open whenever an agent is online." })),
  },
  { additionalProperties: false },
);

export const WidgetSettingsSchema = Type.Object({
  enabled: Type.Boolean(),
  allowedOrigins: Type.Array(Type.String()),
  identitySecret: Type.String({ description: "The key a host's server signs its signed-in users with (HMAC-SHA256). Keep it on the server." }),
  requireIdentity: Type.Boolean(),
  appearance: AppearanceSchema,
  preChatFields: Type.Array(FieldSchema),
  proactiveRules: Type.Array(RuleSchema),
  contactFields: Type.Array(FieldSchema),
  businessHours: Type.Union([HoursSchema, Type.Null()]),
  installSnippet: Type.String({ description: "The tag to put on the host's pages." }),
  updatedAt: IsoDate,
});

export const installSnippet = (publicUrl: string, slug: string) => `<script src="${publicUrl}/widget.js" data-workspace="${slug}" async></script>`;

export const presentWidgetSettings = (settings: WidgetSettings, snippet: string) => ({
  enabled: settings.enabled,
  allowedOrigins: settings.allowedOrigins,
  identitySecret: settings.identitySecret,
  requireIdentity: settings.requireIdentity,
  appearance: settings.appearance,
  preChatFields: settings.preChatFields,
  proactiveRules: settings.proactiveRules,
  contactFields: settings.contactFields,
  businessHours: settings.businessHours,
  installSnippet: snippet,
  updatedAt: settings.updatedAt.toISOString(),
});

export const ConversationVisitorSchema = Type.Object({
  visitorId: Uuid,
  verified: Type.Boolean(),
  verifiedUserId: Type.Union([Type.String(), Type.Null()], { description: "The host's own user id, when its server signed it." }),
  email: Type.Union([Type.String(), Type.Null()], { description: "An address the visitor gave; not verified." }),
  context: Type.Object(
    {
      url: Type.Optional(Type.String()),
      title: Type.Optional(Type.String()),
      referrer: Type.Optional(Type.String()),
      userAgent: Type.Optional(Type.String()),
      language: Type.Optional(Type.String()),
      timeZone: Type.Optional(Type.String()),
    },
    { description: "The page the visitor is on, their browser and language, as the widget last told." },
  ),
  online: Type.Boolean(),
  lastSeenAt: IsoDate,
});
