import { eq } from "drizzle-orm";
import Type from "typebox";
import type { Executor } from "../../platform/db/client.ts";
import { appendEvent } from "../../platform/events.ts";
import { defineJob, enqueueJob, type JobDefinition } from "../../platform/jobs/index.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { conversations } from "./schema.ts";

/**
 * Reopens a conversation whose snooze has ended. Only the snooze the job was scheduled
 * for counts: a conversation reopened, closed or snoozed to another time since then is
 * left alone, which also makes running the job twice harmless.
 */
export async function wakeConversation(db: Executor, workspaceId: string, conversationId: string, snoozedUntil: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const [woken] = await tx
      .update(conversations)
      .set({ status: "open", snoozedUntil: null, updatedAt: now, lastActivityAt: now })
      .where(inWorkspace(conversations, workspaceId, eq(conversations.id, conversationId), eq(conversations.status, "snoozed"), eq(conversations.snoozedUntil, snoozedUntil)))
      .returning({ id: conversations.id });
    if (!woken) return false;
    await appendEvent(tx, {
      workspaceId,
      type: "conversation.status_changed",
      subjectType: "conversation",
      subjectId: conversationId,
      actor: { type: "system", id: null },
      payload: { from: "snoozed", to: "open", reason: "snooze_ended" },
    });
    return true;
  });
}

export const wakeConversationJob = defineJob({
  name: "conversation.wake",
  payload: Type.Object({ conversationId: Type.String({ format: "uuid" }), snoozedUntil: Type.String({ format: "date-time" }) }),
  async handle(ctx, payload) {
    if (!ctx.workspaceId) throw new Error("conversation.wake needs a workspace");
    await wakeConversation(ctx.db, ctx.workspaceId, payload.conversationId, new Date(payload.snoozedUntil));
  },
});

/** Schedules the end of a snooze, in the transaction that snoozes; the same snooze saved twice schedules once. */
export async function scheduleWake(tx: Executor, workspaceId: string, conversationId: string, snoozedUntil: Date): Promise<void> {
  const at = snoozedUntil.toISOString();
  await enqueueJob(tx, workspaceId, wakeConversationJob, { conversationId, snoozedUntil: at }, { runAt: snoozedUntil, dedupeKey: `conversation.wake:${conversationId}:${at}` });
}

export const conversationJobs: JobDefinition[] = [wakeConversationJob];
