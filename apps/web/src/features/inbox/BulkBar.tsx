import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Avatar, Button, Group, Menu, Popover, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconChevronDown, IconTag, IconUserPlus, IconCircleDot, IconX } from "@tabler/icons-react";
import { api, ApiError, unwrap } from "../../api/client";
import type { BulkChanges, Person, Status } from "../../api/types";
import { useTags } from "../../app/directory";
import { keys } from "../../app/live";

/** The API takes at most this many conversations per call. */
const BATCH = 100;
// Snoozing needs a time, which a bulk menu has no room to ask for; the conversation's own menu does.
const BULK_STATUSES: Status[] = ["open", "pending", "resolved", "closed"];

interface BulkResult {
  updated: number;
  notFound: number;
}

/** Each batch is all or nothing; batches run in turn so a failure stops the rest and says how far it got. */
async function applyInBatches(ids: string[], changes: BulkChanges): Promise<BulkResult> {
  const result: BulkResult = { updated: 0, notFound: 0 };
  for (let start = 0; start < ids.length; start += BATCH) {
    const answer = await unwrap(api.POST("/api/v1/conversations/bulk", { body: { ids: ids.slice(start, start + BATCH), ...changes } }));
    result.updated += answer.updated.length;
    result.notFound += answer.notFound.length;
  }
  return result;
}

function TagForm({ onSubmit, pending }: { onSubmit: (tag: string) => void; pending: boolean }) {
  const { t } = useTranslation("inbox");
  const { data: tags } = useTags();
  const [tag, setTag] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (tag.trim()) onSubmit(tag.trim());
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <TextInput size="xs" label={t("bulk.tagLabel")} value={tag} onChange={(event) => setTag(event.currentTarget.value)} list="inbox-bulk-tags" maxLength={100} data-autofocus />
        <datalist id="inbox-bulk-tags">
          {tags?.items.slice(0, 50).map((item) => (
            <option key={item.name} value={item.name} />
          ))}
        </datalist>
        <Button type="submit" size="xs" loading={pending} disabled={!tag.trim()}>
          {t("bulk.addTag")}
        </Button>
      </Stack>
    </form>
  );
}

interface BulkBarProps {
  selected: ReadonlySet<string>;
  users: Person[];
  onDone: () => void;
}

/** Actions on the selected conversations: assign, change status, add a tag. */
export default function BulkBar({ selected, users, onDone }: BulkBarProps) {
  const { t } = useTranslation(["inbox", "common"]);
  const queryClient = useQueryClient();
  const [tagOpen, setTagOpen] = useState(false);
  const count = selected.size;

  const bulk = useMutation({
    mutationFn: ({ changes }: { changes: BulkChanges; done: string }) => applyInBatches([...selected], changes),
    onSuccess: (result, { done }) => {
      notifications.show({
        color: "teal",
        title: done,
        message: result.notFound > 0 ? t("bulk.resultWithMissing", { count: result.updated, missing: result.notFound }) : t("bulk.result", { count: result.updated }),
      });
      setTagOpen(false);
      onDone();
    },
    onError: (error) => notifications.show({ color: "red", title: t("bulk.failed"), message: error instanceof ApiError ? error.message : t("common:error") }),
    // Lists, counts and any open conversation: a partial failure may still have changed earlier batches.
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.conversations }),
  });
  const run = (changes: BulkChanges, done: string) => bulk.mutate({ changes, done });
  const activeUsers = users.filter((user) => user.active);

  return (
    <Group gap={6} wrap="wrap" role="toolbar" aria-label={t("bulk.label", { count })}>
      <Text size="sm" fw={600} aria-live="polite">
        {t("bulk.selected", { count })}
      </Text>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button size="compact-sm" variant="default" leftSection={<IconUserPlus size={14} aria-hidden="true" />} rightSection={<IconChevronDown size={14} aria-hidden="true" />} loading={bulk.isPending}>
            {t("bulk.assign")}
          </Button>
        </Menu.Target>
        <Menu.Dropdown mah={320} style={{ overflowY: "auto" }}>
          <Menu.Item onClick={() => run({ assigneeId: null }, t("bulk.unassigned"))}>{t("bulk.unassign")}</Menu.Item>
          <Menu.Divider />
          {activeUsers.map((user) => (
            <Menu.Item key={user.id} leftSection={<Avatar name={user.name} color="initials" size={20} />} onClick={() => run({ assigneeId: user.id }, t("bulk.assigned", { name: user.name }))}>
              {user.name}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button size="compact-sm" variant="default" leftSection={<IconCircleDot size={14} aria-hidden="true" />} rightSection={<IconChevronDown size={14} aria-hidden="true" />} loading={bulk.isPending}>
            {t("bulk.status")}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {BULK_STATUSES.map((status) => (
            <Menu.Item key={status} onClick={() => run({ status }, t("bulk.statusChanged", { status: t(`common:status.${status}`) }))}>
              {t(`common:status.${status}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Popover opened={tagOpen} onChange={setTagOpen} position="bottom-start" withinPortal trapFocus>
        <Popover.Target>
          <Button size="compact-sm" variant="default" leftSection={<IconTag size={14} aria-hidden="true" />} onClick={() => setTagOpen((open) => !open)} aria-expanded={tagOpen} loading={bulk.isPending}>
            {t("bulk.tag")}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <TagForm pending={bulk.isPending} onSubmit={(tag) => run({ addTags: [tag] }, t("bulk.tagged", { tag }))} />
        </Popover.Dropdown>
      </Popover>
      <Button size="compact-sm" variant="subtle" color="gray" leftSection={<IconX size={14} aria-hidden="true" />} onClick={onDone}>
        {t("bulk.clear")}
      </Button>
    </Group>
  );
}
