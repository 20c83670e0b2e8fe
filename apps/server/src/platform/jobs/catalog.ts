import type { JobDefinition } from "./registry.ts";
import { conversationJobs } from "../../modules/conversations/jobs.ts";
import { emailJobs } from "../../modules/email/jobs.ts";
import { botJobs } from "../../modules/bot/jobs.ts";

/** Every module's jobs, for the runner; a module lists its jobs here as it lists its tables in db/schema.ts. */
export const allJobs: JobDefinition[] = [...conversationJobs, ...emailJobs, ...botJobs];
