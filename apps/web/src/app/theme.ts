import { createTheme, darken, defaultVariantColorsResolver, parseThemeColor, type VariantColorsResolver } from "@mantine/core";

/**
 * Mantine's light variant (badges, active nav links, light buttons, initials avatars) puts shade 9 on shade 1:
 * 4.3:1 for teal and 3.6:1 for orange, under WCAG AA's 4.5:1. A quarter darker keeps every palette colour
 * above it on the light scheme; the dark scheme keeps Mantine's own.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== "light") return colors;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  const palette = parsed.isThemeColor ? input.theme.colors[parsed.color] : undefined;
  if (!palette) return colors;
  return { ...colors, color: `light-dark(${darken(palette[9], 0.25)}, ${colors.color})` };
};

// Teal primary with shade 9 for text and filled buttons: white on it, and it on white, pass WCAG AA (shade 8 is 3.9:1).
export const theme = createTheme({
  primaryColor: "teal",
  primaryShade: { light: 9, dark: 6 },
  variantColorResolver,
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif",
  defaultRadius: "sm",
  focusRing: "auto",
});
