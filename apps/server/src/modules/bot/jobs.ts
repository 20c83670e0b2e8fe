import Type from "typebox";
import type { Executor } from "../../platform/db/client.ts";
import { defineJob, enqueueJob, type JobDefinition } from "../../platform/jobs/index.ts";
import { runBotTurn } from "./service.ts";

const BotTurnPayload = Type.Object({ conversationId: Type.String({ format: "uuid" }), messageId: Type.String({ format: "uuid" }) });

/** The bot's answer to one customer message; runBotTurn makes a rerun a no-op. */
export const botTurnJob = defineJob({
  name: "bot.turn",
  payload: BotTurnPayload,
  // A customer is waiting in the chat: retry soon, and not for long.
  retry: { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 30_000 },
  async handle(ctx, payload) {
    if (!ctx.workspaceId) throw new Error("bot.turn needs a workspace");
    await runBotTurn(ctx.db, ctx.workspaceId, payload);
  },
});

/** Enqueues the bot's turn in the transaction that stores the message; the message id keeps it to one job. */
export async function queueBotTurn(tx: Executor, workspaceId: string, turn: { conversationId: string; messageId: string }): Promise<void> {
  await enqueueJob(tx, workspaceId, botTurnJob, turn, { dedupeKey: `bot.turn:${turn.messageId}` });
}

export const botJobs: JobDefinition[] = [botTurnJob];
