import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConversation, createTestWorkspace, sharedServer, startTestServer, testConfig, type TestServer, type TestWorkspace } from "../../testing/harness.ts";
import { cleanFilename } from "./service.ts";
import { contentDisposition } from "./routes.ts";

interface Stored {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  url: string;
}

async function upload(ws: TestWorkspace, filename: string, body: Uint8Array | string, contentType = "application/octet-stream") {
  const response = await ws.api.fetch(`/api/v1/attachments?filename=${encodeURIComponent(filename)}`, { method: "POST", body, headers: { "content-type": contentType } });
  return { status: response.status, body: (await response.json()) as Stored };
}

const download = (ws: TestWorkspace, id: string, query = "") => ws.api.fetch(`/api/v1/attachments/${id}${query}`);

describe("attachments", () => {
  let server: TestServer;
  let ws: TestWorkspace;

  beforeAll(async () => {
    server = await sharedServer();
    ws = await createTestWorkspace(server);
  });

  it("stores the bytes as they came and gives them back only as a download", async () => {
    const bytes = new Uint8Array([0, 255, 1, 254, 0x3c, 0x73, 0x63, 0x72]);
    const stored = await upload(ws, "Überweisung März (final).pdf", bytes, "application/pdf");
    expect(stored.status).toBe(201);
    expect(stored.body).toMatchObject({ filename: "Überweisung März (final).pdf", contentType: "application/pdf", size: bytes.length });
    expect(stored.body.url).toBe(`${server.config.publicUrl}/api/v1/attachments/${stored.body.id}`);

    const response = await download(ws, stored.body.id);
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="_berweisung M_rz (final).pdf"; filename*=UTF-8''%C3%9Cberweisung%20M%C3%A4rz%20%28final%29.pdf`);
  });

  it("shows raster images in place when asked, and never HTML or SVG", async () => {
    const png = await upload(ws, "photo.png", Buffer.from([0x89, 0x50, 0x4e, 0x47]), "image/png");
    const inline = await download(ws, png.body.id, "?disposition=inline");
    expect(inline.headers.get("content-type")).toBe("image/png");
    expect(inline.headers.get("content-disposition")).toMatch(/^inline;/);

    for (const [name, type] of [["page.html", "text/html"], ["logo.svg", "image/svg+xml"]] as const) {
      const stored = await upload(ws, name, "<script>alert(1)</script>", type);
      const response = await download(ws, stored.body.id, "?disposition=inline");
      expect(response.headers.get("content-type"), name).toBe("application/octet-stream");
      expect(response.headers.get("content-disposition"), name).toMatch(/^attachment;/);
      expect(response.headers.get("content-security-policy"), name).toContain("sandbox");
    }
  });

  it("keeps a name that tries to leave the store as a plain name, and the file under a random key", async () => {
    const stored = await upload(ws, "../../../etc/passwd", "not really");
    expect(stored.body.filename).toBe("passwd");
    const folder = path.join(server.config.dataDir, "files", ws.id);
    const files = await fs.readdir(folder);
    expect(files.length).toBeGreaterThan(0);
    expect(files.every((file) => /^[0-9a-f]{32}$/.test(file))).toBe(true);
    expect(cleanFilename("a\u0000b\u001f.txt")).toBe("ab.txt");
    expect(cleanFilename("..")).toBe("attachment");
    expect(contentDisposition("attachment", 'quote" and \\ 100%')).toBe(`attachment; filename="quote_ and _ 100_"; filename*=UTF-8''quote%22%20and%20%5C%20100%25`);
  });

  it("goes on a message as its attachment", async () => {
    const { conversation } = await createConversation(ws);
    const stored = await upload(ws, "receipt.txt", "Order 1001, paid", "text/plain");
    const { id, filename, contentType, size } = stored.body;
    const reply = await ws.api.post<{ attachments: Stored[] }>(`/api/v1/conversations/${conversation.id}/messages`, { text: "Here is your receipt.", attachments: [{ id, filename, contentType, size }] });
    expect(reply.status).toBe(201);
    expect(reply.body.attachments).toEqual([{ id, filename, contentType, size }]);
  });

  it("takes an agent's attachments as this workspace's uploads, with what was stored", async () => {
    const { conversation } = await createConversation(ws);
    const stored = await upload(ws, "label.png", new Uint8Array([1, 2, 3]), "image/png");
    const forged = { id: stored.body.id, filename: "invoice.exe", contentType: "application/x-msdownload", size: 1 };
    const reply = await ws.api.post<{ attachments: Stored[] }>(`/api/v1/conversations/${conversation.id}/messages`, { kind: "note", text: "Label attached.", attachments: [forged] });
    expect(reply.status).toBe(201);
    expect(reply.body.attachments).toEqual([{ id: stored.body.id, filename: "label.png", contentType: "image/png", size: 3 }]);

    const unknown = await ws.api.post<{ error: { code: string } }>(`/api/v1/conversations/${conversation.id}/messages`, {
      text: "Here it is.",
      attachments: [{ id: "0190c1d2-0000-7000-8000-000000000000", filename: "ghost.pdf", contentType: "application/pdf", size: 10 }],
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("attachment_not_found");
  });

  it("needs a name, the right to write, and an existing id", async () => {
    const nameless = await ws.api.request("POST", "/api/v1/attachments", "bytes", { "content-type": "text/plain" });
    expect(nameless.status).toBe(400);
    const reader = await ws.member("agent", ["conversations:read"]);
    const refused = await reader.api.request("POST", "/api/v1/attachments?filename=a.txt", "bytes", { "content-type": "text/plain" });
    expect(refused.status).toBe(403);
    const missing = await ws.api.get<{ error: { code: string } }>("/api/v1/attachments/0190c1d2-0000-7000-8000-000000000000");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("attachment_not_found");
  });
});

describe("an upload over the limit", () => {
  let server: TestServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "rapport-attachments-"));
    server = await startTestServer({ config: testConfig({ RAPPORT_ATTACHMENT_LIMIT_BYTES: "2048", RAPPORT_DATA_DIR: dataDir }) });
  });

  afterAll(async () => {
    await server.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it("is refused with 413 and leaves neither a file nor a record", async () => {
    const ws = await createTestWorkspace(server);
    const response = await upload(ws, "big.bin", Buffer.alloc(10_000, 7));
    expect(response.status).toBe(413);
    expect((response.body as unknown as { error: { code: string } }).error.code).toBe("payload_too_large");
    const folder = path.join(dataDir, "files", ws.id);
    const files = await fs.readdir(folder).catch(() => []);
    expect(files).toEqual([]);
    const small = await upload(ws, "small.bin", Buffer.alloc(2048, 7));
    expect(small.status).toBe(201);
  });

  it("ends the connection with the refusal, whose unread rest would swallow the next request on it", async () => {
    const ws = await createTestWorkspace(server);
    const response = await ws.api.fetch("/api/v1/attachments?filename=big.bin", { method: "POST", body: Buffer.alloc(500_000, 7), headers: { "content-type": "application/octet-stream" } });
    expect(response.status).toBe(413);
    expect(response.headers.get("connection")).toBe("close");
    await response.body?.cancel();
  });
});
