import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Badge, Button, Group, Table, TextInput, VisuallyHidden } from "@mantine/core";
import { api, unwrap } from "../../api/client";
import type { TagUsage } from "../../api/types";
import { tagsQuery } from "../../app/directory";
import { keys } from "../../app/live";
import { ConfirmDialog, FormDialog, ListState, SectionHeader, useAction, useSavedToast } from "./shared";

function useRefreshTags() {
  const queryClient = useQueryClient();
  // Renaming rewrites the tags on conversations too, which lists and open conversations show.
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: keys.tags }), queryClient.invalidateQueries({ queryKey: keys.conversations })]);
}

function RenameDialog({ tag, existing, onClose }: { tag: TagUsage; existing: string[]; onClose: () => void }) {
  const { t } = useTranslation("settings");
  const refresh = useRefreshTags();
  const savedToast = useSavedToast();
  const [name, setName] = useState(tag.name);
  const [nameError, setNameError] = useState<string | null>(null);
  const { run, busy, error } = useAction();
  const normalized = name.trim().toLowerCase().replace(/\s+/g, "-");
  const merges = normalized !== tag.name && existing.includes(normalized);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!normalized) {
      setNameError(t("validation.nameRequired"));
      return;
    }
    if (normalized === tag.name) {
      setNameError(t("tags.sameName"));
      return;
    }
    setNameError(null);
    await run(async () => {
      const result = await unwrap(api.POST("/api/v1/tags/rename", { body: { from: tag.name, to: normalized } }));
      await refresh();
      savedToast(t("tags.renamed", { from: tag.name, to: normalized, count: result.conversations }));
      onClose();
    });
  };

  return (
    <FormDialog
      title={t("tags.renameTitle", { name: tag.name })}
      submitLabel={merges ? t("tags.merge") : t("tags.rename")}
      busy={busy}
      error={error}
      onSubmit={submit}
      onClose={onClose}
    >
      <TextInput
        label={t("tags.newName")}
        description={merges ? t("tags.mergeWarning", { name: normalized }) : t("tags.nameHelp")}
        required
        value={name}
        error={nameError}
        onChange={(event) => setName(event.currentTarget.value)}
        data-autofocus
      />
    </FormDialog>
  );
}

export function TagsSection() {
  const { t } = useTranslation("settings");
  const refresh = useRefreshTags();
  const savedToast = useSavedToast();
  const tags = useQuery({ ...tagsQuery, select: (answer) => answer.items });
  const [renaming, setRenaming] = useState<TagUsage | null>(null);
  const [deleting, setDeleting] = useState<TagUsage | null>(null);

  return (
    <section aria-labelledby="tags-title">
      <SectionHeader id="tags-title" title={t("tags.title")} description={t("tags.description")} />
      <ListState query={tags} empty={t("tags.none")}>
        {(items) => (
          <Table.ScrollContainer minWidth={420}>
            <Table verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("tags.tag")}</Table.Th>
                  <Table.Th scope="col">{t("tags.count")}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t("actions")}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((tag) => (
                  <Table.Tr key={tag.name}>
                    <Table.Td>
                      <Badge variant="light" color="gray" tt="none">
                        {tag.name}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{t("tags.conversations", { count: tag.count })}</Table.Td>
                    <Table.Td ta="end">
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button size="xs" variant="default" onClick={() => setRenaming(tag)} aria-label={t("tags.renameLabel", { name: tag.name })}>
                          {t("tags.rename")}
                        </Button>
                        <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(tag)} aria-label={t("tags.deleteLabel", { name: tag.name })}>
                          {t("common:delete")}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListState>
      {renaming && <RenameDialog key={renaming.name} tag={renaming} existing={tags.data?.map((tag) => tag.name) ?? []} onClose={() => setRenaming(null)} />}
      <ConfirmDialog
        opened={deleting !== null}
        title={t("tags.deleteTitle", { name: deleting?.name ?? "" })}
        message={t("tags.deleteMessage", { name: deleting?.name ?? "", count: deleting?.count ?? 0 })}
        confirmLabel={t("common:delete")}
        onConfirm={async () => {
          if (!deleting) return;
          await unwrap(api.DELETE("/api/v1/tags/{name}", { params: { path: { name: deleting.name } } }));
          await refresh();
          savedToast(t("tags.deleted", { name: deleting.name }));
        }}
        onClose={() => setDeleting(null)}
      />
    </section>
  );
}
