import { eq } from "drizzle-orm";
import type { Executor } from "../../platform/db/client.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { workspaces } from "../workspaces/schema.ts";
import { widgetSettings, type FormField } from "../widget/schema.ts";

/** What the public contact form of one workspace needs to know. */
export interface ContactFormSettings {
  workspaceId: string;
  workspaceName: string;
  slug: string;
  contactFields: FormField[];
  /** Sites that may embed the form or post to it from their own pages. */
  allowedOrigins: string[];
  accent: string | undefined;
}

/**
 * Reads the form's settings by the workspace's public slug, or undefined when there is no such workspace. A
 * workspace whose widget settings were never saved gets the defaults (no extra questions, no other sites);
 * the row itself is created by the widget's settings, not by a visitor's page view.
 */
export async function readContactFormSettings(db: Executor, slug: string): Promise<ContactFormSettings | undefined> {
  const [workspace] = await db.select({ id: workspaces.id, name: workspaces.name, slug: workspaces.slug }).from(workspaces).where(eq(workspaces.slug, slug));
  if (!workspace) return undefined;
  const [settings] = await db
    .select({ contactFields: widgetSettings.contactFields, allowedOrigins: widgetSettings.allowedOrigins, appearance: widgetSettings.appearance })
    .from(widgetSettings)
    .where(inWorkspace(widgetSettings, workspace.id));
  return {
    workspaceId: workspace.id,
    workspaceName: workspace.name,
    slug: workspace.slug,
    contactFields: settings?.contactFields ?? [],
    allowedOrigins: settings?.allowedOrigins ?? [],
    accent: settings?.appearance.color,
  };
}
