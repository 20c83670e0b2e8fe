import fs from "node:fs/promises";
import { loadConfig } from "../../server/src/config.ts";
import { buildApp } from "../../server/src/app.ts";
import { openDatabase } from "../../server/src/platform/db/client.ts";
import { RealtimeHub } from "../../server/src/platform/realtime/hub.ts";
import { API_TYPES_FILE, renderApiTypes } from "./api-types.ts";

// Building the app registers every route and its schema; nothing here touches the (in-memory) database.
const config = loadConfig({ LOG_LEVEL: "silent" });
const database = await openDatabase({});
const app = await buildApp({ config, database, realtime: new RealtimeHub(database) });
await app.ready();
await fs.writeFile(API_TYPES_FILE, await renderApiTypes(app.swagger()));
await app.close();
await database.close();
console.log(`Wrote ${API_TYPES_FILE.pathname}`);
