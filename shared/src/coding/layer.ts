// A coder's layer: one Yjs document per transcript per coder holding that coder's codings
// (`codings`: id → coding), anchored into the transcript by relative positions (anchor.ts).
// The layer's owner is the coder. Only the server writes it; functions check, then change.
import * as Y from "yjs";
import type { Anchor } from "./anchor";
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
