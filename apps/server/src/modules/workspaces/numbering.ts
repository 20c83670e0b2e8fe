import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../platform/db/client.ts";

/**
 * Conversation numbers ("#1042") count up per workspace from a sequence of its own. A sequence hands out a
 * number without a row lock, so two conversations opening at once in one workspace do not wait for each
 * other's commits; the price is a gap where a transaction rolled back, which a reference number can afford.
 */
export function conversationNumberSequence(workspaceId: string): string {
  const hex = workspaceId.replace(/-/g, "");
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new Error(`Not a workspace id: ${workspaceId}`);
  return `conversation_number_${hex}`;
}

/** Creates the workspace's number sequence; runs in the transaction that creates the workspace. */
export async function createConversationNumbers(tx: Executor, workspaceId: string): Promise<void> {
  await tx.execute(sql.raw(`CREATE SEQUENCE "${conversationNumberSequence(workspaceId)}"`));
}

/** The next conversation number of the workspace, as an expression to insert (no round trip of its own). */
export function nextConversationNumber(workspaceId: string): SQL<number> {
  return sql<number>`nextval(${conversationNumberSequence(workspaceId)}::regclass)`;
}
