import os from "node:os";
import path from "node:path";

/** Where the server under test listens and what it was started with; shared by the config, the setup and the tests. */
export const port = Number(process.env.RAPPORT_E2E_PORT ?? 3210);
export const baseURL = `http://127.0.0.1:${port}`;
/** The server's SMTP listener, so a test can deliver mail the way a mail server would. */
export const smtpPort = Number(process.env.RAPPORT_E2E_SMTP_PORT ?? port + 2000);
export const dataDir = path.join(os.tmpdir(), `rapport-e2e-${port}`);
export const admin = { email: "admin@example.com", password: "e2e-owner-password-1" } as const;

/** The signed-in owner's browser state and an API token of theirs, written by auth.setup.ts. */
export const authDir = path.join("test-results", `.auth-${port}`);
export const adminState = path.join(authDir, "admin.json");
export const adminToken = path.join(authDir, "api-token.json");
export const screenshotDir = path.join("test-results", "screenshots");
