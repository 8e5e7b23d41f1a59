// The review documents the server writes and raters' browsers read live: one per rater and
// stage holding only that rater's own work (so a socket can carry nothing of anyone else's
// before reveal), and one per stage holding the revealed items — every rater's work and the
// consensus. Names come from collab/documentName.ts; only the server writes these documents
// (server/src/collab/serverWrites.ts). Pure: no I/O.
import type * as Y from "yjs";
import type { Consensus, RaterWork } from "./items";

/** The Y.Map, in either kind of review document, from a record id to its entry. */
export const REVIEW_ITEMS_FIELD = "items";

/** A rater's own document: their work on each record they are assigned. */
export interface OwnReviewEntry {
  work: RaterWork;
}

/** The revealed document: each revealed record's raters' work and its consensus. */
export interface RevealedReviewEntry {
  work: RaterWork[];
  consensus: Consensus | null;
}

/**
 * The Y.Map, in each stage's revealed document, from the id of a record marked as not
 * retrieved to when it was marked. It says only what every member may read anyway (GET
 * …/not-retrieved); it is there so that open review pages learn of a mark or its undo.
 */
export const NOT_RETRIEVED_FIELD = "notRetrieved";

/** Records a mark (or a change of its note), or with `markedAt` null its undo. */
export function setNotRetrievedEntry(doc: Y.Doc, recordId: string, markedAt: string | null): void {
  const marks = doc.getMap<string>(NOT_RETRIEVED_FIELD);
  if (markedAt === null) marks.delete(recordId);
  else marks.set(recordId, markedAt);
}

function itemsOf<T>(doc: Y.Doc): Y.Map<T> {
  return doc.getMap<T>(REVIEW_ITEMS_FIELD);
}

/** Sets a record's entry (plain JSON: it is replaced whole, never merged). */
export function setReviewEntry<T extends OwnReviewEntry | RevealedReviewEntry>(doc: Y.Doc, recordId: string, entry: T): void {
  itemsOf<T>(doc).set(recordId, JSON.parse(JSON.stringify(entry)) as T);
}

/** Every entry of a review document, by record id. */
export function readReviewEntries<T extends OwnReviewEntry | RevealedReviewEntry>(doc: Y.Doc): Map<string, T> {
  return new Map(itemsOf<T>(doc).entries());
}
