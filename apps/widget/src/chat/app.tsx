import { useEffect, useRef, useState } from "preact/hooks";
import type { WidgetMessage } from "../../../server/src/modules/widget/protocol.ts";
import { Composer } from "./composer.tsx";
import { AwayNotice, PreChatForm } from "./forms.tsx";
import type { ChatSession } from "./session.ts";
import { chatStrings, type Strings } from "./strings.ts";
import { LOCALE_DIRECTION, type WidgetHost } from "../shared/host.ts";

interface AppProps {
  host: WidgetHost;
  session: ChatSession;
  open: boolean;
  teaser: string | null;
  onOpen(): void;
  onClose(): void;
  onDismissTeaser(): void;
}

/** The session's state, as snapshots: each change makes a new object. */
function useSession(session: ChatSession) {
  const [state, setState] = useState(session.state);
  useEffect(() => {
    // A change between the first render and this subscription would otherwise go unseen.
    setState(session.state);
    return session.subscribe(() => setState(session.state));
  }, [session]);
  return state;
}

export function App({ host, session, open, teaser, onOpen, onClose, onDismissTeaser }: AppProps) {
  const t = chatStrings[host.locale];
  const side = host.config.appearance.position;
  if (!open) {
    return teaser ? (
      <div class="teaser" data-side={side} dir={LOCALE_DIRECTION[host.locale]} lang={host.locale} role="status">
        <button type="button" class="teaser-text" onClick={onOpen}>
          {teaser}
        </button>
        <button type="button" class="icon-button" aria-label={t.dismiss} onClick={onDismissTeaser}>
          ×
        </button>
      </div>
    ) : null;
  }
  return <Panel host={host} session={session} t={t} teaser={teaser} onClose={onClose} />;
}

function Panel({ host, session, t, onClose }: { host: WidgetHost; session: ChatSession; t: Strings; teaser: string | null; onClose(): void }) {
  const state = useSession(session);
  const panel = useRef<HTMLDivElement>(null);
  const log = useRef<HTMLDivElement>(null);
  const { appearance, preChatFields } = host.config;
  const needsPreChat = !session.hasSession && preChatFields.length > 0 && state.status === "new";
  const lastAgent = [...state.messages].reverse().find((message) => message.author === "agent");

  // Focus moves into the panel on open; the loader's launcher gets it back on close.
  useEffect(() => {
    const fields = panel.current?.querySelector<HTMLElement>("#rapport-composer") ?? panel.current?.querySelector<HTMLElement>("input, textarea, select");
    fields?.focus();
  }, [needsPreChat]);

  useEffect(() => {
    log.current?.scrollTo({ top: log.current.scrollHeight });
    if (document.visibilityState === "visible") session.markRead();
  }, [state.messages.length, state.outbox.length, state.agentTyping, session]);

  // Replies that came while the visitor was in another tab are read when they come back to this one.
  useEffect(() => {
    const markRead = () => document.visibilityState === "visible" && session.markRead();
    document.addEventListener("visibilitychange", markRead);
    return () => document.removeEventListener("visibilitychange", markRead);
  }, [session]);

  const lastVisitor = [...state.messages].reverse().find((message) => message.author === "visitor");
  const seen = lastVisitor && state.agentReadSeq >= lastVisitor.seq && state.messages.at(-1) === lastVisitor;
  const away = !state.agentsOnline;

  return (
    <div
      ref={panel}
      class="panel"
      data-side={appearance.position}
      dir={LOCALE_DIRECTION[host.locale]}
      lang={host.locale}
      role="dialog"
      aria-labelledby="rapport-title"
      onKeyDown={(event) => event.key === "Escape" && onClose()}
    >
      <header class="header">
        <Avatar name={lastAgent?.authorName ?? appearance.title} url={lastAgent?.authorAvatarUrl ?? null} />
        <div class="heading">
          <h2 id="rapport-title">{lastAgent?.authorName ?? appearance.title}</h2>
          <p>{away ? t.away : t.online}</p>
        </div>
        <button type="button" class="icon-button close" aria-label={t.close} onClick={onClose}>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M6 6l12 12M18 6L6 18" />
          </svg>
        </button>
      </header>
      {state.status === "refused" || state.status === "identityRefused" || state.status === "failed" ? (
        <p class="notice" role="alert">
          {state.status === "refused" ? t.refused : state.status === "identityRefused" ? t.identityRefused : t.failed(state.problem ?? "")}
        </p>
      ) : needsPreChat ? (
        <PreChatForm fields={preChatFields} t={t} onSubmit={(answers) => void session.start(answers)} />
      ) : (
        <>
          {away && <AwayNotice session={session} t={t} />}
          <div class="log" ref={log} role="log" aria-live="polite" aria-label={t.messages} tabIndex={0}>
            <p class="greeting">{appearance.greeting[host.locale] ?? appearance.greeting.en}</p>
            {state.messages.map((message, index) => (
              <Message key={message.id} message={message} session={session} t={t} latest={index === state.messages.length - 1 && state.outbox.length === 0} />
            ))}
            {state.outbox.map((item) => (
              <div key={item.clientId} class="message mine pending">
                <Bubble text={item.text} attachments={item.attachments} session={session} />
                <span class="meta">{t.sending}</span>
              </div>
            ))}
            {state.rejected.map(({ item, reason }) => (
              <div key={item.clientId} class="message mine failed">
                <Bubble text={item.text} attachments={item.attachments} session={session} />
                <span class="meta" role="alert">
                  {t.notSent}: {reason}
                </span>
              </div>
            ))}
            {seen && <span class="meta seen">{t.seen}</span>}
          </div>
          <p class="typing" aria-live="polite">
            {state.agentTyping ? t.typing(state.agentTyping.name) : ""}
          </p>
          {state.status === "disconnected" && <p class="notice subtle">{t.reconnecting}</p>}
          <Composer session={session} t={t} />
        </>
      )}
    </div>
  );
}

function Message({ message, session, t, latest }: { message: WidgetMessage; session: ChatSession; t: Strings; latest: boolean }) {
  const mine = message.author === "visitor";
  const bot = message.author === "bot";
  const articles = message.articles ?? [];
  // The text carries the links too, for channels without buttons; here they are drawn as links instead.
  const text = articles.length ? message.text.split("\n").filter((line) => !articles.some((article) => line.endsWith(article.url))).join("\n").replace(/\n{3,}/g, "\n\n") : message.text;
  return (
    <div class={mine ? "message mine" : bot ? "message bot" : "message"} data-seq={message.seq}>
      {!mine && (bot ? <BotMark /> : <Avatar name={message.authorName ?? ""} url={message.authorAvatarUrl} />)}
      <div>
        {!mine && message.authorName && (
          <span class="author">
            {message.authorName}
            {bot && <span class="bot-badge">{t.bot}</span>}
          </span>
        )}
        <Bubble text={text} attachments={message.attachments} session={session} />
        {articles.length > 0 && (
          <ul class="articles">
            {articles.map((article) => (
              <li key={article.url}>
                <a href={article.url} target="_blank" rel="noopener noreferrer">
                  {article.title}
                </a>
              </li>
            ))}
          </ul>
        )}
        {latest && message.quickReplies && (
          <div class="quick-replies">
            {message.quickReplies.map((reply) => (
              <button key={reply} type="button" onClick={() => session.send(reply)}>
                {reply}
              </button>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}

/** The bot's avatar: a mark, never a person's initial, so nobody mistakes it for an agent. */
function BotMark() {
  return (
    <span class="avatar bot-mark" aria-hidden="true">
      <svg viewBox="0 0 24 24">
        <rect x="5" y="8" width="14" height="11" rx="3" />
        <path d="M12 4v4M9 13h.01M15 13h.01" />
      </svg>
    </span>
  );
}

function Bubble({ text, attachments, session }: { text: string; attachments: WidgetMessage["attachments"]; session: ChatSession }) {
  return (
    <div class="bubble">
      {text && <p dir="auto">{text}</p>}
      {attachments.map((attachment) =>
        attachment.contentType.startsWith("image/") ? (
          <a key={attachment.id} href={session.attachmentUrl(attachment)} target="_blank" rel="noopener noreferrer">
            <img src={session.attachmentUrl(attachment)} alt={attachment.filename} />
          </a>
        ) : (
          <a key={attachment.id} class="file" href={session.attachmentUrl(attachment)} target="_blank" rel="noopener noreferrer" download={attachment.filename}>
            {attachment.filename}
          </a>
        ),
      )}
    </div>
  );
}

function Avatar({ name, url }: { name: string; url: string | null }) {
  if (url) return <img class="avatar" src={url} alt="" />;
  return (
    <span class="avatar" aria-hidden="true">
      {name.trim().charAt(0).toUpperCase() || "?"}
    </span>
  );
}
