import path from "node:path";
import { ensureBuilt, filesUnder, repoRoot } from "../../../scripts/stale-build.ts";
import { buildWidget, widgetRoot } from "./build.ts";

/** Builds the chat widget when its build is missing or older than its sources (npm start's prestart). */
const distDir = path.join(widgetRoot, "dist");

await ensureBuilt({
  name: "the chat widget",
  distDir,
  inputs: [
    ...filesUnder(path.join(widgetRoot, "src"), (name) => name.endsWith(".test.ts")),
    ...["package.json", "scripts/build.ts", "scripts/ensure-build.ts"].map((file) => path.join(widgetRoot, file)),
    path.join(repoRoot, "apps/server/src/modules/widget/protocol.ts"),
  ],
  async build() {
    const built = await buildWidget(distDir);
    return [built.loader, built.chat];
  },
});
