import { useState } from "react";
import { useTranslation } from "react-i18next";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Code, Group, Loader, Table, Text } from "@mantine/core";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { api, unwrap } from "../../api/client";
import type { AuditEntry } from "../../api/types";
import { useFormat } from "../../app/format";
import { LoadError, SectionHeader, settingsKeys, usePeople } from "./shared";
import classes from "./settings.module.css";

const PAGE_SIZE = 25;

function detailsText(entry: AuditEntry): string {
  const shown = Object.entries(entry.details).filter(([, value]) => value !== undefined && value !== null);
  return shown.map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`).join(" · ");
}

export function AuditLogSection() {
  const { t, i18n } = useTranslation("settings");
  const format = useFormat();
  const people = usePeople();
  // Cursors only go forward, so the way back is the list of cursors that led here.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const page = useQuery({
    queryKey: settingsKeys.auditLog(cursor),
    queryFn: () => unwrap(api.GET("/api/v1/audit-log", { params: { query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } } })),
    placeholderData: keepPreviousData,
  });
  const nameOf = (id: string | null) => (id ? (people.data?.find((person) => person.id === id)?.name ?? t("unknownPerson")) : t("audit.system"));
  const actionText = (action: string) => (i18n.exists(`settings:audit.actions.${action}`) ? t(`audit.actions.${action}`) : action);

  return (
    <section aria-labelledby="audit-title">
      <SectionHeader id="audit-title" title={t("audit.title")} description={t("audit.description")} />
      {page.isPending ? (
        <Loader aria-label={t("common:loading")} />
      ) : page.isError ? (
        <LoadError error={page.error} onRetry={() => void page.refetch()} />
      ) : page.data.items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("audit.none")}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="xs" striped aria-busy={page.isFetching}>
              <Table.Caption>{t("audit.caption", { page: cursors.length })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("audit.when")}</Table.Th>
                  <Table.Th scope="col">{t("audit.who")}</Table.Th>
                  <Table.Th scope="col">{t("audit.action")}</Table.Th>
                  <Table.Th scope="col">{t("audit.details")}</Table.Th>
                  <Table.Th scope="col">{t("audit.ip")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.data.items.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{format.dateTime(entry.createdAt)}</Table.Td>
                    <Table.Td>{nameOf(entry.actorUserId)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{actionText(entry.action)}</Text>
                      <Text size="xs" c="dimmed">
                        <Code>{entry.action}</Code>
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" style={{ wordBreak: "break-word" }}>
                        {detailsText(entry)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{entry.ip ?? "—"}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between" mt="md" component="nav" aria-label={t("audit.pages")}>
            <Button variant="default" leftSection={<IconChevronLeft size={16} className={classes.flip} aria-hidden />} disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
              {t("audit.newer")}
            </Button>
            <Text size="sm" c="dimmed" aria-live="polite">
              {t("audit.page", { page: cursors.length })}
            </Text>
            <Button
              variant="default"
              rightSection={<IconChevronRight size={16} className={classes.flip} aria-hidden />}
              disabled={!page.data.nextCursor}
              onClick={() => page.data.nextCursor && setCursors([...cursors, page.data.nextCursor])}
            >
              {t("audit.older")}
            </Button>
          </Group>
        </>
      )}
    </section>
  );
}
