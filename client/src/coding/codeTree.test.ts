import { describe, expect, it } from "vitest";
import { codeTreeRows, possibleParents } from "./codeTree";

const codes = [
  { id: "c", name: "Belonging", parentId: null },
  { id: "a", name: "Feeling unworthy", parentId: "c" },
  { id: "b", name: "Asking for help", parentId: "c" },
  { id: "d", name: "Money", parentId: null },
  { id: "e", name: "Debt", parentId: "d" },
];

describe("codeTreeRows", () => {
  it("lists each code under its parent, siblings by name", () => {
    expect(codeTreeRows(codes).map((r) => `${r.depth}:${r.code.name}`)).toEqual([
      "0:Belonging",
      "1:Asking for help",
      "1:Feeling unworthy",
      "0:Money",
      "1:Debt",
    ]);
  });

  it("keeps the ancestors of a match, marked as not matching themselves", () => {
    const rows = codeTreeRows(codes, "unwor");
    expect(rows.map((r) => [r.code.name, r.matched])).toEqual([
      ["Belonging", false],
      ["Feeling unworthy", true],
    ]);
  });

  it("puts a code whose parent is missing at the top, and survives a cycle", () => {
    const rows = codeTreeRows([
      { id: "x", name: "Orphan", parentId: "gone" },
      { id: "p", name: "P", parentId: "q" },
      { id: "q", name: "Q", parentId: "p" },
    ]);
    expect(rows.map((r) => r.code.name)).toEqual(["Orphan"]);
  });
});

describe("possibleParents", () => {
  it("offers neither the code nor anything inside it", () => {
    expect(possibleParents(codes, "c").map((c) => c.id)).toEqual(["e", "d"]);
  });
});
