import { describe, expect, it } from "vitest";
import type { LineageEntry } from "@concord/shared/coding/codebook";
import { lineageOf, lineageText } from "./lineageText";

const names: Record<string, string> = { a: "Feeling unheard", b: "Not listened to", c: "Being dismissed" };
const nameOf = (id: string) => names[id] ?? "a code no longer listed";
const at = "2026-12-02T10:00:00.000Z";
const entry = (op: LineageEntry["op"], from: string[], into: string[]): LineageEntry => ({ op, from, into, at, by: "lead" });

describe("lineageText", () => {
  it("tells which codes became which", () => {
    expect(lineageText(entry("merge", ["b"], ["a"]), nameOf)).toBe("Not listened to merged into Feeling unheard");
    expect(lineageText(entry("split", ["a"], ["a", "c"]), nameOf)).toBe("Being dismissed split off from Feeling unheard");
    expect(lineageText(entry("create", [], ["c"]), nameOf)).toBe("Being dismissed created");
    expect(lineageText(entry("raise", ["a"], ["a"]), nameOf)).toBe("Feeling unheard raised a level");
    expect(lineageText(entry("delete", ["x"], []), nameOf)).toBe("a code no longer listed deleted");
  });

  it("picks a code's own entries, newest first", () => {
    const all = [entry("create", [], ["a"]), entry("create", [], ["b"]), entry("merge", ["b"], ["a"]), entry("split", ["a"], ["a", "c"])];
    expect(lineageOf(all, "b").map((e) => e.op)).toEqual(["merge", "create"]);
    expect(lineageOf(all, "c").map((e) => e.op)).toEqual(["split"]);
  });
});
