import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Anchor, Button, Center, Paper, PasswordInput, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { ApiError } from "../../api/client";
import { signIn } from "../../app/session";
import { SignupForm } from "./SignupForm";

function workspacesIn(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.details as { workspaces?: unknown } | undefined;
  return Array.isArray(details?.workspaces) ? details.workspaces.filter((slug): slug is string => typeof slug === "string") : [];
}

export function LoginPage() {
  const { t } = useTranslation("auth");
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [workspace, setWorkspace] = useState<string | null>(null);
  const [choices, setChoices] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [signingUp, setSigningUp] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(queryClient, { email, password, ...(workspace ? { workspace } : {}) });
    } catch (caught) {
      const slugs = workspacesIn(caught);
      if (slugs.length > 0) {
        setChoices(slugs);
        setError(t("chooseWorkspace"));
      } else {
        setError(caught instanceof ApiError ? caught.message : t("unreachable"));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={400} maw="100%">
        {signingUp ? (
          <SignupForm onCancel={() => setSigningUp(false)} />
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack>
              <Title order={1} size="h2">
                {t("title")}
              </Title>
              <Text c="dimmed" size="sm">
                {t("subtitle")}
              </Text>
              {error && (
                <Alert color="red" role="alert" title={t("failed")}>
                  {error}
                </Alert>
              )}
              <TextInput label={t("email")} type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.currentTarget.value)} data-autofocus autoFocus />
              <PasswordInput label={t("password")} autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.currentTarget.value)} />
              {choices.length > 0 && <Select label={t("workspace")} data={choices} value={workspace} onChange={setWorkspace} required />}
              <Button type="submit" loading={busy} fullWidth>
                {t("signIn")}
              </Button>
              <Text size="sm" c="dimmed">
                {t("firstStart")}
              </Text>
              <Anchor component="button" type="button" size="sm" onClick={() => setSigningUp(true)}>
                {t("createWorkspace")}
              </Anchor>
            </Stack>
          </form>
        )}
      </Paper>
    </Center>
  );
}
