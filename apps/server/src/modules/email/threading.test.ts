import { beforeAll, describe, expect, it } from "vitest";
import { sharedServer, type TestServer } from "../../testing/harness.ts";
import { createMailboxFixture, emailDeps, eml, type MailboxFixture } from "../../testing/email.ts";
import { receiveEmail, type EmailDeps, type ReceiveOutcome } from "./receive.ts";

function stored(outcome: ReceiveOutcome) {
  if (outcome.outcome !== "stored") throw new Error(`Not stored: ${JSON.stringify(outcome)}`);
  return outcome;
}

describe("threading email into conversations", () => {
  let server: TestServer;
  let deps: EmailDeps;
  const inboxes: MailboxFixture[] = [];

  beforeAll(async () => {
    server = await sharedServer();
    deps = emailDeps(server);
    for (const name of ["One", "Two"]) inboxes.push(await createMailboxFixture(server, {}, name));
  });

  async function open(index: number, from: string, id: string) {
    const { ws, mailbox } = inboxes[index]!;
    const first = stored(await receiveEmail(deps, { mailbox, raw: eml({ From: from, To: mailbox.address, Subject: "My order", "Message-ID": `<${id}>` }) }));
    const conversation = await ws.api.get<{ number: number }>(`/api/v1/conversations/${first.conversationId}`);
    return { ...first, number: conversation.body.number };
  }

  it("follows References when In-Reply-To is missing, and In-Reply-To alone (Outlook)", async () => {
    const { mailbox } = inboxes[0]!;
    const first = await open(0, "sam@example.net", "t1@example.net");
    const viaReferences = stored(await receiveEmail(deps, { mailbox, raw: eml({ From: "sam@example.net", To: mailbox.address, Subject: "Re: My order", "Message-ID": "<t1-r1@example.net>", References: "<unknown@x> <t1@example.net>" }) }));
    expect(viaReferences).toMatchObject({ conversationId: first.conversationId, threadedVia: "headers" });
    const outlook = stored(await receiveEmail(deps, { mailbox, raw: eml({ From: "sam@example.net", To: mailbox.address, Subject: "RE: My order", "Message-ID": "<t1-r2@example.net>", "In-Reply-To": "<t1-r1@example.net>", "Thread-Index": "AQHaxyz" }) }));
    expect(outlook.conversationId).toBe(first.conversationId);
  });

  it("threads a reply that kept only the subject's [#number], and a forwarded one", async () => {
    const { mailbox } = inboxes[0]!;
    const first = await open(0, "ana@example.org", "t2@example.org");
    const onlySubject = stored(await receiveEmail(deps, { mailbox, raw: eml({ From: "Ana <ana@example.org>", To: mailbox.address, Subject: `RE: [#${first.number}] My order`, "Message-ID": "<t2-r1@example.org>" }) }));
    expect(onlySubject).toMatchObject({ conversationId: first.conversationId, threadedVia: "subject" });
    const forwarded = stored(await receiveEmail(deps, { mailbox, raw: eml({ From: "ana@example.org", To: mailbox.address, Subject: `Fwd: Re: [#${first.number}] My order`, "Message-ID": "<t2-f@example.org>" }, "---------- Forwarded message ---------\nFrom: Ana") }));
    expect(forwarded.conversationId).toBe(first.conversationId);
  });

  it("threads through a +c<number> recipient, in To or in the SMTP envelope", async () => {
    const { mailbox } = inboxes[0]!;
    const first = await open(0, "lee@example.com", "t3@example.com");
    const tagged = mailbox.address.replace("@", `+c${first.number}@`);
    expect(stored(await receiveEmail(deps, { mailbox, raw: eml({ From: "lee@example.com", To: tagged, Subject: "Another thing", "Message-ID": "<t3-r1@example.com>" }) }))).toMatchObject({
      conversationId: first.conversationId,
      threadedVia: "plus_address",
    });
    const envelope = stored(await receiveEmail(deps, { mailbox, raw: eml({ From: "lee@example.com", To: mailbox.address, Subject: "And another", "Message-ID": "<t3-r2@example.com>" }), envelopeRecipients: [tagged] }));
    expect(envelope.conversationId).toBe(first.conversationId);
  });

  it("does not let a stranger into a conversation by guessing its number", async () => {
    const { mailbox } = inboxes[0]!;
    const first = await open(0, "owner@example.com", "t4@example.com");
    const stranger = stored(await receiveEmail(deps, { mailbox, raw: eml({ From: "mallory@example.net", To: mailbox.address, Subject: `[#${first.number}] hi`, "Message-ID": "<t4-m@example.net>" }) }));
    expect(stranger.conversationId).not.toBe(first.conversationId);
    expect(stranger.threadedVia).toBeUndefined();
  });

  it("keeps mail that failed authentication out of others' conversations, while its own customer may continue", async () => {
    const { ws, mailbox } = inboxes[0]!;
    const first = await open(0, "victim@example.com", "t5@example.com");
    const failed = "mx.shop.example; spf=fail smtp.mailfrom=example.com; dmarc=fail header.from=example.com";
    const forged = stored(
      await receiveEmail(deps, { mailbox, raw: eml({ "Authentication-Results": failed, From: "boss@example.com", To: mailbox.address, Subject: "Re: My order", "Message-ID": "<t5-f@evil.example>", "In-Reply-To": "<t5@example.com>" }) }),
    );
    expect(forged.conversationId).not.toBe(first.conversationId);
    const own = stored(
      await receiveEmail(deps, { mailbox, raw: eml({ "Authentication-Results": failed, From: "victim@example.com", To: mailbox.address, Subject: "Re: My order", "Message-ID": "<t5-o@example.com>", "In-Reply-To": "<t5@example.com>" }) }),
    );
    expect(own.conversationId).toBe(first.conversationId);
    // Forged or not, mail from an agent's own address is a customer's message, never an agent's reply.
    const asAgent = stored(await receiveEmail(deps, { mailbox, raw: eml({ "Authentication-Results": failed, From: ws.ownerEmail, To: mailbox.address, Subject: "Refund approved", "Message-ID": "<t5-a@evil.example>" }) }));
    const messages = await ws.api.get<{ items: { authorType: string; kind: string }[] }>(`/api/v1/conversations/${asAgent.conversationId}/messages`);
    expect(messages.body.items).toEqual([expect.objectContaining({ authorType: "customer", kind: "inbound" })]);
  });

  it("never threads into another workspace, whatever the Message-ID or number", async () => {
    const one = await open(0, "kim@example.com", "shared@example.com");
    const two = inboxes[1]!;
    const byId = stored(await receiveEmail(deps, { mailbox: two.mailbox, raw: eml({ From: "kim@example.com", To: two.mailbox.address, Subject: "Re: My order", "Message-ID": "<shared-r@example.com>", "In-Reply-To": "<shared@example.com>" }) }));
    const byNumber = stored(await receiveEmail(deps, { mailbox: two.mailbox, raw: eml({ From: "kim@example.com", To: two.mailbox.address, Subject: `Re: [#${one.number}] My order`, "Message-ID": "<shared-n@example.com>" }) }));
    // The same Message-ID may arrive in both: each workspace keeps its own.
    const sameId = stored(await receiveEmail(deps, { mailbox: two.mailbox, raw: eml({ From: "kim@example.com", To: two.mailbox.address, Subject: "My order", "Message-ID": "<shared@example.com>" }) }));
    for (const outcome of [byId, byNumber, sameId]) {
      expect(outcome.conversationId).not.toBe(one.conversationId);
      expect((await two.ws.api.get(`/api/v1/conversations/${outcome.conversationId}`)).status).toBe(200);
    }
  });

  it("marks automated mail on its email row", async () => {
    const { mailbox } = inboxes[0]!;
    const auto = stored(await receiveEmail(deps, { mailbox, raw: eml({ From: "bot@example.com", To: mailbox.address, Subject: "Out of office", "Message-ID": "<auto@example.com>", "Auto-Submitted": "auto-replied" }) }));
    expect(auto.automated).toBe(true);
    const person = stored(await receiveEmail(deps, { mailbox, raw: eml({ From: "bot@example.com", To: mailbox.address, Subject: "Hi", "Message-ID": "<person@example.com>" }) }));
    expect(person.automated).toBe(false);
  });
});
