import { and, asc, eq, gt, or, type SQL } from "drizzle-orm";
import type { Executor } from "../../platform/db/client.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { presentMessage } from "./presenters.ts";
import { conversations, messageColumns, messages } from "./schema.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Enough for the warning; the app refetches the conversation anyway. */
const MAX_SHOWN = 20;

/**
 * Refuses a message when a reply went out after the last message its author saw (a
 * message id, or a time), so a second agent is warned instead of answering twice.
 * Locks the conversation first: of two agents replying at once on the same view, the
 * second waits here and then sees the first one's reply.
 */
export async function assertNoReplySince(tx: Executor, workspaceId: string, conversationId: string, since: string): Promise<void> {
  const [locked] = await tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(inWorkspace(conversations, workspaceId, eq(conversations.id, conversationId)))
    .for("update");
  if (!locked) throw notFound("conversation_not_found", "The conversation");

  let after: SQL | undefined;
  if (UUID.test(since)) {
    const [seen] = await tx
      .select({ id: messages.id, createdAt: messages.createdAt })
      .from(messages)
      .where(inWorkspace(messages, workspaceId, eq(messages.conversationId, conversationId), eq(messages.id, since)));
    if (!seen) throw new AppError("invalid_request", "\"ifNoReplySince\" names no message of this conversation.");
    after = or(gt(messages.createdAt, seen.createdAt), and(eq(messages.createdAt, seen.createdAt), gt(messages.id, seen.id)));
  } else {
    after = gt(messages.createdAt, new Date(since));
  }
  const replies = await tx
    .select(messageColumns)
    .from(messages)
    .where(inWorkspace(messages, workspaceId, eq(messages.conversationId, conversationId), eq(messages.kind, "reply"), after))
    .orderBy(asc(messages.createdAt), asc(messages.id))
    .limit(MAX_SHOWN);
  if (replies.length > 0) {
    throw new AppError("conversation_changed", "Someone replied in this conversation since you last looked; read their reply before sending yours.", {
      messages: replies.map(presentMessage),
    });
  }
}
