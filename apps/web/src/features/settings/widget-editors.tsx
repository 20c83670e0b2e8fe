import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ActionIcon, Button, Checkbox, Fieldset, Group, NumberInput, Select, Stack, Switch, TagsInput, Text, Textarea, TextInput, Tooltip } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from "@tabler/icons-react";
import { timeZones } from "./shared";
import { keyFromLabel, type BusinessHours, type FormField, type ProactiveRule, type Weekday } from "./widget-settings";

export const WEEKDAYS: Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** Problems found before saving, by the path of the value they concern ("allowedOrigins.2", "contactFields.0.key"). */
export type DraftErrors = Record<string, string>;

const replaceAt = <T,>(list: T[], index: number, item: T) => list.map((current, i) => (i === index ? item : current));
const removeAt = <T,>(list: T[], index: number) => list.filter((_, i) => i !== index);
const move = <T,>(list: T[], from: number, to: number) => {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
};

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Tooltip label={label} withArrow>
      <ActionIcon variant="subtle" color="red" onClick={onClick} aria-label={label} size="lg">
        <IconTrash size={18} aria-hidden />
      </ActionIcon>
    </Tooltip>
  );
}

/** The sites whose pages may run the widget and embed or post the contact form. */
export function OriginsEditor({ value, onChange, errors }: { value: string[]; onChange: (next: string[]) => void; errors: DraftErrors }) {
  const { t } = useTranslation("settings");
  return (
    <Stack gap="xs">
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("widget.origins.none")}
        </Text>
      )}
      {value.map((origin, index) => (
        <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            aria-label={t("widget.origins.item", { number: index + 1 })}
            placeholder="https://www.example.com"
            value={origin}
            error={errors[`allowedOrigins.${index}`]}
            onChange={(event) => onChange(replaceAt(value, index, event.currentTarget.value))}
            // A new row takes the focus, so adding one is a single key press away from typing it.
            autoFocus={origin === "" && index === value.length - 1}
          />
          <RemoveButton label={t("widget.origins.remove", { origin: origin || t("widget.origins.item", { number: index + 1 }) })} onClick={() => onChange(removeAt(value, index))} />
        </Group>
      ))}
      <Group>
        <Button variant="default" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...value, ""])}>
          {t("widget.origins.add")}
        </Button>
      </Group>
    </Stack>
  );
}

/** Questions asked before a chat or on the contact form: label, the key the answer is kept under, type, choices. */
export function FieldsEditor({ name, value, onChange, errors }: { name: "preChatFields" | "contactFields"; value: FormField[]; onChange: (next: FormField[]) => void; errors: DraftErrors }) {
  const { t } = useTranslation("settings");
  const types: { value: FormField["type"]; label: string }[] = [
    { value: "text", label: t("widget.fields.types.text") },
    { value: "email", label: t("widget.fields.types.email") },
    { value: "textarea", label: t("widget.fields.types.textarea") },
    { value: "select", label: t("widget.fields.types.select") },
  ];
  const update = (index: number, changes: Partial<FormField>) => onChange(replaceAt(value, index, { ...value[index]!, ...changes }));
  return (
    <Stack gap="sm">
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("widget.fields.none")}
        </Text>
      )}
      {value.map((field, index) => {
        const title = field.label || t("widget.fields.untitled", { number: index + 1 });
        const error = (part: string) => errors[`${name}.${index}.${part}`];
        return (
          <Fieldset key={index} legend={title} variant="filled" p="sm">
            <Stack gap="xs">
              <Group grow align="flex-start">
                <TextInput
                  label={t("widget.fields.label")}
                  required
                  value={field.label}
                  error={error("label")}
                  onChange={(event) => update(index, { label: event.currentTarget.value })}
                  onBlur={() => !field.key && field.label && update(index, { key: keyFromLabel(field.label) })}
                  autoFocus={field.label === "" && index === value.length - 1}
                />
                <TextInput
                  label={t("widget.fields.key")}
                  description={t("widget.fields.keyHelp")}
                  required
                  value={field.key}
                  error={error("key")}
                  onChange={(event) => update(index, { key: event.currentTarget.value })}
                  styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
                />
              </Group>
              <Group align="flex-end" wrap="wrap">
                <Select
                  label={t("widget.fields.type")}
                  data={types}
                  value={field.type}
                  allowDeselect={false}
                  onChange={(type) => type && update(index, { type: type as FormField["type"], ...(type !== "select" && { options: undefined }) })}
                  w={200}
                />
                <Checkbox label={t("widget.fields.required")} checked={field.required} onChange={(event) => update(index, { required: event.currentTarget.checked })} mb={8} />
                <Group gap={4} ml="auto">
                  <Tooltip label={t("widget.fields.moveUp", { label: title })} withArrow>
                    <ActionIcon variant="subtle" color="gray" size="lg" disabled={index === 0} onClick={() => onChange(move(value, index, index - 1))} aria-label={t("widget.fields.moveUp", { label: title })}>
                      <IconArrowUp size={18} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={t("widget.fields.moveDown", { label: title })} withArrow>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="lg"
                      disabled={index === value.length - 1}
                      onClick={() => onChange(move(value, index, index + 1))}
                      aria-label={t("widget.fields.moveDown", { label: title })}
                    >
                      <IconArrowDown size={18} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                  <RemoveButton label={t("widget.fields.remove", { label: title })} onClick={() => onChange(removeAt(value, index))} />
                </Group>
              </Group>
              {field.type === "select" && (
                <TagsInput
                  label={t("widget.fields.options")}
                  description={t("widget.fields.optionsHelp")}
                  required
                  value={field.options ?? []}
                  error={error("options")}
                  onChange={(options) => update(index, { options })}
                  clearable
                />
              )}
            </Stack>
          </Fieldset>
        );
      })}
      <Group>
        <Button variant="default" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...value, { key: "", label: "", type: "text", required: false }])}>
          {t("widget.fields.add")}
        </Button>
      </Group>
    </Stack>
  );
}

/** Messages the widget opens with by itself on some pages. */
export function RulesEditor({ value, onChange, errors }: { value: ProactiveRule[]; onChange: (next: ProactiveRule[]) => void; errors: DraftErrors }) {
  const { t } = useTranslation("settings");
  const update = (index: number, changes: Partial<ProactiveRule>) => onChange(replaceAt(value, index, { ...value[index]!, ...changes }));
  return (
    <Stack gap="sm">
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("widget.rules.none")}
        </Text>
      )}
      {value.map((rule, index) => {
        const title = t("widget.rules.item", { number: index + 1 });
        return (
          <Fieldset key={index} legend={title} variant="filled" p="sm">
            <Stack gap="xs">
              <Group align="flex-start" wrap="wrap">
                <TextInput
                  style={{ flex: 1, minWidth: 220 }}
                  label={t("widget.rules.urlContains")}
                  description={t("widget.rules.urlContainsHelp")}
                  placeholder="/pricing"
                  required
                  value={rule.urlContains}
                  error={errors[`proactiveRules.${index}.urlContains`]}
                  onChange={(event) => update(index, { urlContains: event.currentTarget.value })}
                  autoFocus={rule.urlContains === "" && index === value.length - 1}
                />
                <NumberInput
                  w={160}
                  label={t("widget.rules.delay")}
                  description={t("widget.rules.delayHelp")}
                  min={0}
                  max={3600}
                  clampBehavior="strict"
                  allowDecimal={false}
                  value={rule.delaySeconds}
                  onChange={(delay) => update(index, { delaySeconds: typeof delay === "number" ? delay : 0 })}
                />
              </Group>
              <Textarea
                label={t("widget.rules.message")}
                required
                autosize
                minRows={2}
                maxLength={1000}
                value={rule.message}
                error={errors[`proactiveRules.${index}.message`]}
                onChange={(event) => update(index, { message: event.currentTarget.value })}
              />
              <Group justify="flex-end">
                <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => onChange(removeAt(value, index))}>
                  {t("widget.rules.remove", { number: index + 1 })}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
        );
      })}
      <Group>
        <Button variant="default" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...value, { urlContains: "", message: "", delaySeconds: 10 }])}>
          {t("widget.rules.add")}
        </Button>
      </Group>
    </Stack>
  );
}

const WEEKDAY_HOURS = ["09:00", "17:00"];

/** When the team answers chat. Off: whenever an agent is online. */
export function HoursEditor({ value, onChange, defaultTimeZone, errors }: { value: BusinessHours | null; onChange: (next: BusinessHours | null) => void; defaultTimeZone: string; errors: DraftErrors }) {
  const { t } = useTranslation("settings");
  const zones = useMemo(() => timeZones(), []);
  const setDay = (day: Weekday, ranges: string[][] | undefined) => {
    if (!value) return;
    const days = { ...value.days };
    if (ranges && ranges.length > 0) days[day] = ranges;
    else delete days[day];
    onChange({ ...value, days });
  };
  const workWeek = (): BusinessHours["days"] => Object.fromEntries(WEEKDAYS.slice(0, 5).map((day) => [day, [WEEKDAY_HOURS]]));
  return (
    <Stack gap="sm">
      <Switch
        label={t("widget.hours.limited")}
        description={t("widget.hours.limitedHelp")}
        checked={value !== null}
        onChange={(event) => onChange(event.currentTarget.checked ? { timeZone: defaultTimeZone, days: workWeek() } : null)}
      />
      {value && (
        <>
          <Select
            label={t("widget.hours.timeZone")}
            data={zones}
            value={value.timeZone}
            onChange={(zone) => zone && onChange({ ...value, timeZone: zone })}
            searchable
            allowDeselect={false}
            nothingFoundMessage={t("noMatch")}
            limit={400}
            maw={360}
          />
          <Stack gap={6} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }} aria-label={t("widget.hours.week")}>
            {WEEKDAYS.map((day) => {
              const ranges = value.days[day] ?? [];
              const dayName = t(`widget.hours.days.${day}`);
              return (
                <Group component="li" key={day} align="flex-start" gap="sm" wrap="wrap">
                  <Checkbox
                    w={130}
                    mt={8}
                    label={dayName}
                    checked={ranges.length > 0}
                    onChange={(event) => setDay(day, event.currentTarget.checked ? [WEEKDAY_HOURS] : undefined)}
                  />
                  {ranges.length === 0 ? (
                    <Text size="sm" c="dimmed" mt={8}>
                      {t("widget.hours.closed")}
                    </Text>
                  ) : (
                    <Stack gap={6}>
                      {ranges.map(([from = "", to = ""], index) => (
                        <Group key={index} gap="xs" wrap="nowrap" align="flex-start">
                          <TextInput
                            type="time"
                            aria-label={t("widget.hours.opens", { day: dayName })}
                            value={from}
                            onChange={(event) => setDay(day, replaceAt(ranges, index, [event.currentTarget.value, to]))}
                            error={errors[`businessHours.${day}.${index}`]}
                          />
                          <Text mt={6} aria-hidden>
                            –
                          </Text>
                          <TextInput type="time" aria-label={t("widget.hours.closes", { day: dayName })} value={to} onChange={(event) => setDay(day, replaceAt(ranges, index, [from, event.currentTarget.value]))} />
                          {ranges.length > 1 && <RemoveButton label={t("widget.hours.removeRange", { day: dayName, from, to })} onClick={() => setDay(day, removeAt(ranges, index))} />}
                        </Group>
                      ))}
                      {ranges.length < 6 && (
                        <Button variant="subtle" size="compact-xs" leftSection={<IconPlus size={12} aria-hidden />} onClick={() => setDay(day, [...ranges, ["13:00", "17:00"]])} w="fit-content">
                          {t("widget.hours.addRange", { day: dayName })}
                        </Button>
                      )}
                    </Stack>
                  )}
                </Group>
              );
            })}
          </Stack>
        </>
      )}
    </Stack>
  );
}
