import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { requireRole } from "../../platform/auth/policy.ts";
import { eventActor, type ServiceContext } from "../../platform/context.ts";
import type { SecretBox } from "../../platform/crypto.ts";
import type { Executor } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { appendEvent } from "../../platform/events.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { canonicalTimeZone, getWorkspace, recordAudit } from "../workspaces/service.ts";
import { widgetSettings, WEEKDAYS, type FormField, type ProactiveRule, type WeeklyHours, type WidgetAppearance } from "./schema.ts";

type SettingsRow = typeof widgetSettings.$inferSelect;

/** A workspace's widget settings with the identity secret opened. */
export type WidgetSettings = Omit<SettingsRow, "identitySecretEncrypted"> & { identitySecret: string };

const newIdentitySecret = () => randomBytes(32).toString("hex");

function opened(row: SettingsRow, secrets: SecretBox): WidgetSettings {
  const { identitySecretEncrypted, ...rest } = row;
  return { ...rest, identitySecret: secrets.open(identitySecretEncrypted) };
}

function defaultAppearance(title: string): WidgetAppearance {
  return { color: "#2563eb", position: "right", greeting: { en: "Hi! How can we help?", es: "¡Hola! ¿En qué podemos ayudarte?" }, title };
}

/**
 * The workspace's widget settings, made with defaults and a fresh identity secret the first time anyone asks.
 * Two first readers race on the primary key; the loser reads the winner's row.
 */
export async function getWidgetSettings(db: Executor, secrets: SecretBox, workspaceId: string, initial: Partial<Pick<SettingsRow, "allowedOrigins">> = {}): Promise<WidgetSettings> {
  const [row] = await db.select().from(widgetSettings).where(inWorkspace(widgetSettings, workspaceId));
  if (row) return opened(row, secrets);
  const workspace = await getWorkspace(db, workspaceId);
  await db
    .insert(widgetSettings)
    .values({ workspaceId, identitySecretEncrypted: secrets.seal(newIdentitySecret()), appearance: defaultAppearance(workspace.name), ...initial })
    .onConflictDoNothing();
  const [created] = await db.select().from(widgetSettings).where(inWorkspace(widgetSettings, workspaceId));
  return opened(created!, secrets);
}

/** The settings as an admin sees them, identity secret included. */
export async function readWidgetSettings(ctx: ServiceContext, secrets: SecretBox): Promise<WidgetSettings> {
  requireRole(ctx.actor, "admin");
  return getWidgetSettings(ctx.db, secrets, ctx.actor.workspaceId);
}

export interface WidgetSettingsChanges {
  enabled?: boolean | undefined;
  allowedOrigins?: string[] | undefined;
  requireIdentity?: boolean | undefined;
  appearance?: Partial<WidgetAppearance> | undefined;
  preChatFields?: FormField[] | undefined;
  proactiveRules?: ProactiveRule[] | undefined;
  contactFields?: FormField[] | undefined;
  businessHours?: WeeklyHours | null | undefined;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** What the schema cannot say: field keys unique, select fields with choices, opening hours that make sense. */
function checkChanges(changes: WidgetSettingsChanges): WidgetSettingsChanges {
  for (const [name, fields] of [["preChatFields", changes.preChatFields], ["contactFields", changes.contactFields]] as const) {
    const keys = new Set<string>();
    for (const field of fields ?? []) {
      if (keys.has(field.key)) throw new AppError("invalid_request", `${name}: the key "${field.key}" is used twice; each field needs its own.`);
      keys.add(field.key);
      if (field.type === "select" && !field.options?.length) throw new AppError("invalid_request", `${name}: the select field "${field.key}" needs "options".`);
    }
  }
  const hours = changes.businessHours;
  if (!hours) return changes;
  const timeZone = canonicalTimeZone(hours.timeZone);
  if (!timeZone) throw new AppError("invalid_request", `businessHours.timeZone: "${hours.timeZone}" is not an IANA time zone (such as "Europe/Madrid").`);
  for (const [day, ranges] of Object.entries(hours.days)) {
    if (!(WEEKDAYS as readonly string[]).includes(day)) throw new AppError("invalid_request", `businessHours.days: "${day}" is not one of ${WEEKDAYS.join(", ")}.`);
    for (const [open, close] of ranges ?? []) {
      if (!TIME.test(open) || !TIME.test(close)) throw new AppError("invalid_request", `businessHours.days.${day}: times are "HH:MM", 00:00 to 23:59.`);
      if (open >= close) throw new AppError("invalid_request", `businessHours.days.${day}: "${open}" to "${close}" closes before it opens.`);
    }
  }
  return { ...changes, businessHours: { ...hours, timeZone } };
}

export async function updateWidgetSettings(ctx: ServiceContext, secrets: SecretBox, changes: WidgetSettingsChanges): Promise<WidgetSettings> {
  requireRole(ctx.actor, "admin");
  const checked = checkChanges(changes);
  const workspaceId = ctx.actor.workspaceId;
  return ctx.db.transaction(async (tx) => {
    const current = await getWidgetSettings(tx, secrets, workspaceId);
    const { appearance, ...rest } = checked;
    const set = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
    const [row] = await tx
      .update(widgetSettings)
      .set({ ...set, ...(appearance && { appearance: { ...current.appearance, ...appearance } }), updatedAt: new Date() })
      .where(inWorkspace(widgetSettings, workspaceId))
      .returning();
    const fields = Object.keys(set).concat(appearance ? ["appearance"] : []);
    await appendEvent(tx, { workspaceId, type: "widget.settings_changed", subjectType: "workspace", subjectId: workspaceId, actor: eventActor(ctx.actor), payload: { fields } });
    await recordAudit({ ...ctx, db: tx }, "widget.settings_changed", "workspace", workspaceId, { fields });
    return opened(row!, secrets);
  });
}

/** A new identity secret: signatures made with the old one stop being accepted at once. */
export async function rotateIdentitySecret(ctx: ServiceContext, secrets: SecretBox): Promise<WidgetSettings> {
  requireRole(ctx.actor, "admin");
  const workspaceId = ctx.actor.workspaceId;
  return ctx.db.transaction(async (tx) => {
    await getWidgetSettings(tx, secrets, workspaceId);
    const [row] = await tx
      .update(widgetSettings)
      .set({ identitySecretEncrypted: secrets.seal(newIdentitySecret()), updatedAt: sql`now()` })
      .where(inWorkspace(widgetSettings, workspaceId))
      .returning();
    await appendEvent(tx, { workspaceId, type: "widget.identity_secret_rotated", subjectType: "workspace", subjectId: workspaceId, actor: eventActor(ctx.actor) });
    await recordAudit({ ...ctx, db: tx }, "widget.identity_secret_rotated", "workspace", workspaceId);
    return opened(row!, secrets);
  });
}

/** Whether a page of `origin` may run this workspace's widget. A port of `*` allows any port of that host. */
export function originAllowed(allowedOrigins: readonly string[], origin: string): boolean {
  if (allowedOrigins.includes(origin)) return true;
  const anyPort = origin.replace(/:\d+$/, ":*");
  return anyPort !== origin && allowedOrigins.includes(anyPort);
}

/** Whether any workspace lets `origin` run its widget: what a CORS preflight, which names no workspace, can check. */
export async function originAllowedAnywhere(db: Executor, origin: string): Promise<boolean> {
  const anyPort = origin.replace(/:\d+$/, ":*");
  const [row] = await db
    .select({ found: sql<number>`1` })
    .from(widgetSettings)
    .where(sql`${origin} = ANY(${widgetSettings.allowedOrigins}) OR ${anyPort} = ANY(${widgetSettings.allowedOrigins})`)
    .limit(1);
  return Boolean(row);
}

/** Whether the team answers chat now, by the workspace's opening hours in their time zone; no hours means always. */
export function withinBusinessHours(hours: WeeklyHours | null, now = new Date()): boolean {
  if (!hours) return true;
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: hours.timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const day = part("weekday").toLowerCase().slice(0, 3) as (typeof WEEKDAYS)[number];
  const time = `${part("hour")}:${part("minute")}`;
  return (hours.days[day] ?? []).some(([open, close]) => time >= open && time < close);
}

/** The workspace's chat hours alone, for work that needs no secret (null: always open). */
export async function getBusinessHours(db: Executor, workspaceId: string): Promise<WeeklyHours | null> {
  const [row] = await db.select({ hours: widgetSettings.businessHours }).from(widgetSettings).where(inWorkspace(widgetSettings, workspaceId));
  return row?.hours ?? null;
}
