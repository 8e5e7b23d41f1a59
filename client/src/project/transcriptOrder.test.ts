import { describe, expect, it } from "vitest";
import type { DocumentSummary } from "../api/types";
import { DEFAULT_ORDER, nextOrder, sortTranscripts } from "./transcriptOrder";

function doc(id: string, title: string, extra: Partial<DocumentSummary> = {}): DocumentSummary {
  return {
    id,
    projectId: "p",
    title,
    kind: "transcript",
    createdAt: `2026-01-0${id}T00:00:00.000Z`,
    updatedAt: "2026-02-01T00:00:00.000Z",
    words: 10,
    participant: null,
    lastChangedBy: { id: "u", name: "U" },
    ...extra,
  };
}

const ids = (documents: DocumentSummary[]) => documents.map((d) => d.id);

describe("transcript order", () => {
  it("starts by title, numbers in their order, ties by creation time", () => {
    const documents = [doc("3", "Interview 10"), doc("2", "interview 2"), doc("1", "Interview 2"), doc("4", "Interview 1")];
    expect(ids(sortTranscripts(documents, DEFAULT_ORDER))).toEqual(["4", "1", "2", "3"]);
  });

  it("sorts by words either way, equal counts keeping the title order", () => {
    const documents = [doc("1", "B", { words: 5 }), doc("2", "A", { words: 900 }), doc("3", "C", { words: 5 })];
    const fewest = nextOrder(DEFAULT_ORDER, "words");
    expect(fewest).toEqual({ key: "words", direction: "ascending" });
    expect(ids(sortTranscripts(documents, fewest))).toEqual(["1", "3", "2"]);
    expect(ids(sortTranscripts(documents, nextOrder(fewest, "words")))).toEqual(["2", "1", "3"]);
  });

  it("puts transcripts without a known participant last, either way", () => {
    const documents = [doc("1", "A"), doc("2", "B", { participant: "Maya" }), doc("3", "C", { participant: "Alex" })];
    expect(ids(sortTranscripts(documents, { key: "participant", direction: "ascending" }))).toEqual(["3", "2", "1"]);
    expect(ids(sortTranscripts(documents, { key: "participant", direction: "descending" }))).toEqual(["2", "3", "1"]);
  });
});
