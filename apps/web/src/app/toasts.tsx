import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { createTheme, MantineThemeProvider, Notification } from "@mantine/core";
import { Notifications } from "@mantine/notifications";

/** Where toasts appear; their close button is named in the person's language, for screen readers. */
export function Toasts() {
  const { t } = useTranslation("common");
  const theme = useMemo(
    () => createTheme({ components: { Notification: Notification.extend({ defaultProps: { closeButtonProps: { "aria-label": t("close") } } }) } }),
    [t],
  );
  return (
    <MantineThemeProvider theme={theme}>
      <Notifications position="bottom-right" />
    </MantineThemeProvider>
  );
}
