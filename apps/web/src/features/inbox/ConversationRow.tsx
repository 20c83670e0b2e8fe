import { memo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { Avatar, Badge, Checkbox, Text } from "@mantine/core";
import type { Conversation, Person } from "../../api/types";
import { useFormat } from "../../app/format";
import { ChannelIcon } from "./channel-icon";

/** Fixed, so the virtualizer never measures a row. */
export const ROW_HEIGHT = 68;

export function customerLabel(conversation: Conversation, unknown: string): string {
  return conversation.customer.name || conversation.customer.email || unknown;
}

/** Waiting since the last message in either direction, or the last change when there is none. */
export const waitingSince = (conversation: Conversation) => conversation.lastMessageAt ?? conversation.lastActivityAt;

interface RowProps {
  conversation: Conversation;
  index: number;
  /** -1 while more pages may follow. */
  setSize: number;
  start: number;
  href: string;
  open: boolean;
  selected: boolean;
  assignee: Person | undefined;
  /** Re-renders the waiting time as the minutes pass. */
  now: number;
  onToggle: (id: string, index: number, range: boolean) => void;
  onFocusRow: (id: string) => void;
}

export const ConversationRow = memo(function ConversationRow({ conversation, index, setSize, start, href, open, selected, assignee, now, onToggle, onFocusRow }: RowProps) {
  const { t } = useTranslation(["inbox", "common"]);
  const format = useFormat();
  const customer = customerLabel(conversation, t("row.unknownCustomer"));
  const subject = conversation.subject || t("row.noSubject");
  // Open and never answered: the conversations an agent should not miss.
  const unanswered = conversation.status === "open" && conversation.firstResponseAt === null;
  const standsOut = conversation.priority === "high" || conversation.priority === "urgent";
  const since = waitingSince(conversation);
  const age = format.age(since, now);
  const descriptionId = `inbox-row-${conversation.id}-details`;
  const description = [
    unanswered ? t("row.unanswered") : null,
    standsOut ? t(`common:priority.${conversation.priority}`) : null,
    t(`common:channel.${conversation.channel}`),
    t(`common:status.${conversation.status}`),
    t("row.waiting", { age }),
    assignee ? t("row.assignedTo", { name: assignee.name }) : t("common:unassigned"),
    conversation.lastMessagePreview,
  ]
    .filter(Boolean)
    .join(". ");

  return (
    <div
      role="listitem"
      aria-setsize={setSize}
      aria-posinset={index + 1}
      className="inbox-row"
      data-row-index={index}
      data-open={open || undefined}
      data-selected={selected || undefined}
      style={{ height: ROW_HEIGHT, transform: `translateY(${start}px)` }}
      onFocus={() => onFocusRow(conversation.id)}
    >
      <Checkbox
        className="inbox-row-check"
        size="xs"
        checked={selected}
        readOnly
        // A click (or Space) toggles; with Shift it extends the selection from the last row toggled.
        onClick={(event) => onToggle(conversation.id, index, event.shiftKey)}
        aria-label={t("row.select", { customer, subject })}
      />
      <div className="inbox-row-body">
        <div className="inbox-row-line">
          {unanswered && <span className="inbox-unanswered" aria-hidden="true" />}
          <Link
            href={href}
            className="inbox-row-link"
            // Names, subjects and previews are the customer's words: each keeps its own direction in either layout.
            dir="auto"
            aria-label={t("row.label", { customer, subject })}
            aria-describedby={descriptionId}
            aria-current={open ? "true" : undefined}
            style={{ fontWeight: unanswered ? 700 : 500 }}
          >
            {customer}
          </Link>
          <span className="inbox-row-meta" aria-hidden="true">
            {standsOut && (
              <Badge size="xs" radius="sm" variant={conversation.priority === "urgent" ? "filled" : "light"} color={conversation.priority === "urgent" ? "red" : "orange"}>
                {t(`common:priority.${conversation.priority}`)}
              </Badge>
            )}
            <span title={t("row.waitingTitle", { when: format.dateTime(since) })}>{age}</span>
          </span>
        </div>
        <div className="inbox-row-line" aria-hidden="true">
          <Text component="span" c="dimmed" style={{ display: "inline-flex", flex: "none" }} title={t(`common:channel.${conversation.channel}`)}>
            <ChannelIcon channel={conversation.channel} size={14} />
          </Text>
          <span className="inbox-row-text" dir="auto">
            <Text component="span" size="sm" fw={unanswered ? 600 : 400}>
              {subject}
            </Text>
            {conversation.lastMessagePreview && (
              <Text component="span" size="sm" c="dimmed">
                {" — "}
                {conversation.lastMessagePreview}
              </Text>
            )}
          </span>
          <span className="inbox-row-meta">
            {assignee ? <Avatar name={assignee.name} color="initials" size={20} title={assignee.name} /> : null}
          </span>
        </div>
      </div>
      <span id={descriptionId} hidden>
        {description}
      </span>
    </div>
  );
});
