import i18n, { type BackendModule } from "i18next";
import { initReactI18next } from "react-i18next";

export const LANGUAGES = [
  { code: "en", name: "English" },
  { code: "es", name: "Español" },
] as const;
export type Language = (typeof LANGUAGES)[number]["code"];

type Catalog = Record<string, unknown>;

// Every file in locales/<language>/<namespace>.json is a namespace: each feature keeps its own texts. What the
// inbox shows at once is bundled; the texts of pages that load on demand load with them.
// (Vite needs the patterns written out, so the on-demand namespaces are named in both globs.)
const bundled = import.meta.glob<Catalog>(["../locales/*/*.json", "!../locales/*/conversation.json", "!../locales/*/customer.json", "!../locales/*/settings.json"], {
  eager: true,
  import: "default",
});
const onDemand = import.meta.glob<Catalog>(["../locales/*/conversation.json", "../locales/*/customer.json", "../locales/*/settings.json"], { import: "default" });

const localeFile = (file: string) => /locales\/([^/]+)\/([^/]+)\.json$/.exec(file) ?? [];

const resources: Record<string, Record<string, Catalog>> = {};
for (const [file, catalog] of Object.entries(bundled)) {
  const [, language, namespace] = localeFile(file);
  if (!language || !namespace) continue;
  (resources[language] ??= {})[namespace] = catalog;
}

const onDemandBackend: BackendModule = {
  type: "backend",
  init() {},
  read(language, namespace, callback) {
    const load = onDemand[`../locales/${language}/${namespace}.json`];
    if (!load) return callback(null, {});
    load().then(
      (catalog) => callback(null, catalog),
      (error: Error) => callback(error, null),
    );
  },
};

export function detectLanguage(): Language {
  const stored = localStorage.getItem("rapport.language");
  const candidates = [stored, ...navigator.languages].filter((value): value is string => Boolean(value));
  for (const candidate of candidates) {
    const match = LANGUAGES.find((language) => candidate.toLowerCase().startsWith(language.code));
    if (match) return match.code;
  }
  return "en";
}

void i18n
  .use(onDemandBackend)
  .use(initReactI18next)
  .init({
    resources,
    partialBundledLanguages: true,
    lng: detectLanguage(),
    fallbackLng: "en",
    ns: Object.keys(resources.en ?? {}),
    defaultNS: "common",
    interpolation: { escapeValue: false },
    returnNull: false,
  });

export default i18n;
