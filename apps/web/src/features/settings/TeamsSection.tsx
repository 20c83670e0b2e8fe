import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { Button, Group, MultiSelect, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { api, unwrap } from "../../api/client";
import type { Team } from "../../api/types";
import { keys } from "../../app/live";
import { ConfirmDialog, FormDialog, ListState, SectionHeader, useAction, useIsAdmin, usePeople, useSavedToast, useTeams } from "./shared";

/** Creates a team (team = null) or renames one and sets its members. */
function TeamDialog({ team, onClose }: { team: Team | null; onClose: () => void }) {
  const { t } = useTranslation("settings");
  const queryClient = useQueryClient();
  const savedToast = useSavedToast();
  const people = usePeople();
  const [name, setName] = useState(team?.name ?? "");
  const [memberIds, setMemberIds] = useState<string[]>(team?.memberIds ?? []);
  const [nameError, setNameError] = useState<string | null>(null);
  const { run, busy, error } = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(t("validation.nameRequired"));
      return;
    }
    setNameError(null);
    await run(async () => {
      const body = { name: name.trim(), memberIds };
      if (team) await unwrap(api.PATCH("/api/v1/teams/{id}", { params: { path: { id: team.id } }, body }));
      else await unwrap(api.POST("/api/v1/teams", { body }));
      await queryClient.invalidateQueries({ queryKey: keys.teams });
      savedToast(team ? undefined : t("teams.created", { name: body.name }));
      onClose();
    });
  };

  const options = (people.data ?? []).filter((person) => person.active || memberIds.includes(person.id)).map((person) => ({ value: person.id, label: person.name }));
  return (
    <FormDialog
      title={team ? t("teams.editTitle", { name: team.name }) : t("teams.newTitle")}
      submitLabel={team ? t("common:save") : t("teams.create")}
      busy={busy}
      error={error}
      onSubmit={submit}
      onClose={onClose}
    >
      <TextInput label={t("teams.name")} required value={name} error={nameError} onChange={(event) => setName(event.currentTarget.value)} data-autofocus />
      <MultiSelect label={t("teams.members")} data={options} value={memberIds} onChange={setMemberIds} searchable clearable nothingFoundMessage={t("noMatch")} />
    </FormDialog>
  );
}

export function TeamsSection() {
  const { t } = useTranslation("settings");
  const isAdmin = useIsAdmin();
  const queryClient = useQueryClient();
  const savedToast = useSavedToast();
  const teams = useTeams();
  const people = usePeople();
  // The dialog is keyed by what it edits, so its fields start from that team each time it opens.
  const [editing, setEditing] = useState<{ team: Team | null } | null>(null);
  const [deleting, setDeleting] = useState<Team | null>(null);
  const nameOf = (id: string) => people.data?.find((person) => person.id === id)?.name ?? t("unknownPerson");

  return (
    <section aria-labelledby="teams-title">
      <SectionHeader
        id="teams-title"
        title={t("teams.title")}
        description={t(isAdmin ? "teams.description" : "teams.descriptionReadOnly")}
        action={
          isAdmin && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ team: null })}>
              {t("teams.new")}
            </Button>
          )
        }
      />
      <ListState query={teams} empty={t("teams.none")}>
        {(items) => (
          <Stack component="ul" gap="sm" p={0} style={{ listStyle: "none" }}>
            {items.map((team) => (
              <Paper component="li" withBorder p="md" key={team.id}>
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <div>
                    <Title order={3} size="h5">
                      {team.name}
                    </Title>
                    <Text size="sm" c="dimmed" mt={4}>
                      {team.memberIds.length === 0 ? t("teams.noMembers") : t("teams.memberList", { count: team.memberIds.length, names: team.memberIds.map(nameOf).join(", ") })}
                    </Text>
                  </div>
                  {isAdmin && (
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="default" onClick={() => setEditing({ team })} aria-label={t("teams.editLabel", { name: team.name })}>
                        {t("teams.edit")}
                      </Button>
                      <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(team)} aria-label={t("teams.deleteLabel", { name: team.name })}>
                        {t("common:delete")}
                      </Button>
                    </Group>
                  )}
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </ListState>
      {editing && <TeamDialog key={editing.team?.id ?? "new"} team={editing.team} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        opened={deleting !== null}
        title={t("teams.deleteTitle", { name: deleting?.name ?? "" })}
        message={t("teams.deleteMessage")}
        confirmLabel={t("common:delete")}
        onConfirm={async () => {
          if (!deleting) return;
          await unwrap(api.DELETE("/api/v1/teams/{id}", { params: { path: { id: deleting.id } } }));
          await queryClient.invalidateQueries({ queryKey: keys.teams });
          savedToast(t("teams.deleted", { name: deleting.name }));
        }}
        onClose={() => setDeleting(null)}
      />
    </section>
  );
}
