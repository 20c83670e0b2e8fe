import { Suspense, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import { AppShell, Burger, Center, Group, Loader, NavLink, Text, VisuallyHidden } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconBook2 } from "@tabler/icons-react";
import { InboxNav } from "../features/inbox/InboxNav";
import { GlobalSearch } from "../features/search/GlobalSearch";
import { NotificationsMenu } from "../features/notifications/NotificationsMenu";
import { useLiveUpdates, useConnectionState } from "./live";
import { useShortcut } from "./shortcuts";
import { UserMenu } from "./UserMenu";

function ConnectionBadge() {
  const { t } = useTranslation();
  const state = useConnectionState();
  if (state === "open") return null;
  return (
    <Text size="xs" c="orange.8" role="status">
      {t(state === "signed-out" ? "connection.signedOut" : "connection.reconnecting")}
    </Text>
  );
}

/** The signed-in frame: header, the inbox's views on the side, and the page. */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [navOpen, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const [location, navigate] = useLocation();
  const inKnowledge = location.startsWith("/knowledge");
  useLiveUpdates();
  useShortcut("g i", "goInbox", "navigation", () => navigate("/inbox/mine"));
  useShortcut("g s", "goSettings", "navigation", () => navigate("/settings"));
  useShortcut("g k", "goKnowledge", "navigation", () => navigate("/knowledge"));

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 248, breakpoint: "sm", collapsed: { mobile: !navOpen } }} padding={0}>
      <a href="#main" className="skip-link">
        {t("skipToContent")}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpen} onClick={toggleNav} hiddenFrom="sm" size="sm" aria-label={t("toggleNavigation")} />
            <Text fw={700} size="lg" c="teal.9">
              Rapport
            </Text>
          </Group>
          <GlobalSearch />
          <Group gap="xs" wrap="nowrap">
            <ConnectionBadge />
            <NotificationsMenu />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar aria-label={t("navigation")} onClick={closeNav}>
        <AppShell.Section grow style={{ minHeight: 0 }}>
          <InboxNav />
        </AppShell.Section>
        <AppShell.Section p="xs" style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}>
          <NavLink
            component={Link}
            href="/knowledge"
            label={t("knowledgeBase")}
            leftSection={<IconBook2 size={18} stroke={1.6} aria-hidden="true" />}
            active={inKnowledge}
            aria-current={inKnowledge ? "page" : undefined}
          />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} className="app-main">
        <VisuallyHidden>
          <h1>Rapport</h1>
        </VisuallyHidden>
        <Suspense
          fallback={
            <Center h="50vh">
              <Loader aria-label={t("loading")} />
            </Center>
          }
        >
          {children}
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
