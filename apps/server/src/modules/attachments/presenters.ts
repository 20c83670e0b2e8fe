import Type from "typebox";
import { IsoDate, Uuid } from "../../platform/http/schemas.ts";
import type { Attachment } from "./service.ts";

export const StoredAttachmentSchema = Type.Object({
  id: Uuid,
  filename: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  url: Type.String({ description: "Where to download it (signed in, same workspace)." }),
  createdAt: IsoDate,
});

export const presentAttachment = (a: Attachment, publicUrl: string) => ({
  id: a.id,
  filename: a.filename,
  contentType: a.contentType,
  size: a.size,
  url: `${publicUrl}/api/v1/attachments/${a.id}`,
  createdAt: a.createdAt.toISOString(),
});
