import { describe, expect, it } from "vitest";
import { matchTurnLine, parseTranscript } from "./parse";

describe("parseTranscript", () => {
  it("recognises short and long speaker labels and names", () => {
    const blocks = parseTranscript("I: Hello.\nP: Hi there.\nInterviewer: Next?\nDr Amal Osei: Yes.\nP3: Me too.");
    expect(blocks.map((b) => (b.type === "turn" ? b.speaker : null))).toEqual(["I", "P", "Interviewer", "Dr Amal Osei", "P3"]);
  });

  it("keeps lines without a label as further paragraphs of the current turn", () => {
    const blocks = parseTranscript("P: It was hard.\n\nReally hard.\r\nI: Why?");
    expect(blocks).toEqual([
      { type: "turn", speaker: "P", paragraphs: ["It was hard.", "Really hard."] },
      { type: "turn", speaker: "I", paragraphs: ["Why?"] },
    ]);
  });

  it("keeps text before the first turn as free paragraphs", () => {
    expect(parseTranscript("Interview 4 (remote)\nI: Start")[0]).toEqual({ type: "paragraph", text: "Interview 4 (remote)" });
  });

  it("does not take a sentence or a clock time for a speaker", () => {
    expect(matchTurnLine("We met at 10:30 in the clinic")).toBeNull();
    expect(matchTurnLine("10:30: the recorder stopped")).toBeNull();
    expect(matchTurnLine("What I would say to new staff is this: listen")).toBeNull();
  });

  it("keeps a turn whose label has no text yet", () => {
    expect(parseTranscript("P:")).toEqual([{ type: "turn", speaker: "P", paragraphs: [""] }]);
  });
});
