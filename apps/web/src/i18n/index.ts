import i18n from "i18next";
import { initReactI18next } from "react-i18next";

export const LANGUAGES = [
  { code: "en", name: "English" },
  { code: "es", name: "Español" },
] as const;
export type Language = (typeof LANGUAGES)[number]["code"];

type Catalog = Record<string, unknown>;

// Every file in locales/<language>/<namespace>.json is a namespace: each feature keeps its own texts.
const files = import.meta.glob<Catalog>("../locales/*/*.json", { eager: true, import: "default" });
const resources: Record<string, Record<string, Catalog>> = {};
for (const [file, catalog] of Object.entries(files)) {
  const [, language, namespace] = /locales\/([^/]+)\/([^/]+)\.json$/.exec(file) ?? [];
  if (!language || !namespace) continue;
  (resources[language] ??= {})[namespace] = catalog;
}

export function detectLanguage(): Language {
  const stored = localStorage.getItem("rapport.language");
  const candidates = [stored, ...navigator.languages].filter((value): value is string => Boolean(value));
  for (const candidate of candidates) {
    const match = LANGUAGES.find((language) => candidate.toLowerCase().startsWith(language.code));
    if (match) return match.code;
  }
  return "en";
}

void i18n.use(initReactI18next).init({
  resources,
  lng: detectLanguage(),
  fallbackLng: "en",
  ns: Object.keys(resources.en ?? {}),
  defaultNS: "common",
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
