import fs from "node:fs";
import path from "node:path";
import { printTable, type Row } from "./report.ts";
import { profileDirOf, repoRoot } from "./server-process.ts";

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** A frame's file, short: within its package, or within the repository. */
function fileOf(url: string): string {
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) return url.slice(modules + "node_modules/".length);
  return url.startsWith("node:") ? url : path.relative(repoRoot, url.replace(/^file:\/\//, ""));
}

/** The package, or the file of our own code, a frame belongs to. */
function areaOf(url: string, functionName: string): string {
  if (!url) return functionName || "(anonymous)";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  return fileOf(url);
}

/**
 * Prints where the server spent its CPU: self time by package or file, and the top
 * functions. Node writes one profile per thread (tsx's loader has its own); the
 * largest is the main thread's.
 */
export function summarizeProfile(label: string, top = 15): void {
  const dir = profileDirOf(label);
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).map((name) => path.join(dir, name)) : [];
  const file = files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
  if (!file) {
    console.log(`  (no CPU profile in ${dir})`);
    return;
  }
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfByArea = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    const micros = profile.timeDeltas[i] ?? 0;
    if (!frame || frame.functionName === "(idle)") return;
    total += micros;
    const area = areaOf(frame.url, frame.functionName);
    selfByArea.set(area, (selfByArea.get(area) ?? 0) + micros);
    const fn = `${frame.functionName || "(anonymous)"} ${frame.url ? `${fileOf(frame.url)}:${frame.lineNumber + 1}` : ""}`.trim();
    selfByFunction.set(fn, (selfByFunction.get(fn) ?? 0) + micros);
  });
  const rows = (map: Map<string, number>): Row[] =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => [name, `${((100 * micros) / total).toFixed(1)}%`]);
  printTable(`server CPU profile (${label}): self time by package or file, of ${(total / 1e6).toFixed(1)} s busy`, rows(selfByArea));
  printTable(`server CPU profile (${label}): top functions by self time`, rows(selfByFunction), [`profile: ${path.relative(repoRoot, file)} (open in Chrome DevTools or speedscope)`]);
}
