import fs from "node:fs";
import path from "node:path";
import type { CpuSplit } from "./measure.ts";
import { resultsDir } from "./server-process.ts";

export type Backend = "postgres" | "pglite";
export const backendName = (backend: Backend) => (backend === "postgres" ? "PostgreSQL" : "PGlite");

export const int = (value: number) => Math.round(value).toLocaleString("en-US");
export const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
export const ratio = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : "n/a");

/** One line of a results table: what, the figure, the target, and whether it is met. */
export type Row = [label: string, value: string, target?: string, met?: boolean];

export function printTable(title: string, rows: Row[], notes: string[] = []): void {
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => (row[column] as string | undefined)?.length ?? 0)));
  console.log(`\n${title}`);
  for (const [label, value, target, met] of rows) {
    const verdict = met === undefined ? "" : met ? "  ok" : "  MISSED";
    console.log(`  ${label.padEnd(widths[0]!)}  ${value.padStart(widths[1]!)}  ${(target ?? "").padEnd(widths[2]!)}${verdict}`.trimEnd());
  }
  for (const note of notes) console.log(`  ${note}`);
}

export function describeCpu(cpu: CpuSplit): string {
  const pct = (value: number) => `${Math.round(value)}%`;
  return `CPU over the measured window, % of one core (${cpu.cores} cores = ${cpu.cores * 100}%): server ${pct(cpu.server)}, load generator ${pct(cpu.loadGenerator)}, PostgreSQL ${pct(cpu.postgres)}, other ${pct(cpu.other)}, idle ${pct(cpu.idle)}`;
}

const resultPath = (name: string) => path.join(resultsDir, `${name}.json`);

export function writeResult(name: string, result: object): void {
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(resultPath(name), `${JSON.stringify(result, null, 2)}\n`);
}

export function readResult<T>(name: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(resultPath(name), "utf8")) as T;
  } catch {
    return undefined;
  }
}
