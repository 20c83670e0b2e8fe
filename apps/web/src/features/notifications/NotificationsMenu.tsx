export function NotificationsMenu() {
  return null;
}
