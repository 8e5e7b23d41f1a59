// The order of the project's transcript table: a column and a direction, ties always broken
// by title and then creation time, so the same rows never swap places between visits.
import type { DocumentSummary } from "../api/types";

export type SortKey = "title" | "participant" | "words" | "updatedAt";
export type SortDirection = "ascending" | "descending";
export type SortOrder = { key: SortKey; direction: SortDirection };

export const DEFAULT_ORDER: SortOrder = { key: "title", direction: "ascending" };

const collator = new Intl.Collator("en-GB", { numeric: true, sensitivity: "base" });

const compareBy: Record<SortKey, (a: DocumentSummary, b: DocumentSummary) => number> = {
  title: (a, b) => collator.compare(a.title, b.title),
  // Unknown participants go last whichever way the column is sorted (see sortTranscripts).
  participant: (a, b) => collator.compare(a.participant ?? "", b.participant ?? ""),
  words: (a, b) => a.words - b.words,
  updatedAt: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
};

function tieBreak(a: DocumentSummary, b: DocumentSummary): number {
  return compareBy.title(a, b) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

export function sortTranscripts(documents: DocumentSummary[], { key, direction }: SortOrder): DocumentSummary[] {
  const sign = direction === "ascending" ? 1 : -1;
  return [...documents].sort((a, b) => {
    if (key === "participant" && (a.participant === null) !== (b.participant === null)) return a.participant === null ? 1 : -1;
    return sign * compareBy[key](a, b) || tieBreak(a, b);
  });
}

/** Choosing a column sorts by it from the start (A to Z, fewest, oldest); choosing it again turns it round. */
export function nextOrder(current: SortOrder, key: SortKey): SortOrder {
  if (current.key !== key) return { key, direction: "ascending" };
  return { key, direction: current.direction === "ascending" ? "descending" : "ascending" };
}
