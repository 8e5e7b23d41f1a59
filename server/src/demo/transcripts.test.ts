import { parseTranscript } from "@concord/shared";
import { describe, expect, it } from "vitest";
import { DEMO_TRANSCRIPTS } from "./transcripts";

describe("demo transcripts", () => {
  it("label every turn with a readable name: the interviewer and the participant's pseudonym", () => {
    const speakers = DEMO_TRANSCRIPTS.map(({ text }) => [...new Set(parseTranscript(text).map((b) => (b.type === "turn" ? b.speaker : null)))]);
    expect(speakers).toEqual([
      ["Interviewer", "Maya"],
      ["Interviewer", "Daniel"],
    ]);
  });
});
