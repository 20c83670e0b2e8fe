import { defineConfig } from "vitest/config";

// One worker and one shared server: each test makes its own workspace instead of its own database.
export default defineConfig({
  test: {
    include: ["apps/*/src/**/*.test.ts"],
    globalSetup: ["apps/server/src/testing/global-setup.ts"],
    pool: "forks",
    maxWorkers: 1,
    isolate: false,
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ["default"],
  },
});
