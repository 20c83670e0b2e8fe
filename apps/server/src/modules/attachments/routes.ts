import type { Readable } from "node:stream";
import Type from "typebox";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { AppError } from "../../platform/errors.ts";
import { contextOf, type App, type AppDeps } from "../../platform/http/context.ts";
import { errorResponses, IdParams } from "../../platform/http/schemas.ts";
import * as attachmentService from "./service.ts";
import { presentAttachment, StoredAttachmentSchema } from "./presenters.ts";

// Types a browser may show in place without running anything; everything else is only ever downloaded.
const INLINE_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);
const CONTENT_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;

/** A Content-Disposition header that keeps any name intact (RFC 6266 and RFC 5987), with an ASCII fallback. */
export function contentDisposition(kind: "attachment" | "inline", filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export function registerAttachmentRoutes(app: App, deps: AppDeps): void {
  const tags = ["Attachments"];

  // Uploads are the raw bytes of one file, whatever their type: this context reads every body as a stream.
  void app.register(async (context) => {
    const uploads = context.withTypeProvider<TypeBoxTypeProvider>();
    uploads.removeAllContentTypeParsers();
    uploads.addContentTypeParser("*", (_request, payload, done) => done(null, payload));
    uploads.post(
      "/attachments",
      {
        bodyLimit: deps.config.attachmentLimitBytes,
        schema: {
          tags,
          summary: "Upload a file (the request body is the file's bytes, its Content-Type the file's type); attach the answer to a message",
          querystring: Type.Object({ filename: Type.String({ minLength: 1, maxLength: 1000, description: "The file's name, shown to people." }) }, { additionalProperties: false }),
          response: { 201: StoredAttachmentSchema, ...errorResponses, 413: Type.Ref("Error") },
        },
      },
      async (request, reply) => {
        const declared = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
        try {
          const attachment = await attachmentService.storeAttachment(contextOf(deps, request), deps.files, {
            filename: request.query.filename,
            contentType: CONTENT_TYPE.test(declared) ? declared : "application/octet-stream",
            body: request.body as Readable,
            limit: deps.config.attachmentLimitBytes,
          });
          return reply.status(201).send(presentAttachment(attachment, deps.config.publicUrl));
        } catch (error) {
          // The refused body was left unread part way: a next request on this connection would be read as
          // the rest of it and never answered, so the connection ends with this answer.
          if (error instanceof AppError && error.code === "payload_too_large") reply.header("connection", "close");
          throw error;
        }
      },
    );
  });

  app.get(
    "/attachments/:id",
    {
      schema: {
        tags,
        summary: "Download an attachment (images may be asked for inline)",
        params: IdParams,
        querystring: Type.Object({ disposition: Type.Optional(Type.Enum(["attachment", "inline"])) }, { additionalProperties: false }),
        produces: ["application/octet-stream"],
        response: { 200: Type.String({ description: "The file's bytes." }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const attachment = await attachmentService.getAttachment(contextOf(deps, request), request.params.id);
      const inline = request.query.disposition === "inline" && INLINE_TYPES.has(attachment.contentType);
      return reply
        .header("content-type", inline ? attachment.contentType : "application/octet-stream")
        .header("content-length", String(attachment.size))
        .header("content-disposition", contentDisposition(inline ? "inline" : "attachment", attachment.filename))
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "default-src 'none'; sandbox")
        .header("cache-control", "private, max-age=3600")
        .send(deps.files.open(attachment.storageKey));
    },
  );
}
