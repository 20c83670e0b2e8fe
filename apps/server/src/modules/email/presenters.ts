import Type from "typebox";
import { IsoDate, NullableIsoDate, Uuid } from "../../platform/http/schemas.ts";
import { forwardingAddress, type EmailRecord, type Mailbox } from "./mailboxes.ts";
import { IMAP_PROCESSED, MAILBOX_KINDS } from "./schema.ts";

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const NullableString = Type.Union([Type.String(), Type.Null()]);

export const MailboxKindSchema = Type.Enum(MAILBOX_KINDS, { description: "smtp: mail is sent or forwarded to Rapport's SMTP listener; imap: Rapport fetches it from a server." });
export const ImapProcessedSchema = Type.Enum(IMAP_PROCESSED, { description: "What is done on the IMAP server to a message once stored: flag it as seen, or move it to imapMoveTo." });

export const MailboxSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  address: Type.String(),
  fromName: Type.String(),
  signature: Type.String(),
  kind: MailboxKindSchema,
  autoAcknowledge: Type.Boolean(),
  forwardingAddress: Type.String({ description: "Forward mail here from your own server to receive it without IMAP." }),
  imap: Type.Object({
    host: NullableString,
    port: Type.Union([Type.Integer(), Type.Null()]),
    secure: Type.Boolean(),
    user: NullableString,
    passwordSet: Type.Boolean({ description: "Whether a password is stored. The password itself is never returned." }),
    folder: Type.String(),
    processed: ImapProcessedSchema,
    moveTo: NullableString,
  }),
  lastFetchAt: NullableIsoDate,
  lastError: NullableString,
  lastErrorAt: NullableIsoDate,
  createdAt: IsoDate,
  updatedAt: IsoDate,
});

export const presentMailbox = (m: Mailbox, mailDomain: string) => ({
  id: m.id,
  name: m.name,
  address: m.address,
  fromName: m.fromName,
  signature: m.signature,
  kind: m.kind,
  autoAcknowledge: m.autoAcknowledge,
  forwardingAddress: forwardingAddress(m, mailDomain),
  imap: {
    host: m.imapHost,
    port: m.imapPort,
    secure: m.imapSecure,
    user: m.imapUser,
    passwordSet: m.imapPasswordEncrypted !== null,
    folder: m.imapFolder,
    processed: m.imapProcessed,
    moveTo: m.imapMoveTo,
  },
  lastFetchAt: iso(m.lastFetchAt),
  lastError: m.lastError,
  lastErrorAt: iso(m.lastErrorAt),
  createdAt: m.createdAt.toISOString(),
  updatedAt: m.updatedAt.toISOString(),
});

export const QuarantinedEmailSchema = Type.Object({
  id: Uuid,
  mailboxId: Type.Union([Uuid, Type.Null()]),
  from: NullableString,
  subject: Type.String(),
  error: Type.String({ description: "Why the email could not be received." }),
  receivedAt: IsoDate,
});

export const presentQuarantinedEmail = (e: EmailRecord) => ({
  id: e.id,
  mailboxId: e.mailboxId,
  from: e.fromAddress,
  subject: e.subject,
  error: e.error ?? "",
  receivedAt: e.createdAt.toISOString(),
});
