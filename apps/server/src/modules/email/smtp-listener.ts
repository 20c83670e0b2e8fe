import fs from "node:fs";
import type { AddressInfo } from "node:net";
import type { BaseLogger } from "pino";
import type { SMTPServer, SMTPServerAddress, SMTPServerDataStream, SMTPServerEnvelope, SMTPServerSession } from "smtp-server";
import type { Config } from "../../config.ts";
import type { Executor } from "../../platform/db/client.ts";
import type { FileStore } from "../../platform/files.ts";
import { findMailboxByRecipient, type Mailbox } from "./mailboxes.ts";
import { receiveEmail, type ReceiveOutcome } from "./receive.ts";

export type SmtpLogger = Pick<BaseLogger, "debug" | "info" | "warn" | "error">;

export interface SmtpListenerOptions {
  db: Executor;
  files: FileStore;
  email: Pick<Config["email"], "smtpPort" | "smtpHost" | "tls" | "maxBytes" | "domain">;
  log: SmtpLogger;
  /** Connections held at once; one more is told 421 and may come back later. */
  maxClients?: number;
  /** Recipients of one message; a sender with more splits the message (RFC 5321 asks for at least 100). */
  maxRecipients?: number;
  /** Idle time before a connection is dropped. */
  socketTimeoutMs?: number;
  /** How long stop() waits for messages in flight before cutting them off unacknowledged. */
  stopTimeoutMs?: number;
}

/** An SMTP reply: smtp-server sends `responseCode` and the message (it adds the enhanced status code). */
class SmtpReply extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** A PEM given inline, or the path of a file holding one. */
const readPem = (value: string) => (value.includes("-----BEGIN") ? value : fs.readFileSync(value, "utf8"));

/**
 * Rapport's own MX-like receiver: mail for a mailbox's address, or for its forwarding address at the mail
 * domain, is taken over SMTP and handed to receiveEmail. A message is answered 250 only once it is committed
 * for every mailbox it was addressed to, and 451 when anything fails, so the sending MTA keeps it and retries;
 * the Message-ID makes that retry a no-op for the mailboxes that already have it. Nothing but the connections
 * themselves lives in memory, so any number of processes can listen behind one balanced port.
 */
export class SmtpListener {
  private server: SMTPServer | undefined;
  private stopping: Promise<void> | undefined;
  /** The mailboxes each open transaction's recipients reached, found once at RCPT time. */
  private readonly recipients = new WeakMap<SMTPServerEnvelope, Map<string, Mailbox>>();
  /** Deliveries between DATA and their reply, by connection; stop() waits for these. */
  private readonly deliveries = new Map<string, Promise<void>>();
  private readonly stopTimeoutMs: number;

  constructor(private readonly options: SmtpListenerOptions) {
    this.stopTimeoutMs = options.stopTimeoutMs ?? 20_000;
  }

  /** The port listened on (useful with port 0), once started. */
  get port(): number | undefined {
    const address = this.server?.server.address();
    return address && typeof address === "object" ? (address as AddressInfo).port : undefined;
  }

  async start(): Promise<void> {
    const { email, log } = this.options;
    if (email.smtpPort === undefined) return;
    if (this.server || this.stopping) throw new Error("An SMTP listener starts once.");
    const tls = email.tls ? { key: readPem(email.tls.key), cert: readPem(email.tls.cert) } : undefined;
    const { SMTPServer } = await import("smtp-server");
    const server = new SMTPServer({
      ...tls,
      name: email.domain,
      banner: "Rapport",
      size: email.maxBytes,
      rejectOversized: true,
      // "5.1.1" and "4.3.0" tell a sending MTA whether to bounce or retry more precisely than the bare code.
      hideENHANCEDSTATUSCODES: false,
      authOptional: true,
      // Inbound only: nobody signs in to hand mail to a mailbox, so AUTH is not offered at all.
      disabledCommands: tls ? ["AUTH"] : ["AUTH", "STARTTLS"],
      // Without AUTH every client is "unauthenticated"; the default limit of 10 commands would cut off a sender mid-batch.
      maxAllowedUnauthenticatedCommands: false,
      maxClients: this.options.maxClients ?? 200,
      maxRecipients: this.options.maxRecipients ?? 100,
      socketTimeout: this.options.socketTimeoutMs ?? 60_000,
      closeTimeout: this.stopTimeoutMs,
      logger: false,
      onMailFrom: (_address, session, callback) => {
        this.recipients.set(session.envelope, new Map());
        callback();
      },
      onRcptTo: (address, session, callback) => {
        this.acceptRecipient(address, session).then(() => callback(), (error: Error) => callback(error));
      },
      onData: (stream, session, callback) => {
        const delivery = this.deliver(stream, session).then(
          (message) => callback(null, message),
          (error: Error) => callback(error),
        );
        this.deliveries.set(session.id, delivery);
        void delivery.finally(() => this.deliveries.delete(session.id));
      },
    });
    server.on("error", (error) => log.warn({ err: error }, "SMTP connection error"));
    await new Promise<void>((resolve, reject) => {
      server.server.once("error", reject);
      server.listen(email.smtpPort, email.smtpHost, () => {
        server.server.off("error", reject);
        resolve();
      });
    });
    this.server = server;
    log.info({ port: this.port, host: email.smtpHost, starttls: Boolean(tls), maxBytes: email.maxBytes }, "SMTP listener ready");
  }

  /**
   * Stops accepting connections and turns idle ones away with 421, then waits for the messages being
   * received, at most `stopTimeoutMs`. One cut off there was never answered 250, so its sender still has it.
   */
  stop(): Promise<void> {
    this.stopping ??= this.drain();
    return this.stopping;
  }

  private async drain(): Promise<void> {
    const server = this.server;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    this.closeIdleConnections(server);
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      Promise.allSettled(this.deliveries.values()).then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), this.stopTimeoutMs))),
    ]);
    clearTimeout(timer);
    if (!finished) this.options.log.warn({ connections: [...this.deliveries.keys()] }, "stopped with messages still being received; they were not acknowledged, so their senders retry");
    // Every delivery has had its reply written; what is left only waits for a next command.
    this.closeIdleConnections(server);
    await closed;
  }

  private closeIdleConnections(server: SMTPServer): void {
    for (const connection of server.connections) {
      if (this.deliveries.has(connection.id)) continue;
      connection.send(421, `${this.options.email.domain} is shutting down, try again later`);
      connection.close();
    }
  }

  private async acceptRecipient(address: SMTPServerAddress, session: SMTPServerSession): Promise<void> {
    let mailbox: Mailbox | undefined;
    try {
      mailbox = await findMailboxByRecipient(this.options.db, address.address, this.options.email.domain);
    } catch (error) {
      this.options.log.error({ err: error, session: session.id }, "could not look up a recipient");
      throw new SmtpReply(451, "Temporary failure looking up the recipient, try again later");
    }
    if (!mailbox) throw new SmtpReply(550, `No mailbox here by the name <${address.address}>`);
    let reached = this.recipients.get(session.envelope);
    if (!reached) this.recipients.set(session.envelope, (reached = new Map()));
    reached.set(mailbox.id, mailbox);
  }

  private async deliver(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<string> {
    const raw = await readMessage(stream);
    // rejectOversized answers 552 whatever is returned here; nothing of it is stored.
    if (stream.sizeExceeded) return "over the size limit";
    const mailboxes = [...(this.recipients.get(session.envelope)?.values() ?? [])];
    const { db, files, log } = this.options;
    let outcomes: ReceiveOutcome[];
    try {
      // Sequential, so a second mailbox of the same workspace finds the first one's row as a duplicate instead of racing it.
      outcomes = [];
      for (const mailbox of mailboxes) outcomes.push(await receiveEmail({ db, files }, { mailbox, raw }));
    } catch (error) {
      log.error({ err: error, session: session.id, bytes: raw.length }, "could not store an incoming message; answered 451 so the sender retries");
      throw new SmtpReply(451, "Temporary failure storing the message, try again later");
    }
    const quarantined = outcomes.filter((outcome) => outcome.outcome === "quarantined");
    if (quarantined.length) log.warn({ session: session.id, emails: quarantined.map((outcome) => outcome.emailId) }, "quarantined an incoming message");
    log.debug({ session: session.id, bytes: raw.length, outcomes: outcomes.map((outcome) => outcome.outcome) }, "received a message");
    // Quarantined mail is stored too: refusing it would only bring the same message back.
    return `OK: stored for ${mailboxes.length} mailbox${mailboxes.length === 1 ? "" : "es"}`;
  }
}

/** The whole message; past the size limit the rest is read and dropped, since it is refused anyway. */
async function readMessage(stream: SMTPServerDataStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (!stream.sizeExceeded) chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
