import { beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, publishArticle, sharedServer, type TestServer, type TestWorkspace } from "../../testing/harness.ts";
import { questionWords, searchArticles, searchByQuestion } from "./search.ts";

let server: TestServer;
let ws: TestWorkspace;
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await sharedServer();
  ws = await createTestWorkspace(server, "Search");
  ids.boots = (await publishArticle(ws, { title: "Hiking boot size guide", tags: ["fit"], bodyMarkdown: "Ridge boots run small: take half a size up." })).id;
  ids.waterproof = (await publishArticle(ws, { title: "Wash and re-waterproof a rain jacket", bodyMarkdown: "Wash at 30 °C with a technical wash, then tumble dry." })).id;
  ids.down = (await publishArticle(ws, { title: "Washing a down jacket", bodyMarkdown: "Wash at 30 °C with a down wash and dry with tennis balls." })).id;
});

describe("searchArticles with a whole question", () => {
  it("falls back to articles with any of the words when none has them all", async () => {
    const hits = await searchArticles(server.database.db, ws.id, { query: "hi, do your ridge boots run small or big? thanks", includeInternal: false, limit: 5 });
    expect(hits[0]).toMatchObject({ id: ids.boots, match: "fulltext" });
  });
});

describe("searchByQuestion", () => {
  it("drops small talk, leaving stop words to each language's search configuration", () => {
    expect(questionWords("Hi! Could you please tell me if the Ridge boots run small?? Thanks")).toEqual(["you", "me", "if", "the", "ridge", "boots", "run", "small"]);
  });

  it("ranks a title the question matches entirely above one it matches in part", async () => {
    const [first] = await searchByQuestion(server.database.db, ws.id, { question: "washing a down jacket", limit: 3 });
    expect(first?.id).toBe(ids.down);
  });

  it("reads a typo in a body word as the word", async () => {
    const [first] = await searchByQuestion(server.database.db, ws.id, { question: "tenis balls", limit: 3 });
    expect(first).toMatchObject({ id: ids.down });
    expect(first!.matched.map((match) => match.word)).toContain("tenis");
  });
});
