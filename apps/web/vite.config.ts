import { defineConfig } from "vite";

// The app is served by the Rapport server under /app; `npm run dev:web` proxies the API to a running server.
export default defineConfig({
  base: "/app/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      // Component libraries mark their modules "use client" for server-rendering frameworks; a plain SPA ignores it.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: { "/api": { target: process.env.RAPPORT_URL ?? "http://localhost:3000", ws: true } },
  },
});
