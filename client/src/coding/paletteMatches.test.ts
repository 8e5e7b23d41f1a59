import { describe, expect, it } from "vitest";
import { namesExisting, paletteMatches } from "./paletteMatches";

const codes = [
  { id: "1", name: "Feeling unworthy" },
  { id: "2", name: "Comparing self to other professionals" },
  { id: "3", name: "Fear of judgement" },
  { id: "4", name: "Being listened to" },
  { id: "5", name: "Café conversations" },
];
const names = (typed: string, recent: string[] = []) => paletteMatches(codes, typed, recent).map((c) => c.name);

describe("paletteMatches", () => {
  it("ranks the start of the name, then the start of a word, then anywhere, then initials", () => {
    expect(names("fe")).toEqual(["Fear of judgement", "Feeling unworthy", "Café conversations", "Comparing self to other professionals"]);
    expect(names("unworth")).toEqual(["Feeling unworthy"]);
    expect(names("list")).toEqual(["Being listened to"]);
    expect(names("fu")).toEqual(["Feeling unworthy"]);
    expect(names("cstop")).toEqual(["Comparing self to other professionals"]);
  });

  it("ignores case and accents", () => {
    expect(names("CAFE")).toEqual(["Café conversations"]);
    expect(names("  being ")).toEqual(["Being listened to"]);
  });

  it("offers recent codes first when nothing is typed, then the rest by name", () => {
    expect(names("", ["4", "gone", "1"])).toEqual([
      "Being listened to",
      "Feeling unworthy",
      "Café conversations",
      "Comparing self to other professionals",
      "Fear of judgement",
    ]);
  });

  it("finds nothing for text no code contains", () => {
    expect(names("zzz")).toEqual([]);
  });

  it("tells whether the typed text is already a code's name", () => {
    expect(namesExisting(codes, "feeling UNWORTHY ")).toBe(true);
    expect(namesExisting(codes, "Feeling")).toBe(false);
  });
});
