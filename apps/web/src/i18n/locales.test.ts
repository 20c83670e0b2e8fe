import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Every text the app shows exists in every language: a key missing in Spanish would fall back to English
// in the middle of a Spanish screen.
const localesDir = fileURLToPath(new URL("../locales/", import.meta.url));
const languages = fs.readdirSync(localesDir);

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

const catalog = (language: string, file: string) => JSON.parse(fs.readFileSync(path.join(localesDir, language, file), "utf8")) as unknown;

describe("the app's translations", () => {
  it("are complete in every language", () => {
    expect(languages.sort()).toEqual(["en", "es"]);
    const namespaces = fs.readdirSync(path.join(localesDir, "en"));
    for (const language of languages) {
      expect(fs.readdirSync(path.join(localesDir, language)).sort(), language).toEqual([...namespaces].sort());
      for (const namespace of namespaces) {
        expect(keysOf(catalog(language, namespace)).sort(), `${language}/${namespace}`).toEqual(keysOf(catalog("en", namespace)).sort());
      }
    }
  });

  it("leave no text empty", () => {
    for (const language of languages) {
      for (const namespace of fs.readdirSync(path.join(localesDir, language))) {
        const data = catalog(language, namespace);
        for (const key of keysOf(data)) {
          const text = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], data);
          expect(typeof text === "string" && text.trim().length > 0, `${language}/${namespace}: ${key}`).toBe(true);
        }
      }
    }
  });
});
