import Type from "typebox";
import type { FastifyRequest } from "fastify";
import { AppError } from "../../platform/errors.ts";
import { atLeast, requireScope } from "../../platform/auth/policy.ts";
import { clearSessionCookie, setSessionCookie } from "../../platform/http/auth.ts";
import { contextOf, type App, type AppDeps } from "../../platform/http/context.ts";
import { errorResponses, IdParams, NoContent, PageOf, PageQuery } from "../../platform/http/schemas.ts";
import { idempotent } from "../../platform/http/idempotency.ts";
import * as workspaces from "./service.ts";
import {
  ApiTokenSchema,
  AuditEntrySchema,
  LocaleSchema,
  presentApiToken,
  presentAuditEntry,
  presentTeam,
  presentUser,
  presentWorkspace,
  RoleSchema,
  ScopeSchema,
  TeamSchema,
  UserSchema,
  WorkspaceSchema,
} from "./presenters.ts";

const Email = Type.String({ format: "email", maxLength: 254 });
const Password = Type.String({ minLength: 10, maxLength: 200, description: "At least 10 characters." });
const Name = Type.String({ minLength: 1, maxLength: 200 });

export const SessionResponse = Type.Object({
  user: UserSchema,
  workspace: WorkspaceSchema,
  csrfToken: Type.String({ description: "Echo in the x-csrf-token header on requests that change something." }),
  scopes: Type.Array(ScopeSchema),
});

/** Sign-in attempts are limited per address and account, on top of the per-account lockout. */
const authLimit = {
  rateLimit: {
    max: 20,
    timeWindow: "1 minute",
    hook: "preHandler" as const,
    keyGenerator: (request: FastifyRequest) => `${request.ip}|${String((request.body as { email?: unknown } | undefined)?.email ?? "").toLowerCase()}`,
  },
};

export function registerWorkspaceRoutes(app: App, deps: AppDeps): void {
  const { config, database } = deps;
  const secureCookies = config.publicUrl.startsWith("https://");
  const tags = ["Workspace"];

  app.post(
    "/signup",
    {
      config: { public: true, ...authLimit },
      schema: {
        tags,
        summary: "Create a workspace with its first owner, and sign in",
        security: [],
        body: Type.Object({ workspaceName: Name, name: Name, email: Email, password: Password }, { additionalProperties: false }),
        response: { 201: SessionResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      if (!config.signupOpen) throw new AppError("signup_closed", "Signup of new workspaces is switched off on this server; ask its operator.");
      const { workspaceName, name, email, password } = request.body;
      const { workspace } = await workspaces.createWorkspace(database.db, { name: workspaceName, owner: { email, name, password } });
      const grant = await workspaces.login(database.db, {
        email,
        password,
        workspace: workspace.slug,
        sessionDays: config.sessionDays,
        maxAttempts: config.loginAttempts,
        ip: request.ip,
      });
      setSessionCookie(reply, grant.token, grant.expiresAt, secureCookies);
      return reply.status(201).send({ user: presentUser(grant.user), workspace: presentWorkspace(grant.workspace), csrfToken: grant.csrfToken, scopes: workspaces.scopesOf(grant.user) });
    },
  );

  app.post(
    "/auth/login",
    {
      config: { public: true, ...authLimit },
      schema: {
        tags,
        summary: "Sign in with email and password; sets the session cookie",
        security: [],
        body: Type.Object(
          { email: Email, password: Type.String({ minLength: 1, maxLength: 200 }), workspace: Type.Optional(Type.String({ maxLength: 100, description: "Workspace slug, when the email is in several." })) },
          { additionalProperties: false },
        ),
        response: { 200: SessionResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const grant = await workspaces.login(database.db, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers["user-agent"],
        sessionDays: config.sessionDays,
        maxAttempts: config.loginAttempts,
      });
      setSessionCookie(reply, grant.token, grant.expiresAt, secureCookies);
      return { user: presentUser(grant.user), workspace: presentWorkspace(grant.workspace), csrfToken: grant.csrfToken, scopes: workspaces.scopesOf(grant.user) };
    },
  );

  app.post("/auth/logout", { schema: { tags, summary: "Sign out of this session", response: { 204: NoContent, ...errorResponses } } }, async (request, reply) => {
    await workspaces.logout(database.db, contextOf(deps, request).actor);
    clearSessionCookie(reply);
    return reply.status(204).send(null);
  });

  app.get(
    "/auth/session",
    { schema: { tags, summary: "Who is signed in, with the CSRF token", response: { 200: SessionResponse, ...errorResponses } } },
    async (request) => {
      const ctx = contextOf(deps, request);
      const [user, workspace] = await Promise.all([workspaces.getUser(ctx, ctx.actor.userId), workspaces.getWorkspace(ctx.db, ctx.actor.workspaceId)]);
      const session = request.cookies.rapport_session ? await workspaces.authenticateSession(ctx.db, request.cookies.rapport_session) : null;
      return { user: presentUser(user), workspace: presentWorkspace(workspace), csrfToken: session?.csrfToken ?? "", scopes: [...ctx.actor.scopes] };
    },
  );

  app.get("/workspace", { schema: { tags, summary: "This workspace", response: { 200: WorkspaceSchema, ...errorResponses } } }, async (request) =>
    presentWorkspace(await workspaces.getWorkspace(database.db, contextOf(deps, request).actor.workspaceId)),
  );

  app.patch(
    "/workspace",
    {
      schema: {
        tags,
        summary: "Rename the workspace or change its time zone (admins)",
        body: Type.Object({ name: Type.Optional(Name), timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })) }, { additionalProperties: false }),
        response: { 200: WorkspaceSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { timeZone } = request.body;
      if (timeZone && !Intl.supportedValuesOf("timeZone").includes(timeZone) && timeZone !== "UTC") {
        throw new AppError("invalid_request", `"${timeZone}" is not an IANA time zone, e.g. "Europe/Madrid".`);
      }
      return presentWorkspace(await workspaces.updateWorkspace(contextOf(deps, request), request.body));
    },
  );

  app.patch(
    "/me",
    {
      schema: {
        tags,
        summary: "Change your own name, language or time zone (null follows the workspace's)",
        body: Type.Object(
          {
            name: Type.Optional(Name),
            locale: Type.Optional(LocaleSchema),
            timeZone: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64, description: "An IANA time zone, e.g. \"Europe/Madrid\"." }), Type.Null()])),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: UserSchema, ...errorResponses },
      },
    },
    async (request) => presentUser(await workspaces.updateProfile(contextOf(deps, request), request.body)),
  );

  // -- Users
  const userTags = ["Users"];
  app.get("/users", { schema: { tags: userTags, summary: "People in this workspace", response: { 200: Type.Object({ items: Type.Array(UserSchema) }), ...errorResponses } } }, async (request) => ({
    items: (await workspaces.listUsers(contextOf(deps, request))).map(presentUser),
  }));

  app.post(
    "/users",
    {
      schema: {
        tags: userTags,
        summary: "Add a person to the workspace (admins; accepts Idempotency-Key)",
        body: Type.Object({ email: Email, name: Name, role: RoleSchema, password: Password }, { additionalProperties: false }),
        response: { 201: UserSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await idempotent(contextOf(deps, request), request, async (ctx) => ({ statusCode: 201, body: presentUser(await workspaces.createUser(ctx, request.body)) }));
      return reply.status(result.statusCode).send(result.body);
    },
  );

  app.get("/users/:id", { schema: { tags: userTags, summary: "One person", params: IdParams, response: { 200: UserSchema, ...errorResponses } } }, async (request) =>
    presentUser(await workspaces.getUser(contextOf(deps, request), request.params.id)),
  );

  app.patch(
    "/users/:id",
    {
      schema: {
        tags: userTags,
        summary: "Change a person's name, role, password or whether they can sign in",
        params: IdParams,
        body: Type.Object({ name: Type.Optional(Name), role: Type.Optional(RoleSchema), active: Type.Optional(Type.Boolean()), password: Type.Optional(Password) }, { additionalProperties: false }),
        response: { 200: UserSchema, ...errorResponses },
      },
    },
    async (request) => presentUser(await workspaces.updateUser(contextOf(deps, request), request.params.id, request.body)),
  );

  // -- Teams
  const teamTags = ["Teams"];
  const TeamBody = Type.Object({ name: Name, memberIds: Type.Optional(Type.Array(Type.String({ format: "uuid" }), { maxItems: 500 })) }, { additionalProperties: false });
  app.get("/teams", { schema: { tags: teamTags, summary: "Teams", response: { 200: Type.Object({ items: Type.Array(TeamSchema) }), ...errorResponses } } }, async (request) => ({
    items: (await workspaces.listTeams(contextOf(deps, request))).map(presentTeam),
  }));
  app.post(
    "/teams",
    { schema: { tags: teamTags, summary: "Create a team (admins; accepts Idempotency-Key)", body: TeamBody, response: { 201: TeamSchema, ...errorResponses } } },
    async (request, reply) => {
      const result = await idempotent(contextOf(deps, request), request, async (ctx) => ({ statusCode: 201, body: presentTeam(await workspaces.saveTeam(ctx, null, request.body)) }));
      return reply.status(result.statusCode).send(result.body);
    },
  );
  app.get("/teams/:id", { schema: { tags: teamTags, summary: "One team", params: IdParams, response: { 200: TeamSchema, ...errorResponses } } }, async (request) =>
    presentTeam(await workspaces.getTeam(contextOf(deps, request), request.params.id)),
  );
  app.patch(
    "/teams/:id",
    { schema: { tags: teamTags, summary: "Rename a team or set its members (admins)", params: IdParams, body: Type.Partial(TeamBody, { additionalProperties: false, minProperties: 1 }), response: { 200: TeamSchema, ...errorResponses } } },
    async (request) => presentTeam(await workspaces.saveTeam(contextOf(deps, request), request.params.id, request.body)),
  );
  app.delete("/teams/:id", { schema: { tags: teamTags, summary: "Delete a team (admins)", params: IdParams, response: { 204: NoContent, ...errorResponses } } }, async (request, reply) => {
    await workspaces.deleteTeam(contextOf(deps, request), request.params.id);
    return reply.status(204).send(null);
  });

  // -- API tokens
  const tokenTags = ["API tokens"];
  app.get(
    "/api-tokens",
    { schema: { tags: tokenTags, summary: "API tokens (yours; all of them for admins)", response: { 200: Type.Object({ items: Type.Array(ApiTokenSchema) }), ...errorResponses } } },
    async (request) => ({ items: (await workspaces.listApiTokens(contextOf(deps, request))).map(presentApiToken) }),
  );
  app.post(
    "/api-tokens",
    {
      schema: {
        tags: tokenTags,
        summary: "Create an API token that acts as you; the token is shown only in this response, so a retry makes a new one (no Idempotency-Key)",
        body: Type.Object(
          { name: Name, scopes: Type.Array(ScopeSchema, { minItems: 1, uniqueItems: true }), expiresAt: Type.Optional(Type.String({ format: "date-time" })) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ token: Type.String({ description: "Keep it secret; it cannot be shown again." }), apiToken: ApiTokenSchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(deps, request);
      if (ctx.actor.via === "api_token") requireScope(ctx.actor, "admin");
      const expiresAt = request.body.expiresAt ? new Date(request.body.expiresAt) : undefined;
      if (expiresAt && expiresAt <= new Date()) throw new AppError("invalid_request", "expiresAt must be in the future.");
      const { token, apiToken } = await workspaces.createApiToken(ctx, { ...request.body, expiresAt });
      return reply.status(201).send({ token, apiToken: presentApiToken(apiToken) });
    },
  );
  app.delete("/api-tokens/:id", { schema: { tags: tokenTags, summary: "Revoke an API token", params: IdParams, response: { 200: ApiTokenSchema, ...errorResponses } } }, async (request) =>
    presentApiToken(await workspaces.revokeApiToken(contextOf(deps, request), request.params.id)),
  );

  // -- Audit log
  app.get(
    "/audit-log",
    {
      schema: {
        tags: ["Audit log"],
        summary: "What admins did, newest first (admins)",
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
        response: { 200: PageOf(AuditEntrySchema), ...errorResponses },
      },
    },
    async (request) => {
      const ctx = contextOf(deps, request);
      if (!atLeast(ctx.actor.role, "admin")) throw new AppError("forbidden", "Only admins can read the audit log.");
      const page = await workspaces.listAuditEntries(ctx, { limit: request.query.limit ?? 25, cursor: request.query.cursor });
      return { items: page.items.map(presentAuditEntry), nextCursor: page.nextCursor };
    },
  );
}
