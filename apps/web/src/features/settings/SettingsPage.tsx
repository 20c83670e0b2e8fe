import type { ComponentType } from "react";
import { useTranslation } from "react-i18next";
import { Link, Redirect, Route, Switch, useLocation } from "wouter";
import { Alert, Box, NavLink, ScrollArea, Title } from "@mantine/core";
import { IconBuilding, IconHistory, IconKey, IconMail, IconMessageChatbot, IconTags, IconUser, IconUsers, IconUsersGroup, type Icon } from "@tabler/icons-react";
import { readableAlert, useIsAdmin } from "./shared";
import { ProfileSection } from "./ProfileSection";
import { WorkspaceSection } from "./WorkspaceSection";
import { PeopleSection } from "./PeopleSection";
import { TeamsSection } from "./TeamsSection";
import { TagsSection } from "./TagsSection";
import { ApiTokensSection } from "./ApiTokensSection";
import { AuditLogSection } from "./AuditLogSection";
import { MailboxesSection } from "./MailboxesSection";
import { WidgetSection } from "./WidgetSection";
import classes from "./settings.module.css";

interface Section {
  path: string;
  label: string;
  icon: Icon;
  adminOnly: boolean;
  component: ComponentType;
}

const SECTIONS: Section[] = [
  { path: "/profile", label: "sections.profile", icon: IconUser, adminOnly: false, component: ProfileSection },
  { path: "/workspace", label: "sections.workspace", icon: IconBuilding, adminOnly: true, component: WorkspaceSection },
  { path: "/people", label: "sections.people", icon: IconUsers, adminOnly: true, component: PeopleSection },
  { path: "/teams", label: "sections.teams", icon: IconUsersGroup, adminOnly: false, component: TeamsSection },
  { path: "/tags", label: "sections.tags", icon: IconTags, adminOnly: true, component: TagsSection },
  { path: "/mailboxes", label: "sections.mailboxes", icon: IconMail, adminOnly: true, component: MailboxesSection },
  { path: "/widget", label: "sections.widget", icon: IconMessageChatbot, adminOnly: true, component: WidgetSection },
  { path: "/api-tokens", label: "sections.apiTokens", icon: IconKey, adminOnly: false, component: ApiTokensSection },
  { path: "/audit-log", label: "sections.auditLog", icon: IconHistory, adminOnly: true, component: AuditLogSection },
];

function AdminsOnly() {
  const { t } = useTranslation("settings");
  return (
    <Alert color="gray" title={t("adminsOnly.title")} role="alert" styles={readableAlert}>
      {t("adminsOnly.body")}
    </Alert>
  );
}

/** Paths here are relative to /settings: the route that renders this page is nested. */
export default function SettingsPage() {
  const { t } = useTranslation("settings");
  const isAdmin = useIsAdmin();
  const [location] = useLocation();
  const visible = SECTIONS.filter((section) => isAdmin || !section.adminOnly);

  return (
    <div className={classes.layout}>
      <Box component="nav" aria-labelledby="settings-title" className={classes.menu}>
        <Title order={1} size="h4" id="settings-title" px="sm" mb="sm">
          {t("title")}
        </Title>
        {visible.map((section) => {
          const active = location === section.path;
          return (
            <NavLink
              key={section.path}
              component={Link}
              href={section.path}
              label={t(section.label)}
              leftSection={<section.icon size={18} aria-hidden />}
              active={active}
              aria-current={active ? "page" : undefined}
              className={classes.menuLink}
            />
          );
        })}
      </Box>
      <ScrollArea className={classes.content} type="auto">
        <Box p={{ base: "md", sm: "xl" }} maw={960}>
          <Switch>
            {SECTIONS.map((section) => (
              <Route key={section.path} path={section.path} component={section.adminOnly && !isAdmin ? AdminsOnly : section.component} />
            ))}
            <Route>
              <Redirect to="/profile" replace />
            </Route>
          </Switch>
        </Box>
      </ScrollArea>
    </div>
  );
}
