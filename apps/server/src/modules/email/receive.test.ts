import { beforeAll, describe, expect, it } from "vitest";
import { sharedServer, until, type TestServer, type TestWorkspace } from "../../testing/harness.ts";
import { EVENTS_CHANNEL, type EventNotice } from "../../platform/events.ts";
import { createMailboxFixture, eml } from "../../testing/email.ts";
import { findMailboxByRecipient, type Mailbox } from "./mailboxes.ts";
import { receiveEmail, type EmailDeps } from "./receive.ts";

describe("receiving an email", () => {
  let server: TestServer;
  let ws: TestWorkspace;
  let mailbox: Mailbox;
  let deps: EmailDeps;

  beforeAll(async () => {
    server = await sharedServer();
    ({ ws, mailbox, deps } = await createMailboxFixture(server));
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

  it("announces the customer, the conversation and the message once the mail is committed", async () => {
    const heard: EventNotice[] = [];
    const unlisten = await server.database.listen(EVENTS_CHANNEL, (payload) => heard.push(JSON.parse(payload) as EventNotice));
    try {
      const raw = eml({ From: "heard@example.net", To: mailbox.address, Subject: "Live", "Message-ID": "<heard@example.net>" }, "Can you hear me?");
      const stored = await receiveEmail(deps, { mailbox, raw });
      if (stored.outcome !== "stored") throw new Error(`not stored: ${stored.outcome}`);
      const mine = () => heard.filter((notice) => notice.workspaceId === ws.id).map((notice) => notice.type);
      await until(() => mine().length >= 3);
      expect(mine()).toEqual(["customer.created", "conversation.created", "message.created"]);
    } finally {
      await unlisten();
    }
  });

  it("stores mail with an absurdly long Message-ID, and threads its reply", async () => {
    const longId = `<${"x".repeat(5_000)}@example.net>`;
    const first = eml({ From: "long@example.net", To: mailbox.address, Subject: "Long id", "Message-ID": longId }, "First.");
    const stored = await receiveEmail(deps, { mailbox, raw: first });
    expect(stored.outcome).toBe("stored");
    expect((await receiveEmail(deps, { mailbox, raw: first })).outcome).toBe("duplicate");
    const reply = eml({ From: "long@example.net", To: mailbox.address, Subject: "Re: Long id", "Message-ID": "<long-reply@example.net>", "In-Reply-To": longId }, "Second.");
    const threaded = await receiveEmail(deps, { mailbox, raw: reply });
    expect(threaded.outcome === "stored" && stored.outcome === "stored" && threaded.conversationId === stored.conversationId).toBe(true);
  });

  it("quarantines mail it cannot store instead of failing it forever, and runs the caller's step with the quarantine", async () => {
    let calls = 0;
    const raw = eml({ From: "q@example.net", To: mailbox.address, Subject: "Unlucky", "Message-ID": "<unlucky@example.net>" }, "Hello.");
    const outcome = await receiveEmail(deps, {
      mailbox,
      raw,
      // The first run of the caller's step fails, as a database error inside the storing transaction would.
      within: async () => {
        calls += 1;
        if (calls === 1) throw new Error("the storing transaction failed");
      },
    });
    expect(outcome).toMatchObject({ outcome: "quarantined", error: "Could not be stored: the storing transaction failed" });
    expect(calls).toBe(2);
    const conversations = await ws.api.get<{ items: { subject: string }[] }>("/api/v1/conversations?limit=100");
    expect(conversations.body.items.map((conversation) => conversation.subject)).not.toContain("Unlucky");
  });

  it("finds the mailbox by its address, a plus tag, or its forwarding address", async () => {
    expect((await findMailboxByRecipient(server.database.db, mailbox.address.toUpperCase(), "mail.rapport.test"))?.id).toBe(mailbox.id);
    expect((await findMailboxByRecipient(server.database.db, mailbox.address.replace("@", "+c42@"), "mail.rapport.test"))?.id).toBe(mailbox.id);
    expect((await findMailboxByRecipient(server.database.db, `${mailbox.forwardingToken}@mail.rapport.test`, "mail.rapport.test"))?.id).toBe(mailbox.id);
    expect(await findMailboxByRecipient(server.database.db, `${mailbox.forwardingToken}@elsewhere.example`, "mail.rapport.test")).toBeUndefined();
    expect(await findMailboxByRecipient(server.database.db, "nobody@shop.example", "mail.rapport.test")).toBeUndefined();
  });
});
