import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { Button, Group, Radio, Select, Stack, TextInput } from "@mantine/core";
import { api, unwrap } from "../../api/client";
import type { Locale, Session } from "../../api/types";
import { keys } from "../../app/live";
import { usePreferences } from "../../app/preferences";
import { SESSION_KEY, useSession } from "../../app/session";
import type { DirectionChoice } from "../../app/direction";
import { LANGUAGES } from "../../i18n";
import { FormError, SectionHeader, timeZones, useAction, useSavedToast } from "./shared";

// Select needs a string for "follow the workspace"; no IANA zone is spelled like this.
const WORKSPACE_ZONE = "workspace";

export function ProfileSection() {
  const { t, i18n } = useTranslation("settings");
  const { user, workspace } = useSession();
  const queryClient = useQueryClient();
  const preferences = usePreferences();
  const savedToast = useSavedToast();
  const [name, setName] = useState(user.name);
  const [locale, setLocale] = useState<Locale>(user.locale);
  const [timeZone, setTimeZone] = useState(user.timeZone ?? WORKSPACE_ZONE);
  const [direction, setDirection] = useState<DirectionChoice>(preferences.direction);
  const [nameError, setNameError] = useState<string | null>(null);
  const { run, busy, error } = useAction();

  const zoneOptions = useMemo(
    () => [{ value: WORKSPACE_ZONE, label: t("profile.workspaceZone", { zone: workspace.timeZone }) }, ...timeZones().map((zone) => ({ value: zone, label: zone }))],
    [t, workspace.timeZone],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(t("validation.nameRequired"));
      return;
    }
    setNameError(null);
    await run(async () => {
      const updated = await unwrap(api.PATCH("/api/v1/me", { body: { name: name.trim(), locale, timeZone: timeZone === WORKSPACE_ZONE ? null : timeZone } }));
      queryClient.setQueryData<Session | null>(SESSION_KEY, (session) => (session ? { ...session, user: updated } : session));
      void queryClient.invalidateQueries({ queryKey: keys.users });
      preferences.setLanguage(updated.locale);
      preferences.setDirection(direction);
      // Said in the language just chosen, which this render's t does not speak yet.
      savedToast(i18n.getFixedT(updated.locale, "common")("saved"));
    });
  };

  return (
    <section aria-labelledby="profile-title">
      <SectionHeader id="profile-title" title={t("profile.title")} description={t("profile.description", { email: user.email })} />
      <form onSubmit={submit} noValidate>
        <Stack maw={480}>
          <FormError error={error} />
          <TextInput label={t("profile.name")} required autoComplete="name" value={name} error={nameError} onChange={(event) => setName(event.currentTarget.value)} />
          <Select
            label={t("profile.language")}
            data={LANGUAGES.map((language) => ({ value: language.code, label: language.name }))}
            value={locale}
            onChange={(value) => value && setLocale(value as Locale)}
            allowDeselect={false}
          />
          <Select
            label={t("profile.timeZone")}
            description={t("profile.timeZoneHelp")}
            data={zoneOptions}
            value={timeZone}
            onChange={(value) => setTimeZone(value ?? WORKSPACE_ZONE)}
            searchable
            allowDeselect={false}
            nothingFoundMessage={t("noMatch")}
            limit={400}
          />
          <Radio.Group label={t("profile.direction")} description={t("profile.directionHelp")} value={direction} onChange={(value) => setDirection(value as DirectionChoice)}>
            <Group mt="xs">
              {(["auto", "ltr", "rtl"] as const).map((choice) => (
                <Radio key={choice} value={choice} label={t(`common:direction.${choice}`)} />
              ))}
            </Group>
          </Radio.Group>
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
