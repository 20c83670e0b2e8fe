import { useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import { ActionIcon, Alert, Button, CopyButton, Group, Loader, Modal, Paper, Stack, Text, TextInput, Title, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconCopy } from "@tabler/icons-react";
import { ApiError } from "../../api/client";
import type { Role } from "../../api/types";
import { teamsQuery, usersQuery } from "../../app/directory";
import { useSession } from "../../app/session";

export const ROLES: Role[] = ["owner", "admin", "supervisor", "agent"];
const rank = (role: Role) => ROLES.length - ROLES.indexOf(role);
export const atLeast = (role: Role, minimum: Role) => rank(role) >= rank(minimum);

export function useIsAdmin(): boolean {
  return atLeast(useSession().user.role, "admin");
}

/** Settings keep their own keys: nothing else shows these lists, and no realtime event names them. */
export const settingsKeys = {
  invitations: ["settings", "invitations"] as const,
  apiTokens: ["settings", "api-tokens"] as const,
  auditLog: (cursor: string | null) => ["settings", "audit-log", cursor] as const,
};

export function usePeople() {
  return useQuery({ ...usersQuery, select: (answer) => answer.items });
}

export function useTeams() {
  return useQuery({ ...teamsQuery, select: (answer) => answer.items });
}

export function useErrorText() {
  const { t } = useTranslation("settings");
  return (error: unknown) => (error instanceof ApiError ? error.message : t("unreachable"));
}

/** Reports a failed action that has no form of its own to show it in. */
export function useFailureToast() {
  const { t } = useTranslation("settings");
  const errorText = useErrorText();
  return (error: unknown) => notifications.show({ color: "red", title: t("failed"), message: errorText(error) });
}

/** Runs a request and what follows it: busy until all of it is done, and a failure kept for the form to show. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error, clearError: () => setError(null) };
}

export function useSavedToast() {
  const { t } = useTranslation("common");
  return (message?: string) => notifications.show({ color: "teal", message: message ?? t("saved") });
}

export function SectionHeader({ id, title, description, action }: { id: string; title: string; description?: string; action?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" mb="md" wrap="wrap">
      <div>
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {description && (
          <Text c="dimmed" size="sm" mt={4}>
            {description}
          </Text>
        )}
      </div>
      {action}
    </Group>
  );
}

/** Alert titles in the text colour: the tinted default is under AA contrast on the tinted background. */
export const readableAlert = { title: { color: "var(--mantine-color-text)" } };

export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation("settings");
  const errorText = useErrorText();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" title={t("failed")} styles={readableAlert}>
      {errorText(error)}
    </Alert>
  );
}

export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation("settings");
  const errorText = useErrorText();
  return (
    <Alert color="red" role="alert" title={t("loadFailed")} styles={readableAlert}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{errorText(error)}</Text>
        <Button size="xs" variant="light" color="red" onClick={onRetry}>
          {t("common:retry")}
        </Button>
      </Stack>
    </Alert>
  );
}

/** A list read from the server: a spinner while it loads, the failure with a retry, a line when it is empty, or the list. */
export function ListState<Item>({ query, empty, children }: { query: UseQueryResult<Item[]>; empty: string; children: (items: Item[]) => ReactNode }) {
  const { t } = useTranslation("common");
  if (query.isPending) return <Loader aria-label={t("loading")} />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {empty}
      </Text>
    );
  }
  return children(query.data);
}

/** Asks before something that cannot be undone; keeps the dialog open, with the reason, if it fails. */
export function ConfirmDialog({
  opened,
  title,
  message,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation("common");
  const { run, busy, error, clearError } = useAction();
  const close = () => {
    clearError();
    onClose();
  };
  const confirm = () =>
    run(async () => {
      await onConfirm();
      close();
    });
  return (
    <Modal opened={opened} onClose={close} title={title} centered>
      <Stack>
        <Text size="sm">{message}</Text>
        <FormError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close} data-autofocus>
            {t("cancel")}
          </Button>
          <Button color="red" loading={busy} onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A form in a dialog of its own: its failure first, then its fields, then Cancel and the submit button. */
export function FormDialog({
  title,
  submitLabel,
  busy,
  error,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (event: FormEvent) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation("common");
  return (
    <Modal opened onClose={onClose} title={title}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <FormError error={error} />
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("cancel")}
            </Button>
            <Button type="submit" loading={busy}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A form set apart on a page that shows more: a bordered card named by its title, its failure under the title. */
export function FormCard({ id, title, error, onSubmit, children }: { id: string; title: string; error: unknown; onSubmit: (event: FormEvent) => void; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <form onSubmit={onSubmit} noValidate aria-labelledby={id}>
        <Stack>
          <Title order={3} size="h5" id={id}>
            {title}
          </Title>
          <FormError error={error} />
          {children}
        </Stack>
      </form>
    </Paper>
  );
}

/** A secret or link shown once, read-only, with a button that copies it. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation("settings");
  return (
    <TextInput
      label={label}
      value={value}
      readOnly
      onFocus={(event) => event.currentTarget.select()}
      styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
      rightSectionWidth={42}
      rightSection={
        <CopyButton value={value} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t("copied") : t("copy")} withArrow>
              <ActionIcon variant="subtle" color={copied ? "teal" : "gray"} onClick={copy} aria-label={copied ? t("copied") : t("copyLabel", { what: label })}>
                {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      }
    />
  );
}

export function timeZones(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

export const isEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
