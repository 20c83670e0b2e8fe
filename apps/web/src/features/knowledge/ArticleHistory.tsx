import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, Group, Stack, Table, Text, Title, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { api, unwrap } from "../../api/client";
import { useFormat } from "../../app/format";
import { useUsers } from "../../app/directory";
import { ConfirmDialog, ListState, useSavedToast } from "../settings/shared";
import { diffLines } from "./line-diff";
import { useRefreshKnowledge, useVersions } from "./queries";
import type { Article, ArticleVersion } from "./types";
import classes from "./knowledge.module.css";

const asText = (version: { title: string; bodyMarkdown: string }) => `# ${version.title}\n\n${version.bodyMarkdown}`;

function VersionDiff({ version, article }: { version: ArticleVersion; article: Article }) {
  const { t } = useTranslation("knowledge");
  const lines = diffLines(asText(version), asText(article));
  const changed = lines.some((line) => line.kind !== "same");
  return (
    <section aria-labelledby="diff-title">
      <Title order={3} size="h5" id="diff-title" mb="xs">
        {t("history.diffTitle", { version: version.version, current: article.version })}
      </Title>
      {changed ? (
        <pre className={classes.diff} aria-describedby="diff-legend">
          {lines.map((line, index) => (
            <div key={index} className={line.kind === "same" ? undefined : classes[line.kind]}>
              <span aria-hidden>{line.kind === "added" ? "+ " : line.kind === "removed" ? "− " : "  "}</span>
              {line.kind !== "same" && <VisuallyHidden>{t(`history.${line.kind}`)}</VisuallyHidden>}
              {line.text || " "}
            </div>
          ))}
        </pre>
      ) : (
        <Text size="sm" c="dimmed">
          {t("history.same")}
        </Text>
      )}
      <Text id="diff-legend" size="xs" c="dimmed" mt={4}>
        {t("history.legend")}
      </Text>
    </section>
  );
}

/** Every saved version with who wrote it; any one compared with the current text, and brought back. */
export function ArticleHistory({ article }: { article: Article }) {
  const { t } = useTranslation("knowledge");
  const format = useFormat();
  const users = useUsers();
  const versions = useVersions(article.id);
  const refresh = useRefreshKnowledge();
  const savedToast = useSavedToast();
  const [selected, setSelected] = useState<number | null>(null);
  const [restoring, setRestoring] = useState<ArticleVersion | null>(null);
  const authorName = (id: string | null) => users.data?.items.find((user) => user.id === id)?.name ?? t("history.unknownAuthor");
  const shown = versions.data?.find((version) => version.version === selected) ?? versions.data?.find((version) => version.version !== article.version);

  return (
    <Stack gap="lg">
      <ListState query={versions} empty={t("history.none")}>
        {(items) => (
          <Table verticalSpacing="xs" highlightOnHover aria-label={t("history.title")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("history.version")}</Table.Th>
                <Table.Th scope="col">{t("editor.title")}</Table.Th>
                <Table.Th scope="col">{t("history.author")}</Table.Th>
                <Table.Th scope="col">{t("history.date")}</Table.Th>
                <Table.Th scope="col">{t("history.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((version) => {
                const current = version.version === article.version;
                return (
                  <Table.Tr key={version.version} aria-selected={shown?.version === version.version}>
                    <Table.Td>
                      <UnstyledButton fz="sm" onClick={() => setSelected(version.version)} disabled={current} fw={shown?.version === version.version ? 700 : 400}>
                        {current ? t("history.current", { version: version.version }) : t("history.versionN", { version: version.version })}
                      </UnstyledButton>
                    </Table.Td>
                    <Table.Td>{version.title}</Table.Td>
                    <Table.Td>{authorName(version.authorId)}</Table.Td>
                    <Table.Td>{format.dateTime(version.createdAt)}</Table.Td>
                    <Table.Td>
                      {!current && (
                        <Group gap="xs" wrap="nowrap">
                          <Button size="xs" variant="default" onClick={() => setSelected(version.version)} aria-label={t("history.compareLabel", { version: version.version })}>
                            {t("history.compare")}
                          </Button>
                          <Button size="xs" variant="light" onClick={() => setRestoring(version)} aria-label={t("history.restoreLabel", { version: version.version })}>
                            {t("history.restore")}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </ListState>
      {shown && shown.version !== article.version && <VersionDiff version={shown} article={article} />}
      <ConfirmDialog
        opened={restoring !== null}
        title={t("history.restoreTitle", { version: restoring?.version })}
        message={t("history.restoreMessage", { version: restoring?.version })}
        confirmLabel={t("history.restore")}
        onConfirm={async () => {
          if (!restoring) return;
          await unwrap(api.POST("/api/v1/knowledge/articles/{id}/restore", { params: { path: { id: article.id } }, body: { version: restoring.version } }));
          setSelected(null);
          await refresh();
          savedToast(t("history.restored", { version: restoring.version }));
        }}
        onClose={() => setRestoring(null)}
      />
    </Stack>
  );
}
