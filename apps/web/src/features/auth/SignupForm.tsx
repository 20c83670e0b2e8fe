import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Anchor, Button, PasswordInput, Stack, TextInput, Title } from "@mantine/core";
import { api, ApiError, setCsrfToken, unwrap } from "../../api/client";
import { SESSION_KEY } from "../../app/session";

/** A new workspace with its first owner, who is signed in at once. */
export function SignupForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation("auth");
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ workspaceName: "", name: "", email: "", password: "" });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: event.currentTarget.value }),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await unwrap(api.POST("/api/v1/signup", { body: form }));
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(SESSION_KEY, session);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t("unreachable"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={1} size="h2">
          {t("signupTitle")}
        </Title>
        {error && (
          <Alert color="red" role="alert" title={t("signupFailed")}>
            {error}
          </Alert>
        )}
        <TextInput label={t("workspaceName")} required autoFocus {...field("workspaceName")} />
        <TextInput label={t("yourName")} required autoComplete="name" {...field("name")} />
        <TextInput label={t("email")} type="email" required autoComplete="email" {...field("email")} />
        <PasswordInput label={t("password")} description={t("passwordRule")} required autoComplete="new-password" {...field("password")} />
        <Button type="submit" loading={busy} fullWidth>
          {t("signupSubmit")}
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={onCancel}>
          {t("backToSignIn")}
        </Anchor>
      </Stack>
    </form>
  );
}
