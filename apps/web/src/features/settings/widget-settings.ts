import { api, unwrap } from "../../api/client";

export const widgetSettingsKey = ["settings", "widget"] as const;
export const fetchWidgetSettings = () => unwrap(api.GET("/api/v1/widget/settings"));

/** The settings as the client reads them back (its opening and closing times arrive as plain arrays). */
export type WidgetSettings = Awaited<ReturnType<typeof fetchWidgetSettings>>;
export type FormField = WidgetSettings["contactFields"][number];
export type ProactiveRule = WidgetSettings["proactiveRules"][number];
export type BusinessHours = NonNullable<WidgetSettings["businessHours"]>;
export type Weekday = keyof BusinessHours["days"];

export const ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:(\d{1,5}|\*))?$/;
export const FIELD_KEY = /^[a-z][a-z0-9_]*$/;

/** A key made from a label as people write it: "Order number" → "order_number". */
export const keyFromLabel = (label: string) =>
  label
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^[^a-z]+|_+$/g, "")
    .slice(0, 50);
