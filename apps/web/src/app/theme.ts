import { createTheme } from "@mantine/core";

// Teal primary with shade 8 for text and filled buttons: white on it, and it on white, pass WCAG AA contrast.
export const theme = createTheme({
  primaryColor: "teal",
  primaryShade: { light: 8, dark: 6 },
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif",
  defaultRadius: "sm",
  focusRing: "auto",
});
