// Where each visible coding lies now: its anchor (Yjs relative positions) resolved against
// the transcript Y.Doc to plain-text offsets, then to editor positions. One text map of each
// kind serves every coding, so placing 2,000 codings reads the text twice, not 2,000 times.
// The caller places them in slices of a few milliseconds, so typing is never held up for long.
import type { Node } from "@tiptap/pm/model";
import type * as Y from "yjs";
import { resolveAnchor } from "@concord/shared/coding/anchor";
import { readBlindCodes, readCodings } from "@concord/shared/coding/layer";
import { readCodes, type Code } from "@concord/shared/coding/codebook";
import { transcriptTextMap } from "@concord/shared/transcript/textMap";
import { positionAt, textMap } from "../editor/textOffsets";
import type { LayerDoc } from "./useCodingDocs";

export type LayerCodingView = {
  id: string;
  codeId: string;
  coderId: string;
  note: string;
  createdAt: string;
  start: Uint8Array[];
  end: Uint8Array[];
};

export type PlacedCoding = Omit<LayerCodingView, "start" | "end"> & {
  /** Offsets into the plain text (the API's). */
  startOffset: number;
  endOffset: number;
  /** Editor positions; equal when orphaned. */
  from: number;
  to: number;
  orphaned: boolean;
};

/** Every coding of every layer, with its coder. */
export function layerCodings(layers: readonly LayerDoc[]): LayerCodingView[] {
  return layers.flatMap(({ coderId, doc }) =>
    readCodings(doc).map((c) => ({ id: c.id, codeId: c.codeId, coderId, note: c.note, createdAt: c.createdAt, start: c.start, end: c.end })),
  );
}

/** The codebook's codes and the blind codes of the layers one may see (a coder's own, while blind). */
export function visibleCodes(codebook: Y.Doc | null, layers: readonly LayerDoc[]): Code[] {
  const codes = new Map<string, Code>();
  if (codebook) for (const code of readCodes(codebook)) codes.set(code.id, code);
  for (const { doc } of layers) for (const code of readBlindCodes(doc)) if (!codes.has(code.id)) codes.set(code.id, code);
  return [...codes.values()];
}

/** The codes kept with blind work in the layers one may see: they join the codebook at reveal. */
export function heldCodeIds(layers: readonly LayerDoc[]): ReadonlySet<string> {
  return new Set(layers.flatMap(({ doc }) => readBlindCodes(doc).map((code) => code.id)));
}

/** Places one coding, against the text maps `placer` read once for the whole pass. */
export type Placer = (coding: LayerCodingView) => PlacedCoding;

/** A function that places codings in the transcript as it is now (`transcript` the Y.Doc, `editorDoc` the editor's copy of it). */
export function placer(transcript: Y.Doc, editorDoc: Node): Placer {
  const yMap = transcriptTextMap(transcript);
  const pmMap = textMap(editorDoc);
  return ({ start, end, ...rest }) => {
    const range = resolveAnchor(transcript, yMap, { start, end });
    const from = positionAt(pmMap, range.start);
    const to = range.orphaned ? from : positionAt(pmMap, range.end);
    return { ...rest, startOffset: range.start, endOffset: range.end, from, to, orphaned: range.orphaned || to <= from };
  };
}
