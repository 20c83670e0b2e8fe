import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import multipart from "@fastify/multipart";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyReply, FastifyRequest } from "fastify";
import Type from "typebox";
import { loadSecretBox, type SecretBox } from "../../platform/crypto.ts";
import { AppError } from "../../platform/errors.ts";
import { formatBytes } from "../../platform/files.ts";
import { contextOf, type App } from "../../platform/http/context.ts";
import { errorResponses, IdParams, NoContent } from "../../platform/http/schemas.ts";
import { builtFile } from "../../platform/http/web-app.ts";
import { isOwnOrigin } from "../../platform/http/origin.ts";
import type { RealtimeDeps } from "../../platform/realtime/routes.ts";
import { contentDisposition } from "../attachments/routes.ts";
import { cleanFilename } from "../attachments/service.ts";
import { findWorkspace, getWorkspace } from "../workspaces/service.ts";
import { ClientFrameSchema } from "./frames.ts";
import { WidgetHub } from "./hub.ts";
import { ConversationVisitorSchema, installSnippet, presentWidgetSettings, WidgetSettingsPatch, WidgetSettingsSchema } from "./presenters.ts";
import { WIDGET_CLOSE, type WidgetConfig } from "./protocol.ts";
import {
  findVisitorByToken,
  getConversationVisitor,
  getVisitorAttachment,
  leaveVisitorEmail,
  ONLINE_WITHIN_MS,
  openVisitorSession,
  storeVisitorAttachment,
  VISITOR_FILE_LIMIT,
  type Visitor,
} from "./service.ts";
import { getWidgetSettings, originAllowed, originAllowedAnywhere, readWidgetSettings, rotateIdentitySecret, updateWidgetSettings, withinBusinessHours, type WidgetSettings } from "./settings.ts";

/** Where the widget's build puts the loader and the chat bundle (apps/widget/dist). */
export const WIDGET_DIST_DIR = fileURLToPath(new URL("../../../../widget/dist/", import.meta.url));

const LOCALES = ["en", "es"];
/** How long a long poll waits for something to say. */
const POLL_MS = 25_000;

// One per realtime hub, so the admin routes and the public ones share it.
const hubs = new WeakMap<RealtimeDeps["realtime"], WidgetHub>();
function widgetHub(deps: RealtimeDeps): WidgetHub {
  let hub = hubs.get(deps.realtime);
  if (!hub) hubs.set(deps.realtime, (hub = new WidgetHub(deps.database, deps.realtime, { publicUrl: deps.config.publicUrl })));
  return hub;
}

function secretsOf(deps: RealtimeDeps): () => SecretBox {
  let box: SecretBox | undefined;
  return () => (box ??= loadSecretBox(deps.config.secretKey, deps.config.dataDir));
}

/** The widget's admin settings and the agent's view of a visitor, under /api/v1. */
export function registerWidgetRoutes(api: App, deps: RealtimeDeps): void {
  const tags = ["Chat widget"];
  const secrets = secretsOf(deps);
  const hub = widgetHub(deps);
  const present = async (request: FastifyRequest, settings: WidgetSettings) => {
    const workspace = await getWorkspace(deps.database.db, contextOf(deps, request).actor.workspaceId);
    return presentWidgetSettings(settings, installSnippet(deps.config.publicUrl, workspace.slug));
  };

  api.get(
    "/widget/settings",
    { schema: { tags, summary: "The chat widget's settings, with the identity secret and the tag to install (admins)", response: { 200: WidgetSettingsSchema, ...errorResponses } } },
    async (request) => present(request, await readWidgetSettings(contextOf(deps, request), secrets())),
  );

  api.patch(
    "/widget/settings",
    { schema: { tags, summary: "Change the chat widget's settings; fields left out stay as they are (admins)", body: WidgetSettingsPatch, response: { 200: WidgetSettingsSchema, ...errorResponses } } },
    async (request) => present(request, await updateWidgetSettings(contextOf(deps, request), secrets(), request.body)),
  );

  api.post(
    "/widget/settings/rotate-secret",
    {
      schema: {
        tags,
        summary: "Make a new identity secret; signatures made with the old one are refused from now on (admins)",
        body: Type.Optional(Type.Object({}, { additionalProperties: false })),
        response: { 200: WidgetSettingsSchema, ...errorResponses },
      },
    },
    async (request) => present(request, await rotateIdentitySecret(contextOf(deps, request), secrets())),
  );

  api.get(
    "/conversations/:id/visitor",
    {
      schema: {
        tags,
        summary: "Who the agent is chatting with: the widget visitor behind a conversation, their page, browser and language",
        params: IdParams,
        response: { 200: ConversationVisitorSchema, ...errorResponses },
      },
    },
    async (request) => {
      const visitor = await getConversationVisitor(contextOf(deps, request), request.params.id);
      return {
        visitorId: visitor.id,
        verified: visitor.verifiedUserId !== null,
        verifiedUserId: visitor.verifiedUserId,
        email: visitor.email,
        context: visitor.context,
        online: hub.isConnected(visitor.id) || Date.now() - visitor.lastSeenAt.getTime() < ONLINE_WITHIN_MS,
        lastSeenAt: visitor.lastSeenAt.toISOString(),
      };
    },
  );
}

const ContextSchema = Type.Object(
  {
    url: Type.Optional(Type.String({ maxLength: 2000 })),
    title: Type.Optional(Type.String({ maxLength: 500 })),
    referrer: Type.Optional(Type.String({ maxLength: 2000 })),
    userAgent: Type.Optional(Type.String({ maxLength: 1000 })),
    language: Type.Optional(Type.String({ maxLength: 50 })),
    timeZone: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

const SessionBody = Type.Object(
  {
    workspace: Type.String({ minLength: 1, maxLength: 100, description: "The workspace's slug, from the script tag's data-workspace." }),
    token: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    identity: Type.Optional(
      Type.Object(
        {
          userId: Type.String({ minLength: 1, maxLength: 200 }),
          email: Type.Optional(Type.String({ format: "email", maxLength: 320 })),
          name: Type.Optional(Type.String({ maxLength: 200 })),
          signature: Type.Optional(Type.String({ pattern: "^[0-9a-fA-F]{64}$", description: "hex HMAC-SHA256 of userId + \"\\n\" + (email ?? \"\")" })),
        },
        { additionalProperties: false },
      ),
    ),
    context: Type.Optional(ContextSchema),
    preChat: Type.Optional(Type.Record(Type.String({ pattern: "^[a-z][a-z0-9_]*$", maxLength: 50 }), Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);

const TokenQuery = Type.Object({ token: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }, { additionalProperties: false });
const publicRoute = { public: true };

/** What a refused origin is told. */
const originRefused = (origin: string) =>
  new AppError("origin_refused", `Pages on ${origin} may not run this workspace's chat widget; an admin can add the origin to the widget's allowed origins.`);

/** What the widget itself calls from the host's page, under /widget/v1, and its scripts. */
export async function registerWidgetPublicRoutes(app: App, deps: RealtimeDeps): Promise<void> {
  const { config, database } = deps;
  const db = database.db;
  const secrets = secretsOf(deps);
  const hub = widgetHub(deps);
  const publicOrigin = new URL(config.publicUrl).origin;
  const fileLimit = Math.min(VISITOR_FILE_LIMIT, config.attachmentLimitBytes);
  // It stops with the realtime hub it follows, which the server stops first.
  app.addHook("onReady", async () => hub.start(app.log));

  /**
   * A browser names the page's origin; other clients send none, and could claim any, so only a browser's is
   * checked. An allowed origin is echoed for CORS, also on errors, so the widget can read them.
   */
  const admitOrigin = (request: FastifyRequest, reply: FastifyReply, settings: WidgetSettings) => {
    const origin = request.headers.origin;
    if (!origin) return;
    if (!isOwnOrigin(request, publicOrigin) && !originAllowed(settings.allowedOrigins, origin)) throw originRefused(origin);
    void reply.header("access-control-allow-origin", origin).header("vary", "origin");
  };

  const enabledSettings = async (request: FastifyRequest, reply: FastifyReply, workspaceId: string) => {
    const settings = await getWidgetSettings(db, secrets(), workspaceId);
    admitOrigin(request, reply, settings);
    if (!settings.enabled) throw new AppError("forbidden", "The chat widget is switched off for this workspace.");
    return settings;
  };

  const tokenOf = (request: FastifyRequest) => {
    const header = request.headers["x-rapport-visitor"];
    return (typeof header === "string" ? header : undefined) ?? (request.query as { token?: string } | undefined)?.token ?? (request.body as { token?: string } | undefined)?.token;
  };

  /** The visitor a request's token names, with their workspace's origin checked. */
  const visitorOf = async (request: FastifyRequest, reply: FastifyReply): Promise<Visitor> => {
    const token = tokenOf(request);
    const visitor = token ? await findVisitorByToken(db, token) : undefined;
    if (!visitor) throw new AppError("unauthenticated", "This chat session is unknown or has ended; open a new one with POST /widget/v1/session.");
    await enabledSettings(request, reply, visitor.workspaceId);
    return visitor;
  };

  /**
   * Requests a minute per address and, where a token is sent, per visitor, counted separately for each kind of
   * request. (The plugin's own route option runs one limit per request; these are several.)
   */
  const limits = (name: string, perAddress: number, perVisitor?: number) => {
    const window = { timeWindow: "1 minute" };
    const byAddress = app.createRateLimit({ ...window, max: perAddress, keyGenerator: (request) => `${name}|address|${request.ip}` });
    const byVisitor = perVisitor ? app.createRateLimit({ ...window, max: perVisitor, keyGenerator: (request) => `${name}|visitor|${tokenOf(request)}` }) : undefined;
    return async (request: FastifyRequest) => {
      const counts = [await byAddress(request), tokenOf(request) !== undefined ? await byVisitor?.(request) : undefined];
      if (counts.some((count) => count && !count.isAllowed && count.isExceeded)) {
        throw new AppError("too_many_requests", "Too many requests from this visitor or address; wait a minute and try again.");
      }
    };
  };

  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    // An oversized file is read to its limit and refused by the handler, with the store untouched.
    await scope.register(multipart, { throwFileSizeLimit: false, limits: { files: 1, fileSize: fileLimit, fields: 5 } });

    // A preflight names no workspace: it is answered for an origin some workspace allows, and the request itself is
    // then checked against its own workspace.
    scope.options("/widget/v1/*", { config: publicRoute, schema: { hide: true } }, async (request, reply) => {
      const origin = request.headers.origin;
      if (!origin || !(isOwnOrigin(request, publicOrigin) || (await originAllowedAnywhere(db, origin)))) throw originRefused(origin ?? "this page");
      return reply
        .status(204)
        .header("access-control-allow-origin", origin)
        .header("vary", "origin")
        .header("access-control-allow-methods", "GET, POST")
        .header("access-control-allow-headers", "content-type, x-rapport-visitor")
        .header("access-control-max-age", "600")
        .send();
    });

    scope.get(
      "/widget/v1/config",
      {
        config: publicRoute,
        onRequest: limits("config", 600),
        schema: { hide: true, querystring: Type.Object({ workspace: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }) },
      },
      async (request, reply): Promise<WidgetConfig> => {
        const workspace = await findWorkspace(db, request.query.workspace);
        const settings = await getWidgetSettings(db, secrets(), workspace.id);
        admitOrigin(request, reply, settings);
        void reply.header("cache-control", "no-store");
        return {
          workspaceId: workspace.id,
          enabled: settings.enabled,
          appearance: settings.appearance,
          preChatFields: settings.preChatFields,
          proactiveRules: settings.proactiveRules,
          requireIdentity: settings.requireIdentity,
          open: settings.enabled && withinBusinessHours(settings.businessHours) && hub.agentsOnline(workspace.id),
          locales: LOCALES,
        };
      },
    );

    scope.post(
      "/widget/v1/session",
      // Limited once the body is read: a resumed session names its visitor there.
      { config: publicRoute, preHandler: limits("session", 120, 60), schema: { hide: true, body: SessionBody } },
      async (request, reply) => {
        const { workspace: slug, ...input } = request.body;
        const workspace = await findWorkspace(db, slug);
        const settings = await enabledSettings(request, reply, workspace.id);
        const session = await openVisitorSession(db, { workspaceId: workspace.id, settings, ...input });
        return { token: session.token, visitorId: session.visitor.id, verified: session.visitor.verifiedUserId !== null, conversationId: session.conversationId };
      },
    );

    // The checks run before the upgrade; their outcome is told after it as a close code the widget can read.
    const admitted = new WeakMap<FastifyRequest, Visitor | { refused: number; reason: string }>();
    scope.get(
      "/widget/v1/socket",
      {
        websocket: true,
        config: publicRoute,
        onRequest: limits("socket", 300, 120),
        schema: { hide: true, querystring: TokenQuery },
        preHandler: async (request, reply) => {
          try {
            admitted.set(request, await visitorOf(request, reply));
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            const refused = error.code === "origin_refused" ? WIDGET_CLOSE.originRefused : WIDGET_CLOSE.sessionEnded;
            admitted.set(request, { refused, reason: error.message.slice(0, 120) });
          }
        },
      },
      (socket, request) => {
        const visitor = admitted.get(request)!;
        if ("refused" in visitor) socket.close(visitor.refused, visitor.reason);
        else hub.connect(socket, visitor);
      },
    );

    scope.post(
      "/widget/v1/frames",
      {
        config: publicRoute,
        onRequest: limits("frames", 3000, 600),
        schema: { hide: true, querystring: TokenQuery, body: Type.Object({ frames: Type.Array(ClientFrameSchema, { minItems: 1, maxItems: 100 }) }, { additionalProperties: false }) },
      },
      async (request, reply) => ({ frames: await hub.handleFrames(await visitorOf(request, reply), request.body.frames) }),
    );

    scope.get(
      "/widget/v1/poll",
      {
        config: publicRoute,
        onRequest: limits("poll", 1200, 120),
        schema: { hide: true, querystring: Type.Object({ token: Type.Optional(Type.String({ maxLength: 200 })), after: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }), response: { 200: Type.Object({ frames: Type.Array(Type.Unknown(), { description: "Server frames, as on the socket." }) }) } },
      },
      async (request, reply) => {
        const visitor = await visitorOf(request, reply);
        void reply.header("cache-control", "no-store");
        return { frames: await hub.poll(visitor, request.query.after, POLL_MS) };
      },
    );

    scope.post(
      "/widget/v1/attachments",
      { config: publicRoute, onRequest: limits("upload", 60, 20), schema: { hide: true, querystring: TokenQuery } },
      async (request, reply) => {
        const visitor = await visitorOf(request, reply);
        if (!request.isMultipart()) throw new AppError("unsupported_media_type", "Send the file as multipart/form-data, in one part named \"file\".");
        const part = await request.file();
        if (!part) throw new AppError("invalid_request", "The form has no file in it.");
        const content = await part.toBuffer();
        if (part.file.truncated) {
          reply.header("connection", "close");
          throw new AppError("payload_too_large", `The file is larger than the ${formatBytes(fileLimit)} a chat attachment may be.`);
        }
        const contentType = part.mimetype.split(";")[0]!.trim().toLowerCase();
        const attachment = await storeVisitorAttachment(db, deps.files, visitor, { filename: part.filename || "attachment", contentType, content });
        return reply.status(201).send({
          id: attachment.id,
          filename: attachment.filename,
          contentType: attachment.contentType,
          size: attachment.size,
          url: `${config.publicUrl}/widget/v1/attachments/${attachment.id}`,
        });
      },
    );

    scope.get(
      "/widget/v1/attachments/:id",
      { config: publicRoute, onRequest: limits("download", 600), schema: { hide: true, params: IdParams, querystring: TokenQuery } },
      async (request, reply) => {
        const visitor = await visitorOf(request, reply);
        const attachment = await getVisitorAttachment(db, visitor, request.params.id);
        const picture = ["image/png", "image/jpeg", "image/gif", "image/webp"].includes(attachment.contentType);
        return reply
          .header("content-type", picture ? attachment.contentType : "application/octet-stream")
          .header("content-length", String(attachment.size))
          .header("content-disposition", contentDisposition(picture ? "inline" : "attachment", cleanFilename(attachment.filename)))
          .header("x-content-type-options", "nosniff")
          .header("content-security-policy", "default-src 'none'; sandbox")
          .header("cross-origin-resource-policy", "cross-origin")
          .header("cache-control", "private, max-age=3600")
          .send(deps.files.open(attachment.storageKey));
      },
    );

    scope.post(
      "/widget/v1/email",
      {
        config: publicRoute,
        onRequest: limits("email", 60, 10),
        schema: { hide: true, querystring: TokenQuery, body: Type.Object({ email: Type.String({ format: "email", maxLength: 320 }) }, { additionalProperties: false }), response: { 204: NoContent } },
      },
      async (request, reply) => {
        await leaveVisitorEmail(db, await visitorOf(request, reply), request.body.email);
        return reply.status(204).send(null);
      },
    );
  });

  registerWidgetScripts(app);
}

const NOT_BUILT = { error: { code: "not_found", message: "The chat widget has not been built: run `npm run build:widget` (npm start builds it too)." } };

/**
 * The loader (`/widget.js`) and the chat bundle with its assets (`/widget/…`), from the widget's build. The loader
 * keeps its name, so it is cached briefly; hashed files are cached for good. Any site may load them. Files go out
 * through the agent app's static sender (`registerWebApp`), with its pre-compressed .br and .gz.
 */
export function registerWidgetScripts(app: App, root = WIDGET_DIST_DIR): void {
  const serve = (reply: FastifyReply, relative: string) => {
    const file = builtFile(root, relative);
    if (!file) {
      const built = fs.existsSync(path.join(root, "widget.js"));
      return reply.status(404).send(built ? { error: { code: "not_found", message: `The widget has no file ${relative}; reload the page for the current version.` } } : NOT_BUILT);
    }
    const hashed = file.startsWith(`assets${path.sep}`);
    void reply
      .header("access-control-allow-origin", "*")
      .header("cross-origin-resource-policy", "cross-origin")
      .header("x-content-type-options", "nosniff")
      .header("vary", "accept-encoding")
      .header("cache-control", hashed ? "public, max-age=31536000, immutable" : "public, max-age=300");
    return reply.sendFile(file, root, { cacheControl: false });
  };
  const script = { config: publicRoute, schema: { hide: true } };
  app.get("/widget.js", script, (_request, reply) => serve(reply, "widget.js"));
  app.get<{ Params: { "*": string } }>("/widget/*", script, (request, reply) => serve(reply, request.params["*"]));
}
