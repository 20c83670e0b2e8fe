import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * What the agent app's and the chat widget's prestart steps share: build when the build is missing or older than
 * its sources, so `npm start` alone serves current scripts. The stamp is a hash of everything the build reads, not
 * a file time: a fresh checkout or a `git pull` that changes nothing the build uses does not rebuild.
 */
export const repoRoot = fileURLToPath(new URL("..", import.meta.url));

/** Every file under `folder`, skipping those `skip` names. */
export function* filesUnder(folder: string, skip: (name: string) => boolean = () => false): Generator<string> {
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && !skip(entry.name)) yield path.join(entry.parentPath, entry.name);
  }
}

function sourceHash(inputs: Iterable<string>): string {
  const hash = createHash("sha256");
  for (const file of [...inputs].sort()) {
    if (!fs.existsSync(file)) continue;
    hash.update(path.relative(repoRoot, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

/** Brotli and gzip copies beside each file, made once here so the server never compresses per request. */
function compress(files: Iterable<string>): void {
  for (const file of files) {
    const content = fs.readFileSync(file);
    fs.writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    fs.writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
  }
}

export interface StaleBuild {
  /** "the agent app", "the chat widget": for the lines printed while building. */
  name: string;
  distDir: string;
  /** Everything the build reads (its sources, its configuration, this script, the lockfile). */
  inputs: Iterable<string>;
  /** Builds into distDir and returns the files to serve compressed. */
  build(): Promise<Iterable<string>>;
}

/** Builds when the inputs changed since the last build, or always with `--force` on the command line. */
export async function ensureBuilt(target: StaleBuild): Promise<void> {
  const stampFile = path.join(target.distDir, ".build-stamp");
  const wanted = sourceHash([...target.inputs, fileURLToPath(import.meta.url), path.join(repoRoot, "package-lock.json")]);
  const current = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, "utf8") : "";
  if (current === wanted && !process.argv.includes("--force")) return;
  console.log(current ? `The sources of ${target.name} changed; rebuilding it…` : `Building ${target.name} (once; later starts reuse it)…`);
  const started = Date.now();
  compress(await target.build());
  fs.writeFileSync(stampFile, wanted);
  console.log(`Built ${target.name} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
