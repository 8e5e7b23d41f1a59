import { describe, expect, it } from "vitest";
import { parseTranscriptSearch, spanOf } from "./spanSearch";

describe("a transcript link's search parameters", () => {
  it("reads a span from the numbers the router parsed and from strings", () => {
    expect(parseTranscriptSearch({ from: 12, to: 40 })).toEqual({ from: 12, to: 40 });
    expect(parseTranscriptSearch({ from: "12", to: "40" })).toEqual({ from: 12, to: 40 });
    expect(spanOf(parseTranscriptSearch({ from: 0, to: 1 }))).toEqual({ from: 0, to: 1 });
  });

  it("drops a span that is empty, backwards, half there or not whole numbers, and keeps the rest of the link", () => {
    for (const bad of [{ from: 5, to: 5 }, { from: 9, to: 2 }, { from: 3 }, { from: -1, to: 4 }, { from: 1.5, to: 4 }, { from: "1e3", to: "2e3" }, { from: "x", to: 4 }]) {
      expect(spanOf(parseTranscriptSearch(bad)), JSON.stringify(bad)).toBeNull();
    }
    expect(parseTranscriptSearch({ from: 9, to: 2, thread: "t-1" })).toEqual({ thread: "t-1" });
  });

  it("keeps a thread id only when it looks like one", () => {
    expect(parseTranscriptSearch({ thread: "abc_123-x" })).toEqual({ thread: "abc_123-x" });
    expect(parseTranscriptSearch({ thread: "<script>" })).toEqual({});
    expect(parseTranscriptSearch({ thread: 42 })).toEqual({});
  });
});
