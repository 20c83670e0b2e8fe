import { sql } from "drizzle-orm";
import { bigint, boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, workspaceId } from "../../platform/db/columns.ts";

/** How mail reaches a mailbox: sent (or forwarded) to Rapport's own SMTP listener, or fetched from a server over IMAP. */
export const MAILBOX_KINDS = ["smtp", "imap"] as const;
export type MailboxKind = (typeof MAILBOX_KINDS)[number];

/** What is done to a fetched message on the IMAP server once it is stored. */
export const IMAP_PROCESSED = ["flag", "move"] as const;

/** A support address of a workspace, such as help@shop.example, and how its mail comes in. */
export const mailboxes = pgTable(
  "mailboxes",
  {
    id: id(),
    workspaceId: workspaceId(),
    name: text("name").notNull(),
    /** The address customers write to, lower-case. One address belongs to one workspace on a server. */
    address: text("address").notNull(),
    fromName: text("from_name").notNull().default(""),
    signature: text("signature").notNull().default(""),
    kind: text("kind", { enum: MAILBOX_KINDS }).notNull().default("smtp"),
    /** The local part of this mailbox's forwarding address (`<token>@RAPPORT_MAIL_DOMAIN`), for businesses that forward from their own server. */
    forwardingToken: text("forwarding_token").notNull(),
    autoAcknowledge: boolean("auto_acknowledge").notNull().default(false),
    imapHost: text("imap_host"),
    imapPort: integer("imap_port"),
    imapSecure: boolean("imap_secure").notNull().default(true),
    imapUser: text("imap_user"),
    /** Encrypted with the server's secret key (platform/crypto.ts), never stored or returned in the clear. */
    imapPasswordEncrypted: text("imap_password_encrypted"),
    imapFolder: text("imap_folder").notNull().default("INBOX"),
    imapProcessed: text("imap_processed", { enum: IMAP_PROCESSED }).notNull().default("flag"),
    imapMoveTo: text("imap_move_to"),
    /** The folder's UIDVALIDITY and the last UID stored; both move in the transaction that stores the message. */
    imapUidValidity: bigint("imap_uid_validity", { mode: "number" }),
    imapLastUid: bigint("imap_last_uid", { mode: "number" }).notNull().default(0),
    lastFetchAt: timestamp("last_fetch_at", { withTimezone: true }),
    lastError: text("last_error"),
    lastErrorAt: timestamp("last_error_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("mailboxes_address_idx").on(t.address),
    uniqueIndex("mailboxes_forwarding_idx").on(t.forwardingToken),
    index("mailboxes_workspace_idx").on(t.workspaceId),
  ],
);

export const EMAIL_DIRECTIONS = ["inbound", "outbound"] as const;
export const EMAIL_STATES = ["received", "quarantined", "queued", "sent", "failed"] as const;
export type EmailState = (typeof EMAIL_STATES)[number];
export const AUTH_VERDICTS = ["pass", "fail", "none"] as const;

/**
 * Every email in or out, beside the conversation message it became: its headers for threading, its raw
 * source in the file store, and what happened to it.
 */
export const emailMessages = pgTable(
  "email_messages",
  {
    id: id(),
    workspaceId: workspaceId(),
    mailboxId: uuid("mailbox_id"),
    direction: text("direction", { enum: EMAIL_DIRECTIONS }).notNull(),
    /** The Message-ID without its angle brackets; for mail that came without one, one Rapport made from its content. */
    messageIdHeader: text("message_id_header").notNull(),
    inReplyTo: text("in_reply_to"),
    references: text("references").array().notNull().default(sql`'{}'::text[]`),
    conversationId: uuid("conversation_id"),
    messageId: uuid("message_id"),
    fromAddress: text("from_address"),
    toAddresses: text("to_addresses").array().notNull().default(sql`'{}'::text[]`),
    /** Where the sender asked replies to go (Reply-To); the sender of record stays `fromAddress`. */
    replyTo: text("reply_to").array().notNull().default(sql`'{}'::text[]`),
    subject: text("subject").notNull().default(""),
    /** The file-store key of the raw .eml, kept for audit and reprocessing. */
    rawKey: text("raw_key"),
    state: text("state", { enum: EMAIL_STATES }).notNull(),
    error: text("error"),
    /** SPF/DKIM/DMARC as the receiving server reported them in Authentication-Results. */
    authVerdict: text("auth_verdict", { enum: AUTH_VERDICTS }).notNull().default("none"),
    /** Auto-Submitted, Precedence bulk/junk/list, X-Autoreply and the like: stored, never answered automatically. */
    automated: boolean("automated").notNull().default(false),
    attempts: integer("attempts").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Redelivered mail keeps its Message-ID; the unique index makes a retry a no-op instead of a duplicate.
    uniqueIndex("email_messages_message_id_idx").on(t.workspaceId, t.direction, t.messageIdHeader),
    index("email_messages_thread_idx").on(t.workspaceId, t.messageIdHeader),
    index("email_messages_conversation_idx").on(t.workspaceId, t.conversationId),
    index("email_messages_state_idx").on(t.workspaceId, t.state, t.createdAt),
  ],
);

/** At most one automatic reply per sender, conversation and day: the row is the right to send it. */
export const emailAutoReplies = pgTable(
  "email_auto_replies",
  {
    workspaceId: workspaceId(),
    conversationId: uuid("conversation_id").notNull(),
    recipient: text("recipient").notNull(),
    day: date("day").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.conversationId, t.recipient, t.day] })],
);
