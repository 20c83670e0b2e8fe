import { Readable } from "node:stream";
import { notFound } from "../../platform/errors.ts";
import type { AttachmentMeta } from "../conversations/schema.ts";
import type { FileStore } from "../../platform/files.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { requireScope } from "../../platform/auth/policy.ts";
import type { ServiceContext } from "../../platform/context.ts";
import type { Executor } from "../../platform/db/client.ts";
import { attachments } from "./schema.ts";
import { eq, inArray } from "drizzle-orm";

export type Attachment = typeof attachments.$inferSelect;

export interface Upload {
  filename: string;
  contentType: string;
  body: Readable;
  limit: number;
}

/** Keeps a name fit to show and to offer as a download: no folders, no control characters, at most 255 characters. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 255);
  return cleaned === "" || cleaned === "." || cleaned === ".." ? "attachment" : cleaned;
}

/** Stores an uploaded file and records it; the bytes go to the store first, so a row never points at nothing. */
export async function storeAttachment(ctx: ServiceContext, store: FileStore, upload: Upload): Promise<Attachment> {
  requireScope(ctx.actor, "conversations:write");
  const { workspaceId, userId } = ctx.actor;
  const file = await store.save(workspaceId, upload.body, upload.limit);
  try {
    const [row] = await ctx.db
      .insert(attachments)
      .values({
        workspaceId,
        storageKey: file.key,
        filename: cleanFilename(upload.filename),
        contentType: upload.contentType,
        size: file.size,
        sha256: file.sha256,
        uploadedBy: userId,
      })
      .returning();
    return row!;
  } catch (error) {
    await store.remove(file.key);
    throw error;
  }
}

export interface ReceivedFile {
  filename: string;
  contentType: string;
  content: Buffer;
  limit: number;
}

/**
 * Stores a file that arrived with a message from a channel (an email's attachments and inline images), with no
 * user behind it. Runs in the caller's transaction; the bytes are written first, so a row never points at
 * nothing, and the caller removes `storageKey` if its transaction fails.
 */
export async function storeReceivedAttachment(db: Executor, store: FileStore, workspaceId: string, file: ReceivedFile): Promise<Attachment> {
  const saved = await store.save(workspaceId, Readable.from([file.content]), file.limit);
  try {
    const [row] = await db
      .insert(attachments)
      .values({ workspaceId, storageKey: saved.key, filename: cleanFilename(file.filename), contentType: file.contentType, size: saved.size, sha256: saved.sha256, uploadedBy: null })
      .returning();
    return row!;
  } catch (error) {
    await store.remove(saved.key);
    throw error;
  }
}

export async function getAttachment(ctx: ServiceContext, id: string): Promise<Attachment> {
  requireScope(ctx.actor, "conversations:read");
  const [row] = await ctx.db.select().from(attachments).where(inWorkspace(attachments, ctx.actor.workspaceId, eq(attachments.id, id)));
  if (!row) throw notFound("attachment_not_found", "That attachment");
  return row;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The files an agent attaches are uploads of this workspace: each must exist here, and its name, type and size
 * are taken from what was stored rather than from the request. An entry with a `url` points elsewhere and is
 * kept as it is.
 */
export async function resolveUploadedAttachments(db: Executor, workspaceId: string, metas: AttachmentMeta[] | undefined): Promise<AttachmentMeta[] | undefined> {
  const uploads = (metas ?? []).filter((meta) => !meta.url);
  if (uploads.length === 0) return metas;
  const ids = uploads.map((meta) => meta.id).filter((id) => UUID.test(id));
  const rows = ids.length ? await db.select().from(attachments).where(inWorkspace(attachments, workspaceId, inArray(attachments.id, ids))) : [];
  return metas!.map((meta) => {
    if (meta.url) return meta;
    const row = rows.find((candidate) => candidate.id === meta.id);
    if (!row) throw notFound("attachment_not_found", `The attached file "${meta.filename}"`);
    return { id: row.id, filename: row.filename, contentType: row.contentType, size: row.size };
  });
}
