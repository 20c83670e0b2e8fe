import type { ImapFlow } from "imapflow";
import pg from "pg";
import type { FastifyBaseLogger } from "fastify";
import type { Database } from "../../platform/db/client.ts";
import type { SecretBox } from "../../platform/crypto.ts";
import type { FileStore } from "../../platform/files.ts";
import { WakeableSleep } from "../../platform/wakeable-sleep.ts";
import type { Mailbox } from "./mailboxes.ts";
import { receiveEmail, type EmailDeps } from "./receive.ts";
import { advanceImapPosition, describeImapError, findImapMailbox, imapClient, imapSettingsOf, listImapMailboxes, recordImapError, recordImapFetch } from "./imap.ts";

export type ImapLogger = Pick<FastifyBaseLogger, "debug" | "info" | "warn" | "error" | "child">;

export interface ImapPollerOptions {
  files: FileStore;
  secrets: SecretBox;
  log: ImapLogger;
  /** On PostgreSQL, the server whose advisory locks decide which process polls a mailbox. */
  databaseUrl?: string | undefined;
  /** Mailboxes fetched at once; the others wait their turn (their IDLE connections stay open). */
  concurrency?: number;
  /** How often a mailbox is fetched without IDLE; with IDLE, how often it is checked anyway. */
  pollIntervalMs?: number;
  /** How often the list of IMAP mailboxes is read again, to pick up new, changed and removed ones. */
  refreshMs?: number;
  /** Messages fetched from the server per round trip. */
  batchSize?: number;
  /** The first pause after a failure; it doubles with each failure in a row, up to maxBackoffMs. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

/** The keyword that marks mail Rapport has stored, where the folder allows keywords; \Seen is set as well. */
export const STORED_KEYWORD = "$RapportStored";

/** Who may poll a mailbox: on PostgreSQL one process at a time, by a session advisory lock. */
interface Leases {
  acquire(mailboxId: string): Promise<boolean>;
  release(mailboxId: string): Promise<void>;
  close(): Promise<void>;
}

/** PGlite lives inside this one process: there is nobody to share a mailbox with. */
const soleProcess: Leases = { acquire: async () => true, release: async () => {}, close: async () => {} };

/**
 * One dedicated connection holds every lock this process has: a lock lives as long as the session that took it,
 * and a pooled connection would hand that session to whoever borrows it next. If the connection drops, the locks
 * are gone with it, so `onLost` makes every mailbox stop and take its lock again.
 */
class PostgresLeases implements Leases {
  private client: Promise<pg.Client> | undefined;

  constructor(
    private readonly url: string,
    private readonly onLost: () => void,
  ) {}

  private connection(): Promise<pg.Client> {
    this.client ??= (async () => {
      const client = new pg.Client({ connectionString: this.url, application_name: "rapport-imap-leases" });
      let lost = false;
      const lose = () => {
        if (lost) return;
        lost = true;
        this.client = undefined;
        this.onLost();
      };
      client.on("error", lose);
      client.on("end", lose);
      try {
        await client.connect();
      } catch (error) {
        this.client = undefined;
        throw error;
      }
      return client;
    })();
    return this.client;
  }

  async acquire(mailboxId: string): Promise<boolean> {
    const client = await this.connection();
    const result = await client.query<{ held: boolean }>("SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS held", [`rapport.imap:${mailboxId}`]);
    return result.rows[0]?.held === true;
  }

  async release(mailboxId: string): Promise<void> {
    const client = await this.client;
    await client?.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [`rapport.imap:${mailboxId}`]);
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await (await client?.catch(() => undefined))?.end();
  }
}

/** At most `size` holders at once; the rest queue in order. */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(size: number) {
    this.free = size;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}

/** What, if changed, calls for a new connection. */
const settingsFingerprint = (mailbox: Mailbox) =>
  JSON.stringify([mailbox.imapHost, mailbox.imapPort, mailbox.imapSecure, mailbox.imapUser, mailbox.imapPasswordEncrypted, mailbox.imapFolder, mailbox.imapProcessed, mailbox.imapMoveTo]);

/**
 * Fetches the mail of every IMAP mailbox on the server into Rapport. Each mailbox has its own connection, kept
 * open and in IDLE where the server offers it; fetching itself is bounded by `concurrency`.
 *
 * A message and the mailbox's last UID are stored in one transaction, so a crash at any point loses nothing and
 * stores nothing twice; flagging or moving it on the server comes after the commit, and what a crash left
 * unmarked is marked on the next connection.
 */
export class ImapPoller {
  private readonly sessions = new Map<string, MailboxSession>();
  private readonly slots: Slots;
  private readonly leases: Leases;
  private running = false;
  private loop: Promise<void> | undefined;
  private stopping: Promise<void> | undefined;
  private wakeRefresh: (() => void) | undefined;
  readonly settings: Required<Omit<ImapPollerOptions, "files" | "secrets" | "log" | "databaseUrl">>;
  readonly deps: EmailDeps;

  constructor(
    readonly database: Database,
    readonly options: ImapPollerOptions,
  ) {
    this.settings = {
      concurrency: options.concurrency ?? 4,
      pollIntervalMs: options.pollIntervalMs ?? 60_000,
      refreshMs: options.refreshMs ?? 30_000,
      batchSize: options.batchSize ?? 50,
      minBackoffMs: options.minBackoffMs ?? 1_000,
      maxBackoffMs: options.maxBackoffMs ?? 300_000,
    };
    this.slots = new Slots(this.settings.concurrency);
    this.deps = { db: database.db, files: options.files };
    this.leases =
      database.kind === "postgres" && options.databaseUrl
        ? new PostgresLeases(options.databaseUrl, () => {
            options.log.warn("lost the connection holding the mailbox locks; every mailbox reconnects");
            for (const session of this.sessions.values()) session.interrupt();
          })
        : soleProcess;
  }

  get log(): ImapLogger {
    return this.options.log;
  }

  async start(): Promise<void> {
    if (this.loop || this.stopping) throw new Error("An IMAP poller starts once.");
    this.running = true;
    this.loop = this.run();
  }

  /** Stops fetching; a message being stored finishes first, then each connection logs out and its lock is let go. */
  stop(): Promise<void> {
    this.stopping ??= this.drain();
    return this.stopping;
  }

  /** Reads the mailbox list now instead of at the next refresh. */
  refresh(): void {
    this.wakeRefresh?.();
  }

  private async drain(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wakeRefresh?.();
    await this.loop;
    const sessions = [...this.sessions.values()];
    for (const session of sessions) session.stop();
    await Promise.all(sessions.map((session) => session.done));
    await this.leases.close().catch(() => {});
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.reconcile();
      } catch (error) {
        this.log.error({ err: error }, "could not read the IMAP mailboxes; trying again at the next refresh");
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, this.settings.refreshMs);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.wakeRefresh = done;
      });
      this.wakeRefresh = undefined;
    }
  }

  private async reconcile(): Promise<void> {
    const mailboxes = await listImapMailboxes(this.database.db);
    if (!this.running) return;
    const wanted = new Map(mailboxes.map((mailbox) => [mailbox.id, settingsFingerprint(mailbox)]));
    for (const [id, session] of this.sessions) if (wanted.get(id) !== session.fingerprint) session.stop();
    for (const mailbox of mailboxes) {
      if (this.sessions.has(mailbox.id)) continue;
      const session = new MailboxSession(this, mailbox.id, settingsFingerprint(mailbox));
      this.sessions.set(mailbox.id, session);
      void session.done.then(() => {
        if (this.sessions.get(mailbox.id) === session) this.sessions.delete(mailbox.id);
      });
    }
  }

  /** @internal */ takeLease = (mailboxId: string) => this.leases.acquire(mailboxId);
  /** @internal */ giveLease = (mailboxId: string) => this.leases.release(mailboxId);
  /** @internal */ fetchSlot = <T>(fn: () => Promise<T>) => this.slots.run(fn);
}

/** One mailbox's connection, from the lock to logout, again and again until stopped. */
class MailboxSession {
  readonly done: Promise<void>;
  private stopped = false;
  private failures = 0;
  private client: ImapFlow | undefined;
  private readonly sleeper = new WakeableSleep();
  private readonly log: ImapLogger;

  constructor(
    private readonly poller: ImapPoller,
    private readonly mailboxId: string,
    readonly fingerprint: string,
  ) {
    this.log = poller.log.child({ mailboxId });
    this.done = this.run();
  }

  stop(): void {
    this.stopped = true;
    this.interrupt();
  }

  /** Drops the connection; the loop connects again after its pause. */
  interrupt(): void {
    this.client?.close();
    this.sleeper.wake();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let holding = false;
      try {
        holding = await this.poller.takeLease(this.mailboxId);
        if (!holding) {
          // Another process polls this mailbox; try again in case it stops.
          await this.pause(this.poller.settings.pollIntervalMs, true);
          continue;
        }
        await this.connectAndFetch();
      } catch (error) {
        if (this.stopped) break;
        this.failures++;
        const message = describeImapError(error);
        const delay = Math.min(this.poller.settings.maxBackoffMs, this.poller.settings.minBackoffMs * 2 ** (this.failures - 1));
        this.log.warn({ err: error, failures: this.failures, retryInMs: delay }, `IMAP fetch failed: ${message}`);
        await recordImapError(this.poller.database.db, this.mailboxId, message).catch(() => {});
        await this.pause(delay * (0.75 + Math.random() / 2), true);
      } finally {
        if (holding) await this.poller.giveLease(this.mailboxId).catch(() => {});
      }
    }
  }

  private async connectAndFetch(): Promise<void> {
    const mailbox = await findImapMailbox(this.poller.database.db, this.mailboxId);
    if (!mailbox) {
      this.stopped = true;
      return;
    }
    const settings = imapSettingsOf(mailbox, this.poller.options.secrets);
    if (!settings) throw new Error("The mailbox has no IMAP host, user or password.");
    const client = await imapClient(settings);
    this.client = client;
    client.on("exists", () => this.sleeper.wake());
    client.on("close", () => this.sleeper.wake());
    try {
      await client.connect();
      await client.mailboxOpen(mailbox.imapFolder);
      if (mailbox.imapProcessed === "move" && mailbox.imapMoveTo) await client.mailboxCreate(mailbox.imapMoveTo).catch(() => {});
      await this.markLeftOver(client, mailbox);
      const idle = client.capabilities.has("IDLE");
      this.log.info({ idle }, "connected to the IMAP folder");
      while (!this.stopped) {
        if (!client.usable) throw new Error("The IMAP server closed the connection.");
        await this.poller.fetchSlot(() => this.fetchNew(client));
        await recordImapFetch(this.poller.database.db, this.mailboxId);
        this.failures = 0;
        if (this.stopped) break;
        // IDLE lasts until the next command, which imapflow sends DONE for; "exists" wakes us for it.
        if (idle) void client.idle().catch(() => {});
        await this.pause(this.poller.settings.pollIntervalMs);
      }
    } finally {
      this.client = undefined;
      if (client.usable) await client.logout().catch(() => client.close());
      else client.close();
    }
  }

  /**
   * Stores, in UID order, every message after the last one stored. A changed UIDVALIDITY means the folder's
   * UIDs were renumbered: fetching restarts from its first message, and the Message-IDs already stored keep
   * that from duplicating anything.
   */
  private async fetchNew(client: ImapFlow): Promise<void> {
    const db = this.poller.database.db;
    const mailbox = await findImapMailbox(db, this.mailboxId);
    const folder = client.mailbox;
    if (!mailbox || !folder) return;
    const uidValidity = Number(folder.uidValidity);
    let position = { uidValidity: mailbox.imapUidValidity, lastUid: mailbox.imapLastUid };
    if (position.uidValidity !== uidValidity) {
      if (position.uidValidity !== null) this.log.warn({ was: position.uidValidity, now: uidValidity }, "the folder's UIDVALIDITY changed; fetching it again from the start");
      const reset = { uidValidity, lastUid: 0 };
      await advanceImapPosition(db, this.mailboxId, position, reset);
      position = reset;
    }
    const found = await client.search({ uid: `${position.lastUid + 1}:*` }, { uid: true });
    // "n:*" names the last message even when its UID is below n.
    const uids = (found || []).filter((uid) => uid > position.lastUid).sort((a, b) => a - b);
    if (uids.length > 0) this.log.debug({ count: uids.length, after: position.lastUid }, "fetching new mail");
    const { batchSize } = this.poller.settings;
    for (let start = 0; start < uids.length && !this.stopped; start += batchSize) {
      const messages = await client.fetchAll(uids.slice(start, start + batchSize), { uid: true, source: true }, { uid: true });
      messages.sort((a, b) => a.uid - b.uid);
      const stored: number[] = [];
      try {
        for (const message of messages) {
          if (this.stopped) break;
          if (!message.source) throw new Error(`The IMAP server sent no source for UID ${message.uid}.`);
          const from = position;
          const to = { uidValidity, lastUid: message.uid };
          const result = await receiveEmail(this.poller.deps, { mailbox, raw: message.source, within: (tx) => advanceImapPosition(tx, this.mailboxId, from, to) });
          position = to;
          stored.push(message.uid);
          if (result.outcome === "quarantined") this.log.warn({ uid: message.uid, emailId: result.emailId, reason: result.error }, "quarantined a message that could not be read");
        }
      } finally {
        if (stored.length > 0 && client.usable) await this.markProcessed(client, mailbox, stored);
      }
    }
  }

  /** Flags or moves stored messages as the mailbox says; a failure only leaves them for markLeftOver. */
  private async markProcessed(client: ImapFlow, mailbox: Mailbox, uids: number[]): Promise<void> {
    try {
      if (mailbox.imapProcessed === "move" && mailbox.imapMoveTo) await client.messageMove(uids, mailbox.imapMoveTo, { uid: true });
      else await client.messageFlagsAdd(uids, this.storedFlags(client), { uid: true });
    } catch (error) {
      this.log.warn({ err: error }, "could not mark stored mail on the IMAP server; it is marked on the next connection");
    }
  }

  /** What a crash between storing and marking left unmarked: everything up to the last UID stored. */
  private async markLeftOver(client: ImapFlow, mailbox: Mailbox): Promise<void> {
    const folder = client.mailbox;
    if (!folder || mailbox.imapLastUid === 0 || mailbox.imapUidValidity !== Number(folder.uidValidity)) return;
    const range = `1:${mailbox.imapLastUid}`;
    const moving = mailbox.imapProcessed === "move" && Boolean(mailbox.imapMoveTo);
    const keyword = this.keywordAllowed(client);
    const query = moving ? { uid: range } : keyword ? { uid: range, unKeyword: STORED_KEYWORD } : { uid: range, seen: false };
    const left = ((await client.search(query, { uid: true })) || []).filter((uid) => uid <= mailbox.imapLastUid);
    if (left.length > 0) await this.markProcessed(client, mailbox, left);
  }

  private keywordAllowed(client: ImapFlow): boolean {
    const permanent = client.mailbox ? client.mailbox.permanentFlags : undefined;
    return !permanent || permanent.has("\\*");
  }

  private storedFlags(client: ImapFlow): string[] {
    return this.keywordAllowed(client) ? ["\\Seen", STORED_KEYWORD] : ["\\Seen"];
  }

  /**
   * Waits `ms`, or until new mail, a dropped connection or stop() wakes it. A `fresh` pause (a backoff) ignores
   * what woke it before it began, such as the close of the connection that just failed.
   */
  private pause(ms: number, fresh = false): Promise<void> {
    if (fresh) this.sleeper.forget();
    return this.stopped ? Promise.resolve() : this.sleeper.sleep(ms);
  }
}
