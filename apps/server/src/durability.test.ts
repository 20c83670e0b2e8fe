import { once } from "node:events";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ApiClient, TEST_PASSWORD, testDatabaseUrl } from "./testing/harness.ts";
import { freePort, killServerProcesses, startServerProcess } from "./testing/process.ts";

const tempDirs: string[] = [];

afterAll(async () => {
  killServerProcesses();
  await Promise.all(tempDirs.map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

/** A fresh workspace through signup, and an API token for it. */
async function signUp(url: string): Promise<ApiClient> {
  const email = `durable-${Date.now()}@example.test`;
  const signup = await new ApiClient(url).post<{ csrfToken: string }>("/api/v1/signup", { workspaceName: "Durable", name: "Dana", email, password: TEST_PASSWORD });
  expect(signup.status).toBe(201);
  const cookie = /rapport_session=([^;]+)/.exec(signup.headers.get("set-cookie") ?? "")?.[1];
  const session = new ApiClient(url, { cookie, csrfToken: signup.body.csrfToken });
  const issued = await session.post<{ token: string }>("/api/v1/api-tokens", { name: "burst", scopes: ["conversations:read", "conversations:write"] });
  expect(issued.status).toBe(201);
  return new ApiClient(url, { token: issued.body.token });
}

interface Message {
  externalId: string | null;
}

async function listAllMessages(api: ApiClient, conversationId: string): Promise<Message[]> {
  const messages: Message[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
    const page = await api.get<{ items: Message[]; nextCursor: string | null }>(`/api/v1/conversations/${conversationId}/messages?limit=100${query}`);
    expect(page.status).toBe(200);
    messages.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return messages;
}

const CONCURRENCY = 16;
const KILL_AFTER_ACKNOWLEDGED = 60;

describe("crash durability", () => {
  it("kill -9 during a burst of writes loses no acknowledged write", { timeout: 300_000 }, async () => {
    const databaseUrl = testDatabaseUrl();
    let database: Record<string, string>;
    if (databaseUrl) {
      database = { DATABASE_URL: databaseUrl };
    } else {
      const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "rapport-durability-"));
      tempDirs.push(dataDir);
      database = { RAPPORT_DATA_DIR: dataDir };
    }

    // The restarted server takes the same address, as it would behind a load balancer.
    const port = await freePort();
    const first = await startServerProcess({ env: database, port });
    const api = await signUp(first.url);
    const opened = await api.post<{ conversation: { id: string } }>("/api/v1/conversations", {
      customer: { email: "burst@example.test" },
      message: { text: "Opening message", externalId: "opening" },
    });
    expect(opened.status).toBe(201);
    const conversationId = opened.body.conversation.id;

    const acknowledged = new Set<string>(["opening"]);
    const refused: string[] = [];
    let sent = 0;
    let inFlightAtKill = -1;
    const send = async (): Promise<void> => {
      while (inFlightAtKill < 0 && refused.length === 0) {
        const externalId = `burst-${sent++}`;
        try {
          const response = await api.post(`/api/v1/conversations/${conversationId}/messages`, { kind: "inbound", text: `Message ${externalId}`, externalId });
          if (response.status !== 201) {
            refused.push(`${response.status} ${JSON.stringify(response.body)}`);
            return;
          }
          acknowledged.add(externalId);
        } catch {
          // The process died with this request in flight: it was never acknowledged.
          return;
        }
        if (acknowledged.size === KILL_AFTER_ACKNOWLEDGED) {
          inFlightAtKill = sent - (acknowledged.size - 1) - refused.length;
          first.child.kill("SIGKILL");
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, send));
    expect(refused).toEqual([]);
    expect(inFlightAtKill).toBeGreaterThan(0);
    if (first.child.signalCode === null) await once(first.child, "exit");
    expect(first.child.signalCode).toBe("SIGKILL");

    const second = await startServerProcess({ env: database, port });
    try {
      const stored = await listAllMessages(api, conversationId);
      const copies = new Map<string, number>();
      for (const message of stored) copies.set(message.externalId ?? "", (copies.get(message.externalId ?? "") ?? 0) + 1);
      const lost = [...acknowledged].filter((externalId) => !copies.has(externalId));
      const duplicated = [...copies].filter(([, count]) => count > 1).map(([externalId]) => externalId);
      expect(lost).toEqual([]);
      expect(duplicated).toEqual([]);
      const conversation = await api.get<{ messageCount: number }>(`/api/v1/conversations/${conversationId}`);
      // The counter moves in the same transaction as the insert: a crash cannot leave them apart.
      expect(conversation.body.messageCount).toBe(stored.length);
    } finally {
      await second.stop();
    }
  });
});
