import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ActionIcon, Avatar, Badge, Button, Group, Menu, Select, TagsInput, Text, TextInput, Title, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconDots, IconGitMerge, IconPencil, IconRotateClockwise, IconX } from "@tabler/icons-react";
import { api, ApiError, unwrap } from "../../api/client";
import type { Conversation, ConversationChanges, Person, Priority, Status, Team } from "../../api/types";
import { useTags } from "../../app/directory";
import { useFormat } from "../../app/format";
import { useShortcut } from "../../app/shortcuts";
import { MergeDialog } from "./MergeDialog";
import type { Viewer } from "./presence";
import { useConversationUpdate } from "./queries";
import { SnoozeMenu } from "./SnoozeMenu";

const PRIORITIES: Priority[] = ["low", "normal", "high", "urgent"];
const STATUSES: Status[] = ["open", "pending", "resolved", "closed"];
const NONE = "none";

interface HeaderProps {
  conversation: Conversation;
  people: Person[];
  teams: Team[];
  viewers: Viewer[];
  onClose?: () => void;
  onMerged: (into: Conversation) => void;
}

function useReportError() {
  const { t } = useTranslation("conversation");
  return (error: unknown) =>
    notifications.show({ color: "red", title: t("changeFailed"), message: error instanceof ApiError ? error.message : t("common:error") });
}

export function ConversationHeader({ conversation, people, teams, viewers, onClose, onMerged }: HeaderProps) {
  const { t } = useTranslation(["conversation", "common"]);
  const format = useFormat();
  const id = conversation.id;
  const path = { params: { path: { id } } };
  const reportError = useReportError();
  const tags = useTags();
  const [assigneeOpen, setAssigneeOpen] = useState(false);
  const [snoozeOpen, setSnoozeOpen] = useState(false);
  const [mergeOpen, setMergeOpen] = useState(false);
  const assigneeInput = useRef<HTMLInputElement>(null);

  const update = useConversationUpdate(id, (body: ConversationChanges) => unwrap(api.PATCH("/api/v1/conversations/{id}", { ...path, body })));
  const assign = useConversationUpdate(id, (body: { assigneeId?: string | null; teamId?: string | null }) => unwrap(api.POST("/api/v1/conversations/{id}/assign", { ...path, body })));
  const setStatus = useConversationUpdate(id, (body: { status: Status; snoozedUntil?: string }) => unwrap(api.POST("/api/v1/conversations/{id}/status", { ...path, body })));
  const changeTags = useConversationUpdate(id, (body: { add?: string[]; remove?: string[] }) => unwrap(api.POST("/api/v1/conversations/{id}/tags", { ...path, body })));
  const merge = useConversationUpdate(id, (intoId: string) => unwrap(api.POST("/api/v1/conversations/{id}/merge", { ...path, body: { intoId } })));

  const closed = conversation.status === "resolved" || conversation.status === "closed";
  const resolve = () => setStatus.mutate({ status: "resolved" }, { onError: reportError });
  const reopen = () => setStatus.mutate({ status: "open" }, { onError: reportError });
  const snooze = (until: Date) => {
    setSnoozeOpen(false);
    setStatus.mutate({ status: "snoozed", snoozedUntil: until.toISOString() }, { onError: reportError });
  };

  useShortcut("e", "resolveConversation", "conversation", () => {
    if (!closed) resolve();
  });
  useShortcut("a", "assignConversation", "conversation", () => {
    assigneeInput.current?.focus();
    setAssigneeOpen(true);
  });
  useShortcut("s", "snoozeConversation", "conversation", () => setSnoozeOpen(true));

  const customer = conversation.customer.name || conversation.customer.email || t("customer");
  const activePeople = people.filter((person) => person.active || person.id === conversation.assigneeId);

  return (
    <header className="conversation-header">
      <Group justify="space-between" wrap="wrap" align="flex-start" gap="sm">
        <div className="conversation-title">
          <SubjectEditor subject={conversation.subject} number={conversation.number} onSave={(subject) => update.mutate({ subject }, { onError: reportError })} />
          <Group gap="xs" mt={4} wrap="wrap">
            <Text size="sm" c="gray.7">
              {customer}
              {conversation.customer.name && conversation.customer.email ? ` · ${conversation.customer.email}` : ""}
            </Text>
            <Badge size="sm" variant="outline" color="gray.8">
              {t(`common:channel.${conversation.channel}`)}
            </Badge>
            <Badge size="sm" variant="light" color={closed ? "gray" : conversation.status === "snoozed" ? "violet" : "teal"} c={closed ? "gray.9" : conversation.status === "snoozed" ? "violet.9" : "teal.9"}>
              {t(`common:status.${conversation.status}`)}
            </Badge>
            {conversation.status === "snoozed" && conversation.snoozedUntil && (
              <Text size="xs" c="gray.7">
                {t("snoozedUntil", { when: format.dateTime(conversation.snoozedUntil) })}
              </Text>
            )}
          </Group>
        </div>
        <Group gap="xs" wrap="nowrap" className="conversation-actions">
          <ViewerAvatars viewers={viewers} />
          {closed ? (
            <Button size="xs" variant="default" leftSection={<IconRotateClockwise size={16} aria-hidden />} onClick={reopen} loading={setStatus.isPending}>
              {t("reopen")}
            </Button>
          ) : (
            <Button size="xs" leftSection={<IconCheck size={16} aria-hidden />} onClick={resolve} loading={setStatus.isPending} aria-keyshortcuts="e">
              {t("resolve")}
            </Button>
          )}
          <SnoozeMenu opened={snoozeOpen} onChange={setSnoozeOpen} onSnooze={snooze} />
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="default" size="md" aria-label={t("moreActions")}>
                <IconDots size={16} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconGitMerge size={16} aria-hidden />} onClick={() => setMergeOpen(true)}>
                {t("merge")}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
          {onClose && (
            <ActionIcon variant="subtle" color="gray.8" size="md" onClick={onClose} aria-label={t("closeConversation")} aria-keyshortcuts="Escape">
              <IconX size={18} aria-hidden />
            </ActionIcon>
          )}
        </Group>
      </Group>
      <div className="conversation-fields">
        <Select
          ref={assigneeInput}
          label={t("assignee")}
          size="xs"
          searchable
          data={[{ value: NONE, label: t("common:unassigned") }, ...activePeople.map((person) => ({ value: person.id, label: person.name }))]}
          value={conversation.assigneeId ?? NONE}
          onChange={(value) => assign.mutate({ assigneeId: value && value !== NONE ? value : null }, { onError: reportError })}
          dropdownOpened={assigneeOpen}
          onDropdownOpen={() => setAssigneeOpen(true)}
          onDropdownClose={() => setAssigneeOpen(false)}
          allowDeselect={false}
          aria-keyshortcuts="a"
        />
        <Select
          label={t("team")}
          size="xs"
          data={[{ value: NONE, label: t("noTeam") }, ...teams.map((team) => ({ value: team.id, label: team.name }))]}
          value={conversation.teamId ?? NONE}
          onChange={(value) => assign.mutate({ teamId: value && value !== NONE ? value : null }, { onError: reportError })}
          allowDeselect={false}
        />
        <Select
          label={t("status")}
          size="xs"
          data={[...STATUSES, ...(conversation.status === "snoozed" ? (["snoozed"] as const) : [])].map((status) => ({ value: status, label: t(`common:status.${status}`), disabled: status === "snoozed" }))}
          value={conversation.status}
          onChange={(value) => value && value !== conversation.status && setStatus.mutate({ status: value as Status }, { onError: reportError })}
          allowDeselect={false}
        />
        <Select
          label={t("priority")}
          size="xs"
          data={PRIORITIES.map((priority) => ({ value: priority, label: t(`common:priority.${priority}`) }))}
          value={conversation.priority}
          onChange={(value) => value && update.mutate({ priority: value as Priority }, { onError: reportError })}
          allowDeselect={false}
        />
        <TagsInput
          label={t("tags")}
          size="xs"
          className="conversation-tags"
          data={(tags.data?.items ?? []).map((tag) => tag.name)}
          value={conversation.tags}
          placeholder={conversation.tags.length ? undefined : t("addTag")}
          onChange={(next) => {
            const add = next.filter((tag) => !conversation.tags.includes(tag));
            const remove = conversation.tags.filter((tag) => !next.includes(tag));
            if (add.length || remove.length) changeTags.mutate({ ...(add.length ? { add } : {}), ...(remove.length ? { remove } : {}) }, { onError: reportError });
          }}
          clearable={false}
        />
      </div>
      <MergeDialog
        conversation={conversation}
        opened={mergeOpen}
        onClose={() => setMergeOpen(false)}
        onMerge={async (into) => {
          const remaining = await merge.mutateAsync(into.id);
          onMerged(remaining);
        }}
      />
    </header>
  );
}

function SubjectEditor({ subject, number, onSave }: { subject: string; number: number; onSave: (subject: string) => void }) {
  const { t } = useTranslation("conversation");
  const [editing, setEditing] = useState<string | null>(null);
  const done = (save: boolean) => {
    if (save && editing !== null && editing.trim() !== subject) onSave(editing.trim());
    setEditing(null);
  };
  if (editing !== null) {
    return (
      <TextInput
        aria-label={t("subject")}
        value={editing}
        onChange={(event) => setEditing(event.currentTarget.value)}
        onBlur={() => done(true)}
        onKeyDown={(event) => {
          if (event.key === "Enter") done(true);
          if (event.key === "Escape") {
            // Escape here cancels the edit; it must not also close the conversation.
            event.preventDefault();
            event.nativeEvent.stopImmediatePropagation();
            done(false);
          }
        }}
        maxLength={500}
        autoFocus
      />
    );
  }
  return (
    <Group gap={6} wrap="nowrap" align="center">
      <Title order={2} size="h4" className="conversation-subject" title={subject}>
        <span>{subject || t("noSubject")}</span>{" "}
        <Text span c="gray.7" fw={400} size="md">
          #{number}
        </Text>
      </Title>
      <Tooltip label={t("editSubject")}>
        <ActionIcon variant="subtle" color="gray.8" size="sm" onClick={() => setEditing(subject)} aria-label={t("editSubject")}>
          <IconPencil size={14} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

function ViewerAvatars({ viewers }: { viewers: Viewer[] }) {
  const { t } = useTranslation("conversation");
  if (viewers.length === 0) return null;
  return (
    <Avatar.Group spacing="xs" role="group" aria-label={t("alsoHere", { names: viewers.map((viewer) => viewer.userName).join(", ") })}>
      {viewers.slice(0, 4).map((viewer) => (
        <Tooltip key={viewer.userId} label={t(viewer.state === "typing" ? "viewerTyping" : "viewerViewing", { name: viewer.userName })}>
          <Avatar name={viewer.userName} color="initials" size="sm" className={viewer.state === "typing" ? "viewer-typing" : undefined} />
        </Tooltip>
      ))}
    </Avatar.Group>
  );
}
