import Type from "typebox";
import type { Executor } from "../../platform/db/client.ts";
import { defineJob, enqueueJob, type JobDefinition } from "../../platform/jobs/index.ts";
import { suggestArticlesByEmail } from "./email.ts";
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

/** The bot's suggestions for a new email conversation; suggestArticlesByEmail makes a rerun a no-op. */
export const botEmailJob = defineJob({
  name: "bot.email_suggest",
  payload: BotTurnPayload,
  // Nobody watches an inbox by the second: retry calmly.
  retry: { maxAttempts: 5, baseDelayMs: 5_000, maxDelayMs: 300_000 },
  async handle(ctx, payload) {
    if (!ctx.workspaceId) throw new Error("bot.email_suggest needs a workspace");
    await suggestArticlesByEmail(ctx.db, ctx.workspaceId, payload);
  },
});

/** Enqueues the suggestions in the transaction that stores the mail; the message id keeps it to one job. */
export async function queueEmailSuggestions(tx: Executor, workspaceId: string, turn: { conversationId: string; messageId: string }): Promise<void> {
  await enqueueJob(tx, workspaceId, botEmailJob, turn, { dedupeKey: `bot.email:${turn.messageId}` });
}

export const botJobs: JobDefinition[] = [botTurnJob, botEmailJob];
