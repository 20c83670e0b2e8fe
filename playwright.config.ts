import { defineConfig, devices } from "@playwright/test";
import { adminState, admin, baseURL, dataDir, port, smtpPort } from "./e2e/support/env.ts";

/**
 * The browser tests start Rapport the way the README does — `npm start`, whose prestart step builds the agent
 * app when it is stale — on a fresh embedded database with the demo workspace, and drive Debian's Chromium
 * against it. Browsers are never downloaded.
 */
const chromium = {
  ...devices["Desktop Chrome"],
  channel: undefined,
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  },
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/artifacts",
  // One worker: the tests share one demo workspace and a small machine; each test still makes the data it changes.
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  // The server, Chromium and the runner share two cores in CI: a first visit to a screen that loads its code and
  // translations on demand has been seen to take six seconds there, with every request answered in milliseconds.
  expect: { timeout: 10_000 },
  reporter: "list",
  use: {
    baseURL,
    locale: "en-US",
    timezoneId: "Europe/Madrid",
    actionTimeout: 10_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts$/, use: chromium },
    { name: "chromium", testMatch: /.*\.spec\.ts$/, dependencies: ["setup"], use: { ...chromium, storageState: adminState } },
  ],
  webServer: {
    // A fresh data directory every run, so the demo workspace and the owner's password are the known ones.
    command: `rm -rf "${dataDir}" && env -u DATABASE_URL npm start`,
    url: `${baseURL}/readyz`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      RAPPORT_PUBLIC_URL: baseURL,
      RAPPORT_DATA_DIR: dataDir,
      RAPPORT_DEMO_DATA: "true",
      RAPPORT_ADMIN_EMAIL: admin.email,
      RAPPORT_ADMIN_PASSWORD: admin.password,
      RAPPORT_SMTP_PORT: String(smtpPort),
      RAPPORT_SMTP_HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
    },
  },
});
