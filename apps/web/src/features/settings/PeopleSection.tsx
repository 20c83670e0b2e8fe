import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Group, Loader, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from "@mantine/core";
import { IconSend } from "@tabler/icons-react";
import { api, unwrap } from "../../api/client";
import type { RealtimeEvent } from "../../api/realtime";
import type { Invitation, Person, Role } from "../../api/types";
import { useFormat } from "../../app/format";
import { keys, useRealtimeFrames } from "../../app/live";
import { useSession } from "../../app/session";
import {
  atLeast,
  ConfirmDialog,
  CopyField,
  FormCard,
  isEmail,
  ListState,
  LoadError,
  readableAlert,
  ROLES,
  SectionHeader,
  settingsKeys,
  useAction,
  useFailureToast,
  usePeople,
  useSavedToast,
} from "./shared";

function useGrantableRoles(): Role[] {
  const { user } = useSession();
  return ROLES.filter((role) => atLeast(user.role, role));
}

function PeopleTable() {
  const { t } = useTranslation("settings");
  const { user: me } = useSession();
  const format = useFormat();
  const queryClient = useQueryClient();
  const people = usePeople();
  const grantable = useGrantableRoles();
  const failureToast = useFailureToast();
  const savedToast = useSavedToast();
  const [deactivating, setDeactivating] = useState<Person | null>(null);

  const update = async (person: Person, patch: { role?: Role; active?: boolean }) => {
    await unwrap(api.PATCH("/api/v1/users/{id}", { params: { path: { id: person.id } }, body: patch }));
    await queryClient.invalidateQueries({ queryKey: keys.users });
  };
  const changeRole = (person: Person, role: Role) =>
    update(person, { role }).then(
      () => savedToast(t("people.roleChanged", { name: person.name, role: t(`common:role.${role}`) })),
      failureToast,
    );
  const reactivate = (person: Person) =>
    update(person, { active: true }).then(
      () => savedToast(t("people.reactivated", { name: person.name })),
      failureToast,
    );

  if (people.isPending) return <Loader aria-label={t("common:loading")} />;
  if (people.isError) return <LoadError error={people.error} onRetry={() => void people.refetch()} />;

  // An owner is changed only by an owner, and nobody changes themselves here (that is the profile's job).
  const editable = (person: Person) => person.id !== me.id && (person.role !== "owner" || me.role === "owner");

  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Caption>{t("people.caption", { count: people.data.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("people.person")}</Table.Th>
              <Table.Th scope="col">{t("people.role")}</Table.Th>
              <Table.Th scope="col">{t("people.status")}</Table.Th>
              <Table.Th scope="col">{t("people.lastSignIn")}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t("actions")}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.data.map((person) => (
              <Table.Tr key={person.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {person.name} {person.id === me.id && <Text span c="dimmed" size="sm">{t("people.you")}</Text>}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {person.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {editable(person) ? (
                    <Select
                      size="xs"
                      w={150}
                      aria-label={t("people.roleOf", { name: person.name })}
                      data={ROLES.map((role) => ({ value: role, label: t(`common:role.${role}`), disabled: !grantable.includes(role) }))}
                      value={person.role}
                      onChange={(value) => value && value !== person.role && void changeRole(person, value as Role)}
                      allowDeselect={false}
                    />
                  ) : (
                    <Text size="sm">{t(`common:role.${person.role}`)}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500} c={person.active ? "teal.9" : "dimmed"} style={{ whiteSpace: "nowrap" }}>
                    {person.active ? t("people.active") : t("people.deactivated")}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{person.lastLoginAt ? format.when(person.lastLoginAt) : t("people.never")}</Text>
                </Table.Td>
                <Table.Td ta="end">
                  {editable(person) &&
                    (person.active ? (
                      <Button size="xs" variant="subtle" color="red" onClick={() => setDeactivating(person)} aria-label={t("people.deactivateLabel", { name: person.name })}>
                        {t("people.deactivate")}
                      </Button>
                    ) : (
                      <Button size="xs" variant="subtle" onClick={() => void reactivate(person)} aria-label={t("people.reactivateLabel", { name: person.name })}>
                        {t("people.reactivate")}
                      </Button>
                    ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmDialog
        opened={deactivating !== null}
        title={t("people.deactivateTitle", { name: deactivating?.name ?? "" })}
        message={t("people.deactivateMessage", { name: deactivating?.name ?? "" })}
        confirmLabel={t("people.deactivate")}
        onConfirm={async () => {
          if (!deactivating) return;
          await update(deactivating, { active: false });
          savedToast(t("people.deactivatedToast", { name: deactivating.name }));
        }}
        onClose={() => setDeactivating(null)}
      />
    </>
  );
}

function InviteForm() {
  const { t } = useTranslation("settings");
  const queryClient = useQueryClient();
  const grantable = useGrantableRoles();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("agent");
  const [emailError, setEmailError] = useState<string | null>(null);
  const { run, busy, error } = useAction();
  const [sent, setSent] = useState<{ email: string; acceptUrl: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!isEmail(email)) {
      setEmailError(t("validation.email"));
      return;
    }
    setEmailError(null);
    await run(async () => {
      const answer = await unwrap(api.POST("/api/v1/invitations", { body: { email: email.trim(), role, ...(name.trim() ? { name: name.trim() } : {}) } }));
      setSent({ email: answer.invitation.email, acceptUrl: answer.acceptUrl });
      setEmail("");
      setName("");
      void queryClient.invalidateQueries({ queryKey: settingsKeys.invitations });
    });
  };

  return (
    <FormCard id="invite-title" title={t("invite.title")} error={error} onSubmit={submit}>
      <Group align="flex-start" grow wrap="wrap">
        <TextInput label={t("invite.email")} type="email" required value={email} error={emailError} onChange={(event) => setEmail(event.currentTarget.value)} miw={200} />
        <TextInput label={t("invite.name")} value={name} onChange={(event) => setName(event.currentTarget.value)} miw={160} />
        <Select
          label={t("invite.role")}
          data={grantable.map((value) => ({ value, label: t(`common:role.${value}`) }))}
          value={role}
          onChange={(value) => value && setRole(value as Role)}
          allowDeselect={false}
          miw={140}
        />
      </Group>
      <Group>
        <Button type="submit" loading={busy} leftSection={<IconSend size={16} aria-hidden />}>
          {t("invite.submit")}
        </Button>
      </Group>
      {sent && (
        <Alert color="teal" title={t("invite.sentTitle", { email: sent.email })} role="status" styles={readableAlert}>
          <Stack gap="xs">
            <Text size="sm">{t("invite.sentBody")}</Text>
            <CopyField label={t("invite.link")} value={sent.acceptUrl} />
          </Stack>
        </Alert>
      )}
    </FormCard>
  );
}

function PendingInvitations() {
  const { t } = useTranslation("settings");
  const format = useFormat();
  const queryClient = useQueryClient();
  const savedToast = useSavedToast();
  const invitations = useQuery({ queryKey: settingsKeys.invitations, queryFn: () => unwrap(api.GET("/api/v1/invitations")), select: (answer) => answer.items });
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  // No shared key follows invitations, so an acceptance elsewhere is picked up here.
  useRealtimeFrames(["event"], (frame) => {
    if ((frame as { event: RealtimeEvent }).event.type.startsWith("invitation.")) void queryClient.invalidateQueries({ queryKey: settingsKeys.invitations });
  });

  return (
    <section aria-labelledby="pending-title">
      <Title order={3} size="h5" mb="xs" id="pending-title">
        {t("invite.pending")}
      </Title>
      <ListState query={invitations} empty={t("invite.none")}>
        {(items) => (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("invite.email")}</Table.Th>
                  <Table.Th scope="col">{t("invite.role")}</Table.Th>
                  <Table.Th scope="col">{t("invite.expires")}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t("actions")}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((invitation) => (
                  <Table.Tr key={invitation.id}>
                    <Table.Td>
                      <Text size="sm">{invitation.email}</Text>
                      {invitation.name && (
                        <Text size="xs" c="dimmed">
                          {invitation.name}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`common:role.${invitation.role}`)}</Table.Td>
                    <Table.Td>{format.dateTime(invitation.expiresAt)}</Table.Td>
                    <Table.Td ta="end">
                      <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(invitation)} aria-label={t("invite.revokeLabel", { email: invitation.email })}>
                        {t("invite.revoke")}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListState>
      <ConfirmDialog
        opened={revoking !== null}
        title={t("invite.revokeTitle")}
        message={t("invite.revokeMessage", { email: revoking?.email ?? "" })}
        confirmLabel={t("invite.revoke")}
        onConfirm={async () => {
          if (!revoking) return;
          await unwrap(api.DELETE("/api/v1/invitations/{id}", { params: { path: { id: revoking.id } } }));
          await queryClient.invalidateQueries({ queryKey: settingsKeys.invitations });
          savedToast(t("invite.revoked", { email: revoking.email }));
        }}
        onClose={() => setRevoking(null)}
      />
    </section>
  );
}

export function PeopleSection() {
  const { t } = useTranslation("settings");
  return (
    <section aria-labelledby="people-title">
      <SectionHeader id="people-title" title={t("people.title")} description={t("people.description")} />
      <Stack gap="xl">
        <PeopleTable />
        <InviteForm />
        <PendingInvitations />
      </Stack>
    </section>
  );
}
