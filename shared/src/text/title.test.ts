import { describe, expect, it } from "vitest";
import { checkTitle } from "./title";

const check = (raw: string) => checkTitle(raw, "The title", 10);

describe("checkTitle", () => {
  it("normalises to NFC and trims invisible characters from both ends", () => {
    expect(check("  Cafe\u0301\u200B ")).toEqual({ ok: true, value: "Café" });
  });

  it.each([
    ["only a zero-width space", "\u200B", "empty"],
    ["only white space and a byte-order mark", " \uFEFF\u3000", "empty"],
    ["a Hangul filler", "\u3164", "empty"],
    ["a right-to-left override", "Study \u202Efdp.exe", "bidi"],
    ["a first-strong isolate", "\u2068a", "bidi"],
    ["NUL", "A\u0000B", "control"],
    ["a line break", "A\nB", "control"],
    ["a lone high surrogate", "A\uD800", "broken"],
    ["a lone low surrogate", "\uDC00A", "broken"],
    ["eleven characters", "abcdefghijk", "too_long"],
  ])("refuses %s", (_, raw, problem) => {
    expect(check(raw)).toMatchObject({ ok: false, problem });
  });

  it("keeps what real titles contain: other scripts, emoji, joiners and direction marks", () => {
    for (const title of ["مقابلة ١", "שלום\u200Fa", "👩‍🔬 Lab", "Zoë 😀"]) expect(check(title)).toEqual({ ok: true, value: title });
  });
});
