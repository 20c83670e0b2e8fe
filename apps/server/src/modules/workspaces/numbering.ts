import { sql } from "drizzle-orm";
import { queryRows, type Executor } from "../../platform/db/client.ts";

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

/** The next conversation number of the workspace. */
export async function nextConversationNumber(tx: Executor, workspaceId: string): Promise<number> {
  const [row] = await queryRows<{ number: string | number }>(tx, sql`SELECT nextval(${conversationNumberSequence(workspaceId)}::regclass) AS number`);
  return Number(row!.number);
}
