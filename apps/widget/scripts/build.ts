import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type InlineConfig, type Rolldown } from "vite";

export const widgetRoot = fileURLToPath(new URL("..", import.meta.url));

export interface WidgetBuild {
  /** The loader's path, `widget.js` in the output folder. */
  loader: string;
  /** The chat bundle's path, named by its content hash so it can be cached for good. */
  chat: string;
}

function settings(outDir: string, input: string, fileName: string, define: Record<string, string> = {}): InlineConfig {
  return {
    root: widgetRoot,
    configFile: false,
    logLevel: "warn",
    define,
    oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
    build: {
      outDir,
      emptyOutDir: false,
      target: "es2020",
      modulePreload: false,
      copyPublicDir: false,
      rolldownOptions: { input: path.join(widgetRoot, input), output: { format: "iife", entryFileNames: fileName } },
    },
  };
}

function outputFile(result: Awaited<ReturnType<typeof build>>): string {
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((output) => output.output).find((item) => item.type === "chunk" && item.isEntry);
  if (!chunk) throw new Error("The widget build produced no script.");
  return chunk.fileName;
}

/**
 * Builds the chat bundle, then the loader, which is told the chat bundle's hashed name. Both are classic
 * scripts (IIFE): the host page loads them cross-origin without needing CORS on the scripts themselves.
 */
export async function buildWidget(outDir: string): Promise<WidgetBuild> {
  fs.rmSync(outDir, { recursive: true, force: true });
  const chatFile = outputFile(await build(settings(outDir, "src/chat/main.tsx", "assets/chat-[hash].js")));
  await build(settings(outDir, "src/loader/main.ts", "widget.js", { __CHAT_FILE__: JSON.stringify(chatFile) }));
  return { loader: path.join(outDir, "widget.js"), chat: path.join(outDir, chatFile) };
}
