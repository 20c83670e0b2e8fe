CREATE TABLE "email_auto_replies" (
	"workspace_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"recipient" text NOT NULL,
	"day" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_auto_replies_workspace_id_conversation_id_recipient_day_pk" PRIMARY KEY("workspace_id","conversation_id","recipient","day")
);
--> statement-breakpoint
CREATE TABLE "email_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"mailbox_id" uuid,
	"direction" text NOT NULL,
	"message_id_header" text NOT NULL,
	"in_reply_to" text,
	"references" text[] DEFAULT '{}'::text[] NOT NULL,
	"conversation_id" uuid,
	"message_id" uuid,
	"from_address" text,
	"to_addresses" text[] DEFAULT '{}'::text[] NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"raw_key" text,
	"state" text NOT NULL,
	"error" text,
	"auth_verdict" text DEFAULT 'none' NOT NULL,
	"automated" boolean DEFAULT false NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mailboxes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"from_name" text DEFAULT '' NOT NULL,
	"signature" text DEFAULT '' NOT NULL,
	"kind" text DEFAULT 'smtp' NOT NULL,
	"forwarding_token" text NOT NULL,
	"auto_acknowledge" boolean DEFAULT false NOT NULL,
	"imap_host" text,
	"imap_port" integer,
	"imap_secure" boolean DEFAULT true NOT NULL,
	"imap_user" text,
	"imap_password_encrypted" text,
	"imap_folder" text DEFAULT 'INBOX' NOT NULL,
	"imap_processed" text DEFAULT 'flag' NOT NULL,
	"imap_move_to" text,
	"imap_uid_validity" bigint,
	"imap_last_uid" bigint DEFAULT 0 NOT NULL,
	"last_fetch_at" timestamp with time zone,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "delivery_status" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "delivery_error" text;--> statement-breakpoint
CREATE UNIQUE INDEX "email_messages_message_id_idx" ON "email_messages" USING btree ("workspace_id","direction","message_id_header");--> statement-breakpoint
CREATE INDEX "email_messages_thread_idx" ON "email_messages" USING btree ("workspace_id","message_id_header");--> statement-breakpoint
CREATE INDEX "email_messages_conversation_idx" ON "email_messages" USING btree ("workspace_id","conversation_id");--> statement-breakpoint
CREATE INDEX "email_messages_state_idx" ON "email_messages" USING btree ("workspace_id","state","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "mailboxes_address_idx" ON "mailboxes" USING btree ("address");--> statement-breakpoint
CREATE UNIQUE INDEX "mailboxes_forwarding_idx" ON "mailboxes" USING btree ("forwarding_token");--> statement-breakpoint
CREATE INDEX "mailboxes_workspace_idx" ON "mailboxes" USING btree ("workspace_id");