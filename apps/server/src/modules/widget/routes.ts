import type { App } from "../../platform/http/context.ts";
import type { RealtimeDeps } from "../../platform/realtime/routes.ts";

/** The widget's admin settings and the agent's view of a visitor, under /api/v1. */
export function registerWidgetRoutes(_api: App, _deps: RealtimeDeps): void {}

/** What the widget itself calls from the host's page, under /widget/v1, and its scripts. */
export async function registerWidgetPublicRoutes(_app: App, _deps: RealtimeDeps): Promise<void> {}
