import { inArray } from "drizzle-orm";
import { requireScope } from "../../platform/auth/policy.ts";
import { withDb, type ServiceContext } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { changeTags, updateConversation, type Conversation, type ConversationChanges } from "./service.ts";
import { conversations } from "./schema.ts";

export interface BulkChanges extends Omit<ConversationChanges, "subject"> {
  addTags?: string[] | undefined;
  removeTags?: string[] | undefined;
}

export interface BulkResult {
  updated: Conversation[];
  /** Ids that name no conversation of this workspace. */
  notFound: string[];
}

/**
 * Applies one change to many conversations through the same functions as the single
 * routes, so validation and events are the same, all in one transaction: either every
 * conversation found changes or none does.
 */
export async function bulkUpdateConversations(ctx: ServiceContext, ids: string[], changes: BulkChanges): Promise<BulkResult> {
  requireScope(ctx.actor, "conversations:write");
  const { addTags, removeTags, ...fields } = changes;
  const hasFields = Object.values(fields).some((value) => value !== undefined);
  const hasTags = Boolean(addTags?.length || removeTags?.length);
  if (!hasFields && !hasTags) throw new AppError("invalid_request", "Say what to change: assigneeId, teamId, status, priority, addTags or removeTags.");
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
  return ctx.db.transaction(async (tx) => {
    // Locked up front in id order, so two bulk changes over the same conversations cannot deadlock.
    const found = await tx
      .select({ id: conversations.id })
      .from(conversations)
      .where(inWorkspace(conversations, ctx.actor.workspaceId, inArray(conversations.id, unique)))
      .orderBy(conversations.id)
      .for("update");
    const foundIds = new Set(found.map((row) => row.id));
    const inTx = withDb(ctx, tx);
    const updated: Conversation[] = [];
    for (const id of unique.filter((each) => foundIds.has(each))) {
      try {
        let conversation = hasFields ? await updateConversation(inTx, id, fields) : undefined;
        if (hasTags) conversation = await changeTags(inTx, id, { add: addTags, remove: removeTags });
        updated.push(conversation!);
      } catch (error) {
        // Which conversation refused matters to someone who selected fifty.
        if (error instanceof AppError) throw new AppError(error.code, error.message, { conversationId: id, ...(error.details === undefined ? {} : { cause: error.details }) });
        throw error;
      }
    }
    return { updated, notFound: unique.filter((id) => !foundIds.has(id)) };
  });
}
