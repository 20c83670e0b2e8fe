CREATE TABLE "help_center_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"title" text,
	"logo_url" text,
	"brand_color" text,
	"default_locale" text DEFAULT 'en' NOT NULL,
	"custom_domain" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "knowledge_article_votes" ADD COLUMN "voter_key" text;--> statement-breakpoint
ALTER TABLE "help_center_settings" ADD CONSTRAINT "help_center_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "help_center_settings_domain_idx" ON "help_center_settings" USING btree ("custom_domain");--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_article_votes_voter_idx" ON "knowledge_article_votes" USING btree ("workspace_id","article_id","voter_key");