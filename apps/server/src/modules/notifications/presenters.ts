import Type from "typebox";
import { IsoDate, NullableIsoDate, Uuid } from "../../platform/http/schemas.ts";
import { NOTIFICATION_KINDS } from "./schema.ts";
import type { Notification } from "./service.ts";

export const NotificationSchema = Type.Object({
  id: Uuid,
  kind: Type.Enum(NOTIFICATION_KINDS),
  conversation: Type.Object({ id: Uuid, number: Type.Integer(), subject: Type.String() }),
  actorId: Type.Union([Uuid, Type.Null()], { description: "Who assigned or mentioned you." }),
  messageId: Type.Union([Uuid, Type.Null()], { description: "The note that mentioned you." }),
  readAt: NullableIsoDate,
  createdAt: IsoDate,
});

export const presentNotification = (n: Notification) => ({
  id: n.id,
  kind: n.kind,
  conversation: { id: n.conversationId, number: n.conversation.number, subject: n.conversation.subject },
  actorId: n.actorId,
  messageId: n.messageId,
  readAt: n.readAt ? n.readAt.toISOString() : null,
  createdAt: n.createdAt.toISOString(),
});
