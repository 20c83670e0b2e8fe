import { useEffect, useLayoutEffect, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { Anchor, Badge, Button, Group, Stack, Text } from "@mantine/core";
import { IconLock, IconPaperclip } from "@tabler/icons-react";
import type { Attachment, Conversation, Message, Person, TimelineEvent } from "../../api/types";
import { useFormat } from "../../app/format";
import { formatSize } from "./format-size";
import { MessageBody } from "./MessageBody";

type Item = { kind: "message"; at: number; message: Message } | { kind: "event"; at: number; event: TimelineEvent };

interface TimelineProps {
  conversation: Conversation;
  messages: Message[];
  events: TimelineEvent[];
  people: Map<string, Person>;
  teams: Map<string, string>;
  /** Older messages exist beyond the loaded ones. */
  hasEarlier: boolean;
  loadingEarlier: boolean;
  earlierFailed: boolean;
  onLoadEarlier: () => void;
}

const itemKey = (item: Item) => (item.kind === "message" ? item.message.id : `event-${item.event.id}`);

/** Messages and what happened between them, oldest at the top; older messages are loaded a page at a time when asked. */
export function Timeline({ conversation, messages, events, people, teams, hasEarlier, loadingEarlier, earlierFailed, onLoadEarlier }: TimelineProps) {
  const { t } = useTranslation("conversation");
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  // The item at the top when older messages were asked for, and where it stood, so they appear above it without a jump.
  const anchor = useRef<{ key: string; offset: number } | null>(null);

  const items = useMemo(() => {
    // While older messages are still unloaded, older events would float above a gap; they come with their messages.
    const from = hasEarlier && messages[0] ? Date.parse(messages[0].createdAt) : -Infinity;
    const all: Item[] = [
      ...messages.map((message): Item => ({ kind: "message", at: Date.parse(message.createdAt), message })),
      // The first message already says the conversation began.
      ...events
        .filter((event) => event.type !== "conversation.created" && Date.parse(event.createdAt) >= from)
        .map((event): Item => ({ kind: "event", at: Date.parse(event.createdAt), event })),
    ];
    return all.sort((a, b) => a.at - b.at);
  }, [messages, events, hasEarlier]);

  // Follow new messages only when the agent is already at the bottom; never yank them away from what they read.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const held = anchor.current;
    const same = held && element.querySelector<HTMLElement>(`[data-item="${CSS.escape(held.key)}"]`);
    if (held && same) {
      element.scrollTop += same.getBoundingClientRect().top - element.getBoundingClientRect().top - held.offset;
      if (items[0] && itemKey(items[0]) !== held.key) anchor.current = null;
    } else if (atBottom.current) {
      element.scrollTop = element.scrollHeight;
    }
  }, [items]);
  useEffect(() => {
    if (!loadingEarlier) anchor.current = null;
  }, [loadingEarlier]);

  const loadEarlier = () => {
    const element = scroller.current;
    const first = element?.querySelector<HTMLElement>("[data-item]");
    if (element && first?.dataset.item) anchor.current = { key: first.dataset.item, offset: first.getBoundingClientRect().top - element.getBoundingClientRect().top };
    onLoadEarlier();
  };

  return (
    <div
      ref={scroller}
      className="timeline-scroll"
      // Focusable, so the keyboard can scroll a long conversation.
      tabIndex={0}
      onScroll={(event) => {
        const element = event.currentTarget;
        atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 80;
      }}
    >
      <section aria-labelledby="timeline-heading" className="timeline">
        <h3 id="timeline-heading" className="visually-hidden">
          {t("timeline")}
        </h3>
        {hasEarlier && (
          <Stack align="center" gap={4} mb="md">
            <Button variant="default" size="xs" onClick={loadEarlier} loading={loadingEarlier}>
              {t("loadEarlier")}
            </Button>
            {earlierFailed && !loadingEarlier && (
              <Text size="xs" c="red.8" role="alert">
                {t("loadEarlierFailed")}
              </Text>
            )}
          </Stack>
        )}
        {items.length === 0 && (
          <Text c="dimmed" ta="center" py="xl">
            {t("noMessages")}
          </Text>
        )}
        <ol className="timeline-list">
          {items.map((item) =>
            item.kind === "message" ? (
              <li key={itemKey(item)} data-item={itemKey(item)}>
                <MessageItem message={item.message} conversation={conversation} people={people} />
              </li>
            ) : (
              <li key={itemKey(item)} data-item={itemKey(item)}>
                <EventLine event={item.event} people={people} teams={teams} />
              </li>
            ),
          )}
        </ol>
      </section>
    </div>
  );
}

function authorOf(message: Message, conversation: Conversation, people: Map<string, Person>, t: (key: string) => string): string {
  if (message.authorType === "customer") return conversation.customer.name || conversation.customer.email || t("customer");
  if (message.authorType === "agent") return (message.authorId && people.get(message.authorId)?.name) || t("formerTeammate");
  return message.authorType === "bot" ? t("bot") : t("system");
}

function MessageItem({ message, conversation, people }: { message: Message; conversation: Conversation; people: Map<string, Person> }) {
  const { t } = useTranslation("conversation");
  const format = useFormat();
  const author = authorOf(message, conversation, people, t);
  const labelId = `message-${message.id}`;
  return (
    <article className={`message message-${message.kind}`} aria-labelledby={labelId}>
      <Group gap="xs" justify="space-between" wrap="nowrap" mb={4}>
        <Group gap="xs" wrap="nowrap">
          <Text id={labelId} size="sm" fw={600}>
            {author}
            <span className="visually-hidden"> · {t(`kind.${message.kind}`)}</span>
          </Text>
          {message.kind === "note" && (
            <Badge size="sm" color="yellow" c="var(--note-ink)" variant="light" leftSection={<IconLock size={12} aria-hidden />} aria-hidden>
              {t("kind.note")}
            </Badge>
          )}
          {message.kind === "reply" && (
            <Badge size="sm" color="teal" c="teal.9" variant="light" aria-hidden>
              {t("kind.reply")}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="gray.7" component="time" dateTime={message.createdAt} title={format.dateTime(message.createdAt)}>
          {format.when(message.createdAt)}
        </Text>
      </Group>
      <MessageBody html={message.html} text={message.text} />
      {message.mentions.length > 0 && (
        <Text size="xs" c="gray.7" mt={4}>
          {t("mentioned", { names: message.mentions.map((id) => people.get(id)?.name ?? "?").join(", ") })}
        </Text>
      )}
      {message.attachments.length > 0 && <Attachments attachments={message.attachments} />}
      {message.delivery && <DeliveryLine delivery={message.delivery} />}
    </article>
  );
}

/** How a reply sent by email is getting on; a failure says why, so the agent can reach the customer another way. */
function DeliveryLine({ delivery }: { delivery: NonNullable<Message["delivery"]> }) {
  const { t } = useTranslation("conversation");
  const failed = delivery.status === "failed";
  return (
    <Text size="xs" c={failed ? "red.8" : "gray.7"} mt={4} role={failed ? "alert" : undefined}>
      {failed ? t("delivery.failed", { reason: delivery.error ?? t("delivery.unknownReason") }) : t(`delivery.${delivery.status}`)}
    </Text>
  );
}

// Types the server shows in place (?disposition=inline); anything else is only ever downloaded.
const INLINE_IMAGES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where an attachment is downloaded: its own url when a channel gave one, else our store when it is one of ours. */
function storedUrl(attachment: Attachment): string | null {
  return UUID.test(attachment.id) ? `/api/v1/attachments/${attachment.id}` : null;
}

function Attachments({ attachments }: { attachments: Attachment[] }) {
  const { t, i18n } = useTranslation("conversation");
  return (
    <ul className="attachments" aria-label={t("attachments")}>
      {attachments.map((attachment) => {
        const stored = attachment.url ? null : storedUrl(attachment);
        const href = attachment.url ?? stored;
        // Only our own store's images are drawn: a channel's url could be anyone's server, told when it was read.
        const thumbnail = stored && INLINE_IMAGES.has(attachment.contentType) ? `${stored}?disposition=inline` : null;
        return (
          <li key={attachment.id} className={thumbnail ? "attachment-image" : undefined}>
            {thumbnail && (
              <a href={thumbnail} target="_blank" rel="noopener noreferrer" className="attachment-thumb-link" aria-label={t("openImage", { name: attachment.filename })}>
                <img src={thumbnail} alt={attachment.filename} loading="lazy" decoding="async" className="attachment-thumb" />
              </a>
            )}
            <span className="attachment-name">
              <IconPaperclip size={14} aria-hidden />
              {href ? (
                <Anchor href={href} size="sm" {...(stored ? { download: attachment.filename } : { target: "_blank", rel: "noopener noreferrer" })}>
                  {attachment.filename}
                </Anchor>
              ) : (
                <Text span size="sm">
                  {attachment.filename}
                </Text>
              )}
              <Text span size="xs" c="gray.7">
                {formatSize(attachment.size, i18n.language)}
              </Text>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function EventLine({ event, people, teams }: { event: TimelineEvent; people: Map<string, Person>; teams: Map<string, string> }) {
  const { t } = useTranslation(["conversation", "common"]);
  const format = useFormat();
  const actor = event.actor.name ?? (event.actor.type === "api_token" ? t("integration") : t("system"));
  const payload = event.payload;
  const person = (id: unknown) => (typeof id === "string" ? (people.get(id)?.name ?? t("formerTeammate")) : null);
  const list = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);

  let text: React.ReactNode;
  switch (event.type) {
    case "conversation.assigned": {
      const to = person(payload.to);
      text = to ? t("event.assigned", { actor, to }) : t("event.unassigned", { actor });
      break;
    }
    case "conversation.status_changed": {
      const to = t(`common:status.${String(payload.to)}`);
      text = payload.reason === "customer_replied" ? t("event.reopenedByCustomer") : t("event.status", { actor, to });
      break;
    }
    case "conversation.snoozed":
      text = t("event.snoozed", { actor, until: typeof payload.snoozedUntil === "string" ? format.dateTime(payload.snoozedUntil) : "" });
      break;
    case "conversation.priority_changed":
      text = t("event.priority", { actor, to: t(`common:priority.${String(payload.to)}`) });
      break;
    case "conversation.team_changed":
      text = typeof payload.to === "string" ? t("event.team", { actor, team: teams.get(payload.to) ?? "?" }) : t("event.teamRemoved", { actor });
      break;
    case "conversation.subject_changed":
      text = t("event.subject", { actor, to: String(payload.to ?? "") });
      break;
    case "conversation.tags_changed": {
      const added = list(payload.added);
      const removed = list(payload.removed);
      text = [added.length ? t("event.tagged", { actor, tags: added.join(", ") }) : null, removed.length ? t("event.untagged", { actor, tags: removed.join(", ") }) : null]
        .filter(Boolean)
        .join(" · ");
      break;
    }
    case "conversation.merged":
      text = (
        <>
          {t("event.merged", { actor })}{" "}
          {typeof payload.into === "string" && (
            <Anchor component={Link} href={`/conversations/${payload.into}`} size="xs">
              {t("event.openMerged")}
            </Anchor>
          )}
        </>
      );
      break;
    case "bot.answered":
      text = t("event.botAnswered", { count: list(payload.articleIds).length });
      break;
    case "bot.feedback":
      text = payload.feedback === "helpful" ? t("event.botHelpful") : t("event.botUnhelpful");
      break;
    case "bot.handed_over":
      text = t("event.botHandedOver", { reason: t(`event.handoverReason.${String(payload.reason)}`, { defaultValue: String(payload.reason) }) });
      break;
    case "bot.resolved":
      text = t("event.botResolved");
      break;
    default:
      text = t("event.other", { actor, type: event.type });
  }
  return (
    <p className="event-line">
      <span>{text}</span>{" "}
      <time dateTime={event.createdAt} title={format.dateTime(event.createdAt)}>
        {format.when(event.createdAt)}
      </time>
    </p>
  );
}
