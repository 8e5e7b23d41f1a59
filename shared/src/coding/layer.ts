// A coder's layer: one Yjs document per transcript per coder holding that coder's codings
// (`codings`: id → coding), anchored into the transcript by relative positions (anchor.ts).
// The layer's owner is the coder. Only the server writes it; functions check, then change.
//
// While a transcript is coded blind the layer also holds the codes its coder makes
// (`codes`: id → code, the codebook's shape): the codebook document goes to every member, so
// a blind coder's new codes wait here, seen only by who may see the layer, until reveal
// moves them into the codebook. `codes` and `lineage` have the codebook's keys and shapes, so
// the codebook's own functions (codebook.ts) rename, re-level, move, delete and restore a held
// code in place, and its steps stay in the layer's `lineage` until reveal too.
import * as Y from "yjs";
import type { Anchor } from "./anchor";
import { CodebookError, readLineage, type Code, type LineageEntry } from "./codebook";
import { CODING_LIMITS } from "./limits";

export interface StoredCoding {
  codeId: string;
  /** Chains of encoded relative positions into the transcript (anchor.ts). */
  start: Uint8Array[];
  end: Uint8Array[];
  note: string;
  createdAt: string;
}

export interface LayerCoding extends StoredCoding {
  id: string;
}

export class LayerFullError extends Error {
  constructor() {
    super(`One coder's layer can hold at most ${CODING_LIMITS.codingsPerLayer.toLocaleString("en")} codings of a transcript.`);
  }
}

const codingsOf = (doc: Y.Doc) => doc.getMap<StoredCoding>("codings");
const blindCodesOf = (doc: Y.Doc) => doc.getMap<Code>("codes");

export function readCodings(doc: Y.Doc): LayerCoding[] {
  return [...codingsOf(doc).entries()].map(([id, coding]) => ({ id, ...coding }));
}

export function findCoding(doc: Y.Doc, id: string): LayerCoding | undefined {
  const coding = codingsOf(doc).get(id);
  return coding && { id, ...coding };
}

export function addCoding(doc: Y.Doc, id: string, input: { codeId: string; anchor: Anchor; note: string; createdAt: string }): LayerCoding {
  const codings = codingsOf(doc);
  if (codings.size >= CODING_LIMITS.codingsPerLayer) throw new LayerFullError();
  const coding: StoredCoding = { codeId: input.codeId, start: input.anchor.start, end: input.anchor.end, note: input.note, createdAt: input.createdAt };
  codings.set(id, coding);
  return { id, ...coding };
}

export function removeCoding(doc: Y.Doc, id: string): boolean {
  const codings = codingsOf(doc);
  if (!codings.has(id)) return false;
  codings.delete(id);
  return true;
}

/** Replaces a coding's note (its coder's words on why these words have this code). */
export function setCodingNote(doc: Y.Doc, id: string, note: string): LayerCoding {
  const codings = codingsOf(doc);
  const coding = codings.get(id);
  if (!coding) throw new Error(`No coding ${id} in this layer.`);
  const noted = { ...coding, note };
  codings.set(id, noted);
  return { id, ...noted };
}

/** Gives codings another code: all of `fromCodeId`'s (a merge) or those listed (a split). Returns how many moved. */
export function recode(doc: Y.Doc, toCodeId: string, which: { fromCodeId: string } | { ids: ReadonlySet<string> }): number {
  const codings = codingsOf(doc);
  let moved = 0;
  for (const [id, coding] of [...codings.entries()]) {
    const chosen = "ids" in which ? which.ids.has(id) : coding.codeId === which.fromCodeId;
    if (chosen && coding.codeId !== toCodeId) {
      codings.set(id, { ...coding, codeId: toCodeId });
      moved++;
    }
  }
  return moved;
}

/** Places a coding on other words (settling a disagreement by merging codings into one). */
export function reanchorCoding(doc: Y.Doc, id: string, anchor: Anchor): LayerCoding {
  const codings = codingsOf(doc);
  const coding = codings.get(id);
  if (!coding) throw new Error(`No coding ${id} in this layer.`);
  const moved = { ...coding, start: anchor.start, end: anchor.end };
  codings.set(id, moved);
  return { id, ...moved };
}

/** The codes the layer's coder made while coding blind, not yet in the codebook. */
export function readBlindCodes(doc: Y.Doc): Code[] {
  return [...blindCodesOf(doc).values()];
}

export function findBlindCode(doc: Y.Doc, id: string): Code | undefined {
  return blindCodesOf(doc).get(id);
}

/** Keeps a code a blind coder made in their layer; `limit` is the room left in the codebook. */
export function addBlindCode(doc: Y.Doc, code: Code, limit: number): Code {
  const codes = blindCodesOf(doc);
  if (codes.size >= limit) throw new CodebookError("too_many", "The codebook has no room for more codes.");
  codes.set(code.id, code);
  return code;
}

/** The steps the layer's held codes took (raise, delete, restore), oldest first. */
export function readBlindLineage(doc: Y.Doc): LineageEntry[] {
  return readLineage(doc);
}

/** Empties the layer's blind codes and their steps once the codebook holds them. */
export function clearBlindCodes(doc: Y.Doc): void {
  blindCodesOf(doc).clear();
  const lineage = doc.getArray<LineageEntry>("lineage");
  lineage.delete(0, lineage.length);
}
