import type { Attachment } from "../../api/types";

/** Unsent drafts, per conversation and mode, kept in this browser so a reload or a detour loses nothing. */

export type ComposerMode = "reply" | "note";

export interface Draft {
  /** The composer's markup, mentions included. */
  value: string;
  /** The newest message the agent had seen when the draft began: what the server's collision guard compares with. */
  baseline: string | null;
  startedAt: string;
  /** Files already uploaded for this draft; the server keeps them, so they are only listed here. */
  attachments: Attachment[];
}

/** Whether the agent has begun writing: text or a file. */
export const hasContent = (draft: Draft) => draft.value.trim() !== "" || draft.attachments.length > 0;

function isAttachment(value: unknown): value is Attachment {
  if (!value || typeof value !== "object") return false;
  const item = value as Record<string, unknown>;
  return typeof item.id === "string" && typeof item.filename === "string" && typeof item.contentType === "string" && typeof item.size === "number";
}

const keyOf = (conversationId: string, mode: ComposerMode) => `rapport.draft.${conversationId}.${mode}`;

export function readDraft(conversationId: string, mode: ComposerMode): Draft | null {
  try {
    const raw = localStorage.getItem(keyOf(conversationId, mode));
    if (!raw) return null;
    const draft = JSON.parse(raw) as Partial<Draft>;
    if (typeof draft.value !== "string") return null;
    return {
      value: draft.value,
      baseline: typeof draft.baseline === "string" ? draft.baseline : null,
      startedAt: typeof draft.startedAt === "string" ? draft.startedAt : new Date().toISOString(),
      attachments: Array.isArray(draft.attachments) ? draft.attachments.filter(isAttachment) : [],
    };
  } catch {
    return null;
  }
}

export function writeDraft(conversationId: string, mode: ComposerMode, draft: Draft | null): void {
  try {
    if (draft && hasContent(draft)) localStorage.setItem(keyOf(conversationId, mode), JSON.stringify(draft));
    else localStorage.removeItem(keyOf(conversationId, mode));
  } catch {
    // Storage full or disabled: the draft still lives in the composer until the page goes.
  }
}
