import { useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ActionIcon, Anchor, Button, ColorInput, CopyButton, Group, Loader, Paper, SegmentedControl, Stack, Switch, Text, Textarea, TextInput, Title, Tooltip } from "@mantine/core";
import { IconCheck, IconCopy, IconEye, IconEyeOff, IconRefresh } from "@tabler/icons-react";
import { api, unwrap } from "../../api/client";
import type { Body } from "../../api/types";
import { useSession } from "../../app/session";
import { LANGUAGES } from "../../i18n";
import { ConfirmDialog, CopyField, FormError, LoadError, SectionHeader, useAction, useSavedToast } from "./shared";
import { FieldsEditor, HoursEditor, OriginsEditor, RulesEditor, WEEKDAYS, type DraftErrors } from "./widget-editors";
import { fetchWidgetSettings, FIELD_KEY, keyFromLabel, ORIGIN, widgetSettingsKey, type FormField, type WidgetSettings } from "./widget-settings";

type WidgetPatch = Body<"/api/v1/widget/settings", "patch">;
/** Everything the form edits; the secret is rotated on its own and the tag is the server's. */
type Draft = Omit<WidgetSettings, "identitySecret" | "installSnippet" | "updatedAt">;

const COLOUR = /^#[0-9a-fA-F]{6}$/;
const SWATCHES = ["#2f6fdf", "#0b7a55", "#7048e8", "#c2255c", "#e8590c", "#1c2330"];

const draftOf = (settings: WidgetSettings): Draft => ({
  enabled: settings.enabled,
  allowedOrigins: settings.allowedOrigins,
  requireIdentity: settings.requireIdentity,
  appearance: settings.appearance,
  preChatFields: settings.preChatFields,
  contactFields: settings.contactFields,
  proactiveRules: settings.proactiveRules,
  businessHours: settings.businessHours,
});

function fieldErrors(name: "preChatFields" | "contactFields", fields: FormField[], t: (key: string) => string): DraftErrors {
  const errors: DraftErrors = {};
  fields.forEach((field, index) => {
    if (!field.label.trim()) errors[`${name}.${index}.label`] = t("widget.validation.required");
    const key = field.key || keyFromLabel(field.label);
    if (!FIELD_KEY.test(key)) errors[`${name}.${index}.key`] = t("widget.validation.key");
    else if (fields.findIndex((other) => (other.key || keyFromLabel(other.label)) === key) !== index) errors[`${name}.${index}.key`] = t("widget.validation.duplicateKey");
    if (field.type === "select" && !(field.options ?? []).length) errors[`${name}.${index}.options`] = t("widget.validation.options");
  });
  return errors;
}

function validate(draft: Draft, t: (key: string) => string): DraftErrors {
  const errors: DraftErrors = {};
  if (!COLOUR.test(draft.appearance.color)) errors.color = t("widget.validation.colour");
  if (!draft.appearance.title.trim()) errors.title = t("widget.validation.required");
  draft.allowedOrigins.forEach((origin, index) => {
    if (!ORIGIN.test(origin.trim())) errors[`allowedOrigins.${index}`] = t("widget.validation.origin");
  });
  Object.assign(errors, fieldErrors("preChatFields", draft.preChatFields, t), fieldErrors("contactFields", draft.contactFields, t));
  draft.proactiveRules.forEach((rule, index) => {
    if (!rule.urlContains.trim()) errors[`proactiveRules.${index}.urlContains`] = t("widget.validation.required");
    if (!rule.message.trim()) errors[`proactiveRules.${index}.message`] = t("widget.validation.required");
  });
  for (const day of WEEKDAYS) {
    draft.businessHours?.days[day]?.forEach(([from, to], index) => {
      if (!from || !to || from >= to) errors[`businessHours.${day}.${index}`] = t("widget.validation.hours");
    });
  }
  return errors;
}

const timeRange = ([from = "", to = ""]: string[]): [string, string] => [from, to];

function hoursPatch(hours: Draft["businessHours"]): WidgetPatch["businessHours"] {
  if (!hours) return null;
  return { timeZone: hours.timeZone, days: Object.fromEntries(Object.entries(hours.days).map(([day, ranges]) => [day, ranges.map(timeRange)])) };
}

/** What is sent: trimmed, keys filled in from labels, empty greetings left out (the widget falls back to English). */
function patchOf(draft: Draft): WidgetPatch {
  const fields = (list: FormField[]) => list.map((field) => ({ ...field, label: field.label.trim(), key: field.key || keyFromLabel(field.label) }));
  return {
    ...draft,
    allowedOrigins: draft.allowedOrigins.map((origin) => origin.trim()),
    appearance: { ...draft.appearance, title: draft.appearance.title.trim(), greeting: Object.fromEntries(Object.entries(draft.appearance.greeting).filter(([, text]) => text.trim())) },
    preChatFields: fields(draft.preChatFields),
    contactFields: fields(draft.contactFields),
    proactiveRules: draft.proactiveRules.map((rule) => ({ ...rule, urlContains: rule.urlContains.trim(), message: rule.message.trim() })),
    businessHours: hoursPatch(draft.businessHours),
  };
}

function Part({ id, title, description, children }: { id: string; title: string; description?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={3} size="h5" id={id}>
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mt={4}>
          {description}
        </Text>
      )}
      <Stack gap="sm" mt="sm">
        {children}
      </Stack>
    </Paper>
  );
}

/** The key a host's server signs its users with: hidden until asked for, copied without showing it, replaced after a warning. */
function IdentitySecret({ secret }: { secret: string }) {
  const { t } = useTranslation("settings");
  const queryClient = useQueryClient();
  const savedToast = useSavedToast();
  const [shown, setShown] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const rotate = async () => {
    const settings = await unwrap(api.POST("/api/v1/widget/settings/rotate-secret", { body: {} }));
    queryClient.setQueryData(widgetSettingsKey, settings);
    savedToast(t("widget.identity.rotated"));
  };
  return (
    <Stack gap="xs">
      <TextInput
        label={t("widget.identity.secret")}
        description={t("widget.identity.secretHelp")}
        value={shown ? secret : "•".repeat(32)}
        readOnly
        aria-live="polite"
        styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
        rightSectionWidth={76}
        rightSection={
          <Group gap={2} wrap="nowrap">
            <Tooltip label={shown ? t("widget.identity.hide") : t("widget.identity.reveal")} withArrow>
              <ActionIcon variant="subtle" color="gray" onClick={() => setShown((value) => !value)} aria-label={t("widget.identity.reveal")} aria-pressed={shown}>
                {shown ? <IconEyeOff size={18} aria-hidden /> : <IconEye size={18} aria-hidden />}
              </ActionIcon>
            </Tooltip>
            <CopyButton value={secret} timeout={2000}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t("copied") : t("copy")} withArrow>
                  <ActionIcon variant="subtle" color={copied ? "teal" : "gray"} onClick={copy} aria-label={copied ? t("copied") : t("copyLabel", { what: t("widget.identity.secret") })}>
                    {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
        }
      />
      <Group>
        <Button variant="default" color="red" size="xs" leftSection={<IconRefresh size={14} aria-hidden />} onClick={() => setConfirming(true)}>
          {t("widget.identity.rotate")}
        </Button>
      </Group>
      <ConfirmDialog
        opened={confirming}
        title={t("widget.identity.rotateTitle")}
        message={t("widget.identity.rotateMessage")}
        confirmLabel={t("widget.identity.rotateConfirm")}
        onConfirm={rotate}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
}

function WidgetSettingsForm({ settings }: { settings: WidgetSettings }) {
  const { t } = useTranslation("settings");
  const { workspace } = useSession();
  const queryClient = useQueryClient();
  const savedToast = useSavedToast();
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  // Checked as the admin types once a save found problems, so each message goes away when its field is fixed.
  const [checked, setChecked] = useState(false);
  const errors = checked ? validate(draft, t) : {};
  const { run, busy, error } = useAction();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const setAppearance = (changes: Partial<Draft["appearance"]>) => setDraft((current) => ({ ...current, appearance: { ...current.appearance, ...changes } }));
  const contactFormUrl = `${window.location.origin}/support/${workspace.slug}/contact`;
  const errorCount = Object.keys(errors).length;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(validate(draft, t)).length > 0) {
      // To the first field to fix, once it shows its message.
      const form = event.currentTarget as HTMLFormElement;
      requestAnimationFrame(() => form.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
      return;
    }
    await run(async () => {
      const saved = await unwrap(api.PATCH("/api/v1/widget/settings", { body: patchOf(draft) }));
      queryClient.setQueryData(widgetSettingsKey, saved);
      setDraft(draftOf(saved));
      savedToast();
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="widget-title">
      <Stack>
        <FormError error={error} />
        <Part id="widget-install" title={t("widget.install.title")} description={t("widget.install.description")}>
          <Switch label={t("widget.install.enabled")} description={t("widget.install.enabledHelp")} checked={draft.enabled} onChange={(event) => set("enabled", event.currentTarget.checked)} />
          <Textarea
            label={t("widget.install.snippet")}
            description={t("widget.install.snippetHelp")}
            value={settings.installSnippet}
            readOnly
            autosize
            onFocus={(event) => event.currentTarget.select()}
            styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: "var(--mantine-font-size-xs)" } }}
          />
          <Group>
            <CopyButton value={settings.installSnippet} timeout={2000}>
              {({ copied, copy }) => (
                <Button variant="default" size="xs" onClick={copy} leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}>
                  {copied ? t("copied") : t("widget.install.copySnippet")}
                </Button>
              )}
            </CopyButton>
          </Group>
          <CopyField label={t("widget.install.contactForm")} value={contactFormUrl} />
          <Text size="xs" c="dimmed">
            <Anchor href={contactFormUrl} target="_blank" rel="noopener" size="xs">
              {t("widget.install.openContactForm")}
            </Anchor>
          </Text>
        </Part>

        <Part id="widget-appearance" title={t("widget.appearance.title")}>
          <Group grow align="flex-start">
            <TextInput label={t("widget.appearance.chatTitle")} description={t("widget.appearance.chatTitleHelp")} required maxLength={100} value={draft.appearance.title} error={errors.title} onChange={(event) => setAppearance({ title: event.currentTarget.value })} />
            <ColorInput
              label={t("widget.appearance.colour")}
              format="hex"
              swatches={SWATCHES}
              value={draft.appearance.color}
              error={errors.color}
              onChange={(color) => setAppearance({ color })}
              eyeDropperButtonProps={{ "aria-label": t("widget.appearance.pickColour") }}
            />
          </Group>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="widget-position-label">
              {t("widget.appearance.position")}
            </Text>
            <SegmentedControl
              aria-labelledby="widget-position-label"
              w="fit-content"
              value={draft.appearance.position}
              onChange={(position) => setAppearance({ position: position as Draft["appearance"]["position"] })}
              data={[
                { value: "left", label: t("widget.appearance.left") },
                { value: "right", label: t("widget.appearance.right") },
              ]}
            />
          </Stack>
          {LANGUAGES.map((language) => (
            <TextInput
              key={language.code}
              lang={language.code}
              label={t("widget.appearance.greeting", { language: language.name })}
              placeholder={t("widget.appearance.greetingPlaceholder")}
              maxLength={500}
              value={draft.appearance.greeting[language.code] ?? ""}
              onChange={(event) => setAppearance({ greeting: { ...draft.appearance.greeting, [language.code]: event.currentTarget.value } })}
            />
          ))}
        </Part>

        <Part id="widget-origins" title={t("widget.origins.title")} description={t("widget.origins.description")}>
          <OriginsEditor value={draft.allowedOrigins} onChange={(next) => set("allowedOrigins", next)} errors={errors} />
        </Part>

        <Part id="widget-prechat" title={t("widget.fields.preChatTitle")} description={t("widget.fields.preChatDescription")}>
          <FieldsEditor name="preChatFields" value={draft.preChatFields} onChange={(next) => set("preChatFields", next)} errors={errors} />
        </Part>

        <Part id="widget-contact-fields" title={t("widget.fields.contactTitle")} description={t("widget.fields.contactDescription")}>
          <FieldsEditor name="contactFields" value={draft.contactFields} onChange={(next) => set("contactFields", next)} errors={errors} />
        </Part>

        <Part id="widget-rules" title={t("widget.rules.title")} description={t("widget.rules.description")}>
          <RulesEditor value={draft.proactiveRules} onChange={(next) => set("proactiveRules", next)} errors={errors} />
        </Part>

        <Part id="widget-hours" title={t("widget.hours.title")} description={t("widget.hours.description")}>
          <HoursEditor value={draft.businessHours} onChange={(next) => set("businessHours", next)} defaultTimeZone={workspace.timeZone} errors={errors} />
        </Part>

        <Part id="widget-identity" title={t("widget.identity.title")} description={t("widget.identity.description")}>
          <Switch label={t("widget.identity.require")} description={t("widget.identity.requireHelp")} checked={draft.requireIdentity} onChange={(event) => set("requireIdentity", event.currentTarget.checked)} />
          <IdentitySecret secret={settings.identitySecret} />
        </Part>

        <Group justify="flex-end" gap="sm" pos="sticky" bottom={0} py="sm" bg="var(--mantine-color-body)" style={{ borderTop: "1px solid var(--mantine-color-default-border)", zIndex: 1 }}>
          {errorCount > 0 && (
            <Text size="sm" c="red.8" role="status">
              {t("widget.validation.summary", { count: errorCount })}
            </Text>
          )}
          <Button type="submit" loading={busy}>
            {t("common:save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The chat widget and the contact form: how they look, where they may run, what they ask, and how to install them. */
export function WidgetSection() {
  const { t } = useTranslation("settings");
  const settings = useQuery({ queryKey: widgetSettingsKey, queryFn: fetchWidgetSettings });
  return (
    <section aria-labelledby="widget-title">
      <SectionHeader id="widget-title" title={t("widget.title")} description={t("widget.description")} />
      {settings.isPending ? (
        <Loader aria-label={t("common:loading")} />
      ) : settings.isError ? (
        <LoadError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <WidgetSettingsForm settings={settings.data} />
      )}
    </section>
  );
}
