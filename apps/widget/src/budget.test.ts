import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWidget, type WidgetBuild } from "../scripts/build.ts";

/** The widget runs on other people's pages, often on phones: what it weighs is a feature. */
const LOADER_BUDGET = 10 * 1024;
const CHAT_BUDGET = 50 * 1024;

const gzipped = (file: string) => gzipSync(fs.readFileSync(file), { level: 9 }).length;

describe("the chat widget's size", () => {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-widget-"));
  let built: WidgetBuild;

  beforeAll(async () => {
    built = await buildWidget(outDir);
  });
  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  it(`keeps the loader within ${LOADER_BUDGET / 1024} KB gzipped`, () => {
    expect(gzipped(built.loader)).toBeLessThanOrEqual(LOADER_BUDGET);
  });

  it(`keeps the chat bundle within ${CHAT_BUDGET / 1024} KB gzipped`, () => {
    expect(gzipped(built.chat)).toBeLessThanOrEqual(CHAT_BUDGET);
  });

  it("runs nothing a strict Content-Security-Policy would block", () => {
    for (const file of [built.loader, built.chat]) {
      const source = fs.readFileSync(file, "utf8");
      expect(source).not.toMatch(/\beval\(|new Function\(|setAttribute\(\s*["'`]style/);
    }
  });
});
