import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../../testing/harness.ts";
import { openDatabase } from "./client.ts";
import { runMigrations } from "./migrate.ts";

describe("migrations", () => {
  // PGlite is one connection inside one process, so there is nobody to race with there.
  it.skipIf(!testDatabaseUrl())("several processes starting at once migrate one database safely", async () => {
    const serverUrl = testDatabaseUrl()!;
    const name = `rapport_migrate_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const databases = await Promise.all(Array.from({ length: 4 }, () => openDatabase({ databaseUrl: url.toString(), poolSize: 2 })));
    try {
      await Promise.all(databases.map((database) => runMigrations(database)));
      const check = new pg.Client({ connectionString: url.toString() });
      await check.connect();
      const applied = await check.query<{ count: string }>("SELECT count(*) FROM drizzle.__drizzle_migrations");
      const tables = await check.query<{ count: string }>("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'conversations'");
      await check.end();
      expect(Number(tables.rows[0]!.count)).toBe(1);
      expect(Number(applied.rows[0]!.count)).toBeGreaterThan(0);
      // Running again changes nothing.
      await runMigrations(databases[0]!);
    } finally {
      await Promise.all(databases.map((database) => database.close()));
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
