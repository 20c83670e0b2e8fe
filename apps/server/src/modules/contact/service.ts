import type { Executor } from "../../platform/db/client.ts";
import type { EventActor } from "../../platform/events.ts";
import type { FileStore } from "../../platform/files.ts";
import { storeReceivedAttachment } from "../attachments/service.ts";
import { receiveMessage } from "../conversations/service.ts";
import { mergeCustomerAttributes } from "../customers/service.ts";
import type { CheckedSubmission } from "./form.ts";

const VISITOR: EventActor = { type: "system", id: null };

/** A second press of "Send" with the same submission id: the first one's conversation stands, nothing new is kept. */
class AlreadyReceived extends Error {
  constructor(readonly number: number) {
    super("already received");
  }
}

/**
 * Turns a contact form submission into a conversation on the web form channel: the files, the message, and the
 * custom questions' answers on the customer, in one transaction. The answers also close the message, so the
 * conversation keeps what was asked at the time even after the customer's attributes change. A repeated
 * `submissionId` returns the conversation the first one opened.
 */
export async function submitContactForm(
  db: Executor,
  files: FileStore,
  workspaceId: string,
  submission: CheckedSubmission & { submissionId?: string | undefined },
): Promise<{ number: number; created: boolean }> {
  const savedKeys: string[] = [];
  try {
    const number = await db.transaction(async (tx) => {
      const attachments = [];
      for (const file of submission.files) {
        const stored = await storeReceivedAttachment(tx, files, workspaceId, { ...file, limit: file.content.length });
        savedKeys.push(stored.storageKey);
        attachments.push({ id: stored.id, filename: stored.filename, contentType: stored.contentType, size: stored.size });
      }
      const details = submission.answers.map(({ field, value }) => `${field.label}: ${value}`).join("\n");
      const receipt = await receiveMessage(
        tx,
        workspaceId,
        {
          channel: "web_form",
          customer: { email: submission.email, name: submission.name },
          subject: submission.subject,
          message: {
            text: details ? `${submission.message}\n\n${details}` : submission.message,
            attachments,
            externalId: submission.submissionId && `web_form:${submission.submissionId}`,
          },
        },
        VISITOR,
      );
      // Rolls back the files and rows just written for the repeat.
      if (!receipt.created) throw new AlreadyReceived(receipt.conversation.number);
      const answers = Object.fromEntries(submission.answers.map(({ field, value }) => [field.key, value]));
      await mergeCustomerAttributes(tx, workspaceId, receipt.conversation.customerId, answers, VISITOR);
      return receipt.conversation.number;
    });
    return { number, created: true };
  } catch (error) {
    await Promise.all(savedKeys.map((key) => files.remove(key)));
    if (error instanceof AlreadyReceived) return { number: error.number, created: false };
    throw error;
  }
}
