import { render } from "preact";
import css from "./chat.css?inline";
import { App } from "./app.tsx";
import { ChatSession } from "./session.ts";
import { adoptStyles, widgetHost, type Chat } from "../shared/host.ts";

/** The chat bundle: loaded by the loader (widget.js), it draws the panel in the loader's Shadow DOM. */
const host = widgetHost();
if (host) {
  adoptStyles(host.root, css);
  const session = new ChatSession(host);
  let open = false;
  let teaser: string | null = null;

  const draw = () => render(<App host={host} session={session} open={open} teaser={teaser} onClose={() => chat.close()} onOpen={() => chat.open()} onDismissTeaser={dismissTeaser} />, host.container);
  const dismissTeaser = () => {
    teaser = null;
    draw();
  };
  const chat: Chat = {
    get isOpen() {
      return open;
    },
    open() {
      open = true;
      teaser = null;
      host.setOpen(true);
      draw();
    },
    close() {
      open = false;
      host.setOpen(false);
      draw();
      host.launcher.focus();
    },
    proactive(message) {
      teaser = message;
      if (!open) draw();
    },
  };

  // Without a pre-chat form to fill in, connect at once so replies and the unread badge arrive.
  if (session.hasSession || host.config.preChatFields.length === 0) void session.start();
  draw();
  host.register(chat);
}
