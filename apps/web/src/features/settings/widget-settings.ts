import { api, unwrap } from "../../api/client";

export const widgetSettingsKey = ["settings", "widget"] as const;
export const fetchWidgetSettings = () => unwrap(api.GET("/api/v1/widget/settings"));

/** The settings as the client reads them back (its opening and closing times arrive as plain arrays). */
export type WidgetSettings = Awaited<ReturnType<typeof fetchWidgetSettings>>;
export type FormField = WidgetSettings["contactFields"][number];
export type ProactiveRule = WidgetSettings["proactiveRules"][number];
export type BusinessHours = NonNullable<WidgetSettings["businessHours"]>;
export type Weekday = keyof BusinessHours["days"];
