import type { Locale } from "../shared/host.ts";

export const loaderStrings: Record<Locale, { open: string; close: string; unread: (count: number) => string }> = {
  en: { open: "Open chat", close: "Close chat", unread: (count) => (count === 1 ? "1 unread message" : `${count} unread messages`) },
  es: { open: "Abrir chat", close: "Cerrar chat", unread: (count) => (count === 1 ? "1 mensaje sin leer" : `${count} mensajes sin leer`) },
};
