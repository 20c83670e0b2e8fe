import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Text } from "@mantine/core";
import { useRealtimeFrames } from "../../app/live";
import "./visitor-typing.css";

/** A typing indicator not refreshed for this long fades: the "stopped" frame may have been lost with the visitor's tab. */
const TYPING_FADES_MS = 8_000;

/** When the chat visitor was last heard typing in this conversation, or null once they stopped. */
function useVisitorTyping(conversationId: string): number | null {
  const [typingAt, setTypingAt] = useState<number | null>(null);
  useEffect(() => setTypingAt(null), [conversationId]);
  useRealtimeFrames(["visitor.typing"], (frame) => {
    const { conversationId: about, typing } = frame as Record<string, unknown>;
    if (about !== conversationId || typeof typing !== "boolean") return;
    setTypingAt(typing ? Date.now() : null);
  });
  useEffect(() => {
    if (typingAt === null) return;
    const fade = setTimeout(() => setTypingAt(null), TYPING_FADES_MS);
    return () => clearTimeout(fade);
  }, [typingAt]);
  return typingAt;
}

/** "Customer is typing…" under a chat's timeline, announced politely to screen readers. */
export function VisitorTyping({ conversationId, customerName }: { conversationId: string; customerName: string | null }) {
  const { t } = useTranslation("conversation");
  const typing = useVisitorTyping(conversationId) !== null;
  return (
    <Text size="xs" c="gray.7" px="md" py={2} aria-live="polite" className="visitor-typing">
      {typing && (
        <>
          {customerName ? t("visitorTyping.named", { name: customerName }) : t("visitorTyping.anonymous")}
          <span className="visitor-typing-dots" aria-hidden>
            <span />
            <span />
            <span />
          </span>
        </>
      )}
    </Text>
  );
}
