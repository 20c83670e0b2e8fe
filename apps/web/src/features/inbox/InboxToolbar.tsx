import { useTranslation } from "react-i18next";
import { Button, Group, Menu, NativeSelect } from "@mantine/core";
import { IconCheck, IconChevronDown } from "@tabler/icons-react";
import type { Sort } from "../../api/types";
import { CHANNELS, PRIORITIES, SORTS, STATUSES, type Refinement, type ViewDefinition } from "./views";

interface FilterMenuProps<T extends string> {
  label: string;
  options: readonly T[];
  value: readonly T[];
  optionLabel: (option: T) => string;
  onChange: (value: T[]) => void;
}

/** A button that opens a list of checkable options; nothing checked means any. */
function FilterMenu<T extends string>({ label, options, value, optionLabel, onChange }: FilterMenuProps<T>) {
  const { t } = useTranslation("inbox");
  const summary = value.length === 0 ? t("filter.any") : value.length === 1 ? optionLabel(value[0]!) : t("filter.several", { count: value.length });
  return (
    <Menu closeOnItemClick={false} position="bottom-start" withinPortal>
      <Menu.Target>
        <Button size="compact-sm" variant={value.length > 0 ? "light" : "default"} rightSection={<IconChevronDown size={14} aria-hidden="true" />}>
          {label}: {summary}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {options.map((option) => {
          const checked = value.includes(option);
          return (
            <Menu.Item
              key={option}
              role="menuitemcheckbox"
              aria-checked={checked}
              leftSection={checked ? <IconCheck size={14} aria-hidden="true" /> : <span style={{ display: "inline-block", width: 14 }} />}
              onClick={() => onChange(checked ? value.filter((item) => item !== option) : [...value, option])}
            >
              {optionLabel(option)}
            </Menu.Item>
          );
        })}
        <Menu.Divider />
        <Menu.Item onClick={() => onChange([])} disabled={value.length === 0}>
          {t("filter.clear")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function sameSet(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const left = a ?? [];
  const right = b ?? [];
  return left.length === right.length && left.every((value) => right.includes(value));
}

interface ToolbarProps {
  view: ViewDefinition;
  effective: ViewDefinition;
  refinement: Refinement;
  onRefine: (refinement: Refinement) => void;
}

/** Status, priority, channel and sort over the view's own filters; a choice equal to the view's is no refinement. */
export function InboxToolbar({ view, effective, refinement, onRefine }: ToolbarProps) {
  const { t } = useTranslation(["inbox", "common"]);
  const refine = <K extends "status" | "priority" | "channel">(name: K, values: NonNullable<Refinement[K]>) => {
    onRefine({ ...refinement, [name]: sameSet(values, view.filters[name]) ? undefined : values });
  };
  return (
    <Group gap={6} wrap="wrap" role="group" aria-label={t("filter.label")}>
      <FilterMenu label={t("filter.status")} options={STATUSES} value={effective.filters.status ?? []} optionLabel={(status) => t(`common:status.${status}`)} onChange={(values) => refine("status", values)} />
      <FilterMenu label={t("filter.priority")} options={PRIORITIES} value={effective.filters.priority ?? []} optionLabel={(priority) => t(`common:priority.${priority}`)} onChange={(values) => refine("priority", values)} />
      <FilterMenu label={t("filter.channel")} options={CHANNELS} value={effective.filters.channel ?? []} optionLabel={(channel) => t(`common:channel.${channel}`)} onChange={(values) => refine("channel", values)} />
      <NativeSelect
        size="xs"
        aria-label={t("sort.label")}
        value={effective.sort}
        onChange={(event) => {
          const sort = event.currentTarget.value as Sort;
          onRefine({ ...refinement, sort: sort === view.sort ? undefined : sort });
        }}
        data={SORTS.map((sort) => ({ value: sort, label: t(`sort.${sort}`) }))}
      />
    </Group>
  );
}
