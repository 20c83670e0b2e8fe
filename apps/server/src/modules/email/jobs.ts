import Type from "typebox";
import { defineJob, type JobDefinition } from "../../platform/jobs/index.ts";
import { sendQueuedEmail } from "./outbound.ts";

/** Sends one queued email through the relay; retried from 30 s up to hourly, about three hours in all. */
export const sendEmailJob = defineJob({
  name: "email.send",
  payload: Type.Object({ emailId: Type.String({ format: "uuid" }) }),
  retry: { maxAttempts: 10, baseDelayMs: 30_000, maxDelayMs: 3_600_000 },
  async handle(ctx, payload) {
    if (!ctx.workspaceId) throw new Error("email.send needs a workspace");
    await sendQueuedEmail(ctx, ctx.workspaceId, payload.emailId);
  },
});

export const emailJobs: JobDefinition[] = [sendEmailJob];
