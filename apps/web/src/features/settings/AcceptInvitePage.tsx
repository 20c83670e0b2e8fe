import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocation, useSearchParams } from "wouter";
import { Alert, Button, Center, Loader, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { api, ApiError, setCsrfToken, unwrap } from "../../api/client";
import { SESSION_KEY } from "../../app/session";
import { readableAlert } from "./shared";

const MIN_PASSWORD = 10;

function AcceptForm({ token, suggestedName }: { token: string; suggestedName: string }) {
  const { t } = useTranslation("settings");
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [name, setName] = useState(suggestedName);
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<{ name?: string; password?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = {
      ...(!name.trim() && { name: t("validation.nameRequired") }),
      ...(password.length < MIN_PASSWORD && { password: t("validation.password", { count: MIN_PASSWORD }) }),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const session = await unwrap(api.POST("/api/v1/invitations/accept", { body: { token, name: name.trim(), password } }));
      setCsrfToken(session.csrfToken);
      // Whatever this browser held for someone signed in before belongs to them, not to the new account.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== "invitation" });
      queryClient.setQueryData(SESSION_KEY, session);
      navigate("/inbox/mine", { replace: true });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t("unreachable"));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {error && (
          <Alert color="red" role="alert" title={t("accept.failed")} styles={readableAlert}>
            {error}
          </Alert>
        )}
        <TextInput label={t("accept.name")} required autoComplete="name" value={name} error={errors.name} onChange={(event) => setName(event.currentTarget.value)} data-autofocus autoFocus />
        <PasswordInput
          label={t("accept.password")}
          description={t("validation.password", { count: MIN_PASSWORD })}
          required
          autoComplete="new-password"
          value={password}
          error={errors.password}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
        <Button type="submit" loading={busy} fullWidth>
          {t("accept.submit")}
        </Button>
      </Stack>
    </form>
  );
}

/** Public: the person following an invitation link has no account yet. */
export default function AcceptInvitePage() {
  const { t, i18n } = useTranslation("settings");
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const invitation = useQuery({
    queryKey: ["invitation", token],
    queryFn: () => unwrap(api.POST("/api/v1/invitations/lookup", { body: { token } })),
    enabled: token.length > 0,
    retry: false,
    staleTime: Infinity,
  });

  let body;
  if (!token) {
    body = (
      <Alert color="red" role="alert" title={t("accept.invalidTitle")} styles={readableAlert}>
        {t("accept.missingToken")}
      </Alert>
    );
  } else if (invitation.isPending) {
    body = (
      <Center py="xl">
        <Loader aria-label={t("common:loading")} />
      </Center>
    );
  } else if (invitation.isError) {
    const message = invitation.error instanceof ApiError ? invitation.error.message : t("unreachable");
    body = (
      <Alert color="red" role="alert" title={t("accept.invalidTitle")} styles={readableAlert}>
        {message} {t("accept.askAgain")}
      </Alert>
    );
  } else {
    const expires = new Intl.DateTimeFormat(i18n.language, { dateStyle: "long", timeStyle: "short" }).format(new Date(invitation.data.expiresAt));
    body = (
      <Stack>
        <Text size="sm">
          {t("accept.intro", { workspace: invitation.data.workspace.name, email: invitation.data.email, role: t(`common:role.${invitation.data.role}`) })}
        </Text>
        <Text size="xs" c="dimmed">
          {t("accept.expires", { date: expires })}
        </Text>
        <AcceptForm token={token} suggestedName={invitation.data.name ?? ""} />
      </Stack>
    );
  }

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={440} maw="100%">
        <Stack>
          <Title order={1} size="h2">
            {invitation.data ? t("accept.titleFor", { workspace: invitation.data.workspace.name }) : t("accept.title")}
          </Title>
          {body}
        </Stack>
      </Paper>
    </Center>
  );
}
