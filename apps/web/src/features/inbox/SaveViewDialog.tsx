import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, Group, Modal, Radio, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { api, unwrap } from "../../api/client";
import type { SavedView } from "../../api/types";
import { keys } from "../../app/live";
import { useSession } from "../../app/session";
import { atLeast, useFailureNotice } from "./view-permissions";
import { viewSlug, type ViewDefinition } from "./views";

interface SaveDialogProps {
  opened: boolean;
  onClose: () => void;
  /** Renaming this view; without it, a new view is saved. */
  existing?: SavedView;
  definition: ViewDefinition;
}

/** Saves the list as it is filtered now as a new view, or renames a saved one. */
export default function SaveViewDialog({ opened, onClose, existing, definition }: SaveDialogProps) {
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
