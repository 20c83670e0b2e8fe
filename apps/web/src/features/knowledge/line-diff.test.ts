import { describe, expect, it } from "vitest";
import { diffLines } from "./line-diff";

describe("diffLines", () => {
  it("keeps shared lines and marks what was removed and added, in reading order", () => {
    expect(diffLines("title\nold line\nend", "title\nnew line\nend\nmore")).toEqual([
      { kind: "same", text: "title" },
      { kind: "removed", text: "old line" },
      { kind: "added", text: "new line" },
      { kind: "same", text: "end" },
      { kind: "added", text: "more" },
    ]);
  });

  it("finds nothing changed in equal texts, and everything in an empty one", () => {
    expect(diffLines("a\nb", "a\nb").every((line) => line.kind === "same")).toBe(true);
    expect(diffLines("", "x")).toEqual([
      { kind: "removed", text: "" },
      { kind: "added", text: "x" },
    ]);
  });

  it("matches moved-around lines by the longest common run", () => {
    const kinds = diffLines("a\nb\nc\nd", "b\nc\nd\na").map((line) => `${line.kind[0]}${line.text}`);
    expect(kinds).toEqual(["ra", "sb", "sc", "sd", "aa"]);
  });
});
