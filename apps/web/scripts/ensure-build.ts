import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

/**
 * Builds the agent app when its build is missing or older than its sources, so `npm start` alone serves a
 * current app. The stamp is a hash of everything the build reads, not a file time: a fresh checkout or a
 * `git pull` that changes nothing the app uses does not rebuild.
 */
const webRoot = fileURLToPath(new URL("..", import.meta.url));
const repoRoot = path.resolve(webRoot, "../..");
const stampFile = path.join(webRoot, "dist", ".build-stamp");

function* inputs(): Generator<string> {
  for (const folder of ["src", "public"]) {
    for (const entry of fs.readdirSync(path.join(webRoot, folder), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) yield path.join(entry.parentPath, entry.name);
    }
  }
  for (const file of ["index.html", "vite.config.ts", "postcss.config.cjs", "package.json", "scripts/ensure-build.ts"]) yield path.join(webRoot, file);
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

/** Brotli and gzip copies of every text file, made once here so the server never compresses per request. */
function compressBuild(folder: string): void {
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(js|css|html|svg|json)$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const content = fs.readFileSync(file);
    fs.writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    fs.writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
  }
}

const wanted = sourceHash();
const current = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, "utf8") : "";
if (current === wanted && !process.argv.includes("--force")) process.exit(0);

console.log(current ? "The agent app's sources changed; rebuilding it…" : "Building the agent app (once; later starts reuse it)…");
const started = Date.now();
await build({ root: webRoot, logLevel: "warn", configFile: path.join(webRoot, "vite.config.ts") });
compressBuild(path.join(webRoot, "dist"));
fs.writeFileSync(stampFile, wanted);
console.log(`Agent app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
