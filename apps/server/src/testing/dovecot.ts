import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { ImapFlow } from "imapflow";
import { acceptsConnections, freePort } from "./process.ts";

const DOVECOT = "/usr/sbin/dovecot";

export interface DovecotUser {
  user: string;
  password: string;
}

export interface Dovecot {
  host: string;
  port: number;
  /** A second user beside the first, for tests that need mailboxes that do not share a folder. */
  addUser(user: string, password: string): Promise<DovecotUser>;
  /** Logged in as `user`; the caller logs out. */
  client(user?: DovecotUser): Promise<ImapFlow>;
  append(folder: string, messages: (string | Buffer)[], user?: DovecotUser): Promise<void>;
  /** UID → flags of every message in the folder. */
  flags(folder: string, user?: DovecotUser): Promise<Map<number, Set<string>>>;
  createFolder(folder: string, user?: DovecotUser): Promise<void>;
  /** The folder's message count; 0 for a folder that does not exist. */
  count(folder: string, user?: DovecotUser): Promise<number>;
  /** Messages in the folder without \\Seen. */
  unseen(folder: string, user?: DovecotUser): Promise<number>;
  readonly user: DovecotUser;
  stop(): Promise<void>;
}

/** Debian's dovecot-imapd, installed on first use where the test machine lacks it (CI runs as root). */
function ensureDovecot(): void {
  if (fs.existsSync(DOVECOT)) return;
  const install = () => execFileSync("apt-get", ["install", "-y", "dovecot-imapd"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  try {
    install();
  } catch {
    execFileSync("apt-get", ["update"], { stdio: "inherit" });
    install();
  }
}

/**
 * Dovecot refuses to deliver mail as root, so as root the mail belongs to `nobody`; its own services run as the
 * package's users. As anyone else, everything runs as that user.
 */
function identities(): { mailUid: number; mailGid: number; internalUser: string; loginUser: string } {
  const me = os.userInfo();
  if (me.uid !== 0) return { mailUid: me.uid, mailGid: me.gid, internalUser: me.username, loginUser: me.username };
  return { mailUid: 65534, mailGid: 65534, internalUser: "dovecot", loginUser: "dovenull" };
}

/**
 * A private IMAP server for tests: Dovecot on a free loopback port with a generated configuration, plain-text
 * login, users from a passwd file and Maildir folders, everything under one temporary directory that stop()
 * removes.
 */
export async function startDovecot(): Promise<Dovecot> {
  ensureDovecot();
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "rapport-dovecot-"));
  // Dovecot's unprivileged processes must reach their sockets and the mail under this directory.
  await fsp.chmod(dir, 0o755);
  const port = await freePort();
  const ids = identities();
  const usersDir = path.join(dir, "users");
  const mailRoot = path.join(dir, "mail");
  await fsp.mkdir(mailRoot, { mode: 0o755 });
  await fsp.chown(mailRoot, ids.mailUid, ids.mailGid);
  await fsp.mkdir(usersDir, { mode: 0o755 });

  const addUser = async (user: string, password: string): Promise<DovecotUser> => {
    // A file per user: Dovecot rereads a changed passwd-file only when its mtime moves, which a second user
    // added within the same second would not do.
    await fsp.writeFile(path.join(usersDir, user), `${user}:{PLAIN}${password}:${ids.mailUid}:${ids.mailGid}::${path.join(mailRoot, user)}\n`, { mode: 0o644 });
    return { user, password };
  };
  const first = await addUser("support", "imap-secret");

  const conf = path.join(dir, "dovecot.conf");
  await fsp.writeFile(
    conf,
    `base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = rapport-test-${port}
log_path = /dev/stderr
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${ids.internalUser}
default_internal_group = ${ids.internalUser === "dovecot" ? "dovecot" : os.userInfo().username}
default_login_user = ${ids.loginUser}
first_valid_uid = ${Math.min(ids.mailUid, 1)}
mail_location = maildir:~/Maildir
mail_fsync = never
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${usersDir}/%u
}
userdb {
  driver = passwd-file
  args = username_format=%u ${usersDir}/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service stats {
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
`,
  );

  const child: ChildProcess = spawn(DOVECOT, ["-F", "-c", conf], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Dovecot exited before it listened:\n${output}`);
    if (await acceptsConnections(port)) break;
    if (Date.now() > deadline) throw new Error(`Dovecot did not listen on ${port} in time:\n${output}`);
    await sleep(50);
  }

  const client = async (user: DovecotUser = first) => {
    const imap = new ImapFlow({ host: "127.0.0.1", port, secure: false, auth: { user: user.user, pass: user.password }, logger: false, disableAutoIdle: true });
    imap.on("error", () => {});
    await imap.connect();
    return imap;
  };
  const withClient = async <T>(user: DovecotUser | undefined, fn: (imap: ImapFlow) => Promise<T>): Promise<T> => {
    const imap = await client(user);
    try {
      return await fn(imap);
    } catch (error) {
      // imapflow's own message is "Command failed"; the server's words are in responseText.
      const details = error as Error & { responseText?: string };
      throw new Error(`Dovecot: ${details.responseText ?? details.message}\n${output.slice(-2_000)}`, { cause: error });
    } finally {
      await imap.logout();
    }
  };

  return {
    host: "127.0.0.1",
    port,
    user: first,
    addUser,
    client,
    append: (folder, messages, user) =>
      withClient(user, async (imap) => {
        for (const message of messages) await imap.append(folder, message);
      }),
    flags: (folder, user) =>
      withClient(user, async (imap) => {
        const flags = new Map<number, Set<string>>();
        const opened = await imap.mailboxOpen(folder, { readOnly: true });
        if (opened.exists === 0) return flags;
        for await (const message of imap.fetch("1:*", { uid: true, flags: true })) flags.set(message.uid, message.flags ?? new Set());
        return flags;
      }),
    createFolder: (folder, user) =>
      withClient(user, async (imap) => {
        await imap.mailboxCreate(folder);
      }),
    count: (folder, user) =>
      withClient(user, async (imap) => {
        const status = await imap.status(folder, { messages: true }).catch(() => false as const);
        return status ? (status.messages ?? 0) : 0;
      }),
    unseen: (folder, user) =>
      withClient(user, async (imap) => {
        const status = await imap.status(folder, { unseen: true });
        return status ? (status.unseen ?? 0) : 0;
      }),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await Promise.race([exited, sleep(5_000)]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      await fsp.rm(dir, { recursive: true, force: true });
    },
  };
}
