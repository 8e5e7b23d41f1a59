import { describe, expect, it } from "vitest";
import { highlightParts } from "./highlight";

describe("keyword highlighting", () => {
  it("marks whole words and phrases in any case, the longer phrase first", () => {
    expect(highlightParts("A Qualitative interview study, not a survey-based one; interviews", ["interview", "qualitative interview", "survey"])).toEqual([
      { text: "A ", keyword: false },
      { text: "Qualitative interview", keyword: true },
      { text: " study, not a ", keyword: false },
      { text: "survey", keyword: true },
      { text: "-based one; interviews", keyword: false },
    ]);
  });

  it("leaves text without keywords whole, and treats their regex characters as text", () => {
    expect(highlightParts("Burnout (n=12)", [])).toEqual([{ text: "Burnout (n=12)", keyword: false }]);
    expect(highlightParts("Burnout (n=12)", ["(n=12)"])).toEqual([
      { text: "Burnout ", keyword: false },
      { text: "(n=12)", keyword: true },
    ]);
    expect(highlightParts("", ["x"])).toEqual([]);
  });
});
