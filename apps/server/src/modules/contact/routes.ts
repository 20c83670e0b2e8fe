import type { App, AppDeps } from "../../platform/http/context.ts";

/** The hosted contact form (/support/{workspace}/contact) and the endpoint embedded forms post to. */
export async function registerContactRoutes(_app: App, _deps: AppDeps): Promise<void> {}
