import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import fs from "node:fs";
import path from "node:path";
import { buildWidget, widgetRoot } from "./build.ts";

/**
 * Builds the chat widget when its build is missing or older than its sources, so `npm start` alone serves a
 * current widget. Like the agent app's, the stamp is a hash of what the build reads, not a file time.
 */
const repoRoot = path.resolve(widgetRoot, "../..");
const distDir = path.join(widgetRoot, "dist");
const stampFile = path.join(distDir, ".build-stamp");

function* inputs(): Generator<string> {
  for (const entry of fs.readdirSync(path.join(widgetRoot, "src"), { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && !entry.name.endsWith(".test.ts")) yield path.join(entry.parentPath, entry.name);
  }
  for (const file of ["package.json", "scripts/build.ts", "scripts/ensure-build.ts"]) yield path.join(widgetRoot, file);
  yield path.join(repoRoot, "apps/server/src/modules/widget/protocol.ts");
  yield path.join(repoRoot, "package-lock.json");
}

function sourceHash(): string {
  const hash = createHash("sha256");
  for (const file of [...inputs()].sort()) {
    if (!fs.existsSync(file)) continue;
    hash.update(path.relative(repoRoot, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

/** Brotli and gzip copies beside each script, so the server never compresses per request. */
function compress(file: string): void {
  const content = fs.readFileSync(file);
  fs.writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  fs.writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
}

const wanted = sourceHash();
const current = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, "utf8") : "";
if (current === wanted && !process.argv.includes("--force")) process.exit(0);

console.log(current ? "The chat widget's sources changed; rebuilding it…" : "Building the chat widget…");
const started = Date.now();
const built = await buildWidget(distDir);
compress(built.loader);
compress(built.chat);
fs.writeFileSync(stampFile, wanted);
console.log(`Chat widget built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
