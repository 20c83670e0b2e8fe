import Fastify from "fastify";
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import websocket from "@fastify/websocket";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { ErrorResponse } from "./platform/http/schemas.ts";
import { handleError } from "./platform/http/errors.ts";
import { authenticate } from "./platform/http/auth.ts";
import { AppError, errorBody } from "./platform/errors.ts";
import type { App, AppDeps } from "./platform/http/context.ts";
import { registerOperationsRoutes } from "./platform/http/operations.ts";
import { registerWebApp } from "./platform/http/web-app.ts";
import { registerWorkspaceRoutes } from "./modules/workspaces/routes.ts";
import { registerCustomerRoutes } from "./modules/customers/routes.ts";
import { registerConversationRoutes } from "./modules/conversations/routes.ts";
import { registerSearchRoutes } from "./modules/search/routes.ts";
import { registerViewRoutes } from "./modules/views/routes.ts";
import { registerTagRoutes } from "./modules/tags/routes.ts";
import { registerKnowledgeRoutes } from "./modules/knowledge/routes.ts";
import { registerKnowledgeAssistRoutes } from "./modules/knowledge/assist-routes.ts";
import { registerNotificationRoutes } from "./modules/notifications/routes.ts";
import { registerInvitationRoutes } from "./modules/invitations/routes.ts";
import { registerAttachmentRoutes } from "./modules/attachments/routes.ts";
import { registerEmailRoutes } from "./modules/email/routes.ts";
import { registerRealtimeRoutes } from "./platform/realtime/routes.ts";
import { registerWidgetPublicRoutes, registerWidgetRoutes } from "./modules/widget/routes.ts";
import { registerContactRoutes } from "./modules/contact/routes.ts";
import { registerHelpCenter } from "./modules/helpcenter/routes.ts";
import { registerBotRoutes } from "./modules/bot/routes.ts";
import { configureOutboundMail } from "./modules/email/outbound.ts";
import { createFileStore, type FileStore } from "./platform/files.ts";
import type { RealtimeHub } from "./platform/realtime/hub.ts";
import { loggerOptions } from "./platform/logger.ts";

export interface BuildOptions extends Omit<AppDeps, "files"> {
  /** Started and stopped by whoever runs the server, around the app's own lifetime. */
  realtime: RealtimeHub;
  /** The store shared with the mail listeners; without one, the app makes its own from the configuration. */
  files?: FileStore;
}

export async function buildApp(buildOptions: BuildOptions): Promise<App> {
  const { config } = buildOptions;
  const options = { ...buildOptions, files: buildOptions.files ?? (await createFileStore(config)) };
  configureOutboundMail({ ...config.email, files: options.files });
  const app = Fastify({
    logger: loggerOptions(config.logLevel),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: "array", allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send(errorBody("not_found", `There is nothing at ${request.method} ${request.url.split("?")[0]}.`));
  });
  app.addSchema(ErrorResponse);
  app.decorateRequest("actor", null);

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "Rapport API", version: "1", description: "Every channel in one inbox. All routes are scoped to the caller's workspace." },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer", description: "An API token from POST /api/v1/api-tokens." },
          session: { type: "apiKey", in: "cookie", name: "rapport_session" },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });

  app.addHook("onRequest", async (request) => {
    if (request.routeOptions.config.public) return;
    if (!request.url.startsWith("/api/v1/")) return;
    request.actor = await authenticate(options.database.db, request);
    if (!request.actor) throw new AppError("unauthenticated", "Sign in, or send an API token as \"Authorization: Bearer <token>\".");
  });

  registerOperationsRoutes(app, options);
  await registerWebApp(app);
  await registerWidgetPublicRoutes(app, options);
  await registerContactRoutes(app, options);
  await registerHelpCenter(app, options);
  await app.register(
    async (api) => {
      registerWorkspaceRoutes(api, options);
      registerCustomerRoutes(api, options);
      registerConversationRoutes(api, options);
      registerSearchRoutes(api, options);
      registerViewRoutes(api, options);
      registerTagRoutes(api, options);
      registerKnowledgeRoutes(api, options);
      registerKnowledgeAssistRoutes(api, options);
      registerNotificationRoutes(api, options);
      registerInvitationRoutes(api, options);
      registerAttachmentRoutes(api, options);
      registerEmailRoutes(api, options);
      registerRealtimeRoutes(api, options);
      registerWidgetRoutes(api, options);
      registerBotRoutes(api, options);
    },
    { prefix: "/api/v1" },
  );
  app.get("/api/v1/openapi.json", { config: { public: true }, schema: { hide: true } }, () => app.swagger());
  return app;
}
