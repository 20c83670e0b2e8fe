CREATE TABLE "widget_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"allowed_origins" text[] DEFAULT '{}'::text[] NOT NULL,
	"identity_secret_encrypted" text NOT NULL,
	"require_identity" boolean DEFAULT false NOT NULL,
	"appearance" jsonb NOT NULL,
	"pre_chat_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"proactive_rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"contact_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"business_hours" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "widget_visitors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"customer_id" uuid,
	"verified_user_id" text,
	"email" text,
	"context" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "seq" integer;--> statement-breakpoint
ALTER TABLE "widget_settings" ADD CONSTRAINT "widget_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "widget_visitors" ADD CONSTRAINT "widget_visitors_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "widget_visitors_token_idx" ON "widget_visitors" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "widget_visitors_customer_idx" ON "widget_visitors" USING btree ("workspace_id","customer_id");
--> statement-breakpoint
-- Messages stored before there was a seq get one in the order they were written.
UPDATE messages m SET seq = n.seq
  FROM (SELECT workspace_id, id, row_number() OVER (PARTITION BY workspace_id, conversation_id ORDER BY created_at, id) AS seq FROM messages) n
 WHERE m.workspace_id = n.workspace_id AND m.id = n.id;
--> statement-breakpoint
UPDATE conversations c SET message_count = greatest(c.message_count, (SELECT coalesce(max(seq), 0) FROM messages m WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id));
--> statement-breakpoint
-- As before, and each message takes the next seq of its conversation while the conversation is locked.
CREATE OR REPLACE FUNCTION rapport_store_message(
  p_workspace_id uuid, p_conversation_id uuid, p_message_id uuid, p_kind text, p_author_type text, p_author_id uuid,
  p_body_text text, p_body_html text, p_attachments jsonb, p_external_id text, p_mentions jsonb, p_preview text,
  p_at timestamptz, p_actor_type text, p_actor_id uuid, p_notify boolean)
RETURNS TABLE (previous_status text, merged_into uuid, stored_message json, event_notices json)
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
#variable_conflict use_column
DECLARE
  v_inbound boolean := p_kind = 'inbound';
BEGIN
  WITH t AS (
    SELECT c.id, c.customer_id, c.merged_into_id, c.status, c.message_count FROM conversations c
     WHERE c.workspace_id = p_workspace_id AND c.id = p_conversation_id
       FOR UPDATE
  ), m AS (
    INSERT INTO messages (id, workspace_id, conversation_id, kind, author_type, author_id, body_text, body_html, attachments, external_id, mentions, seq, created_at)
    SELECT p_message_id, p_workspace_id, t.id, p_kind, p_author_type,
           CASE WHEN v_inbound THEN t.customer_id ELSE p_author_id END,
           p_body_text, p_body_html, p_attachments, p_external_id,
           ARRAY(SELECT jsonb_array_elements_text(p_mentions)::uuid), t.message_count + 1, p_at
      FROM t
     WHERE t.merged_into_id IS NULL
    ON CONFLICT (workspace_id, external_id) DO NOTHING
    RETURNING *
  ), moved AS (
    UPDATE conversations c
       SET message_count = c.message_count + 1,
           last_activity_at = p_at,
           updated_at = p_at,
           last_message_preview = CASE WHEN p_kind = 'note' THEN c.last_message_preview ELSE p_preview END,
           last_message_at = CASE WHEN p_kind = 'note' THEN c.last_message_at ELSE p_at END,
           first_response_at = CASE WHEN p_kind = 'reply' AND p_author_type = 'agent' THEN coalesce(c.first_response_at, p_at) ELSE c.first_response_at END,
           status = CASE WHEN v_inbound THEN 'open' ELSE c.status END,
           snoozed_until = CASE WHEN v_inbound THEN NULL ELSE c.snoozed_until END
     -- The id as a constant, not a join on m, so the row is found through the primary key.
     WHERE c.workspace_id = p_workspace_id AND c.id = p_conversation_id AND EXISTS (SELECT FROM m)
    RETURNING c.id
  ), ev AS (
    INSERT INTO domain_events (workspace_id, type, subject_type, subject_id, actor_type, actor_id, payload)
    SELECT p_workspace_id, e.type, 'conversation', m.conversation_id, p_actor_type, p_actor_id, e.payload
      FROM m, t,
           LATERAL (VALUES
             (1, 'message.created', jsonb_build_object('messageId', m.id, 'kind', m.kind, 'authorType', m.author_type, 'mentions', to_jsonb(m.mentions))),
             (2, 'conversation.status_changed', CASE WHEN v_inbound AND t.status <> 'open'
                                                     THEN jsonb_build_object('from', t.status, 'to', 'open', 'reason', 'customer_replied') END)
           ) AS e(position, type, payload)
     WHERE e.payload IS NOT NULL
     ORDER BY e.position
    RETURNING *
  )
  SELECT t.status,
         t.merged_into_id,
         (SELECT json_build_object(
                   'id', m.id, 'workspaceId', m.workspace_id, 'conversationId', m.conversation_id, 'kind', m.kind, 'authorType', m.author_type,
                   'authorId', m.author_id, 'bodyText', m.body_text, 'bodyHtml', m.body_html, 'attachments', m.attachments,
                   'externalId', m.external_id, 'mentions', to_jsonb(m.mentions), 'seq', m.seq, 'createdAt', m.created_at)
            FROM m),
         (SELECT json_agg(rapport_event_notice(ev.id, ev.workspace_id, ev.type, ev.subject_type, ev.subject_id, ev.payload) ORDER BY ev.id) FROM ev)
    INTO previous_status, merged_into, stored_message, event_notices
    FROM t;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF p_notify AND event_notices IS NOT NULL THEN
    PERFORM pg_notify('rapport_events', notice) FROM json_array_elements_text(event_notices) AS notice;
    event_notices := NULL;
  END IF;
  RETURN NEXT;
END
$$;
