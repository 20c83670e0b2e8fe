import { asc, eq } from "drizzle-orm";
import { requireRole } from "../../platform/auth/policy.ts";
import { eventActor, type ServiceContext } from "../../platform/context.ts";
import type { Executor } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { appendEvent } from "../../platform/events.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { mailboxes } from "../email/schema.ts";
import { widgetSettings } from "../widget/schema.ts";
import { getWorkspace } from "../workspaces/service.ts";
import { workspaces } from "../workspaces/schema.ts";
import { helpCenterSettings } from "./schema.ts";

export type HelpCenterSettingsRow = typeof helpCenterSettings.$inferSelect;

/** What an admin sets; null where the default applies. */
export type HelpCenterSettings = Omit<HelpCenterSettingsRow, "updatedAt"> & { updatedAt: Date | null };

/** The settings with the workspace's slug, which the help center's address is made from. */
export type HelpCenterSettingsOf = HelpCenterSettings & { workspaceSlug: string };

const DEFAULT_COLOR = "#2f6fdf";

const defaults = (workspaceId: string): HelpCenterSettings => ({
  workspaceId,
  enabled: true,
  title: null,
  logoUrl: null,
  brandColor: null,
  defaultLocale: "en",
  customDomain: null,
  updatedAt: null,
});

/** Everything a help center page needs to know about its workspace, defaults filled in. */
export interface HelpCenterSite {
  workspaceId: string;
  slug: string;
  title: string;
  enabled: boolean;
  logoUrl: string | null;
  brandColor: string;
  defaultLocale: string;
  customDomain: string | null;
  /** The chat widget is switched on: its loader goes on every page. */
  chat: boolean;
  /** The workspace's first support address, offered under every article. */
  email: string | null;
}

/**
 * Reads a workspace's help center by its public slug or by the custom domain it answers on;
 * undefined when there is none. The widget's color and the support address are read here,
 * beside the contact form's own reading of the widget's settings, for the same public page.
 */
export async function readHelpCenterSite(db: Executor, by: { slug: string } | { domain: string }): Promise<HelpCenterSite | undefined> {
  const [row] = await db
    .select({ workspace: workspaces, settings: helpCenterSettings, widgetEnabled: widgetSettings.enabled, widgetAppearance: widgetSettings.appearance })
    .from(workspaces)
    .leftJoin(helpCenterSettings, eq(helpCenterSettings.workspaceId, workspaces.id))
    .leftJoin(widgetSettings, eq(widgetSettings.workspaceId, workspaces.id))
    .where("slug" in by ? eq(workspaces.slug, by.slug) : eq(helpCenterSettings.customDomain, by.domain.toLowerCase()));
  if (!row) return undefined;
  const settings = row.settings ?? defaults(row.workspace.id);
  const [mailbox] = await db.select({ address: mailboxes.address }).from(mailboxes).where(inWorkspace(mailboxes, row.workspace.id)).orderBy(asc(mailboxes.createdAt)).limit(1);
  return {
    workspaceId: row.workspace.id,
    slug: row.workspace.slug,
    title: settings.title ?? row.workspace.name,
    enabled: settings.enabled,
    logoUrl: settings.logoUrl,
    brandColor: settings.brandColor ?? row.widgetAppearance?.color ?? DEFAULT_COLOR,
    defaultLocale: settings.defaultLocale,
    customDomain: settings.customDomain,
    // A workspace whose widget was never set up has it on by default, as the widget itself does.
    chat: row.widgetEnabled ?? true,
    email: mailbox?.address ?? null,
  };
}

async function readSettings(db: Executor, workspaceId: string): Promise<HelpCenterSettingsOf> {
  const [row] = await db.select().from(helpCenterSettings).where(inWorkspace(helpCenterSettings, workspaceId));
  const { slug } = await getWorkspace(db, workspaceId);
  return { ...(row ?? defaults(workspaceId)), workspaceSlug: slug };
}

export async function getHelpCenterSettings(ctx: ServiceContext): Promise<HelpCenterSettingsOf> {
  requireRole(ctx.actor, "admin");
  return readSettings(ctx.db, ctx.actor.workspaceId);
}

export type HelpCenterSettingsChanges = Partial<Pick<HelpCenterSettingsRow, "enabled" | "title" | "logoUrl" | "brandColor" | "defaultLocale" | "customDomain">>;

/** Saves an admin's changes over the current settings (or the defaults, the first time). */
export async function updateHelpCenterSettings(ctx: ServiceContext, changes: HelpCenterSettingsChanges): Promise<HelpCenterSettingsOf> {
  requireRole(ctx.actor, "admin");
  const workspaceId = ctx.actor.workspaceId;
  const customDomain = changes.customDomain === undefined ? undefined : changes.customDomain && changes.customDomain.toLowerCase();
  const patch = { ...changes, ...(customDomain !== undefined && { customDomain }), updatedAt: new Date() };
  return ctx.db.transaction(async (tx) => {
    if (customDomain) {
      const [taken] = await tx.select({ workspaceId: helpCenterSettings.workspaceId }).from(helpCenterSettings).where(eq(helpCenterSettings.customDomain, customDomain));
      if (taken && taken.workspaceId !== workspaceId) throw new AppError("conflict", `${customDomain} is already the help center domain of another workspace.`);
    }
    await tx
      .insert(helpCenterSettings)
      .values({ ...defaults(workspaceId), ...patch })
      .onConflictDoUpdate({ target: helpCenterSettings.workspaceId, set: patch });
    await appendEvent(tx, {
      workspaceId,
      type: "help_center.settings_changed",
      subjectType: "workspace",
      subjectId: workspaceId,
      actor: eventActor(ctx.actor),
      payload: { fields: Object.keys(changes) },
    });
    return readSettings(tx, workspaceId);
  });
}
