import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { useQueryClient } from "@tanstack/react-query";
import { Avatar, Menu, UnstyledButton } from "@mantine/core";
import { LANGUAGES } from "../i18n";
import { signOut, useSession } from "./session";
import { usePreferences } from "./preferences";

export function UserMenu() {
  const { t, i18n } = useTranslation();
  const { user, workspace } = useSession();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const { setLanguage, direction, setDirection } = usePreferences();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t("userMenu", { name: user.name })}>
          <Avatar name={user.name} color="initials" size="md" />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {user.name} · {workspace.name}
        </Menu.Label>
        <Menu.Item onClick={() => navigate("/settings/profile")}>{t("profile")}</Menu.Item>
        <Menu.Divider />
        <Menu.Label>{t("language")}</Menu.Label>
        {LANGUAGES.map((language) => (
          <Menu.Item key={language.code} onClick={() => setLanguage(language.code)} aria-current={i18n.language === language.code ? "true" : undefined} lang={language.code}>
            {language.name}
          </Menu.Item>
        ))}
        <Menu.Label>{t("direction.label")}</Menu.Label>
        {(["auto", "ltr", "rtl"] as const).map((choice) => (
          <Menu.Item key={choice} onClick={() => setDirection(choice)} aria-current={direction === choice ? "true" : undefined}>
            {t(`direction.${choice}`)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item color="red" onClick={() => void signOut(queryClient)}>
          {t("signOut")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
