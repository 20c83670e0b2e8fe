import { createHash, randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import nodemailer from "nodemailer";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, sharedServer, startTestServer, testConfig, type TestServer } from "../testing/harness.ts";
import { createTestMailbox } from "../testing/email.ts";
import { startS3Server, type S3Server } from "../testing/s3.ts";
import { SmtpListener } from "../modules/email/smtp-listener.ts";
import { LocalFileStore, type FileStore } from "./files.ts";
import { S3FileStore } from "./files-s3.ts";

interface StoreUnderTest {
  /** What the server needs in its environment to use this store. */
  env: Record<string, string>;
  /** The names the store holds for a workspace, read from the store itself rather than through Rapport. */
  keysOf(workspaceId: string): Promise<string[]>;
  close(): Promise<void>;
}

const stores: { name: string; start(): Promise<StoreUnderTest> }[] = [
  {
    name: "on disk",
    async start() {
      const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "rapport-files-"));
      return {
        env: { RAPPORT_DATA_DIR: dataDir },
        keysOf: (workspaceId) => fs.readdir(path.join(dataDir, "files", workspaceId)).catch(() => []),
        close: () => fs.rm(dataDir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: "in an S3-compatible bucket",
    // s3rver on a loopback port stands in for the operator's object store: a fake only at the network edge,
    // reached over HTTP through the real AWS SDK.
    async start() {
      const s3 = await startS3Server();
      return {
        env: s3.env,
        keysOf: async (workspaceId) => (await s3.listKeys(`rapport/${workspaceId}/`)).map((key) => key.slice(`rapport/${workspaceId}/`.length)),
        close: () => s3.close(),
      };
    },
  },
];

/** A source that arrives in pieces, as an upload does, of `size` bytes. */
function chunked(bytes: Buffer, chunkSize = 64 * 1024): Readable {
  return Readable.from(
    (function* () {
      for (let offset = 0; offset < bytes.length; offset += chunkSize) yield bytes.subarray(offset, offset + chunkSize);
    })(),
  );
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe.each(stores)("files $name", ({ start }) => {
  let under: StoreUnderTest;
  let server: TestServer;
  let files: FileStore;

  beforeAll(async () => {
    under = await start();
    // The store is chosen by configuration alone; the database is the shared test database.
    server = await startTestServer({ config: testConfig(under.env), database: (await sharedServer()).database });
    files = server.files;
  });

  afterAll(async () => {
    await server?.close();
    await under?.close();
  });

  it("is the store the configuration names", () => {
    expect(files).toBeInstanceOf(under.env.RAPPORT_FILES_S3_BUCKET ? S3FileStore : LocalFileStore);
  });

  it("gives back what it kept, with its size and sha256, until it is removed", async () => {
    const workspaceId = randomUUID();
    // Larger than one part of a multipart upload, so a bucket receives it in pieces.
    const bytes = randomBytes(6 * 1024 * 1024 + 123);
    const stored = await files.save(workspaceId, chunked(bytes), bytes.length);
    expect(stored).toEqual({ key: expect.stringMatching(new RegExp(`^${workspaceId}/[0-9a-f]{32}$`)), size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") });
    expect(await under.keysOf(workspaceId)).toEqual([stored.key.split("/")[1]]);
    expect((await readAll(files.open(stored.key))).equals(bytes)).toBe(true);

    const empty = await files.save(workspaceId, Readable.from([]), 10);
    expect(empty).toMatchObject({ size: 0, sha256: createHash("sha256").digest("hex") });
    expect(await readAll(files.open(empty.key))).toHaveLength(0);

    await files.remove(stored.key);
    await files.remove(empty.key);
    expect(await under.keysOf(workspaceId)).toEqual([]);
    await expect(readAll(files.open(stored.key))).rejects.toThrow();
    // Removing twice is not an error: a retried clean-up must not fail on what the first one did.
    await files.remove(stored.key);
  });

  // The second file is refused after a first multipart part was sent. s3rver does not implement aborting a
  // multipart upload (it answers 405), so there only the object listing shows that nothing was kept.
  it("refuses a file over the limit and keeps nothing of it, however far it got", async () => {
    const workspaceId = randomUUID();
    for (const [size, limit] of [[2048, 1024], [6 * 1024 * 1024, 5 * 1024 * 1024 + 512 * 1024]] as const) {
      const source = chunked(randomBytes(size));
      await expect(files.save(workspaceId, source, limit)).rejects.toMatchObject({ code: "payload_too_large" });
      expect(source.destroyed).toBe(true);
    }
    expect(await under.keysOf(workspaceId)).toEqual([]);
  });

  it("keeps nothing of a source that fails part way", async () => {
    const workspaceId = randomUUID();
    const failing = Readable.from(
      (async function* () {
        yield Buffer.alloc(1024, 1);
        throw new Error("the client went away");
      })(),
    );
    await expect(files.save(workspaceId, failing, 1024 * 1024)).rejects.toThrow("the client went away");
    expect(await under.keysOf(workspaceId)).toEqual([]);
  });

  it("refuses a key it did not make", () => {
    for (const key of ["../../etc/passwd", `${randomUUID()}/../x`, "other-bucket/object"]) {
      expect(() => files.open(key), key).toThrow(/Not a file key/);
    }
  });

  it("serves a workspace's upload to that workspace only", async () => {
    const owner = await createTestWorkspace(server);
    const other = await createTestWorkspace(server, "Other");
    const upload = await owner.api.fetch("/api/v1/attachments?filename=invoice.txt", { method: "POST", body: "Invoice 1001", headers: { "content-type": "text/plain" } });
    expect(upload.status).toBe(201);
    const { id } = (await upload.json()) as { id: string };
    expect(await under.keysOf(owner.id)).toHaveLength(1);

    const own = await owner.api.fetch(`/api/v1/attachments/${id}`);
    expect(own.status).toBe(200);
    expect(own.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(own.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await own.text()).toBe("Invoice 1001");

    const foreign = await other.api.fetch(`/api/v1/attachments/${id}`);
    expect(foreign.status).toBe(404);
    expect(await text(foreign.body!)).not.toContain("Invoice 1001");
  });
});

describe("mail received with files kept in an S3-compatible bucket", () => {
  let s3: S3Server;
  let server: TestServer;
  let listener: SmtpListener;

  beforeAll(async () => {
    s3 = await startS3Server();
    server = await startTestServer({ config: testConfig(s3.env), database: (await sharedServer()).database });
    listener = new SmtpListener({ db: server.database.db, files: server.files, email: { ...server.config.email, smtpPort: 0, smtpHost: "127.0.0.1" }, log: pino({ level: "silent" }) });
    await listener.start();
  });

  afterAll(async () => {
    await listener?.stop();
    await server?.close();
    await s3?.close();
  });

  it("keeps the source and the attachment in the bucket, and serves the attachment to the workspace", async () => {
    const ws = await createTestWorkspace(server);
    const mailbox = await createTestMailbox(server, ws);
    const photo = randomBytes(300 * 1024);
    await nodemailer.createTransport({ host: "127.0.0.1", port: listener.port!, secure: false, ignoreTLS: true }).sendMail({
      from: "Sam Doe <sam@example.net>",
      to: mailbox.address,
      subject: "The broken zip",
      text: "A photo of the zip.",
      attachments: [{ filename: "zip.jpg", contentType: "image/jpeg", content: photo }],
    });

    // Acknowledged only once stored: the source as it arrived and the attachment taken out of it are in the bucket.
    expect(await s3.listKeys(`rapport/${ws.id}/`)).toHaveLength(2);
    const conversations = await ws.api.get<{ items: { id: string }[] }>("/api/v1/conversations");
    const messages = await ws.api.get<{ items: { attachments: { id: string; filename: string; size: number }[] }[] }>(`/api/v1/conversations/${conversations.body.items[0]!.id}/messages`);
    const [attachment] = messages.body.items[0]!.attachments;
    expect(attachment).toMatchObject({ filename: "zip.jpg", size: photo.length });

    const download = await ws.api.fetch(`/api/v1/attachments/${attachment!.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="zip.jpg"/);
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await download.arrayBuffer()).equals(photo)).toBe(true);

    const other = await createTestWorkspace(server, "Other");
    expect((await other.api.fetch(`/api/v1/attachments/${attachment!.id}`)).status).toBe(404);
  });
});
