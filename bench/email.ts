import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import WebSocket from "ws";
import { scopesForRole } from "../apps/server/src/platform/auth/policy.ts";
import { createApiToken, createWorkspace } from "../apps/server/src/modules/workspaces/service.ts";
import { createMailbox } from "../apps/server/src/modules/email/mailboxes.ts";
import { emailMessages } from "../apps/server/src/modules/email/schema.ts";
import { acceptsConnections, freePort } from "../apps/server/src/testing/process.ts";
import { runClosedLoop, startCpuSplit, summarize, type CpuSplit, type LatencySummary, type LoopResult } from "./lib/measure.ts";
import { backendName, describeCpu, int, ms, printTable, ratio, writeResult, type Backend } from "./lib/report.ts";
import { startServerProcess } from "./lib/server-process.ts";
import { createStore } from "./lib/store.ts";

export interface EmailOptions {
  backend: Backend;
  /** Concurrent SMTP connections, each sending its messages one after another. */
  connections: number;
  poolSize: number;
  warmupSeconds: number;
  seconds: number;
  baselineSeconds: number;
  profile: boolean;
}

export interface EmailResult {
  name: string;
  backend: Backend;
  startedAt: string;
  options: EmailOptions;
  smtp: { operations: number; seconds: number; perSecond: number; failed: number; latency: LatencySummary };
  /** From the client starting to send a message to its `message.created` reaching the realtime socket. */
  receiptToVisible: LatencySummary;
  /** From the 250 to the socket event: the part of the wait after the sender was told the message is safe. */
  ackToVisible: LatencySummary;
  notSeen: number;
  parseOnly: LoopResult;
  smtpToParse: number;
  cpu: CpuSplit;
  targets: typeof EMAIL_TARGETS;
  met: boolean;
}

export const EMAIL_TARGETS = { emailsPerSecond: 300, p99Ms: 250 };

const MAIL_DOMAIN = "mail.bench.example";
const ATTACHMENT = randomBytes(100 * 1024).toString("base64").replace(/.{76}/g, "$&\r\n");
const runId = randomBytes(4).toString("hex");
const messageIdOf = (i: number) => `bench-${runId}-${i}@customers.example`;

const paragraphs = [
  "Hi, I ordered the waterproof jacket in size M three weeks ago and it still has not arrived.",
  'The tracking page says <a href="https://courier.example/track/123">in transit</a> since the 3rd.',
  "Could you check with the courier, or send a replacement? I need it before my trip on Friday.",
];

/**
 * A message as mail clients write it: text and HTML alternatives, every tenth one with a 100 KB PDF, and one in
 * three answering an earlier message so threading has work to do.
 */
function buildMessage(i: number, to: string): Buffer {
  const boundary = `b-${runId}-${i}`;
  const headers = [
    `From: Customer ${i % 500} <customer-${i % 500}@customers.example>`,
    `To: ${to}`,
    `Subject: ${i % 3 === 1 && i >= 60 ? "Re: " : ""}Order ${1000 + (i % 500)} has not arrived`,
    `Message-ID: <${messageIdOf(i)}>`,
    `Date: ${new Date().toUTCString()}`,
    ...(i % 3 === 1 && i >= 60 ? [`In-Reply-To: <${messageIdOf(i - 60)}>`, `References: <${messageIdOf(i - 60)}>`] : []),
    "MIME-Version: 1.0",
  ];
  const text = paragraphs.map((paragraph) => paragraph.replace(/<[^>]+>/g, "")).join("\r\n\r\n");
  const html = `<html><head><style>p{color:#333}</style></head><body>${paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join("")}<img src="https://tracker.example/pixel.gif" width="1" height="1"><script>alert(1)</script></body></html>`;
  const alternative = [
    `--${boundary}-alt`,
    "Content-Type: text/plain; charset=utf-8",
    "",
    text,
    `--${boundary}-alt`,
    "Content-Type: text/html; charset=utf-8",
    "",
    html,
    `--${boundary}-alt--`,
  ].join("\r\n");
  if (i % 10 !== 0) return Buffer.from([...headers, `Content-Type: multipart/alternative; boundary="${boundary}-alt"`, "", alternative, ""].join("\r\n"));
  return Buffer.from(
    [
      ...headers,
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      "",
      `--${boundary}`,
      `Content-Type: multipart/alternative; boundary="${boundary}-alt"`,
      "",
      alternative,
      `--${boundary}`,
      'Content-Type: application/pdf; name="invoice.pdf"',
      'Content-Disposition: attachment; filename="invoice.pdf"',
      "Content-Transfer-Encoding: base64",
      "",
      ATTACHMENT,
      `--${boundary}--`,
      "",
    ].join("\r\n"),
  );
}

interface Sent {
  i: number;
  startedAt: number;
  acknowledgedAt: number;
}

/** Inbound email through the SMTP listener (parse, sanitize, thread, store), beside parsing the same messages alone. */
export async function benchEmail(options: EmailOptions): Promise<EmailResult> {
  const name = `email-${options.backend}`;
  const startedAt = new Date().toISOString();
  const bench = await createStore(options.backend);
  try {
    const database = await bench.open(options.poolSize);
    let token: string;
    let address: string;
    let workspaceId: string;
    try {
      const { workspace, owner } = await createWorkspace(database.db, { name: "Bench email", owner: { email: `owner-${runId}@bench.example`, name: "Bench Owner", password: "bench-password-123" } });
      const actor = { via: "session" as const, workspaceId: workspace.id, userId: owner.id, role: "owner" as const, scopes: scopesForRole("owner") };
      token = (await createApiToken({ db: database.db, actor }, { name: "bench", scopes: ["conversations:read"] })).token;
      address = (await createMailbox({ db: database.db, actor }, { name: "Support", address: `support@${MAIL_DOMAIN}` })).address;
      workspaceId = workspace.id;
    } finally {
      await database.close();
    }

    // The bare parser first, with the machine to itself, over the same messages the listener will get.
    const corpus = Array.from({ length: 200 }, (_, i) => buildMessage(i, address));
    let parsed = 0;
    const parseOnly = await runClosedLoop(() => simpleParser(corpus[parsed++ % corpus.length]!), 1, options.baselineSeconds);

    const smtpPort = await freePort();
    const server = await startServerProcess({
      store: bench.store,
      poolSize: options.poolSize,
      label: name,
      profile: options.profile,
      env: { RAPPORT_SMTP_PORT: String(smtpPort), RAPPORT_SMTP_HOST: "127.0.0.1", RAPPORT_MAIL_DOMAIN: MAIL_DOMAIN },
    });
    const arrivals = new Map<string, number>();
    let socket: WebSocket | undefined;
    const sent: Sent[] = [];
    let failed = 0;
    let smtp: LoopResult;
    let cpu: CpuSplit;
    try {
      while (!(await acceptsConnections(smtpPort))) await new Promise((resolve) => setTimeout(resolve, 100));
      socket = new WebSocket(`${server.url.replace("http", "ws")}/api/v1/realtime`, { headers: { authorization: `Bearer ${token}` } });
      socket.on("message", (data: Buffer) => {
        const frame = JSON.parse(data.toString()) as { type: string; event?: { type: string; payload: { messageId?: string } } };
        if (frame.type === "event" && frame.event?.type === "message.created" && frame.event.payload.messageId) arrivals.set(frame.event.payload.messageId, performance.now());
      });
      await new Promise((resolve, reject) => socket!.once("open", resolve).once("error", reject));

      let next = 0;
      const load = async (seconds: number, record: boolean): Promise<LoopResult> => {
        const samples: number[] = [];
        const begun = performance.now();
        const deadline = begun + seconds * 1000;
        const connection = async () => {
          // One connection kept open across its messages, as a sending MTA's delivery agent does.
          const transport = nodemailer.createTransport({ host: "127.0.0.1", port: smtpPort, secure: false, pool: true, maxConnections: 1, maxMessages: Infinity });
          try {
            while (performance.now() < deadline) {
              const i = next++;
              const raw = buildMessage(i, address);
              const t0 = performance.now();
              try {
                await transport.sendMail({ envelope: { from: `customer-${i % 500}@customers.example`, to: [address] }, raw });
              } catch {
                failed += record ? 1 : 0;
                continue;
              }
              const t1 = performance.now();
              samples.push(t1 - t0);
              if (record) sent.push({ i, startedAt: t0, acknowledgedAt: t1 });
            }
          } finally {
            transport.close();
          }
        };
        await Promise.all(Array.from({ length: options.connections }, connection));
        const elapsed = (performance.now() - begun) / 1000;
        return { operations: samples.length, seconds: elapsed, perSecond: samples.length / elapsed, latency: summarize(samples) };
      };
      await load(options.warmupSeconds, false);
      const cpuSplit = startCpuSplit(server.pid);
      smtp = await load(options.seconds, true);
      cpu = cpuSplit();
      // Events of the last messages may still be on their way.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    } finally {
      socket?.close();
      await server.stop();
    }

    // Which stored message each Message-ID became, read after the run so the lookup adds no load to it.
    const reopened = await bench.open(options.poolSize);
    const stored = new Map<string, string>();
    try {
      const rows = await reopened.db
        .select({ header: emailMessages.messageIdHeader, messageId: emailMessages.messageId })
        .from(emailMessages)
        .where(eq(emailMessages.workspaceId, workspaceId));
      for (const row of rows) if (row.messageId) stored.set(row.header, row.messageId);
    } finally {
      await reopened.close();
    }
    const receiptToVisible: number[] = [];
    const ackToVisible: number[] = [];
    let notSeen = 0;
    for (const message of sent) {
      const messageId = stored.get(messageIdOf(message.i));
      const visibleAt = messageId ? arrivals.get(messageId) : undefined;
      if (visibleAt === undefined) {
        notSeen++;
        continue;
      }
      receiptToVisible.push(visibleAt - message.startedAt);
      ackToVisible.push(visibleAt - message.acknowledgedAt);
    }

    const visible = summarize(receiptToVisible);
    const result: EmailResult = {
      name,
      backend: options.backend,
      startedAt,
      options,
      smtp: { ...smtp, failed },
      receiptToVisible: visible,
      ackToVisible: summarize(ackToVisible),
      notSeen,
      parseOnly,
      smtpToParse: smtp.perSecond / parseOnly.perSecond,
      cpu,
      targets: EMAIL_TARGETS,
      met: smtp.perSecond >= EMAIL_TARGETS.emailsPerSecond && visible.p99 <= EMAIL_TARGETS.p99Ms && failed === 0 && notSeen === 0,
    };
    report(result);
    writeResult(name, result);
    return result;
  } finally {
    await bench.dispose();
  }
}

function report(result: EmailResult): void {
  const { smtp, options, targets } = result;
  printTable(
    `email · ${backendName(result.backend)} · SMTP listener, ${options.connections} connections, pool ${options.poolSize}, one in ten with a 100 KB attachment · ${options.seconds} s after ${options.warmupSeconds} s warm-up`,
    [
      ["inbound emails/s (SMTP, stored)", int(smtp.perSecond), `≥ ${int(targets.emailsPerSecond)}`, smtp.perSecond >= targets.emailsPerSecond],
      ["receipt → visible p50 (ms)", ms(result.receiptToVisible.p50)],
      ["receipt → visible p99 (ms)", ms(result.receiptToVisible.p99), `≤ ${targets.p99Ms}`, result.receiptToVisible.p99 <= targets.p99Ms],
      ["250 → visible p50 / p99 (ms)", `${ms(result.ackToVisible.p50)} / ${ms(result.ackToVisible.p99)}`],
      ["SMTP send p50 / p99 (ms)", `${ms(smtp.latency.p50)} / ${ms(smtp.latency.p99)}`],
      ["failed sends / never seen on the socket", `${int(smtp.failed)} / ${int(result.notSeen)}`, "0 / 0", smtp.failed === 0 && result.notSeen === 0],
      ["parse-only emails/s (simpleParser, one loop)", int(result.parseOnly.perSecond)],
      ["SMTP / parse-only", ratio(result.smtpToParse)],
    ],
    [
      "receipt → visible: from the client starting to send until message.created reaches the realtime socket (the message is readable through the API from then on)",
      describeCpu(result.cpu),
    ],
  );
}
