import css from "./launcher.css?inline";
import { loaderStrings } from "./strings.ts";
import { adoptStyles, LOCALES, storageKey, store, WIDGET_KEY, type Chat, type Identity, type Locale, type WidgetConfig, type WidgetHost } from "../shared/host.ts";

/** The chat bundle's file name, hashed; filled in by the build. */
declare const __CHAT_FILE__: string;

const SVG = "http://www.w3.org/2000/svg";
const ICONS = {
  chat: "M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z",
  close: "M6 6l12 12M18 6L6 18",
};

function icon(path: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  const shape = svg.appendChild(document.createElementNS(SVG, "path"));
  shape.setAttribute("d", path);
  return svg;
}

function pickLocale(offered: string[]): Locale {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const language = tag.toLowerCase().split("-")[0] as Locale;
    if (LOCALES.includes(language) && offered.includes(language)) return language;
  }
  return "en";
}

/** Black or white, whichever reads better on the accent colour. */
function textOn(color: string): string {
  const [r, g, b] = [1, 3, 5].map((start) => parseInt(color.slice(start, start + 2), 16) / 255);
  const luminance = 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  return luminance > 0.6 ? "#111" : "#fff";
}

function findScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.dataset.workspace) return current;
  return document.querySelector<HTMLScriptElement>("script[data-workspace][src*='widget.js']");
}

async function start(script: HTMLScriptElement): Promise<void> {
  const workspace = script.dataset.workspace ?? "";
  const origin = new URL(script.src, location.href).origin;
  const response = await fetch(`${origin}/widget/v1/config?workspace=${encodeURIComponent(workspace)}`);
  if (!response.ok) {
    console.warn(`Rapport chat: the widget is not available on this site (${response.status}).`);
    return;
  }
  const config = (await response.json()) as WidgetConfig;
  const identity = (window as { RapportSettings?: Identity }).RapportSettings;
  const signed = identity?.userId && identity.signature ? identity : undefined;
  // A workspace that chats only with signed-in users shows nothing to the others: the chat would refuse them.
  if (!config.enabled || (config.requireIdentity && !signed)) return;

  const locale = pickLocale(config.locales);
  const strings = loaderStrings[locale];
  const element = document.createElement("rapport-widget");
  element.style.setProperty("--rw-accent", config.appearance.color);
  element.style.setProperty("--rw-on-accent", textOn(config.appearance.color));
  const root = element.attachShadow({ mode: "open" });
  adoptStyles(root, css);

  const launcher = document.createElement("button");
  launcher.type = "button";
  launcher.className = "launcher";
  launcher.dataset.side = config.appearance.position;
  launcher.setAttribute("aria-expanded", "false");
  launcher.setAttribute("aria-haspopup", "dialog");
  const badge = document.createElement("span");
  badge.className = "badge";
  badge.hidden = true;
  badge.setAttribute("aria-hidden", "true");
  const container = document.createElement("div");
  root.append(container, launcher);

  let unread = 0;
  let open = false;
  const label = () => launcher.setAttribute("aria-label", [open ? strings.close : strings.open, unread ? strings.unread(unread) : ""].filter(Boolean).join(", "));
  const draw = () => {
    launcher.replaceChildren(icon(open ? ICONS.close : ICONS.chat), badge);
    launcher.setAttribute("aria-expanded", String(open));
    label();
  };

  let chat: Chat | undefined;
  let loading: Promise<Chat> | undefined;
  let resolveChat: (chat: Chat) => void = () => {};
  const loadChat = (): Promise<Chat> => {
    loading ??= new Promise<Chat>((resolve, reject) => {
      resolveChat = resolve;
      const tag = document.createElement("script");
      tag.src = `${origin}/widget/${__CHAT_FILE__}`;
      tag.async = true;
      tag.onerror = () => {
        loading = undefined;
        reject(new Error("Rapport chat: the chat could not be loaded."));
      };
      document.head.append(tag);
    });
    return loading;
  };

  const host: WidgetHost = {
    origin,
    workspace,
    config,
    identity: signed,
    locale,
    root,
    container,
    launcher,
    setUnread(count) {
      unread = count;
      badge.textContent = count > 9 ? "9+" : String(count);
      badge.hidden = count === 0;
      store.set(storageKey(workspace, "unread"), String(count));
      label();
    },
    setOpen(value) {
      open = value;
      draw();
    },
    register(loaded) {
      chat = loaded;
      resolveChat(loaded);
    },
  };
  (window as unknown as Record<symbol, WidgetHost>)[WIDGET_KEY] = host;

  launcher.addEventListener("click", () => {
    if (chat?.isOpen) chat.close();
    else void loadChat().then((loaded) => loaded.open());
  });
  host.setUnread(Number(store.get(storageKey(workspace, "unread")) ?? 0) || 0);
  draw();
  document.body.append(element);

  // A returning visitor may have replies waiting: load the chat now so the badge counts them.
  if (store.get(storageKey(workspace, "token"))) void loadChat();
  const rule = config.proactiveRules.find((candidate) => location.href.includes(candidate.urlContains));
  if (rule) setTimeout(() => void loadChat().then((loaded) => loaded.proactive(rule.message)), rule.delaySeconds * 1000);
}

/** Set at once, so a page that includes the tag twice gets one widget even before the config arrives. */
const STARTED = Symbol.for("rapport.widget.started");
const script = findScript();
const marks = window as unknown as Record<symbol, boolean | undefined>;
if (script && !marks[STARTED]) {
  marks[STARTED] = true;
  const run = () => void start(script).catch((error: unknown) => console.warn("Rapport chat:", error));
  if (document.body) run();
  else document.addEventListener("DOMContentLoaded", run, { once: true });
}
