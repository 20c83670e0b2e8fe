/**
 * The floor the widget benchmark compares Rapport with: a bare `ws` server doing the same fan-out with one plain
 * INSERT per message, and nothing else. It speaks just enough of the widget protocol: `ready` on connect, `ack`
 * for every `send` once its row is in, and a `message` frame to a visitor's socket for every
 * `POST /reply?visitor=<n>` (as an agent's reply would be), also after its row is in. Run as its own process:
 * `node --import tsx bench/lib/bare-widget-server.ts <port> <database url>`.
 */
import http from "node:http";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { WebSocketServer, type WebSocket } from "ws";

const port = Number(process.argv[2]);
const pool = new pg.Pool({ connectionString: process.argv[3], max: 20 });
await pool.query("CREATE TABLE IF NOT EXISTS bare_widget_messages (id uuid PRIMARY KEY, visitor text NOT NULL, body text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
const store = (visitor: string, body: string) => pool.query("INSERT INTO bare_widget_messages (id, visitor, body) VALUES ($1, $2, $3)", [randomUUID(), visitor, body]);
const sockets = new Map<string, WebSocket>();
let seq = 0;

const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://bare");
  if (request.method !== "POST" || url.pathname !== "/reply") {
    response.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const { text } = JSON.parse(Buffer.concat(chunks).toString()) as { text: string };
    const visitor = url.searchParams.get("visitor") ?? "";
    void store(visitor, text).then(() => {
      const socket = sockets.get(visitor);
      socket?.send(JSON.stringify({ type: "message", message: { id: randomUUID(), seq: ++seq, author: "agent", text } }));
      response.writeHead(socket ? 201 : 404, { "content-type": "application/json" }).end("{}");
    });
  });
});

const wss = new WebSocketServer({ server });
wss.on("connection", (socket, request) => {
  const visitor = new URL(request.url ?? "/", "http://bare").searchParams.get("visitor") ?? randomUUID();
  sockets.set(visitor, socket);
  socket.on("close", () => sockets.delete(visitor));
  socket.on("message", (data: Buffer) => {
    const frame = JSON.parse(data.toString()) as { type: string; clientId?: string; text?: string };
    if (frame.type === "send") {
      void store(visitor, frame.text ?? "").then(() => socket.send(JSON.stringify({ type: "ack", clientId: frame.clientId, messageId: randomUUID(), seq: ++seq, conversationId: visitor })));
    }
    else if (frame.type === "sync") socket.send(JSON.stringify({ type: "synced", messages: [], agentReadSeq: 0 }));
  });
  socket.send(JSON.stringify({ type: "ready", visitorId: visitor, conversationId: null, agentsOnline: true }));
});

server.listen(port, "127.0.0.1", () => console.log(`bare widget server on ${port}`));
