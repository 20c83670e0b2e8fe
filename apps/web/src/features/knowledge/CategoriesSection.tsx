import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ActionIcon, Button, Group, Select, Table, TextInput } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconPlus } from "@tabler/icons-react";
import { api, unwrap } from "../../api/client";
import { ConfirmDialog, FormCard, FormDialog, ListState, SectionHeader, useAction, useFailureToast, useSavedToast } from "../settings/shared";
import { useCategories, useRefreshKnowledge } from "./queries";
import { useCanWrite, useLocaleName } from "./shared";
import { ARTICLE_LOCALES, type Category } from "./types";

function RenameDialog({ category, onClose }: { category: Category; onClose: () => void }) {
  const { t } = useTranslation("knowledge");
  const refresh = useRefreshKnowledge();
  const savedToast = useSavedToast();
  const { run, busy, error } = useAction();
  const [name, setName] = useState(category.name);
  const [nameError, setNameError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setNameError(t("categories.nameRequired"));
    void run(async () => {
      await unwrap(api.PATCH("/api/v1/knowledge/categories/{id}", { params: { path: { id: category.id } }, body: { name: name.trim() } }));
      await refresh();
      savedToast();
      onClose();
    });
  };
  return (
    <FormDialog title={t("categories.renameTitle", { name: category.name })} submitLabel={t("categories.rename")} busy={busy} error={error} onSubmit={submit} onClose={onClose}>
      <TextInput label={t("categories.name")} required value={name} error={nameError} onChange={(event) => setName(event.currentTarget.value)} maxLength={100} data-autofocus />
    </FormDialog>
  );
}

function NewCategoryForm({ count }: { count: number }) {
  const { t } = useTranslation("knowledge");
  const localeName = useLocaleName();
  const refresh = useRefreshKnowledge();
  const savedToast = useSavedToast();
  const { run, busy, error } = useAction();
  const [name, setName] = useState("");
  const [locale, setLocale] = useState<string>("en");
  const [nameError, setNameError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setNameError(t("categories.nameRequired"));
    setNameError(null);
    void run(async () => {
      await unwrap(api.POST("/api/v1/knowledge/categories", { body: { name: name.trim(), locale, position: count } }));
      setName("");
      await refresh();
      savedToast(t("categories.created"));
    });
  };
  return (
    <FormCard id="new-category" title={t("categories.newTitle")} error={error} onSubmit={submit}>
      <Group align="flex-start" wrap="wrap">
        <TextInput label={t("categories.name")} required value={name} error={nameError} onChange={(event) => setName(event.currentTarget.value)} maxLength={100} style={{ flex: 1 }} miw={220} />
        <Select label={t("articles.locale")} data={ARTICLE_LOCALES.map((value) => ({ value, label: localeName(value) }))} value={locale} onChange={(value) => setLocale(value ?? "en")} allowDeselect={false} w={180} />
      </Group>
      <Group justify="flex-end">
        <Button type="submit" loading={busy} leftSection={<IconPlus size={16} aria-hidden />}>
          {t("categories.create")}
        </Button>
      </Group>
    </FormCard>
  );
}

/** The help center's sections, in the order readers see them. */
export function CategoriesSection() {
  const { t } = useTranslation("knowledge");
  const canWrite = useCanWrite();
  const localeName = useLocaleName();
  const categories = useCategories();
  const refresh = useRefreshKnowledge();
  const failed = useFailureToast();
  const [renaming, setRenaming] = useState<Category | null>(null);
  const [deleting, setDeleting] = useState<Category | null>(null);
  const [moving, setMoving] = useState(false);

  /** Numbers every category by its place in the new order, saving only those whose number changes. */
  const move = async (items: Category[], from: number, to: number) => {
    const order = [...items];
    const [moved] = order.splice(from, 1);
    order.splice(to, 0, moved!);
    setMoving(true);
    try {
      await Promise.all(
        order.map((category, position) =>
          category.position === position ? null : unwrap(api.PATCH("/api/v1/knowledge/categories/{id}", { params: { path: { id: category.id } }, body: { position } })),
        ),
      );
    } catch (error) {
      failed(error);
    } finally {
      await refresh();
      setMoving(false);
    }
  };

  return (
    <section aria-labelledby="categories-title">
      <SectionHeader id="categories-title" title={t("categories.title")} description={t("categories.description")} />
      <ListState query={categories} empty={t("categories.none")}>
        {(items) => (
          <Table verticalSpacing="xs" highlightOnHover mb="lg">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("categories.name")}</Table.Th>
                <Table.Th scope="col">{t("articles.locale")}</Table.Th>
                {canWrite && <Table.Th scope="col">{t("history.actions")}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((category, index) => (
                <Table.Tr key={category.id}>
                  <Table.Td>{category.name}</Table.Td>
                  <Table.Td>{localeName(category.locale)}</Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <ActionIcon variant="default" disabled={index === 0 || moving} onClick={() => void move(items, index, index - 1)} aria-label={t("categories.moveUp", { name: category.name })}>
                          <IconArrowUp size={16} aria-hidden />
                        </ActionIcon>
                        <ActionIcon variant="default" disabled={index === items.length - 1 || moving} onClick={() => void move(items, index, index + 1)} aria-label={t("categories.moveDown", { name: category.name })}>
                          <IconArrowDown size={16} aria-hidden />
                        </ActionIcon>
                        <Button size="xs" variant="default" onClick={() => setRenaming(category)} aria-label={t("categories.renameLabel", { name: category.name })}>
                          {t("categories.rename")}
                        </Button>
                        <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(category)} aria-label={t("categories.deleteLabel", { name: category.name })}>
                          {t("common:delete")}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </ListState>
      {canWrite && <NewCategoryForm count={categories.data?.length ?? 0} />}
      {renaming && <RenameDialog key={renaming.id} category={renaming} onClose={() => setRenaming(null)} />}
      <ConfirmDialog
        opened={deleting !== null}
        title={t("categories.deleteTitle", { name: deleting?.name })}
        message={t("categories.deleteMessage")}
        confirmLabel={t("common:delete")}
        onConfirm={async () => {
          if (!deleting) return;
          await unwrap(api.DELETE("/api/v1/knowledge/categories/{id}", { params: { path: { id: deleting.id } } }));
          await refresh();
        }}
        onClose={() => setDeleting(null)}
      />
    </section>
  );
}
