import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Database } from "../../apps/server/src/platform/db/client.ts";
import { runMigrations } from "../../apps/server/src/platform/db/migrate.ts";
import { createScratchDatabase } from "./postgres.ts";
import type { Backend } from "./report.ts";

/** Where the server under test keeps its data: a fresh PostgreSQL database, or a fresh PGlite directory. */
export type Store = { kind: "postgres"; databaseUrl: string } | { kind: "pglite"; dataDir: string };

export interface BenchStore {
  store: Store;
  /**
   * Opens the store from this process, migrated. For PGlite only one process may
   * have the directory open: close this before starting the server.
   */
  open(poolSize: number): Promise<Database>;
  dispose(): Promise<void>;
}

export async function createStore(backend: Backend): Promise<BenchStore> {
  if (backend === "postgres") {
    const scratch = await createScratchDatabase();
    return {
      store: { kind: "postgres", databaseUrl: scratch.url },
      open: (poolSize) => migrated(openDatabase({ databaseUrl: scratch.url, poolSize })),
      dispose: scratch.drop,
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-bench-"));
  return {
    store: { kind: "pglite", dataDir },
    // The server keeps its PGlite files in <RAPPORT_DATA_DIR>/pglite.
    open: () => migrated(openDatabase({ dataDir: path.join(dataDir, "pglite") })),
    dispose: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function migrated(opening: Promise<Database>): Promise<Database> {
  const database = await opening;
  await runMigrations(database);
  return database;
}
