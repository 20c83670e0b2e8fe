import Type from "typebox";
import { contextOf, type App, type AppDeps } from "../../platform/http/context.ts";
import { errorResponses, IdParams, NoContent, PageOf, PageQuery, Uuid } from "../../platform/http/schemas.ts";
import { idempotent } from "../../platform/http/idempotency.ts";
import { loadSecretBox } from "../../platform/crypto.ts";
import * as mailboxes from "./mailboxes.ts";
import { ImapProcessedSchema, MailboxKindSchema, MailboxSchema, presentMailbox, presentQuarantinedEmail, QuarantinedEmailSchema } from "./presenters.ts";

const Text = (maxLength: number, minLength = 0) => Type.String({ minLength, maxLength });
const Nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Integer>>(schema: T) => Type.Union([schema, Type.Null()]);

const MailboxFields = {
  name: Text(200, 1),
  address: Type.String({ format: "email", maxLength: 254, description: "The address customers write to." }),
  fromName: Type.Optional(Text(200)),
  signature: Type.Optional(Text(10_000)),
  kind: Type.Optional(MailboxKindSchema),
  autoAcknowledge: Type.Optional(Type.Boolean({ description: "Answer a new conversation's first email with an acknowledgement carrying its reference." })),
  imapHost: Type.Optional(Nullable(Text(255))),
  imapPort: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 65535, description: "993 with TLS, 143 without, when null." }))),
  imapSecure: Type.Optional(Type.Boolean({ description: "TLS from the start (port 993); otherwise STARTTLS when the server offers it." })),
  imapUser: Type.Optional(Nullable(Text(255))),
  imapPassword: Type.Optional(Type.String({ minLength: 1, maxLength: 1000, description: "Write-only: stored encrypted, never returned. Leave out to keep the stored one." })),
  imapFolder: Type.Optional(Text(255, 1)),
  imapProcessed: Type.Optional(ImapProcessedSchema),
  imapMoveTo: Type.Optional(Nullable(Text(255))),
};
const NewMailboxBody = Type.Object(MailboxFields, { additionalProperties: false });
const MailboxChangesBody = Type.Partial(NewMailboxBody, { additionalProperties: false, minProperties: 1 });

const ConnectionCheckSchema = Type.Object({
  ok: Type.Boolean(),
  reason: Type.Enum(["connected", "listening", "listener_off", "failed"]),
  message: Type.String({ description: "What happened, for a person (in English)." }),
});

const ReprocessResult = Type.Object({
  outcome: Type.Enum(["stored", "duplicate", "bounce", "quarantined"], { description: "stored: it is now in its conversation; duplicate: it had been received already; bounce: it reports a failed delivery of Rapport's own mail and is kept beside that; quarantined: it failed again." }),
  conversationId: Type.Union([Uuid, Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
});

/** Mailboxes and the mail that could not be received: admins only (the services check). */
export function registerEmailRoutes(app: App, deps: AppDeps): void {
  const { config } = deps;
  const tags = ["Mailboxes"];
  const { files } = deps;
  // Loaded on first use: a server that never stores an IMAP password never makes a key file.
  let box: ReturnType<typeof loadSecretBox> | undefined;
  const secrets = () => (box ??= loadSecretBox(config.secretKey, config.dataDir));
  const present = (mailbox: mailboxes.Mailbox) => presentMailbox(mailbox, config.email.domain);

  app.get("/mailboxes", { schema: { tags, summary: "The workspace's mailboxes (admins)", response: { 200: Type.Object({ items: Type.Array(MailboxSchema) }), ...errorResponses } } }, async (request) => ({
    items: (await mailboxes.listMailboxes(contextOf(deps, request))).map(present),
  }));

  app.post(
    "/mailboxes",
    {
      schema: {
        tags,
        summary: "Add a mailbox (admins; accepts Idempotency-Key). An IMAP mailbox needs its host, user and password.",
        body: NewMailboxBody,
        response: { 201: MailboxSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const result = await idempotent(contextOf(deps, request), request, async (ctx) => ({
        statusCode: 201,
        body: present(await mailboxes.createMailbox(ctx, body, body.imapPassword === undefined ? undefined : secrets())),
      }));
      return reply.status(result.statusCode).send(result.body);
    },
  );

  app.get(
    "/mailboxes/quarantine",
    {
      schema: {
        tags,
        summary: "Mail that could not be received, newest first, kept with its source (admins)",
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
        response: { 200: PageOf(QuarantinedEmailSchema), ...errorResponses },
      },
    },
    async (request) => {
      const page = await mailboxes.listQuarantinedEmails(contextOf(deps, request), files, { limit: request.query.limit ?? 25, cursor: request.query.cursor });
      return { items: page.items.map(presentQuarantinedEmail), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/mailboxes/quarantine/:id/raw",
    {
      schema: {
        tags,
        summary: "Download a quarantined email's source as a .eml file (admins)",
        params: IdParams,
        produces: ["message/rfc822"],
        response: { 200: Type.String({ description: "The email as it arrived." }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const email = await mailboxes.getQuarantinedEmail(contextOf(deps, request), request.params.id);
      return reply
        .header("content-type", "message/rfc822")
        .header("content-disposition", `attachment; filename="${email.id}.eml"`)
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "default-src 'none'; sandbox")
        .header("cache-control", "private, no-store")
        .send(files.open(email.rawKey));
    },
  );

  app.post(
    "/mailboxes/quarantine/:id/reprocess",
    {
      schema: {
        tags,
        summary: "Receive a quarantined email again, as if it had just arrived (admins)",
        params: IdParams,
        response: { 200: ReprocessResult, ...errorResponses },
      },
    },
    async (request) => {
      const result = await mailboxes.reprocessQuarantinedEmail(contextOf(deps, request), { files, attachmentLimitBytes: config.attachmentLimitBytes }, request.params.id);
      return {
        outcome: result.outcome,
        conversationId: result.outcome === "quarantined" ? null : result.conversationId,
        error: result.outcome === "quarantined" ? result.error : null,
      };
    },
  );

  app.get("/mailboxes/:id", { schema: { tags, summary: "One mailbox (admins)", params: IdParams, response: { 200: MailboxSchema, ...errorResponses } } }, async (request) =>
    present(await mailboxes.getMailbox(contextOf(deps, request), request.params.id)),
  );

  app.patch(
    "/mailboxes/:id",
    {
      schema: {
        tags,
        summary: "Change a mailbox (admins); a password left out stays as it is",
        params: IdParams,
        body: MailboxChangesBody,
        response: { 200: MailboxSchema, ...errorResponses },
      },
    },
    async (request) => {
      const body = request.body;
      return present(await mailboxes.updateMailbox(contextOf(deps, request), request.params.id, body, body.imapPassword === undefined ? undefined : secrets()));
    },
  );

  app.delete(
    "/mailboxes/:id",
    { schema: { tags, summary: "Delete a mailbox (admins); its conversations and received mail stay", params: IdParams, response: { 204: NoContent, ...errorResponses } } },
    async (request, reply) => {
      await mailboxes.deleteMailbox(contextOf(deps, request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/mailboxes/:id/test",
    {
      schema: {
        tags,
        summary: "Test a mailbox: sign in to its IMAP server, or for an SMTP mailbox say whether the listener is on (admins)",
        params: IdParams,
        response: { 200: ConnectionCheckSchema, ...errorResponses },
      },
    },
    async (request) => mailboxes.testMailboxConnection(contextOf(deps, request), request.params.id, config, secrets()),
  );
}
