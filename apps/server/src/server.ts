import { randomBytes } from "node:crypto";
import path from "node:path";
import type { Config } from "./config.ts";
import { buildApp } from "./app.ts";
import { openDatabase, type Database } from "./platform/db/client.ts";
import { runMigrations } from "./platform/db/migrate.ts";
import { JobRunner } from "./platform/jobs/runner.ts";
import { allJobs } from "./platform/jobs/catalog.ts";
import { loadSecretBox } from "./platform/crypto.ts";
import { ImapPoller } from "./modules/email/imap-poller.ts";
import { RealtimeHub } from "./platform/realtime/hub.ts";
import type { App } from "./platform/http/context.ts";
import { countWorkspaces, createWorkspace } from "./modules/workspaces/service.ts";
import { seedDemo } from "./demo/seed.ts";
import { createFileStore } from "./platform/files.ts";
import { SmtpListener } from "./modules/email/smtp-listener.ts";

export interface RunningServer {
  app: App;
  database: Database;
  url: string;
  /** Stops taking requests, lets work in flight finish, then closes the database. */
  stop(): Promise<void>;
}

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: path.join(config.dataDir, "pglite"), poolSize: config.databasePoolSize });
  await runMigrations(database);
  return database;
}

/** On an empty database: the first workspace, its owner, and (unless switched off) a demo inbox. */
export async function bootstrap(database: Database, config: Config, log: (message: string) => void): Promise<void> {
  await database.withAdvisoryLock(7_142_002, async () => {
    if ((await countWorkspaces(database.db)) > 0) return;
    const password = config.adminPassword ?? randomBytes(12).toString("base64url");
    // One transaction: a crash half-way leaves an empty database that the next start bootstraps again.
    const { workspace, owner } = await database.db.transaction(async (tx) => {
      const created = await createWorkspace(tx, { name: "Demo Outfitters", owner: { email: config.adminEmail, name: "Admin", password } });
      if (config.demoData) await seedDemo(tx, created.workspace.id, created.owner.id, loadSecretBox(config.secretKey, config.dataDir));
      return created;
    });
    log(`Created workspace "${workspace.name}" with owner ${owner.email}`);
    if (!config.adminPassword) log(`Owner password (shown once; set RAPPORT_ADMIN_PASSWORD to choose it): ${password}`);
  });
}

export async function startServer(config: Config): Promise<RunningServer> {
  const database = await openConfiguredDatabase(config);
  const files = await createFileStore(config);
  const realtime = new RealtimeHub(database);
  const app = await buildApp({ config, database, files, realtime });
  await realtime.start(app.log);
  await bootstrap(database, config, (message) => app.log.info(message));
  const address = await app.listen({ port: config.port, host: config.host });
  const url = address.replace("0.0.0.0", "localhost").replace("[::]", "localhost");
  const jobs = config.jobsEnabled ? new JobRunner(database, { jobs: allJobs, log: app.log.child({ subsystem: "jobs" }) }) : undefined;
  await jobs?.start();
  // Fetching mail is background work: it runs where jobs run.
  const imap = config.jobsEnabled
    ? new ImapPoller(database, {
        files,
        secrets: loadSecretBox(config.secretKey, config.dataDir),
        databaseUrl: config.databaseUrl,
        log: app.log.child({ subsystem: "imap" }),
      })
    : undefined;
  await imap?.start();
  const smtp = new SmtpListener({ db: database.db, files, email: config.email, log: app.log.child({ subsystem: "smtp" }) });
  await smtp.start();
  return {
    app,
    database,
    url,
    async stop() {
      await realtime.stop();
      // Jobs in flight still write, so the database closes only after they finish or are cut off.
      // Mail being received still writes too; what it has not acknowledged, its sender retries.
      await Promise.all([app.close(), jobs?.stop(), imap?.stop(), smtp.stop()]);
      await database.close();
    },
  };
}
