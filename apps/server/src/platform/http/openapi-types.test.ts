import fs from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { API_TYPES_FILE, renderApiTypes } from "../../../../web/scripts/api-types.ts";
import { sharedServer } from "../../testing/harness.ts";

// The agent app's API types are generated from the routes' schemas; a route changed without regenerating them
// would let the app compile against shapes the server no longer sends.
describe("the agent app's API types", () => {
  it("match the server's OpenAPI document (run `npm run api:types` after changing a route)", async () => {
    const server = await sharedServer();
    const expected = await renderApiTypes(server.app.swagger());
    const committed = await fs.readFile(API_TYPES_FILE, "utf8");
    expect(committed === expected, "apps/web/src/api/schema.d.ts is out of date: run `npm run api:types`").toBe(true);
  });
});
