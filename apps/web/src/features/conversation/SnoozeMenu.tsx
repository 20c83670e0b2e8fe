import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, Group, Menu, Modal, Stack, Text, TextInput } from "@mantine/core";
import { IconClock } from "@tabler/icons-react";
import { useFormat } from "../../app/format";
import { fromLocalInput, nextWeekAt, toLocalInput, tomorrowAt } from "./zoned-time";

interface SnoozeMenuProps {
  opened: boolean;
  onChange: (opened: boolean) => void;
  onSnooze: (until: Date) => void;
  disabled?: boolean;
}

/** Snooze presets read in the agent's own time zone: "tomorrow 9:00" is nine on their clock, not the browser's. */
export function SnoozeMenu({ opened, onChange, onSnooze, disabled }: SnoozeMenuProps) {
  const { t } = useTranslation("conversation");
  const format = useFormat();
  const [custom, setCustom] = useState<string | null>(null);
  const zone = format.timeZone;
  const presets = [
    { key: "hour", at: () => new Date(Date.now() + 3600_000) },
    { key: "tomorrow", at: () => tomorrowAt(9, zone) },
    { key: "nextWeek", at: () => nextWeekAt(9, zone) },
  ];
  const customDate = custom ? fromLocalInput(custom, zone) : null;
  const customValid = customDate !== null && customDate.getTime() > Date.now();

  return (
    <>
      <Menu opened={opened} onChange={onChange} position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" size="xs" leftSection={<IconClock size={16} aria-hidden />} disabled={disabled} aria-keyshortcuts="s">
            {t("snooze")}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t("snoozeUntil", { zone })}</Menu.Label>
          {presets.map((preset) => (
            <Menu.Item key={preset.key} onClick={() => onSnooze(preset.at())} rightSection={<Text size="xs" c="gray.7">{format.dateTime(preset.at().toISOString())}</Text>}>
              {t(`snoozePreset.${preset.key}`)}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item onClick={() => setCustom(toLocalInput(tomorrowAt(9, zone), zone))}>{t("snoozePreset.custom")}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={custom !== null} onClose={() => setCustom(null)} title={t("snoozeCustomTitle")}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!customValid || !customDate) return;
            onSnooze(customDate);
            setCustom(null);
          }}
        >
          <Stack>
            <TextInput
              type="datetime-local"
              label={t("snoozeCustomLabel")}
              description={t("snoozeCustomZone", { zone })}
              value={custom ?? ""}
              onChange={(event) => setCustom(event.currentTarget.value)}
              error={custom && !customValid ? t("snoozeInPast") : undefined}
              data-autofocus
              required
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setCustom(null)}>
                {t("common:cancel")}
              </Button>
              <Button type="submit" disabled={!customValid}>
                {t("snooze")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
