export interface ConversationPaneProps {
  conversationId: string;
  /** Leaves the conversation (Escape), e.g. back to the list. */
  onClose?: () => void;
}

export default function ConversationPane(_props: ConversationPaneProps) {
  return null;
}
