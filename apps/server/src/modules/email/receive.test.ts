import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, sharedServer, type TestServer, type TestWorkspace } from "../../testing/harness.ts";
import { FileStore } from "../../platform/files.ts";
import { scopesForRole } from "../../platform/auth/policy.ts";
import { createMailbox, findMailboxByRecipient, type Mailbox } from "./mailboxes.ts";
import { receiveEmail, type EmailDeps } from "./receive.ts";

function eml(headers: Record<string, string>, body: string): Buffer {
  return Buffer.from(`${Object.entries(headers).map(([key, value]) => `${key}: ${value}`).join("\r\n")}\r\n\r\n${body}\r\n`);
}

describe("receiving an email", () => {
  let server: TestServer;
  let ws: TestWorkspace;
  let mailbox: Mailbox;
  let deps: EmailDeps;

  beforeAll(async () => {
    server = await sharedServer();
    ws = await createTestWorkspace(server);
    const actor = { via: "session" as const, workspaceId: ws.id, userId: ws.ownerId, role: "owner" as const, scopes: scopesForRole("owner") };
    mailbox = await createMailbox({ db: server.database.db, actor }, { name: "Support", address: `help-${ws.slug}@shop.example` });
    deps = { db: server.database.db, files: new FileStore(path.join(os.tmpdir(), `rapport-test-${process.pid}`, "files")) };
  });

  it("opens a conversation, threads the reply into it, and stores a redelivery once", async () => {
    const first = eml({ From: "Sam Doe <sam@example.net>", To: mailbox.address, Subject: "Where is my order?", "Message-ID": "<first@example.net>" }, "It has been a week.");
    const stored = await receiveEmail(deps, { mailbox, raw: first });
    expect(stored.outcome).toBe("stored");
    const again = await receiveEmail(deps, { mailbox, raw: first });
    expect(again.outcome).toBe("duplicate");

    const reply = eml(
      { From: "sam@example.net", To: mailbox.address, Subject: "Re: Where is my order?", "Message-ID": "<second@example.net>", "In-Reply-To": "<first@example.net>" },
      "Any news?",
    );
    const threaded = await receiveEmail(deps, { mailbox, raw: reply });
    expect(threaded.outcome === "stored" && stored.outcome === "stored" && threaded.conversationId === stored.conversationId).toBe(true);

    const messages = await ws.api.get<{ items: { text: string }[] }>(`/api/v1/conversations/${stored.outcome === "stored" ? stored.conversationId : ""}/messages`);
    expect(messages.body.items.map((message) => message.text)).toEqual(["It has been a week.", "Any news?"]);
  });

  it("finds the mailbox by its address, a plus tag, or its forwarding address", async () => {
    expect((await findMailboxByRecipient(server.database.db, mailbox.address.toUpperCase(), "mail.rapport.test"))?.id).toBe(mailbox.id);
    expect((await findMailboxByRecipient(server.database.db, mailbox.address.replace("@", "+c42@"), "mail.rapport.test"))?.id).toBe(mailbox.id);
    expect((await findMailboxByRecipient(server.database.db, `${mailbox.forwardingToken}@mail.rapport.test`, "mail.rapport.test"))?.id).toBe(mailbox.id);
    expect(await findMailboxByRecipient(server.database.db, `${mailbox.forwardingToken}@elsewhere.example`, "mail.rapport.test")).toBeUndefined();
    expect(await findMailboxByRecipient(server.database.db, "nobody@shop.example", "mail.rapport.test")).toBeUndefined();
  });
});
