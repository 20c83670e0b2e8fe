import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Badge, Button, Checkbox, Code, Group, Modal, Stack, Table, Text, TextInput, VisuallyHidden } from "@mantine/core";
import { IconAlertTriangle, IconKey } from "@tabler/icons-react";
import { api, unwrap } from "../../api/client";
import type { ApiToken, Scope } from "../../api/types";
import { useFormat } from "../../app/format";
import { useSession } from "../../app/session";
import { ConfirmDialog, CopyField, FormCard, ListState, readableAlert, SectionHeader, settingsKeys, useAction, useIsAdmin, usePeople, useSavedToast } from "./shared";

function CreateTokenForm({ onCreated }: { onCreated: (created: { name: string; token: string }) => void }) {
  const { t } = useTranslation("settings");
  const { scopes: held } = useSession();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<Scope[]>(held.filter((scope) => scope.endsWith(":read")));
  const [errors, setErrors] = useState<{ name?: string; scopes?: string }>({});
  const { run, busy, error } = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = { ...(!name.trim() && { name: t("validation.nameRequired") }), ...(scopes.length === 0 && { scopes: t("tokens.scopesRequired") }) };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    await run(async () => {
      const answer = await unwrap(api.POST("/api/v1/api-tokens", { body: { name: name.trim(), scopes } }));
      onCreated({ name: answer.apiToken.name, token: answer.token });
      setName("");
      void queryClient.invalidateQueries({ queryKey: settingsKeys.apiTokens });
    });
  };

  return (
    <FormCard id="new-token-title" title={t("tokens.newTitle")} error={error} onSubmit={submit}>
      <TextInput label={t("tokens.name")} description={t("tokens.nameHelp")} required value={name} error={errors.name} onChange={(event) => setName(event.currentTarget.value)} maw={420} />
      <Checkbox.Group label={t("tokens.scopes")} description={t("tokens.scopesHelp")} required value={scopes} onChange={(value) => setScopes(value as Scope[])} error={errors.scopes}>
        <Stack gap="xs" mt="xs">
          {held.map((scope) => (
            <Checkbox key={scope} value={scope} label={<Code>{scope}</Code>} description={t(`tokens.scope.${scope.replace(":", "_")}`)} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Group>
        <Button type="submit" loading={busy} leftSection={<IconKey size={16} aria-hidden />}>
          {t("tokens.create")}
        </Button>
      </Group>
    </FormCard>
  );
}

/** The secret exists only in the creation answer: say so plainly, and make it easy to copy. */
function NewTokenDialog({ created, onClose }: { created: { name: string; token: string }; onClose: () => void }) {
  const { t } = useTranslation("settings");
  return (
    <Modal opened onClose={onClose} title={t("tokens.createdTitle", { name: created.name })} size="lg" closeOnClickOutside={false}>
      <Stack>
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} title={t("tokens.onceTitle")} styles={readableAlert}>
          {t("tokens.onceBody")}
        </Alert>
        <CopyField label={t("tokens.secret")} value={created.token} />
        <Group justify="flex-end">
          <Button onClick={onClose}>{t("tokens.done")}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function tokenState(token: ApiToken): "revoked" | "expired" | "active" {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && new Date(token.expiresAt) <= new Date()) return "expired";
  return "active";
}

export function ApiTokensSection() {
  const { t } = useTranslation("settings");
  const format = useFormat();
  const isAdmin = useIsAdmin();
  const queryClient = useQueryClient();
  const savedToast = useSavedToast();
  const people = usePeople();
  const tokens = useQuery({ queryKey: settingsKeys.apiTokens, queryFn: () => unwrap(api.GET("/api/v1/api-tokens")), select: (answer) => answer.items });
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const ownerOf = (token: ApiToken) => people.data?.find((person) => person.id === token.userId)?.name ?? t("unknownPerson");

  return (
    <section aria-labelledby="tokens-title">
      <SectionHeader id="tokens-title" title={t("tokens.title")} description={t(isAdmin ? "tokens.descriptionAdmin" : "tokens.description")} />
      <Stack gap="xl">
        <CreateTokenForm onCreated={setCreated} />
        <ListState query={tokens} empty={t("tokens.none")}>
          {(items) => (
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="xs">
                <Table.Caption>{t("tokens.caption")}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("tokens.name")}</Table.Th>
                    <Table.Th scope="col">{t("tokens.scopes")}</Table.Th>
                    {isAdmin && <Table.Th scope="col">{t("tokens.owner")}</Table.Th>}
                    <Table.Th scope="col">{t("tokens.lastUsed")}</Table.Th>
                    <Table.Th scope="col">{t("tokens.state")}</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>{t("actions")}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((token) => {
                    const state = tokenState(token);
                    return (
                      <Table.Tr key={token.id}>
                        <Table.Td>
                          <Text size="sm" fw={500}>
                            {token.name}
                          </Text>
                          <Text size="xs" c="dimmed">
                            <Code>{token.prefix}…</Code> · {t("tokens.createdOn", { date: format.dateTime(token.createdAt) })}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            {token.scopes.map((scope) => (
                              <Badge key={scope} variant="light" color="gray" tt="none" size="sm">
                                {scope}
                              </Badge>
                            ))}
                          </Group>
                        </Table.Td>
                        {isAdmin && <Table.Td>{ownerOf(token)}</Table.Td>}
                        <Table.Td>{token.lastUsedAt ? format.when(token.lastUsedAt) : t("tokens.neverUsed")}</Table.Td>
                        <Table.Td>
                          <Text size="sm" fw={500} c={state === "active" ? "teal.9" : "dimmed"} style={{ whiteSpace: "nowrap" }}>
                            {t(`tokens.states.${state}`)}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="end">
                          {state !== "revoked" && (
                            <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(token)} aria-label={t("tokens.revokeLabel", { name: token.name })}>
                              {t("tokens.revoke")}
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </ListState>
      </Stack>
      {created && <NewTokenDialog created={created} onClose={() => setCreated(null)} />}
      <ConfirmDialog
        opened={revoking !== null}
        title={t("tokens.revokeTitle", { name: revoking?.name ?? "" })}
        message={t("tokens.revokeMessage")}
        confirmLabel={t("tokens.revoke")}
        onConfirm={async () => {
          if (!revoking) return;
          await unwrap(api.DELETE("/api/v1/api-tokens/{id}", { params: { path: { id: revoking.id } } }));
          await queryClient.invalidateQueries({ queryKey: settingsKeys.apiTokens });
          savedToast(t("tokens.revoked", { name: revoking.name }));
        }}
        onClose={() => setRevoking(null)}
      />
    </section>
  );
}
