import { describe, expect, it } from "vitest";
import { groupByLine } from "./lineGroups";

describe("groupByLine", () => {
  it("puts stripes starting on the same line together, in order down the page", () => {
    const groups = groupByLine([
      { id: "b", top: 40, height: 60 },
      { id: "a", top: 10, height: 20 },
      { id: "c", top: 41.5, height: 20 },
    ]);
    expect(groups).toEqual([
      { top: 10, height: 20, ids: ["a"] },
      { top: 40, height: 20, ids: ["b", "c"] },
    ]);
  });

  it("is empty for no stripes", () => {
    expect(groupByLine([])).toEqual([]);
  });
});
