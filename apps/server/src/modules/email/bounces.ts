import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../../platform/db/client.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { changeDelivery } from "../conversations/service.ts";
import type { Mailbox } from "./mailboxes.ts";
import { hasNullSender, isDeliveryReport } from "./outbound.ts";
import type { ParsedEmail } from "./parse.ts";
import { emailMessages } from "./schema.ts";

/** The parts of a report that quote the original mail or describe its fate. */
const REPORT_PARTS = new Set(["message/rfc822", "text/rfc822-headers", "message/delivery-status", "message/global", "message/global-headers", "message/global-delivery-status"]);

const MESSAGE_ID_LINE = /^(?:message-id|original-message-id|in-reply-to|references)\s*:((?:.*)(?:\r?\n[ \t].*)*)/gim;
const ANGLE_ID = /<([^<>\s]+@[^<>\s]+)>/g;

/** Every Message-ID the bounce names: its own In-Reply-To and References, and the headers of the mail it returns. */
function namedMessageIds(mail: ParsedEmail): string[] {
  const ids = new Set<string>([...(mail.inReplyTo ? [mail.inReplyTo] : []), ...mail.references]);
  const add = (text: string) => {
    for (const line of text.matchAll(MESSAGE_ID_LINE)) for (const id of line[1]!.matchAll(ANGLE_ID)) ids.add(id[1]!);
  };
  for (const part of mail.attachments) if (REPORT_PARTS.has(part.contentType)) add(part.content.toString("utf8"));
  // Some servers paste the returned headers into the text instead of attaching them.
  add(mail.text);
  return [...ids];
}

interface Diagnosis {
  failed: boolean;
  reason: string;
}

/** What the report says happened: a failure (with its diagnostic) or only a delay, which changes nothing. */
function diagnose(mail: ParsedEmail): Diagnosis {
  const status = mail.attachments
    .filter((part) => /delivery-status$/i.test(part.contentType))
    .map((part) => part.content.toString("utf8"))
    .join("\n");
  const field = (name: string) => status.match(new RegExp(`^${name}\\s*:\\s*(.+(?:\\r?\\n[ \\t].+)*)`, "im"))?.[1]?.replace(/\s+/g, " ").trim();
  const actions = [...status.matchAll(/^action\s*:\s*(\S+)/gim)].map((match) => match[1]!.toLowerCase());
  const failed = actions.length === 0 || actions.includes("failed");
  const diagnostic = field("Diagnostic-Code")?.replace(/^smtp\s*;\s*/i, "");
  const code = field("Status");
  const fallback = mail.text.trim().split(/\r?\n/).find((line) => line.trim())?.trim();
  const reason = diagnostic ?? (code ? `Status ${code}` : undefined) ?? fallback ?? "The receiving server returned the email undelivered.";
  return { failed, reason: `Bounced: ${reason}`.slice(0, 1_000) };
}

export type BounceOutcome = { outcome: "bounce"; emailId: string; conversationId: string | null };

/**
 * A delivery status notification about one of our emails marks that email (and its reply) failed with the
 * diagnostic, and is kept beside it instead of opening a conversation. Returns undefined for any other mail;
 * a bounce that names none of our emails then goes on as ordinary, automated mail.
 */
export async function handleBounce(
  tx: Executor,
  input: { mailbox: Mailbox; mail: ParsedEmail; rawKey: string; envelopeSender?: string | undefined },
): Promise<BounceOutcome | undefined> {
  const { mailbox, mail } = input;
  if (!isDeliveryReport(mail) && !hasNullSender(mail, input.envelopeSender)) return undefined;
  const workspaceId = mailbox.workspaceId;
  const ids = namedMessageIds(mail);
  if (ids.length === 0) return undefined;
  const [original] = await tx
    .select()
    .from(emailMessages)
    .where(inWorkspace(emailMessages, workspaceId, eq(emailMessages.direction, "outbound"), inArray(emailMessages.messageIdHeader, ids)))
    .limit(1);
  if (!original) return undefined;
  const [stored] = await tx
    .insert(emailMessages)
    .values({
      workspaceId,
      mailboxId: mailbox.id,
      direction: "inbound",
      messageIdHeader: mail.messageId,
      inReplyTo: original.messageIdHeader,
      conversationId: original.conversationId,
      fromAddress: mail.from?.address ?? null,
      subject: mail.subject,
      rawKey: input.rawKey,
      state: "received",
      automated: true,
    })
    .onConflictDoNothing()
    .returning({ id: emailMessages.id });
  // A redelivered bounce was handled the first time.
  if (!stored) return { outcome: "bounce", emailId: original.id, conversationId: original.conversationId };
  const diagnosis = diagnose(mail);
  if (diagnosis.failed && original.state !== "failed") {
    await tx
      .update(emailMessages)
      .set({ state: "failed", error: diagnosis.reason, updatedAt: new Date() })
      .where(inWorkspace(emailMessages, workspaceId, eq(emailMessages.id, original.id)));
    if (original.messageId) await changeDelivery(tx, workspaceId, original.messageId, { status: "failed", error: diagnosis.reason });
  }
  return { outcome: "bounce", emailId: stored.id, conversationId: original.conversationId };
}
