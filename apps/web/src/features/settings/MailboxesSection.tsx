import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Badge, Button, Group, NumberInput, Paper, PasswordInput, SegmentedControl, Select, Stack, Switch, Text, Textarea, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload, IconPlugConnected, IconPlus, IconRefresh } from "@tabler/icons-react";
import { api, unwrap } from "../../api/client";
import type { Body, Ok } from "../../api/types";
import { useFormat } from "../../app/format";
import { ConfirmDialog, CopyField, FormDialog, isEmail, ListState, readableAlert, SectionHeader, useAction, useErrorText, useFailureToast, useSavedToast } from "./shared";

type Mailbox = Ok<"/api/v1/mailboxes/{id}", "get">;
type MailboxInput = Body<"/api/v1/mailboxes", "post">;
type ConnectionCheck = Ok<"/api/v1/mailboxes/{id}/test", "post">;
type QuarantinedEmail = Ok<"/api/v1/mailboxes/quarantine", "get">["items"][number];

const mailboxKeys = {
  list: ["settings", "mailboxes", "list"] as const,
  quarantine: ["settings", "mailboxes", "quarantine"] as const,
};

interface Draft {
  name: string;
  address: string;
  fromName: string;
  signature: string;
  kind: Mailbox["kind"];
  autoAcknowledge: boolean;
  imapHost: string;
  imapPort: string | number;
  imapSecure: boolean;
  imapUser: string;
  imapPassword: string;
  imapFolder: string;
  imapProcessed: Mailbox["imap"]["processed"];
  imapMoveTo: string;
}

const draftOf = (mailbox: Mailbox | null): Draft => ({
  name: mailbox?.name ?? "",
  address: mailbox?.address ?? "",
  fromName: mailbox?.fromName ?? "",
  signature: mailbox?.signature ?? "",
  kind: mailbox?.kind ?? "smtp",
  autoAcknowledge: mailbox?.autoAcknowledge ?? false,
  imapHost: mailbox?.imap.host ?? "",
  imapPort: mailbox?.imap.port ?? "",
  imapSecure: mailbox?.imap.secure ?? true,
  imapUser: mailbox?.imap.user ?? "",
  imapPassword: "",
  imapFolder: mailbox?.imap.folder ?? "INBOX",
  imapProcessed: mailbox?.imap.processed ?? "flag",
  imapMoveTo: mailbox?.imap.moveTo ?? "",
});

type DraftErrors = Partial<Record<keyof Draft, string>>;

/** Adds a mailbox (mailbox = null) or edits one; the IMAP fields show only for an IMAP mailbox. */
function MailboxDialog({ mailbox, onClose }: { mailbox: Mailbox | null; onClose: () => void }) {
  const { t } = useTranslation("settings");
  const queryClient = useQueryClient();
  const savedToast = useSavedToast();
  const [draft, setDraft] = useState<Draft>(() => draftOf(mailbox));
  const [errors, setErrors] = useState<DraftErrors>({});
  const { run, busy, error } = useAction();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const imap = draft.kind === "imap";
  const passwordSet = mailbox?.imap.passwordSet ?? false;

  const validate = (): DraftErrors => ({
    ...(!draft.name.trim() && { name: t("validation.nameRequired") }),
    ...(!isEmail(draft.address) && { address: t("validation.email") }),
    ...(imap && !draft.imapHost.trim() && { imapHost: t("mailboxes.required") }),
    ...(imap && !draft.imapUser.trim() && { imapUser: t("mailboxes.required") }),
    ...(imap && !passwordSet && !draft.imapPassword && { imapPassword: t("mailboxes.required") }),
    ...(imap && draft.imapProcessed === "move" && !draft.imapMoveTo.trim() && { imapMoveTo: t("mailboxes.required") }),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const body: MailboxInput = {
      name: draft.name.trim(),
      address: draft.address.trim(),
      fromName: draft.fromName.trim(),
      signature: draft.signature,
      kind: draft.kind,
      autoAcknowledge: draft.autoAcknowledge,
      // Switching a mailbox to SMTP keeps its IMAP settings for a switch back.
      ...(imap && {
        imapHost: draft.imapHost.trim(),
        imapPort: draft.imapPort === "" ? null : Number(draft.imapPort),
        imapSecure: draft.imapSecure,
        imapUser: draft.imapUser.trim(),
        imapFolder: draft.imapFolder.trim() || "INBOX",
        imapProcessed: draft.imapProcessed,
        imapMoveTo: draft.imapProcessed === "move" ? draft.imapMoveTo.trim() : null,
        ...(draft.imapPassword && { imapPassword: draft.imapPassword }),
      }),
    };
    await run(async () => {
      if (mailbox) await unwrap(api.PATCH("/api/v1/mailboxes/{id}", { params: { path: { id: mailbox.id } }, body }));
      else await unwrap(api.POST("/api/v1/mailboxes", { body }));
      await queryClient.invalidateQueries({ queryKey: mailboxKeys.list });
      savedToast(mailbox ? undefined : t("mailboxes.created", { address: body.address }));
      onClose();
    });
  };

  return (
    <FormDialog
      title={mailbox ? t("mailboxes.editTitle", { name: mailbox.name }) : t("mailboxes.newTitle")}
      submitLabel={mailbox ? t("common:save") : t("mailboxes.create")}
      busy={busy}
      error={error}
      onSubmit={submit}
      onClose={onClose}
    >
      <TextInput label={t("mailboxes.name")} description={t("mailboxes.nameHelp")} required value={draft.name} error={errors.name} onChange={(event) => set("name", event.currentTarget.value)} data-autofocus />
      <TextInput label={t("mailboxes.address")} description={t("mailboxes.addressHelp")} required type="email" value={draft.address} error={errors.address} onChange={(event) => set("address", event.currentTarget.value)} />
      <TextInput label={t("mailboxes.fromName")} description={t("mailboxes.fromNameHelp")} value={draft.fromName} onChange={(event) => set("fromName", event.currentTarget.value)} />
      <Textarea label={t("mailboxes.signature")} autosize minRows={2} maxRows={6} value={draft.signature} onChange={(event) => set("signature", event.currentTarget.value)} />
      <Switch label={t("mailboxes.autoAcknowledge")} description={t("mailboxes.autoAcknowledgeHelp")} checked={draft.autoAcknowledge} onChange={(event) => set("autoAcknowledge", event.currentTarget.checked)} />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="mailbox-kind-label">
          {t("mailboxes.kind")}
        </Text>
        <SegmentedControl
          aria-labelledby="mailbox-kind-label"
          value={draft.kind}
          onChange={(value) => set("kind", value as Mailbox["kind"])}
          data={[
            { value: "smtp", label: t("mailboxes.kinds.smtp") },
            { value: "imap", label: t("mailboxes.kinds.imap") },
          ]}
        />
        <Text size="xs" c="dimmed">
          {t(`mailboxes.kindHelp.${draft.kind}`)}
        </Text>
      </Stack>
      {imap && (
        <Stack gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Text component="legend" size="sm" fw={600}>
            {t("mailboxes.imapTitle")}
          </Text>
          <Group grow align="flex-start">
            <TextInput label={t("mailboxes.imapHost")} required value={draft.imapHost} error={errors.imapHost} onChange={(event) => set("imapHost", event.currentTarget.value)} placeholder="imap.example.com" />
            <NumberInput
              label={t("mailboxes.imapPort")}
              value={draft.imapPort}
              onChange={(value) => set("imapPort", value)}
              min={1}
              max={65535}
              allowDecimal={false}
              placeholder={draft.imapSecure ? "993" : "143"}
              maw={140}
            />
          </Group>
          <Switch label={t("mailboxes.imapSecure")} description={t("mailboxes.imapSecureHelp")} checked={draft.imapSecure} onChange={(event) => set("imapSecure", event.currentTarget.checked)} />
          <TextInput label={t("mailboxes.imapUser")} required autoComplete="off" value={draft.imapUser} error={errors.imapUser} onChange={(event) => set("imapUser", event.currentTarget.value)} />
          <PasswordInput
            label={t("mailboxes.imapPassword")}
            description={passwordSet ? t("mailboxes.passwordUnchanged") : t("mailboxes.passwordHelp")}
            placeholder={passwordSet ? t("mailboxes.passwordPlaceholder") : undefined}
            required={!passwordSet}
            autoComplete="new-password"
            value={draft.imapPassword}
            error={errors.imapPassword}
            onChange={(event) => set("imapPassword", event.currentTarget.value)}
          />
          <TextInput label={t("mailboxes.imapFolder")} value={draft.imapFolder} onChange={(event) => set("imapFolder", event.currentTarget.value)} />
          <Select
            label={t("mailboxes.imapProcessed")}
            value={draft.imapProcessed}
            onChange={(value) => value && set("imapProcessed", value as Draft["imapProcessed"])}
            allowDeselect={false}
            data={[
              { value: "flag", label: t("mailboxes.processed.flag") },
              { value: "move", label: t("mailboxes.processed.move") },
            ]}
          />
          {draft.imapProcessed === "move" && (
            <TextInput label={t("mailboxes.imapMoveTo")} required value={draft.imapMoveTo} error={errors.imapMoveTo} onChange={(event) => set("imapMoveTo", event.currentTarget.value)} placeholder="Archive" />
          )}
        </Stack>
      )}
    </FormDialog>
  );
}

function MailboxStatus({ mailbox }: { mailbox: Mailbox }) {
  const { t } = useTranslation("settings");
  const format = useFormat();
  if (mailbox.lastError) {
    return (
      <Text size="sm" c="red.8">
        {t("mailboxes.status.error", { when: mailbox.lastErrorAt ? format.when(mailbox.lastErrorAt) : "", error: mailbox.lastError })}
      </Text>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      {mailbox.lastFetchAt ? t("mailboxes.status.fetched", { when: format.when(mailbox.lastFetchAt) }) : t(`mailboxes.status.none.${mailbox.kind}`)}
    </Text>
  );
}

function MailboxCard({ mailbox, onEdit, onDelete }: { mailbox: Mailbox; onEdit: () => void; onDelete: () => void }) {
  const { t } = useTranslation("settings");
  const [check, setCheck] = useState<ConnectionCheck | null>(null);
  const testing = useAction();
  const errorText = useErrorText();
  const test = () =>
    testing.run(async () => {
      setCheck(null);
      setCheck(await unwrap(api.POST("/api/v1/mailboxes/{id}/test", { params: { path: { id: mailbox.id } } })));
    });
  const titleId = `mailbox-${mailbox.id}`;

  return (
    <Paper component="li" withBorder p="md" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div>
            <Group gap="xs">
              <Title order={3} size="h5" id={titleId}>
                {mailbox.name}
              </Title>
              <Badge variant="light" color={mailbox.kind === "imap" ? "blue" : "gray"} tt="none">
                {t(`mailboxes.kinds.${mailbox.kind}`)}
              </Badge>
            </Group>
            <Text size="sm" mt={4}>
              {mailbox.address}
            </Text>
            <MailboxStatus mailbox={mailbox} />
          </div>
          <Group gap="xs" wrap="nowrap">
            <Button size="xs" variant="light" leftSection={<IconPlugConnected size={16} aria-hidden />} loading={testing.busy} onClick={() => void test()} aria-label={t("mailboxes.testLabel", { name: mailbox.name })}>
              {t("mailboxes.test")}
            </Button>
            <Button size="xs" variant="default" onClick={onEdit} aria-label={t("mailboxes.editLabel", { name: mailbox.name })}>
              {t("mailboxes.edit")}
            </Button>
            <Button size="xs" variant="subtle" color="red" onClick={onDelete} aria-label={t("mailboxes.deleteLabel", { name: mailbox.name })}>
              {t("common:delete")}
            </Button>
          </Group>
        </Group>
        <div role="status" aria-live="polite">
          {check && (
            <Alert color={check.ok ? "teal" : "red"} title={t(`mailboxes.check.${check.reason}`)} styles={readableAlert} withCloseButton closeButtonLabel={t("mailboxes.dismiss")} onClose={() => setCheck(null)}>
              {check.message}
            </Alert>
          )}
          {testing.error !== null && (
            <Alert color="red" title={t("failed")} styles={readableAlert}>
              {errorText(testing.error)}
            </Alert>
          )}
        </div>
        <CopyField label={t("mailboxes.forwardingAddress")} value={mailbox.forwardingAddress} />
      </Stack>
    </Paper>
  );
}

function QuarantineList() {
  const { t } = useTranslation("settings");
  const format = useFormat();
  const queryClient = useQueryClient();
  const savedToast = useSavedToast();
  const failureToast = useFailureToast();
  const quarantine = useQuery({
    queryKey: mailboxKeys.quarantine,
    queryFn: () => unwrap(api.GET("/api/v1/mailboxes/quarantine", { params: { query: { limit: 100 } } })),
    select: (answer) => answer.items,
  });
  const [busyId, setBusyId] = useState<string | null>(null);

  const reprocess = async (email: QuarantinedEmail) => {
    setBusyId(email.id);
    try {
      const result = await unwrap(api.POST("/api/v1/mailboxes/quarantine/{id}/reprocess", { params: { path: { id: email.id } } }));
      if (result.outcome === "quarantined") notifications.show({ color: "red", title: t("quarantine.stillFailing"), message: result.error ?? "" });
      else savedToast(t(`quarantine.outcome.${result.outcome}`));
      await queryClient.invalidateQueries({ queryKey: mailboxKeys.quarantine });
    } catch (caught) {
      failureToast(caught);
    } finally {
      setBusyId(null);
    }
  };

  return (
    <section aria-labelledby="quarantine-title">
      <Title order={2} size="h4" id="quarantine-title" mt="xl">
        {t("quarantine.title")}
      </Title>
      <Text c="dimmed" size="sm" mt={4} mb="md">
        {t("quarantine.description")}
      </Text>
      <ListState query={quarantine} empty={t("quarantine.none")}>
        {(items) => (
          <Stack component="ul" gap="sm" p={0} style={{ listStyle: "none" }}>
            {items.map((email) => {
              const subject = email.subject || t("quarantine.noSubject");
              return (
                <Paper component="li" withBorder p="sm" key={email.id}>
                  <Group justify="space-between" align="flex-start" wrap="wrap">
                    <div style={{ minWidth: 0, flex: 1 }}>
                      <Text size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
                        {subject}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t("quarantine.fromAt", { from: email.from ?? t("quarantine.unknownSender"), when: format.dateTime(email.receivedAt) })}
                      </Text>
                      <Text size="sm" c="red.8" mt={4} style={{ overflowWrap: "anywhere" }}>
                        {email.error}
                      </Text>
                    </div>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        component="a"
                        href={`/api/v1/mailboxes/quarantine/${email.id}/raw`}
                        download={`${email.id}.eml`}
                        leftSection={<IconDownload size={16} aria-hidden />}
                        aria-label={t("quarantine.downloadLabel", { subject })}
                      >
                        {t("quarantine.download")}
                      </Button>
                      <Button
                        size="xs"
                        variant="light"
                        leftSection={<IconRefresh size={16} aria-hidden />}
                        loading={busyId === email.id}
                        onClick={() => void reprocess(email)}
                        aria-label={t("quarantine.reprocessLabel", { subject })}
                      >
                        {t("quarantine.reprocess")}
                      </Button>
                    </Group>
                  </Group>
                </Paper>
              );
            })}
          </Stack>
        )}
      </ListState>
    </section>
  );
}

export function MailboxesSection() {
  const { t } = useTranslation("settings");
  const queryClient = useQueryClient();
  const savedToast = useSavedToast();
  const mailboxes = useQuery({ queryKey: mailboxKeys.list, queryFn: () => unwrap(api.GET("/api/v1/mailboxes")), select: (answer) => answer.items });
  // The dialog is keyed by what it edits, so its fields start from that mailbox each time it opens.
  const [editing, setEditing] = useState<{ mailbox: Mailbox | null } | null>(null);
  const [deleting, setDeleting] = useState<Mailbox | null>(null);

  return (
    <section aria-labelledby="mailboxes-title">
      <SectionHeader
        id="mailboxes-title"
        title={t("mailboxes.title")}
        description={t("mailboxes.description")}
        action={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ mailbox: null })}>
            {t("mailboxes.new")}
          </Button>
        }
      />
      <ListState query={mailboxes} empty={t("mailboxes.none")}>
        {(items) => (
          <Stack component="ul" gap="sm" p={0} style={{ listStyle: "none" }} aria-label={t("mailboxes.listLabel")}>
            {items.map((mailbox) => (
              <MailboxCard key={mailbox.id} mailbox={mailbox} onEdit={() => setEditing({ mailbox })} onDelete={() => setDeleting(mailbox)} />
            ))}
          </Stack>
        )}
      </ListState>
      <QuarantineList />
      {editing && <MailboxDialog key={editing.mailbox?.id ?? "new"} mailbox={editing.mailbox} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        opened={deleting !== null}
        title={t("mailboxes.deleteTitle", { name: deleting?.name ?? "" })}
        message={t("mailboxes.deleteMessage", { address: deleting?.address ?? "" })}
        confirmLabel={t("common:delete")}
        onConfirm={async () => {
          if (!deleting) return;
          await unwrap(api.DELETE("/api/v1/mailboxes/{id}", { params: { path: { id: deleting.id } } }));
          await queryClient.invalidateQueries({ queryKey: mailboxKeys.list });
          savedToast(t("mailboxes.deleted", { address: deleting.address }));
        }}
        onClose={() => setDeleting(null)}
      />
    </section>
  );
}
