import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ActionIcon, Button, Group, Menu, Modal, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDots, IconBookmarkPlus } from "@tabler/icons-react";
import { api, unwrap } from "../../api/client";
import type { SavedView } from "../../api/types";
import { keys } from "../../app/live";
import { useSession } from "../../app/session";
import { atLeast, useFailureNotice } from "./view-permissions";
import type { ViewDefinition } from "./views";

// Only needed once someone saves or renames a view.
const SaveViewDialog = lazy(() => import("./SaveViewDialog"));

interface ViewActionsProps {
  /** The saved view being shown, if the page shows one. */
  savedView: SavedView | undefined;
  /** The view as the toolbar has it now. */
  effective: ViewDefinition;
  refined: boolean;
  /** Beside an open conversation the list is narrow: "Save as view" becomes an icon. */
  compact: boolean;
  onSavedChanges: () => void;
}

/** "Save as view", and for a saved view: rename, keep the toolbar's filters in it, delete. */
export function ViewActions({ savedView, effective, refined, compact, onSavedChanges }: ViewActionsProps) {
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
      {(refined || !savedView) &&
        (compact ? (
          <ActionIcon variant="subtle" aria-label={t("savedView.saveAs")} title={t("savedView.saveAs")} onClick={() => setDialog("save")}>
            <IconBookmarkPlus size={18} aria-hidden="true" />
          </ActionIcon>
        ) : (
          <Button size="compact-sm" variant="subtle" leftSection={<IconBookmarkPlus size={16} aria-hidden="true" />} onClick={() => setDialog("save")}>
            {t("savedView.saveAs")}
          </Button>
        ))}
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
        <Suspense fallback={null}>
          <SaveViewDialog opened onClose={() => setDialog(null)} existing={dialog === "rename" ? savedView : undefined} definition={effective} />
        </Suspense>
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
