import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { parseTranscript } from "./parse";
import { countWords, participantOf, summarizeTranscript } from "./summary";
import { writeTranscript } from "./ydoc";

function docOf(text: string): Y.Doc {
  const doc = new Y.Doc();
  writeTranscript(doc, parseTranscript(text));
  return doc;
}

describe("transcript summary", () => {
  it("counts the words of the text, not the speaker labels", () => {
    expect(summarizeTranscript(docOf("Notes from the call\nInterviewer: How was it?\nMaya: Fine — don't ask.\nMostly twenty-one days."))).toEqual({
      words: 13,
      participant: "Maya",
    });
  });

  it("counts nothing in an empty transcript", () => {
    expect(summarizeTranscript(new Y.Doc())).toEqual({ words: 0, participant: null });
    expect(countWords("  — \n ")).toBe(0);
  });

  it("takes the pseudonym in brackets, and names nobody for a generic or interviewer-like label", () => {
    expect(participantOf(["I", "Participant 3 (Alex)"])).toBe("Alex");
    expect(participantOf(["Interviewer 2", "Researcher", "Dr Amal Osei"])).toBe("Dr Amal Osei");
    expect(participantOf(["I", "P"])).toBeNull();
    expect(participantOf(["Interviewer", "Participant 4"])).toBeNull();
    expect(participantOf(["Interviewer"])).toBeNull();
  });

  it("names nobody when two people answer (a group interview)", () => {
    expect(participantOf(["Facilitator", "Maya", "Daniel"])).toBeNull();
    expect(participantOf(["I", "Maya", "Maya"])).toBe("Maya");
  });
});
