import { useLocation, useParams } from "wouter";
import ConversationPane from "./ConversationPane";

/** One conversation on its own page, for links from notifications, search and other conversations. */
export default function ConversationPage() {
  const { conversationId } = useParams<{ conversationId: string }>();
  const [, navigate] = useLocation();
  const close = () => {
    if (window.history.length > 1) window.history.back();
    else navigate("/inbox/mine");
  };
  return (
    <div className="conversation-page">
      <ConversationPane key={conversationId} conversationId={conversationId} onClose={close} />
    </div>
  );
}
