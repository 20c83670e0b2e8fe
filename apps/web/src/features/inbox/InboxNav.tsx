import { useMemo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import { Badge, Box, NavLink, ScrollArea, Text } from "@mantine/core";
import { IconCircleCheck, IconClock, IconHourglass, IconInbox, IconStack2, IconTag, IconUser, IconUserQuestion, IconUsers } from "@tabler/icons-react";
import type { Channel } from "../../api/types";
import { useTeams } from "../../app/directory";
import { ChannelIcon } from "./channel-icon";
import { useCounts, useSavedViews } from "./queries";
import { BUILT_IN_VIEWS, CHANNELS, viewSlug, type BuiltInView } from "./views";

const BUILT_IN_ICONS: Record<BuiltInView, ReactNode> = {
  mine: <IconUser size={18} stroke={1.6} aria-hidden="true" />,
  unassigned: <IconUserQuestion size={18} stroke={1.6} aria-hidden="true" />,
  open: <IconInbox size={18} stroke={1.6} aria-hidden="true" />,
  pending: <IconHourglass size={18} stroke={1.6} aria-hidden="true" />,
  snoozed: <IconClock size={18} stroke={1.6} aria-hidden="true" />,
  resolved: <IconCircleCheck size={18} stroke={1.6} aria-hidden="true" />,
};

/** The view segment of the current path, e.g. "mine" for /inbox/mine/…; null away from the inbox. */
function useCurrentView(): string | null {
  const [location] = useLocation();
  const [, section, view] = location.split("/");
  return section === "inbox" && view ? view : null;
}

function ViewLink({ slug, label, icon, count, current }: { slug: string; label: string; icon: ReactNode; count: number | undefined; current: string | null }) {
  const { i18n } = useTranslation();
  // "2.5K" keeps the sidebar narrow; the list's header has the exact number.
  const compact = useMemo(() => new Intl.NumberFormat(i18n.language, { notation: "compact", maximumFractionDigits: 1 }), [i18n.language]);
  const active = slug === current;
  return (
    <NavLink
      component={Link}
      href={`/inbox/${slug}`}
      label={label}
      leftSection={icon}
      active={active}
      aria-current={active ? "page" : undefined}
      rightSection={
        count !== undefined && count > 0 ? (
          <Badge size="sm" variant={active ? "filled" : "light"} color={active ? "teal" : "gray"} radius="sm">
            {compact.format(count)}
          </Badge>
        ) : null
      }
      styles={{ label: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" } }}
    />
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-labelledby={id} mt="md">
      <Text id={id} component="h2" size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mb={4}>
        {title}
      </Text>
      {children}
    </Box>
  );
}

/** The inbox's views with live counts: built-in ones, then teams, channels, tags and saved views. */
export function InboxNav() {
  const { t } = useTranslation(["inbox", "common"]);
  const current = useCurrentView();
  const { data: counts } = useCounts();
  const { data: teams } = useTeams();
  const { data: views } = useSavedViews();

  const channels = CHANNELS.filter((channel) => (counts?.channels[channel] ?? 0) > 0 || current === viewSlug.channel(channel));
  const tags = Object.entries(counts?.tags ?? {}).sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b));
  const personal = views?.items.filter((view) => !view.shared) ?? [];
  const shared = views?.items.filter((view) => view.shared) ?? [];

  return (
    <ScrollArea h="100%" type="auto" scrollbarSize={8}>
      <Box p="xs" pb="xl">
        <Section id="inbox-nav-views" title={t("nav.inbox")}>
          {BUILT_IN_VIEWS.map((view) => (
            <ViewLink key={view} slug={view} label={t(`view.${view}`)} icon={BUILT_IN_ICONS[view]} count={counts?.[view]} current={current} />
          ))}
        </Section>

        {teams && teams.items.length > 0 && (
          <Section id="inbox-nav-teams" title={t("nav.teams")}>
            {teams.items.map((team) => (
              <ViewLink
                key={team.id}
                slug={viewSlug.team(team.id)}
                label={team.name}
                icon={<IconUsers size={18} stroke={1.6} aria-hidden="true" />}
                count={counts?.teams[team.id]}
                current={current}
              />
            ))}
          </Section>
        )}

        {channels.length > 0 && (
          <Section id="inbox-nav-channels" title={t("nav.channels")}>
            {channels.map((channel: Channel) => (
              <ViewLink
                key={channel}
                slug={viewSlug.channel(channel)}
                label={t(`common:channel.${channel}`)}
                icon={<ChannelIcon channel={channel} size={18} />}
                count={counts?.channels[channel]}
                current={current}
              />
            ))}
          </Section>
        )}

        {tags.length > 0 && (
          <Section id="inbox-nav-tags" title={t("nav.tags")}>
            {tags.map(([tag, count]) => (
              <ViewLink key={tag} slug={viewSlug.tag(tag)} label={tag} icon={<IconTag size={18} stroke={1.6} aria-hidden="true" />} count={count} current={current} />
            ))}
          </Section>
        )}

        {personal.length + shared.length === 0 ? (
          <Section id="inbox-nav-saved" title={t("nav.savedViews")}>
            <Text size="xs" c="dimmed" px="sm">
              {t("nav.noSavedViews")}
            </Text>
          </Section>
        ) : (
          <>
            {personal.length > 0 && (
              <Section id="inbox-nav-personal" title={t("nav.personalViews")}>
                {personal.map((view) => (
                  <ViewLink key={view.id} slug={viewSlug.saved(view.id)} label={view.name} icon={<IconStack2 size={18} stroke={1.6} aria-hidden="true" />} count={counts?.views[view.id]} current={current} />
                ))}
              </Section>
            )}
            {shared.length > 0 && (
              <Section id="inbox-nav-shared" title={t("nav.sharedViews")}>
                {shared.map((view) => (
                  <ViewLink key={view.id} slug={viewSlug.saved(view.id)} label={view.name} icon={<IconStack2 size={18} stroke={1.6} aria-hidden="true" />} count={counts?.views[view.id]} current={current} />
                ))}
              </Section>
            )}
          </>
        )}
      </Box>
    </ScrollArea>
  );
}
