/** What the loader and the chat bundle share: the workspace's settings and the Shadow DOM they both draw in. */
import type { FormField, ProactiveRule, WidgetConfig } from "../../../server/src/modules/widget/protocol.ts";

export type { FormField, ProactiveRule, WidgetConfig };

export type Locale = "en" | "es";
export const LOCALES: readonly Locale[] = ["en", "es"];
/**
 * The panel is laid out in the direction of the language it speaks, whatever the page's: Spanish on an Arabic
 * page still reads left to right. What people write is shown in its own direction (`dir="auto"`).
 */
export const LOCALE_DIRECTION: Record<Locale, "ltr" | "rtl"> = { en: "ltr", es: "ltr" };

/** `window.RapportSettings`, set by a host that signs its users (HMAC-SHA256 of `userId + "\n" + email`). */
export interface Identity {
  userId: string;
  email?: string;
  name?: string;
  signature: string;
}

/** What the chat bundle exposes to the loader once it has loaded. */
export interface Chat {
  open(): void;
  close(): void;
  readonly isOpen: boolean;
  /** Shows a message the team wrote for this page, beside the launcher, without opening the chat. */
  proactive(message: string): void;
}

/** What the loader hands the chat bundle, under `window[WIDGET_KEY]`. */
export interface WidgetHost {
  /** Rapport's origin: the loader's, where every request goes. */
  origin: string;
  workspace: string;
  config: WidgetConfig;
  identity: Identity | undefined;
  locale: Locale;
  root: ShadowRoot;
  /** Where the chat draws its panel. */
  container: HTMLElement;
  launcher: HTMLButtonElement;
  setUnread(count: number): void;
  /** The chat tells the loader it opened or closed, for the launcher's icon and label. */
  setOpen(open: boolean): void;
  register(chat: Chat): void;
}

/** A registered symbol rather than a global name: it cannot collide with anything the host page defines. */
export const WIDGET_KEY = Symbol.for("rapport.widget");

export function widgetHost(): WidgetHost | undefined {
  return (window as unknown as Record<symbol, WidgetHost | undefined>)[WIDGET_KEY];
}

/** Local storage keys, per workspace, so two workspaces' widgets on one site stay apart. */
export function storageKey(workspace: string, name: "token" | "outbox" | "read" | "unread"): string {
  return `rapport:${workspace}:${name}`;
}

/** Values local storage would not take (blocked, private mode, full): kept for this page instead. */
const memory = new Map<string, string | null>();

/** Local storage that may be missing or full: the widget then keeps working from memory for this page. */
export const store = {
  get(key: string): string | null {
    if (memory.has(key)) return memory.get(key) ?? null;
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key: string, value: string | null): void {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
      memory.delete(key);
    } catch {
      memory.set(key, value);
    }
  },
};

/** Builds a stylesheet for a shadow root: constructable sheets need no inline <style>, which a strict CSP blocks. */
export function adoptStyles(root: ShadowRoot, css: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
