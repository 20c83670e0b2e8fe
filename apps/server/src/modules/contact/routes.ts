import multipart from "@fastify/multipart";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyRequest } from "fastify";
import Type from "typebox";
import { AppError, errorBody } from "../../platform/errors.ts";
import { handleError } from "../../platform/http/errors.ts";
import type { App, AppDeps } from "../../platform/http/context.ts";
import { pickLanguage, PUBLIC_LANGUAGES, type PublicLanguage } from "../../platform/public-pages/page.ts";
import { cleanFilename } from "../attachments/service.ts";
import { originAllowed } from "../widget/settings.ts";
import { isOwnOrigin } from "../../platform/http/origin.ts";
import { checkSubmission, ContactBody, LIMITS, submissionFromForm, type ContactSubmission, type ReceivedUpload } from "./form.ts";
import { CONTACT_MESSAGES } from "./messages.ts";
import { readContactFormSettings, type ContactFormSettings } from "./settings.ts";
import { submitContactForm } from "./service.ts";
import { contactPath, sendContactForm, sendProblem, sendThanks } from "./views.ts";

const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });
const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 10 })) });
const SentQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 10 })), ref: Type.Optional(Type.Integer({ minimum: 1 })) });

/** Posts per address and workspace: a person writes once or twice; a script writing more is held back. */
const SUBMISSIONS_PER_WINDOW = 10;

// What the request's hooks learned before the handler runs.
const formSettings = new WeakMap<FastifyRequest, ContactFormSettings>();
const receivedUploads = new WeakMap<FastifyRequest, ReceivedUpload[]>();

/** An embedded form's script asks for JSON (and gets it, errors included); a browser's own form post gets pages. */
function wantsJson(request: FastifyRequest): boolean {
  const type = request.headers["content-type"] ?? "";
  const accept = request.headers.accept ?? "";
  return type.startsWith("application/json") || (accept.includes("application/json") && !accept.includes("text/html"));
}

function languageOf(request: FastifyRequest): PublicLanguage {
  const posted = (request.body as ContactSubmission | undefined)?.lang;
  return (PUBLIC_LANGUAGES as readonly string[]).includes(posted ?? "") ? (posted as PublicLanguage) : pickLanguage(request);
}

/**
 * Where a post may come from: pages of this server (the hosted form, also when a site frames it), the
 * workspace's allowed sites (an embedded form), or no browser at all. Anything else is a page elsewhere
 * posting in a visitor's name, and is refused.
 */
function postAllowed(request: FastifyRequest, settings: ContactFormSettings, publicUrl: string): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return isOwnOrigin(request, new URL(publicUrl).origin) || originAllowed(settings.allowedOrigins, origin);
}

async function readMultipart(request: FastifyRequest, fileLimit: number): Promise<void> {
  const entries: [string, string][] = [];
  const uploads: ReceivedUpload[] = [];
  // A few files over the limit are read so the form can say so; many more end the request.
  for await (const part of request.parts({ limits: { files: LIMITS.files * 4, fileSize: fileLimit, fields: 100, fieldSize: 1024 * 1024 } })) {
    if (part.type === "field") {
      entries.push([part.fieldname, String(part.value)]);
      continue;
    }
    const content = await part.toBuffer();
    // An empty file input still sends a part, with no name.
    if (part.filename) uploads.push({ filename: cleanFilename(part.filename), content, truncated: part.file.truncated });
  }
  request.body = submissionFromForm(entries);
  receivedUploads.set(request, uploads);
}

/** The hosted contact form (/support/{workspace}/contact) and the endpoint embedded forms post to. */
export async function registerContactRoutes(app: App, deps: AppDeps): Promise<void> {
  const fileLimit = Math.min(LIMITS.fileBytes, deps.config.attachmentLimitBytes);
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    await scope.register(multipart, { throwFileSizeLimit: false });
    scope.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_request, body, done) => {
      done(null, submissionFromForm(new URLSearchParams(body as string)));
    });

    scope.addHook("onRequest", async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const settings = await readContactFormSettings(deps.database.db, slug);
      if (!settings) {
        if (wantsJson(request)) return reply.status(404).send(errorBody("not_found", `There is no contact form for "${slug}".`));
        return sendProblem(reply, pickLanguage(request), "notFound", 404);
      }
      formSettings.set(request, settings);
      const origin = request.headers.origin;
      if (origin && originAllowed(settings.allowedOrigins, origin)) reply.header("access-control-allow-origin", origin).header("vary", "origin");
      if (request.method === "POST" && !postAllowed(request, settings, deps.config.publicUrl)) {
        if (wantsJson(request)) return reply.status(403).send(errorBody("forbidden", "Posts to this form are accepted only from the workspace's allowed origins."));
        return sendProblem(reply, pickLanguage(request), "refused", 403, settings);
      }
    });

    // Pages for people, JSON for scripts: the same problems, each in the form its reader understands.
    scope.setErrorHandler((error: Error, request, reply) => {
      const settings = formSettings.get(request);
      const status = error instanceof AppError ? error.statusCode : (error as { statusCode?: number }).statusCode;
      if (status === 429 && settings && !wantsJson(request)) return sendProblem(reply, languageOf(request), "tooMany", 429, settings);
      return handleError(error, request, reply);
    });

    const settingsOf = (request: FastifyRequest) => formSettings.get(request)!;
    const page = { config: { public: true }, schema: { hide: true, params: SlugParams, querystring: LangQuery } };

    scope.get("/support/:slug/contact", page, (request, reply) => sendContactForm(reply, settingsOf(request), pickLanguage(request), fileLimit));

    scope.get("/support/:slug/contact/sent", { ...page, schema: { ...page.schema, querystring: SentQuery } }, (request, reply) =>
      sendThanks(reply, settingsOf(request), pickLanguage(request), request.query.ref),
    );

    // The preflight of an embedded form's script; the answer's CORS header was set (or not) by the hook.
    scope.options("/support/:slug/contact", page, (_request, reply) =>
      reply.status(204).header("access-control-allow-methods", "POST").header("access-control-allow-headers", "content-type, accept").header("access-control-max-age", "600").send(),
    );

    scope.post(
      "/support/:slug/contact",
      {
        config: {
          public: true,
          rateLimit: {
            max: SUBMISSIONS_PER_WINDOW,
            timeWindow: "10 minutes",
            keyGenerator: (request: FastifyRequest) => `${request.ip}|${(request.params as { slug: string }).slug}`,
          },
        },
        schema: { hide: true, params: SlugParams, body: ContactBody },
        preValidation: async (request) => {
          if (request.isMultipart()) await readMultipart(request, fileLimit);
        },
      },
      async (request, reply) => {
        const settings = settingsOf(request);
        const lang = languageOf(request);
        const respond = (number: number | undefined, status: number) => {
          if (wantsJson(request)) return reply.status(status).send({ received: true, ...(number !== undefined && { number, reference: `#${number}` }) });
          return reply.redirect(`${contactPath(settings.slug)}/sent?${new URLSearchParams({ lang, ...(number !== undefined && { ref: String(number) }) })}`, 303);
        };

        // A bot that filled in the hidden field is told it worked, so it has no reason to try again differently.
        if (request.body.website?.trim()) {
          request.log.info({ workspaceId: settings.workspaceId }, "contact form: honeypot filled, nothing stored");
          return respond(undefined, 201);
        }

        const uploads = receivedUploads.get(request) ?? [];
        const { errors, checked } = checkSubmission(request.body, uploads, settings.contactFields, CONTACT_MESSAGES[lang], fileLimit);
        if (errors.size > 0) {
          if (wantsJson(request)) {
            const first = errors.values().next().value!;
            return reply.status(400).send(errorBody("invalid_request", first, { fields: Object.fromEntries(errors) }));
          }
          return sendContactForm(reply, settings, lang, fileLimit, { values: request.body, errors, filesDropped: uploads.length > 0 }, 422);
        }

        const { number, created } = await submitContactForm(deps.database.db, deps.files, settings.workspaceId, { ...checked, submissionId: request.body.submissionId });
        return respond(number, created ? 201 : 200);
      },
    );
  });
}
