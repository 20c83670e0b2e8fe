import Type from "typebox";
import { IsoDate, NullableIsoDate, Uuid } from "../../platform/http/schemas.ts";
import { AUTHOR_TYPES, CHANNELS, DELIVERY_STATUSES, MESSAGE_KINDS, PRIORITIES, STATUSES } from "./schema.ts";
import type { Conversation, Message } from "./service.ts";

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const NullableUuid = Type.Union([Uuid, Type.Null()]);

export const ChannelSchema = Type.Enum(CHANNELS);
export const StatusSchema = Type.Enum(STATUSES);
export const PrioritySchema = Type.Enum(PRIORITIES);
export const MessageKindSchema = Type.Enum(MESSAGE_KINDS);

export const AttachmentSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 200 }),
    filename: Type.String({ minLength: 1, maxLength: 255 }),
    contentType: Type.String({ minLength: 1, maxLength: 255 }),
    size: Type.Integer({ minimum: 0 }),
    url: Type.Optional(Type.String({ format: "uri", maxLength: 2000 })),
    rejected: Type.Optional(Type.String({ maxLength: 500, description: "Why the file was not kept (too large, a dangerous type); it is listed so no one thinks it never came." })),
  },
  { additionalProperties: false },
);

export const ConversationSchema = Type.Object({
  id: Uuid,
  number: Type.Integer({ description: "The number people quote, e.g. #1042." }),
  status: StatusSchema,
  priority: PrioritySchema,
  channel: ChannelSchema,
  subject: Type.String(),
  tags: Type.Array(Type.String()),
  customer: Type.Object({ id: Uuid, name: Type.Union([Type.String(), Type.Null()]), email: Type.Union([Type.String(), Type.Null()]) }),
  assigneeId: NullableUuid,
  teamId: NullableUuid,
  messageCount: Type.Integer(),
  lastMessagePreview: Type.String(),
  lastMessageAt: NullableIsoDate,
  lastActivityAt: IsoDate,
  firstResponseAt: NullableIsoDate,
  resolvedAt: NullableIsoDate,
  snoozedUntil: NullableIsoDate,
  mergedIntoId: NullableUuid,
  createdAt: IsoDate,
  updatedAt: IsoDate,
});

export const presentConversation = (c: Conversation) => ({
  id: c.id,
  number: c.number,
  status: c.status,
  priority: c.priority,
  channel: c.channel,
  subject: c.subject,
  tags: c.tags,
  customer: c.customer,
  assigneeId: c.assigneeId,
  teamId: c.teamId,
  messageCount: c.messageCount,
  lastMessagePreview: c.lastMessagePreview,
  lastMessageAt: iso(c.lastMessageAt),
  lastActivityAt: c.lastActivityAt.toISOString(),
  firstResponseAt: iso(c.firstResponseAt),
  resolvedAt: iso(c.resolvedAt),
  snoozedUntil: iso(c.snoozedUntil),
  mergedIntoId: c.mergedIntoId,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

export const MessageSchema = Type.Object({
  id: Uuid,
  conversationId: Uuid,
  kind: MessageKindSchema,
  authorType: Type.Enum(AUTHOR_TYPES),
  authorId: NullableUuid,
  text: Type.String(),
  html: Type.Union([Type.String({ description: "Sanitized HTML." }), Type.Null()]),
  attachments: Type.Array(AttachmentSchema),
  externalId: Type.Union([Type.String(), Type.Null()]),
  mentions: Type.Array(Uuid),
  seq: Type.Union([Type.Integer(), Type.Null()], { description: "The message's place in its conversation; grows in the order messages were stored." }),
  delivery: Type.Union([
    Type.Object({ status: Type.Enum(DELIVERY_STATUSES), error: Type.Union([Type.String(), Type.Null()]) }, { description: "How a reply sent through its channel (email) is getting on." }),
    Type.Null(),
  ]),
  createdAt: IsoDate,
});

export const presentMessage = (m: Message) => ({
  id: m.id,
  conversationId: m.conversationId,
  kind: m.kind,
  authorType: m.authorType,
  authorId: m.authorId,
  text: m.bodyText,
  html: m.bodyHtml,
  attachments: m.attachments,
  externalId: m.externalId,
  mentions: m.mentions,
  seq: m.seq,
  delivery: m.deliveryStatus ? { status: m.deliveryStatus, error: m.deliveryError } : null,
  createdAt: m.createdAt.toISOString(),
});
