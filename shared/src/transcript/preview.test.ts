import { describe, expect, it } from "vitest";
import { parseTranscript } from "./parse";
import { previewTranscript, renameSpeakers, unknownSpeakers } from "./preview";

const TEXT = "Interview 2\n00:01:05 I: Ready?\nP: Yes.\n\nMostly.\nI: Good.";

describe("previewTranscript", () => {
  it("shows turns as stored, flags unlabelled lines and counts speakers and timestamps", () => {
    const preview = previewTranscript(parseTranscript(TEXT));
    expect(preview.turns.map((t) => [t.speaker, t.line, t.paragraphs.map((p) => p.unlabelled ?? false)])).toEqual([
      [null, 1, [true]],
      ["I", 2, [false]],
      ["P", 3, [false, true]],
      ["I", 6, [false]],
    ]);
    expect(preview.speakers).toEqual([
      { label: "I", name: "I", turns: 2 },
      { label: "P", name: "P", turns: 1 },
    ]);
    expect(preview.unlabelledLines).toEqual([
      { line: 1, text: "Interview 2", speaker: null },
      { line: 5, text: "Mostly.", speaker: "P" },
    ]);
    expect(preview.timestamps).toBe(1);
  });

  it("renames speakers, merging two labels given one name, and keeps a blank name as the label", () => {
    const preview = previewTranscript(parseTranscript("I: a\nInterviewer: b\nP: c"), { I: "Interviewer", P: "  " });
    expect(preview.turns.map((t) => t.speaker)).toEqual(["Interviewer", "Interviewer", "P"]);
    expect(preview.speakers.map((s) => [s.label, s.name])).toEqual([["I", "Interviewer"], ["Interviewer", "Interviewer"], ["P", "P"]]);
    const blocks = parseTranscript("I: a\nP: c");
    expect(renameSpeakers(blocks, { P: "Alex" }).map((b) => b.type === "turn" && b.speaker)).toEqual(["I", "Alex"]);
    expect(unknownSpeakers(blocks, { P: "Alex", Q: "Sam" })).toEqual(["Q"]);
  });
});
