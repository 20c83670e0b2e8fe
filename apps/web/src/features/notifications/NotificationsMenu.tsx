import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useLocation } from "wouter";
import { ActionIcon, Anchor, Button, Group, Loader, Popover, ScrollArea, Stack, Text, Title, Tooltip, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { notifications as toasts } from "@mantine/notifications";
import { IconBell, IconCheck } from "@tabler/icons-react";
import { api, unwrap } from "../../api/client";
import type { RealtimeEvent } from "../../api/realtime";
import type { AgentNotification, NotificationPage } from "../../api/types";
import { usersQuery } from "../../app/directory";
import { useFormat } from "../../app/format";
import { keys, useRealtimeFrames } from "../../app/live";
import { useSession } from "../../app/session";
import { canNotify, desktopWanted, setDesktopWanted, showDesktopNotification } from "./desktop";
import classes from "./notifications.module.css";

const PAGE_SIZE = 20;

function useNotificationText() {
  const { t } = useTranslation("notifications");
  const users = useQuery({ ...usersQuery, select: (answer) => answer.items });
  return (item: AgentNotification) => {
    const actor = (item.actorId && users.data?.find((person) => person.id === item.actorId)?.name) || t("someone");
    // Isolated, so a subject in another script keeps its own direction inside the sentence.
    return t(`kind.${item.kind}`, { actor: `\u2068${actor}\u2069`, number: item.conversation.number, subject: `\u2068${item.conversation.subject || t("noSubject")}\u2069` });
  };
}

function DesktopToggle() {
  const { t } = useTranslation("notifications");
  const [wanted, setWanted] = useState(desktopWanted);
  if (!("Notification" in window)) return null;
  if (Notification.permission === "denied") {
    return (
      <Text size="xs" c="dimmed">
        {t("desktop.blocked")}
      </Text>
    );
  }
  const enabled = wanted && Notification.permission === "granted";
  return (
    <Button
      size="compact-xs"
      variant="subtle"
      onClick={async () => {
        if (enabled) {
          setDesktopWanted(false);
          setWanted(false);
          return;
        }
        const permission = await Notification.requestPermission();
        setDesktopWanted(permission === "granted");
        setWanted(permission === "granted");
      }}
    >
      {enabled ? t("desktop.disable") : t("desktop.enable")}
    </Button>
  );
}

/** The bell in the header: unread count, the latest notifications, and a heads-up when a new one arrives. */
export function NotificationsMenu() {
  const { t } = useTranslation("notifications");
  const { user } = useSession();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [opened, setOpened] = useState(false);
  const describe = useNotificationText();
  const page = useQuery({
    queryKey: keys.notifications,
    queryFn: () => unwrap(api.GET("/api/v1/notifications", { params: { query: { limit: PAGE_SIZE } } })),
  });
  const unread = page.data?.unreadCount ?? 0;

  // The event names only ids; the list refetched because of it (live.ts invalidates it) has the words to show.
  const arriving = useRef(new Set<string>());
  useRealtimeFrames(["event"], (frame) => {
    const event = (frame as { event: RealtimeEvent }).event;
    if (event.type === "notification.created" && event.payload.userId === user.id) arriving.current.add(event.subjectId);
  });
  useEffect(() => {
    if (!page.data || arriving.current.size === 0) return;
    for (const item of page.data.items) {
      if (!arriving.current.delete(item.id)) continue;
      const text = describe(item);
      const href = `/conversations/${item.conversation.id}`;
      toasts.show({
        title: t("newTitle"),
        message: (
          <Anchor component={Link} href={href} size="sm">
            {text}
          </Anchor>
        ),
        autoClose: 8000,
      });
      if (document.hidden && canNotify()) showDesktopNotification({ id: item.id, title: t("newTitle"), body: text, onClick: () => navigate(href) });
    }
  }, [page.data, describe, t, navigate]);

  const markRead = async (body: { ids: string[] } | { all: true }) => {
    const answer = await unwrap(api.POST("/api/v1/notifications/read", { body }));
    queryClient.setQueryData<NotificationPage>(keys.notifications, (previous) =>
      previous && {
        ...previous,
        unreadCount: answer.unreadCount,
        items: previous.items.map((item) => ("all" in body || body.ids.includes(item.id) ? { ...item, readAt: item.readAt ?? new Date().toISOString() } : item)),
      },
    );
  };
  const markReadOrSay = (body: { ids: string[] } | { all: true }) =>
    void markRead(body).catch(() => toasts.show({ color: "red", message: t("markFailed") }));
  const open = (item: AgentNotification) => {
    setOpened(false);
    if (!item.readAt) markReadOrSay({ ids: [item.id] });
  };

  const label = unread > 0 ? t("bellUnread", { count: unread }) : t("bell");
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} shadow="md" trapFocus returnFocus withinPortal>
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" size="lg" className={classes.bell} aria-label={label} aria-haspopup="dialog" aria-expanded={opened} onClick={() => setOpened((value) => !value)}>
          <IconBell size={20} aria-hidden />
          {unread > 0 && <span className={classes.count}>{unread > 99 ? "99+" : unread}</span>}
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p={0} role="dialog" aria-labelledby="notifications-title">
        <Group justify="space-between" px="md" py="xs" wrap="nowrap" style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}>
          <Title order={2} size="h6" id="notifications-title">
            {t("title")}
          </Title>
          <Button size="compact-xs" variant="subtle" disabled={unread === 0} onClick={() => markReadOrSay({ all: true })}>
            {t("markAllRead")}
          </Button>
        </Group>
        <ScrollArea.Autosize mah={420} type="auto">
          {page.isPending ? (
            <Group justify="center" p="md">
              <Loader size="sm" aria-label={t("common:loading")} />
            </Group>
          ) : page.isError ? (
            <Text size="sm" c="red.8" p="md" role="alert">
              {t("loadFailed")}
            </Text>
          ) : page.data.items.length === 0 ? (
            <Text size="sm" c="dimmed" p="md">
              {t("none")}
            </Text>
          ) : (
            <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: "none" }}>
              {page.data.items.map((item) => (
                <Group
                  component="li"
                  key={item.id}
                  wrap="nowrap"
                  align="flex-start"
                  gap="xs"
                  px="md"
                  py="xs"
                  className={classes.item}
                  data-unread={item.readAt ? undefined : true}
                >
                  <UnstyledButton component={Link} href={`/conversations/${item.conversation.id}`} onClick={() => open(item)} className={classes.link}>
                    <Text size="sm" fw={item.readAt ? 400 : 600} style={{ overflowWrap: "anywhere" }}>
                      {!item.readAt && <VisuallyHidden component="span">{t("unreadPrefix")} </VisuallyHidden>}
                      {describe(item)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      <time dateTime={item.createdAt} title={format.dateTime(item.createdAt)}>
                        {format.relative(item.createdAt)}
                      </time>
                    </Text>
                  </UnstyledButton>
                  {!item.readAt && (
                    <Tooltip label={t("markRead")} withArrow>
                      <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t("markReadLabel", { text: describe(item) })} onClick={() => markReadOrSay({ ids: [item.id] })}>
                        <IconCheck size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Group>
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
        <Group justify="flex-end" px="md" py="xs">
          <DesktopToggle />
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
