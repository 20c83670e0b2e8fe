import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { ensureBuilt, filesUnder } from "../../../scripts/stale-build.ts";

/** Builds the agent app when its build is missing or older than its sources (npm start's prestart). */
const webRoot = fileURLToPath(new URL("..", import.meta.url));
const distDir = path.join(webRoot, "dist");

await ensureBuilt({
  name: "the agent app",
  distDir,
  inputs: [
    ...filesUnder(path.join(webRoot, "src")),
    ...filesUnder(path.join(webRoot, "public")),
    ...["index.html", "vite.config.ts", "postcss.config.cjs", "package.json", "scripts/ensure-build.ts"].map((file) => path.join(webRoot, file)),
  ],
  async build() {
    await build({ root: webRoot, logLevel: "warn", configFile: path.join(webRoot, "vite.config.ts") });
    return filesUnder(distDir, (name) => !/\.(js|css|html|svg|json)$/.test(name));
  },
});
