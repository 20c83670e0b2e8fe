import Type from "typebox";
import { setSessionCookie } from "../../platform/http/auth.ts";
import { contextOf, type App, type AppDeps } from "../../platform/http/context.ts";
import { errorResponses, IdParams, NoContent } from "../../platform/http/schemas.ts";
import { presentUser, presentWorkspace, RoleSchema } from "../workspaces/presenters.ts";
import { scopesOf } from "../workspaces/service.ts";
import { SessionResponse } from "../workspaces/routes.ts";
import * as invitations from "./service.ts";
import { InvitationSchema, presentInvitation } from "./presenters.ts";

const Token = Type.String({ minLength: 10, maxLength: 200, description: "The token from the invitation link." });

/** Someone holding a link may guess at others; limit tries per address. */
const acceptLimit = { rateLimit: { max: 20, timeWindow: "1 minute", hook: "preHandler" as const } };

export function registerInvitationRoutes(app: App, deps: AppDeps): void {
  const { config, database } = deps;
  const secureCookies = config.publicUrl.startsWith("https://");
  const tags = ["Invitations"];
  const acceptUrl = (token: string) => `${config.publicUrl}/app/accept-invite?token=${encodeURIComponent(token)}`;

  app.get(
    "/invitations",
    { schema: { tags, summary: "Invitations that can still be accepted (admins)", response: { 200: Type.Object({ items: Type.Array(InvitationSchema) }), ...errorResponses } } },
    async (request) => ({ items: (await invitations.listInvitations(contextOf(deps, request))).map(presentInvitation) }),
  );

  app.post(
    "/invitations",
    {
      schema: {
        tags,
        summary: "Invite someone (admins); returns the one-time link to pass on, valid for 7 days. Inviting the same email again replaces the earlier link.",
        body: Type.Object(
          { email: Type.String({ format: "email", maxLength: 254 }), name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), role: RoleSchema },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ invitation: InvitationSchema, acceptUrl: Type.String({ description: "Shown only in this response." }) }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { invitation, token } = await invitations.createInvitation(contextOf(deps, request), request.body);
      return reply.status(201).send({ invitation: presentInvitation(invitation), acceptUrl: acceptUrl(token) });
    },
  );

  app.delete("/invitations/:id", { schema: { tags, summary: "Withdraw a pending invitation (admins)", params: IdParams, response: { 204: NoContent, ...errorResponses } } }, async (request, reply) => {
    await invitations.revokeInvitation(contextOf(deps, request), request.params.id);
    return reply.status(204).send(null);
  });

  app.post(
    "/invitations/lookup",
    {
      config: { public: true, ...acceptLimit },
      schema: {
        tags,
        summary: "What an invitation link is for, to show before accepting it",
        security: [],
        body: Type.Object({ token: Token }, { additionalProperties: false }),
        response: {
          200: Type.Object({ email: Type.String(), name: Type.Union([Type.String(), Type.Null()]), role: RoleSchema, workspace: Type.Object({ name: Type.String() }), expiresAt: Type.String({ format: "date-time" }) }),
          ...errorResponses,
          410: Type.Ref("Error"),
        },
      },
    },
    async (request) => {
      const { invitation, workspace } = await invitations.previewInvitation(database.db, request.body.token);
      return { email: invitation.email, name: invitation.name, role: invitation.role, workspace: { name: workspace.name }, expiresAt: invitation.expiresAt.toISOString() };
    },
  );

  app.post(
    "/invitations/accept",
    {
      config: { public: true, ...acceptLimit },
      schema: {
        tags,
        summary: "Accept an invitation: creates your account and signs you in (sets the session cookie)",
        security: [],
        body: Type.Object(
          { token: Token, name: Type.String({ minLength: 1, maxLength: 200 }), password: Type.String({ minLength: 10, maxLength: 200, description: "At least 10 characters." }) },
          { additionalProperties: false },
        ),
        response: { 201: SessionResponse, ...errorResponses, 410: Type.Ref("Error") },
      },
    },
    async (request, reply) => {
      const grant = await invitations.acceptInvitation(database.db, {
        ...request.body,
        sessionDays: config.sessionDays,
        ip: request.ip,
        userAgent: request.headers["user-agent"],
      });
      setSessionCookie(reply, grant.token, grant.expiresAt, secureCookies);
      return reply.status(201).send({ user: presentUser(grant.user), workspace: presentWorkspace(grant.workspace), csrfToken: grant.csrfToken, scopes: scopesOf(grant.user) });
    },
  );
}
