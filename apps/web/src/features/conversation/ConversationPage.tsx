export default function ConversationPage() {
  return null;
}
