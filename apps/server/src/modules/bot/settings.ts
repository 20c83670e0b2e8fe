import { eq } from "drizzle-orm";
import { requireRole } from "../../platform/auth/policy.ts";
import { eventActor, type ServiceContext } from "../../platform/context.ts";
import type { Executor } from "../../platform/db/client.ts";
import { notFound } from "../../platform/errors.ts";
import { appendEvent } from "../../platform/events.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { teams } from "../workspaces/schema.ts";
import { recordAudit } from "../workspaces/service.ts";
import { botSettings } from "./schema.ts";

export type BotSettings = Omit<typeof botSettings.$inferSelect, "updatedAt">;

const DEFAULT_GREETING = { en: "Hi! I'm the answer bot. Here's what I found:", es: "¡Hola! Soy el asistente automático. Esto es lo que encontré:" };

/** What a workspace that never changed a setting gets: the bot on, answering when it is fairly sure. */
const defaults = (workspaceId: string): BotSettings => ({
  workspaceId,
  enabled: true,
  name: "Answer Bot",
  handoverTeamId: null,
  humanTiers: [],
  confidenceThreshold: 0.35,
  greeting: DEFAULT_GREETING,
  emailAutoResponse: false,
});

/** The workspace's bot settings; reading never writes, so a visitor's message adds no row. */
export async function getBotSettings(db: Executor, workspaceId: string): Promise<BotSettings> {
  const [row] = await db.select().from(botSettings).where(inWorkspace(botSettings, workspaceId));
  if (!row) return defaults(workspaceId);
  const { updatedAt: _updatedAt, ...settings } = row;
  return settings;
}

export async function readBotSettings(ctx: ServiceContext): Promise<BotSettings> {
  requireRole(ctx.actor, "admin");
  return getBotSettings(ctx.db, ctx.actor.workspaceId);
}

export type BotSettingsChanges = Partial<Omit<BotSettings, "workspaceId">>;

export async function updateBotSettings(ctx: ServiceContext, changes: BotSettingsChanges): Promise<BotSettings> {
  requireRole(ctx.actor, "admin");
  const workspaceId = ctx.actor.workspaceId;
  const set = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as BotSettingsChanges;
  if (set.humanTiers) set.humanTiers = [...new Set(set.humanTiers.map((tier) => tier.trim().toLowerCase()).filter(Boolean))];
  return ctx.db.transaction(async (tx) => {
    if (set.handoverTeamId) {
      const [team] = await tx.select({ id: teams.id }).from(teams).where(inWorkspace(teams, workspaceId, eq(teams.id, set.handoverTeamId)));
      if (!team) throw notFound("team_not_found", "The handover team");
    }
    const current = await getBotSettings(tx, workspaceId);
    const next = { ...current, ...set };
    await tx
      .insert(botSettings)
      .values({ ...next, updatedAt: new Date() })
      .onConflictDoUpdate({ target: botSettings.workspaceId, set: { ...set, updatedAt: new Date() } });
    const fields = Object.keys(set);
    await appendEvent(tx, { workspaceId, type: "bot.settings_changed", subjectType: "workspace", subjectId: workspaceId, actor: eventActor(ctx.actor), payload: { fields } });
    await recordAudit({ ...ctx, db: tx }, "bot.settings_changed", "workspace", workspaceId, { fields });
    return next;
  });
}
