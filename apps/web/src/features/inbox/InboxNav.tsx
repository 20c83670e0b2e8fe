export function InboxNav() {
  return null;
}
