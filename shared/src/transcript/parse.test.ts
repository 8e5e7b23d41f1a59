import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { matchTurnLine, parseTranscript, type ParsedBlock } from "./parse";

/** A fixture written for these tests (fixtures/*.txt), parsed. */
function parseFixture(name: string): ParsedBlock[] {
  return parseTranscript(fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));
}

/** Each block as [speaker (null outside a turn), ...paragraphs]. */
function outline(blocks: ParsedBlock[]): (string | null)[][] {
  return blocks.map((b) => (b.type === "turn" ? [b.speaker, ...b.paragraphs] : [null, b.text]));
}

describe("parseTranscript", () => {
  it("recognises labels with numbers, capitals, names and pseudonyms in brackets", () => {
    expect(outline(parseFixture("colon-labels.txt"))).toEqual([
      ["I", "Thanks for coming in. Is there anything you want to ask first?"],
      ["Participant (Alex)", "No, that's it."],
      ["INTERVIEWER", "Then let's begin. How long have you worked on the ward?"],
      ["Participant 3 (Alex)", "About four years now."],
      ["Interviewer 2", "And before that?"],
      ["P3", "Agency work, mostly nights."],
      ["Dr Amal Osei", "Can I come in here?"],
      ["Interviewer", "Of course."],
    ]);
  });

  it("recognises bracketed labels with or without a colon, but not a transcriber's note", () => {
    expect(outline(parseFixture("bracketed-labels.txt"))).toEqual([
      ["Interviewer", "How did the first peer group go?"],
      ["P", "Better than I expected.", "[Laughs] I was so nervous beforehand.", "[inaudible] and then we all had tea."],
      ["Interviewer", "What made it better than you expected?"],
      ["Alex", "People actually listened."],
    ]);
  });

  it("reads a timestamp before or after a label and keeps it out of the text", () => {
    const blocks = parseFixture("timestamps.txt");
    expect(outline(blocks)).toEqual([
      ["I", "Where were we?"],
      ["P", "The training day."],
      ["I", "Right, the training day."],
      ["Alex", "It was long."],
      ["Interviewer", "How long?"],
      ["Alex", "Six hours, with one break."],
    ]);
    expect(blocks.map((b) => (b.type === "turn" ? b.time : null))).toEqual(["00:03:12", "00:03:20", "00:04", "00:04:10", "00:05:02", "0:05:30.5"]);
  });

  it("keeps unlabelled lines as further paragraphs of the turn before, with the line each came from", () => {
    const blocks = parseFixture("paragraphs.txt");
    expect(outline(blocks)).toEqual([
      [null, "Interview 7, by telephone, recorded with consent"],
      ["I", "What did the service get right?"],
      ["P", "The first thing was the welcome. Someone met me at the door.", "It sounds small, but nobody had done that before."],
      ["I", "And what did it get wrong?"],
      ["P", "The waiting.", "Nobody told us how long it would be."],
      ["I", "Did you raise that with anyone?", "Only once, with the receptionist."],
    ]);
    expect(blocks.map((b) => b.line)).toEqual([1, 3, 5, 9, 10, 12]);
    expect(blocks[2]).toMatchObject({ lines: [5, 7] });
    expect(blocks[5]).toMatchObject({ lines: [12, 13] });
  });

  it("does not take a sentence, a clock time or a note for a speaker", () => {
    expect(outline(parseFixture("not-labels.txt"))).toEqual([
      [
        "P",
        "We met at 10:30 in the clinic.",
        "10:30: the recorder stopped for a minute.",
        "What I would say to new staff is this: listen.",
        "It's simple really, I mean it: just listen to people.",
        "[pause] Sorry, where was I?",
        "(laughs) That's it.",
      ],
    ]);
    expect(matchTurnLine("We met at 10:30 in the clinic")).toBeNull();
    expect(matchTurnLine("[Long pause] Right.")).toBeNull();
    expect(matchTurnLine("[Overlapping] Yes.")).toBeNull();
    expect(matchTurnLine("[Allison] Yes.")).toEqual({ speaker: "Allison", rest: "Yes." });
  });

  it("handles Windows line ends and text with no labels at all", () => {
    expect(outline(parseTranscript("P: It was hard.\r\n\r\nReally hard.\r\nI: Why?"))).toEqual([
      ["P", "It was hard.", "Really hard."],
      ["I", "Why?"],
    ]);
    expect(outline(parseTranscript("Just notes.\nMore notes."))).toEqual([
      [null, "Just notes."],
      [null, "More notes."],
    ]);
  });

  it("keeps a turn whose label has no text yet", () => {
    expect(parseTranscript("P:")).toEqual([{ type: "turn", speaker: "P", paragraphs: [""], line: 1, lines: [1] }]);
  });
});
