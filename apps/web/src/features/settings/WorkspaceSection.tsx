import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { Button, Group, Select, Stack, TextInput } from "@mantine/core";
import { api, unwrap } from "../../api/client";
import type { Session } from "../../api/types";
import { SESSION_KEY, useSession } from "../../app/session";
import { FormError, SectionHeader, timeZones, useAction, useSavedToast } from "./shared";

export function WorkspaceSection() {
  const { t } = useTranslation("settings");
  const { workspace } = useSession();
  const queryClient = useQueryClient();
  const savedToast = useSavedToast();
  const [name, setName] = useState(workspace.name);
  const [timeZone, setTimeZone] = useState(workspace.timeZone);
  const [nameError, setNameError] = useState<string | null>(null);
  const { run, busy, error } = useAction();
  const zones = useMemo(() => timeZones(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(t("validation.nameRequired"));
      return;
    }
    setNameError(null);
    await run(async () => {
      const updated = await unwrap(api.PATCH("/api/v1/workspace", { body: { name: name.trim(), timeZone } }));
      queryClient.setQueryData<Session | null>(SESSION_KEY, (session) => (session ? { ...session, workspace: updated } : session));
      savedToast();
    });
  };

  return (
    <section aria-labelledby="workspace-title">
      <SectionHeader id="workspace-title" title={t("workspace.title")} description={t("workspace.description", { slug: workspace.slug })} />
      <form onSubmit={submit} noValidate>
        <Stack maw={480}>
          <FormError error={error} />
          <TextInput label={t("workspace.name")} required value={name} error={nameError} onChange={(event) => setName(event.currentTarget.value)} />
          <Select
            label={t("workspace.timeZone")}
            description={t("workspace.timeZoneHelp")}
            data={zones}
            value={timeZone}
            onChange={(value) => value && setTimeZone(value)}
            searchable
            allowDeselect={false}
            nothingFoundMessage={t("noMatch")}
            limit={400}
          />
          <Group>
            <Button type="submit" loading={busy}>
              {t("common:save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </section>
  );
}
