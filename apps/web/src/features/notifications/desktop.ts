const WANTED_KEY = "rapport.desktopNotifications";

/** Whether the person asked for desktop notifications in this browser (the browser's permission is separate). */
export function desktopWanted(): boolean {
  return localStorage.getItem(WANTED_KEY) === "on";
}

export function setDesktopWanted(wanted: boolean): void {
  if (wanted) localStorage.setItem(WANTED_KEY, "on");
  else localStorage.removeItem(WANTED_KEY);
}

export function canNotify(): boolean {
  return "Notification" in window && Notification.permission === "granted" && desktopWanted();
}

export function showDesktopNotification({ id, title, body, onClick }: { id: string; title: string; body: string; onClick: () => void }): void {
  // The tag is the notification's id: several open tabs of the app show it once, not once each.
  const shown = new Notification(title, { body, tag: id });
  shown.onclick = () => {
    window.focus();
    onClick();
    shown.close();
  };
}
