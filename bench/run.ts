import os from "node:os";
import { parseArgs } from "node:util";
import { benchEmail, type EmailOptions, type EmailResult } from "./email.ts";
import { benchAnswerBot } from "./answer-bot.ts";
import { benchHelpCenter } from "./helpcenter.ts";
import { benchInbox, type InboxOptions, type InboxResult } from "./inbox.ts";
import { benchMessages, type MessagesOptions, type MessagesResult } from "./messages.ts";
import { benchWeb } from "./web.ts";
import { benchWidget } from "./widget.ts";
import { serverVersion } from "./lib/postgres.ts";
import { printTable, ratio, readResult, writeResult, type Backend, type Row } from "./lib/report.ts";
import { summarizeProfile } from "./lib/profile.ts";

const usage = `Usage: npm run bench -- [messages] [inbox] [email] [web] [widget] [helpcenter] [answer-bot] [--postgres | --pglite] [--quick] [--profile]
  messages, inbox, email  which benchmarks to run (default: all three; email is inbound mail through the SMTP listener)
  web               the agent app in Chromium (run only when named; embedded PGlite)
  widget            5,000 chat widget sockets at 1,000 messages/s each way, beside a bare ws server (run only when named; PostgreSQL)
  helpcenter        help center pages' server time, cached and rendered each time, over 200 articles (run only when named)
  answer-bot        the answer bot on the demo knowledge base: top-1/top-3, handovers, misses, time per question (run only when named)
  --postgres        only on PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
  --pglite          only on embedded PGlite (default: both, PostgreSQL first)
  --quick           small sizes and short runs, to check the benchmarks work
  --profile         write a V8 CPU profile of the server and print where its time went
  --inbox-size N    conversations in the inbox workspace (default 1,000,000; quick 20,000)
  --conversations N conversations the message load is spread over (default 1,000; quick 100)
  --widget-rate N   messages per second each way in the widget benchmark (default 1,000; quick 200)`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    postgres: { type: "boolean", default: false },
    pglite: { type: "boolean", default: false },
    quick: { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
    "inbox-size": { type: "string" },
    conversations: { type: "string" },
    "widget-rate": { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});

const benches = positionals.length ? positionals : ["messages", "inbox", "email"];
const unknown = benches.filter((name) => !["messages", "inbox", "email", "web", "widget", "helpcenter", "answer-bot"].includes(name));
if (values.help || unknown.length) {
  console.log(usage);
  process.exit(unknown.length ? 64 : 0);
}
const backends: Backend[] = values.pglite && !values.postgres ? ["pglite"] : values.postgres && !values.pglite ? ["postgres"] : ["postgres", "pglite"];
const quick = values.quick;
const inboxSize = values["inbox-size"] ? Number(values["inbox-size"]) : quick ? 20_000 : 1_000_000;

const messageOptions = (backend: Backend): MessagesOptions => ({
  backend,
  conversations: values.conversations ? Number(values.conversations) : quick ? 100 : 1000,
  connections: 32,
  poolSize: 20,
  warmupSeconds: quick ? 2 : 5,
  seconds: quick ? 5 : 20,
  baselineSeconds: quick ? 3 : 10,
  profile: values.profile,
});

const inboxOptions = (backend: Backend): InboxOptions => ({
  backend,
  conversations: inboxSize,
  otherWorkspaces: 3,
  agents: 20,
  connections: 4,
  poolSize: 20,
  warmupSeconds: quick ? 2 : 5,
  seconds: quick ? 5 : 20,
  profile: values.profile,
});

const emailOptions = (backend: Backend): EmailOptions => ({
  backend,
  connections: 8,
  poolSize: 20,
  warmupSeconds: quick ? 2 : 5,
  seconds: quick ? 5 : 20,
  baselineSeconds: quick ? 3 : 10,
  profile: values.profile,
});

const databaseBenches = benches.filter((name) => name !== "web");
const storeBenches = databaseBenches.filter((name) => name !== "widget" && name !== "helpcenter" && name !== "answer-bot");
console.log(
  `Rapport benchmarks on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown CPU"}), Node ${process.version}` +
    (databaseBenches.length ? `, PostgreSQL ${await serverVersion()}.\n` : ".\n") +
    "The server runs in its own process; the load generator (autocannon) and the baselines run in this one; PostgreSQL and PGlite share the same cores.",
);

type Results = { messages?: MessagesResult; inbox?: InboxResult; email?: EmailResult };
const results: Record<Backend, Results> = { postgres: {}, pglite: {} };
for (const backend of backends) {
  if (benches.includes("messages")) {
    results[backend].messages = await benchMessages(messageOptions(backend));
    if (values.profile) summarizeProfile(`messages-${backend}`);
  }
  if (benches.includes("inbox")) {
    results[backend].inbox = await benchInbox(inboxOptions(backend));
    if (values.profile) summarizeProfile(`inbox-${backend}`);
  }
  if (benches.includes("email")) {
    results[backend].email = await benchEmail(emailOptions(backend));
    if (values.profile) summarizeProfile(`email-${backend}`);
  }
}

if (storeBenches.length && backends.includes("pglite")) compareBackends();
if (benches.includes("widget")) {
  await benchWidget({ backend: "postgres", sockets: quick ? 500 : 5_000, rate: values["widget-rate"] ? Number(values["widget-rate"]) : quick ? 200 : 1_000, poolSize: 20, warmupSeconds: 5, seconds: quick ? 5 : 20, profile: values.profile });
  if (values.profile) summarizeProfile("widget-postgres");
}
if (benches.includes("helpcenter")) {
  for (const backend of backends) await benchHelpCenter({ backend, articles: 200, requests: quick ? 300 : 2_000 });
}
if (benches.includes("answer-bot")) {
  for (const backend of backends) await benchAnswerBot({ backend });
}
if (benches.includes("web")) await benchWeb({ runs: quick ? 3 : 5, conversations: quick ? 2_000 : 10_000, scrollStep: 500 });

/** PGlite against PostgreSQL: from this run, or from the last PostgreSQL run's saved results. */
function compareBackends(): void {
  const rows: Row[] = [];
  const notes: string[] = [];
  const postgres = <T extends { startedAt: string }>(name: "messages" | "inbox", current: T | undefined): T | undefined => {
    if (current) return current;
    const saved = readResult<T>(`${name}-postgres`);
    if (saved) notes.push(`${name}: PostgreSQL figures from the run of ${saved.startedAt}`);
    return saved;
  };
  const messages = { pglite: results.pglite.messages, postgres: postgres("messages", results.postgres.messages) };
  if (messages.pglite && messages.postgres) {
    rows.push(["messages/s", ratio(messages.pglite.api.perSecond / messages.postgres.api.perSecond)]);
    rows.push(["messages p99", ratio(messages.pglite.api.latency.p99 / messages.postgres.api.latency.p99)]);
    rows.push(["raw inserts/s", ratio(messages.pglite.raw.perSecond / messages.postgres.raw.perSecond)]);
  }
  const inbox = { pglite: results.pglite.inbox, postgres: postgres("inbox", results.postgres.inbox) };
  if (inbox.pglite && inbox.postgres) {
    rows.push(["inbox p99", ratio(inbox.pglite.api.latency.p99 / inbox.postgres.api.latency.p99)]);
    rows.push(["bare inbox SELECT p99", ratio(inbox.pglite.bareSql.latency.p99 / inbox.postgres.bareSql.latency.p99)]);
    if (inbox.pglite.options.conversations !== inbox.postgres.options.conversations) {
      notes.push(`inbox sizes differ: PGlite ${inbox.pglite.options.conversations}, PostgreSQL ${inbox.postgres.options.conversations} conversations`);
    }
  }
  if (rows.length === 0) return;
  printTable("PGlite / PostgreSQL (rates above 1 are faster on PGlite, latencies above 1 slower)", rows, notes);
  writeResult("pglite-vs-postgres", Object.fromEntries(rows.map(([label, value]) => [label, Number(value)])));
}
