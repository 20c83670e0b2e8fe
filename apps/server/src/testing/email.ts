import { scopesForRole } from "../platform/auth/policy.ts";
import type { SecretBox } from "../platform/crypto.ts";
import { createMailbox, type Mailbox, type NewMailbox } from "../modules/email/mailboxes.ts";
import type { EmailDeps } from "../modules/email/receive.ts";
import { createTestWorkspace, type TestServer, type TestWorkspace } from "./harness.ts";

/** A raw message as a mail client writes it: header lines, a blank line, the body. */
export function eml(headers: Record<string, string>, body = "Hello."): Buffer {
  return Buffer.from(`${Object.entries(headers).map(([key, value]) => `${key}: ${value}`).join("\r\n")}\r\n\r\n${body}\r\n`);
}

/** What receiveEmail needs, over the same database and file store as the server's routes. */
export function emailDeps(server: TestServer): EmailDeps {
  return { db: server.database.db, files: server.files, attachmentLimitBytes: server.config.attachmentLimitBytes };
}

/** A mailbox in the workspace, created by its owner; help-<slug>@shop.example unless the settings say otherwise. */
export function createTestMailbox(server: TestServer, ws: TestWorkspace, settings: Partial<NewMailbox> = {}, secrets?: SecretBox): Promise<Mailbox> {
  const actor = { via: "session" as const, workspaceId: ws.id, userId: ws.ownerId, role: "owner" as const, scopes: scopesForRole("owner") };
  return createMailbox({ db: server.database.db, actor }, { name: "Support", address: `help-${ws.slug}@shop.example`, ...settings }, secrets);
}

export interface MailboxFixture {
  ws: TestWorkspace;
  mailbox: Mailbox;
  deps: EmailDeps;
}

/** A fresh workspace with one mailbox, and what it takes to deliver mail into it. */
export async function createMailboxFixture(server: TestServer, settings: Partial<NewMailbox> = {}, workspaceName?: string): Promise<MailboxFixture> {
  const ws = await createTestWorkspace(server, workspaceName);
  return { ws, mailbox: await createTestMailbox(server, ws, settings), deps: emailDeps(server) };
}
