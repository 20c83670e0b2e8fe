import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ActionIcon, Button, Group, Menu, Modal, Radio, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDots, IconBookmarkPlus } from "@tabler/icons-react";
import { api, ApiError, unwrap } from "../../api/client";
import type { Role, SavedView } from "../../api/types";
import { keys } from "../../app/live";
import { useSession } from "../../app/session";
import { viewSlug, type ViewDefinition } from "./views";

const RANK: Record<Role, number> = { agent: 0, supervisor: 1, admin: 2, owner: 3 };
const atLeast = (role: Role, wanted: Role) => RANK[role] >= RANK[wanted];

function useFailureNotice() {
  const { t } = useTranslation(["inbox", "common"]);
  return (error: unknown) => notifications.show({ color: "red", title: t("savedView.failed"), message: error instanceof ApiError ? error.message : t("common:error") });
}

interface SaveDialogProps {
  opened: boolean;
  onClose: () => void;
  /** Renaming this view; without it, a new view is saved. */
  existing?: SavedView;
  definition: ViewDefinition;
}

function SaveViewDialog({ opened, onClose, existing, definition }: SaveDialogProps) {
  const { t } = useTranslation(["inbox", "common"]);
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const failed = useFailureNotice();
  const [name, setName] = useState(existing?.name ?? "");
  const [scope, setScope] = useState<"personal" | "shared">("personal");
  const mayShare = atLeast(user.role, "supervisor");

  const save = useMutation({
    mutationFn: () =>
      existing
        ? unwrap(api.PATCH("/api/v1/views/{id}", { params: { path: { id: existing.id } }, body: { name: name.trim() } }))
        : unwrap(api.POST("/api/v1/views", { body: { name: name.trim(), filters: definition.filters, sort: definition.sort, shared: scope === "shared" } })),
    onSuccess: (view) => {
      void queryClient.invalidateQueries({ queryKey: keys.views });
      void queryClient.invalidateQueries({ queryKey: keys.counts });
      notifications.show({ color: "teal", message: t(existing ? "savedView.renamed" : "savedView.created", { name: view.name }) });
      onClose();
      if (!existing) navigate(`/inbox/${viewSlug.saved(view.id)}`);
    },
    onError: failed,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) save.mutate();
  };

  return (
    <Modal opened={opened} onClose={onClose} title={existing ? t("savedView.renameTitle") : t("savedView.saveTitle")}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput label={t("savedView.name")} value={name} onChange={(event) => setName(event.currentTarget.value)} required maxLength={100} data-autofocus />
          {!existing && (
            <Radio.Group label={t("savedView.visibility")} value={scope} onChange={(value) => setScope(value === "shared" ? "shared" : "personal")}>
              <Stack gap={6} mt={4}>
                <Radio value="personal" label={t("savedView.personal")} />
                <Radio value="shared" label={t("savedView.shared")} disabled={!mayShare} description={mayShare ? undefined : t("savedView.sharedNeedsLead")} />
              </Stack>
            </Radio.Group>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common:cancel")}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!name.trim()}>
              {t("common:save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface ViewActionsProps {
  /** The saved view being shown, if the page shows one. */
  savedView: SavedView | undefined;
  /** The view as the toolbar has it now. */
  effective: ViewDefinition;
  refined: boolean;
  onSavedChanges: () => void;
}

/** "Save as view", and for a saved view: rename, keep the toolbar's filters in it, delete. */
export function ViewActions({ savedView, effective, refined, onSavedChanges }: ViewActionsProps) {
  const { t } = useTranslation(["inbox", "common"]);
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const failed = useFailureNotice();
  const [dialog, setDialog] = useState<"save" | "rename" | "delete" | null>(null);
  const mayChange = savedView !== undefined && (!savedView.shared || atLeast(user.role, "admin"));

  const update = useMutation({
    mutationFn: (view: SavedView) => unwrap(api.PATCH("/api/v1/views/{id}", { params: { path: { id: view.id } }, body: { filters: effective.filters, sort: effective.sort } })),
    onSuccess: (view) => {
      void queryClient.invalidateQueries({ queryKey: keys.views });
      void queryClient.invalidateQueries({ queryKey: keys.counts });
      notifications.show({ color: "teal", message: t("savedView.updated", { name: view.name }) });
      onSavedChanges();
    },
    onError: failed,
  });
  const remove = useMutation({
    mutationFn: (view: SavedView) => unwrap(api.DELETE("/api/v1/views/{id}", { params: { path: { id: view.id } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.views });
      notifications.show({ color: "teal", message: t("savedView.deleted", { name: savedView?.name }) });
      setDialog(null);
      navigate("/inbox/mine");
    },
    onError: failed,
  });

  return (
    <>
      {(refined || !savedView) && (
        <Button size="compact-sm" variant="subtle" leftSection={<IconBookmarkPlus size={16} aria-hidden="true" />} onClick={() => setDialog("save")}>
          {t("savedView.saveAs")}
        </Button>
      )}
      {mayChange && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={t("savedView.actions", { name: savedView.name })}>
              <IconDots size={18} aria-hidden="true" />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {refined && <Menu.Item onClick={() => update.mutate(savedView)}>{t("savedView.keepFilters")}</Menu.Item>}
            <Menu.Item onClick={() => setDialog("rename")}>{t("savedView.rename")}</Menu.Item>
            <Menu.Item color="red" onClick={() => setDialog("delete")}>
              {t("savedView.delete")}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
      {(dialog === "save" || dialog === "rename") && (
        <SaveViewDialog opened onClose={() => setDialog(null)} existing={dialog === "rename" ? savedView : undefined} definition={effective} />
      )}
      {dialog === "delete" && savedView && (
        <Modal opened onClose={() => setDialog(null)} title={t("savedView.deleteTitle", { name: savedView.name })}>
          <Text size="sm">{savedView.shared ? t("savedView.deleteShared") : t("savedView.deletePersonal")}</Text>
          <Group justify="flex-end" mt="lg">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t("common:cancel")}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(savedView)}>
              {t("common:delete")}
            </Button>
          </Group>
        </Modal>
      )}
    </>
  );
}
