// Coding anchors: both ends of a coding are Yjs relative positions into the transcript, so a
// coding stays on its words while others edit the text at the same moment. This module turns
// JavaScript string offsets in the plain text (GET /api/documents/:id/text) into anchors and
// back, against a transcript Y.Doc. Pure: no I/O.
//
// Positions are read the way y-prosemirror writes them (absolutePositionToRelativePosition):
// inside a Y.XmlText (an index in its text) or on an XmlElement/XmlFragment (a child index,
// for positions between blocks). A position inside a "Speaker: " label or a line break snaps
// to the text: a start forward to the next character, an end back to the previous one. A
// start sticks to the character after it and an end to the one before, so typing at either
// edge does not stretch the coding.
//
// Each end is a chain of positions, finest first: the position in the text, then the place
// of each enclosing node among its siblings. When a whole paragraph or turn is deleted, Yjs
// garbage-collects what it held and the finer positions can no longer be found; the place
// where the deleted node stood still can, so the coding shrinks or becomes orphaned instead
// of losing its place.
import * as Y from "yjs";
import { TRANSCRIPT_FIELD } from "../transcript/ydoc";
import { transcriptTextMap, type TextRun, type TranscriptTextMap } from "../transcript/textMap";

/** Both ends of a coding, each a chain of encoded relative positions, finest first. */
export interface Anchor {
  start: Uint8Array[];
  end: Uint8Array[];
}

/** A coding's place in the current text; `orphaned` when every word it covered is gone. */
export interface ResolvedRange {
  start: number;
  end: number;
  orphaned: boolean;
}

export type AnchorProblem = "out_of_range" | "reversed" | "empty" | "unreadable" | "elsewhere";

export class AnchorError extends Error {
  constructor(
    readonly problem: AnchorProblem,
    message: string,
  ) {
    super(message);
  }
}

/** The index of the first run for which `past(run)` holds (runs are in text order). */
function firstRun(runs: TextRun[], past: (run: TextRun) => boolean): number {
  let low = 0;
  let high = runs.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (past(runs[mid]!)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The first run ending after `offset`. */
const runAfter = (runs: TextRun[], offset: number) => firstRun(runs, (run) => run.start + run.text.length > offset);

/** A position and, after it, the place of every enclosing node up to the transcript's fragment. */
function chain(position: Y.RelativePosition, holder: Y.AbstractType<unknown>, assoc: number): Uint8Array[] {
  const positions = [Y.encodeRelativePosition(position)];
  for (let node = holder; node._item; node = node._item.parent as Y.AbstractType<unknown>) {
    const item = node._item;
    positions.push(Y.encodeRelativePosition(new Y.RelativePosition(null, null, item.id, assoc)));
  }
  return positions;
}

function relativeIn(run: TextRun, at: number, assoc: number): Uint8Array[] {
  return chain(Y.createRelativePositionFromTypeIndex(run.node, run.index + at, assoc), run.node as Y.AbstractType<unknown>, assoc);
}

/**
 * Anchors the text between offsets `start` and `end` of `map` (the document's text map).
 * Refuses a range outside the text, reversed, or holding no transcript characters (only a
 * label or a line break).
 */
export function anchorRange(map: TranscriptTextMap, start: number, end: number): Anchor {
  const length = map.text.length;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end > length) {
    throw new AnchorError("out_of_range", `The range ${start}–${end} is outside the text, which has ${length} characters.`);
  }
  if (start >= end) throw new AnchorError("reversed", "The start of a coding must come before its end: select at least one character.");
  // The first run ending after the start, and the last one beginning before the end.
  const first = map.runs[runAfter(map.runs, start)];
  const last = map.runs[firstRun(map.runs, (run) => run.start >= end) - 1];
  if (!first || !last || first.start >= end) {
    throw new AnchorError("empty", "The selection holds no transcript text (only a speaker label or a line break).");
  }
  const from = Math.max(start, first.start) - first.start;
  const to = Math.min(end, last.start + last.text.length) - last.start;
  return { start: relativeIn(first, from, 0), end: relativeIn(last, to, -1) };
}

/** Anchors a range of offsets in the text of `doc`. */
export function anchorOffsets(doc: Y.Doc, start: number, end: number): Anchor {
  return anchorRange(transcriptTextMap(doc), start, end);
}

type Parent = Y.XmlFragment | Y.XmlElement | Y.XmlText;

function isDeleted(type: Parent): boolean {
  return type._item !== null && type._item.deleted;
}

/** Visible children before `item` in its parent: where a deleted child stood. */
function indexOfItem(item: Y.Item): number {
  let index = 0;
  for (let left = item.left; left; left = left.left) if (!left.deleted && left.countable) index += left.length;
  return index;
}

/** The nearest live ancestor of a deleted type and the child index where the deleted one stood. */
function liveBoundary(type: Parent, index: number): { type: Parent; index: number } {
  let current: Parent = type;
  let at = index;
  while (isDeleted(current)) {
    const item = current._item!;
    current = item.parent as Parent;
    at = indexOfItem(item);
  }
  return { type: current, index: at };
}

/** The first (forward) or last (backward) XmlText inside a node, depth first. */
function edgeText(node: unknown, forward: boolean): Y.XmlText | null {
  const pending: unknown[] = [node];
  while (pending.length > 0) {
    const next = pending.pop();
    if (next instanceof Y.XmlText) return next;
    if (next instanceof Y.XmlElement) {
      const children = next.toArray();
      if (forward) children.reverse();
      pending.push(...children);
    }
  }
  return null;
}

/**
 * The plain-text offset of a position between children (`index` in `parent`): where the
 * next text begins (forward, for a start) or where the previous text ends (for an end).
 */
function boundaryOffset(map: TranscriptTextMap, parent: Y.XmlFragment | Y.XmlElement, index: number, forward: boolean): number {
  let holder: Y.XmlFragment | Y.XmlElement = parent;
  let at = index;
  for (;;) {
    const children = holder.toArray();
    const order = forward ? children.slice(at) : children.slice(0, at).reverse();
    for (const child of order) {
      const text = edgeText(child, forward);
      const span = text && map.spans.get(text);
      if (span) return forward ? span.start : span.end;
    }
    const item = holder._item;
    if (!item || !(item.parent instanceof Y.XmlElement || item.parent instanceof Y.XmlFragment)) return forward ? map.text.length : 0;
    at = indexOfItem(item) + (forward ? 1 : 0);
    holder = item.parent;
  }
}

/** The plain-text offset of an index inside an XmlText; positions in embeds or trimmed space snap. */
function textOffset(map: TranscriptTextMap, node: Y.XmlText, index: number, forward: boolean): number | null {
  const span = map.spans.get(node);
  if (!span) return null;
  let best: number | null = null;
  for (let i = runAfter(map.runs, span.start); i < map.runs.length && map.runs[i]!.start <= span.end; i++) {
    const run = map.runs[i]!;
    if (run.node !== node) continue;
    if (index >= run.index && index <= run.index + run.text.length) return run.start + (index - run.index);
    if (forward && run.index > index) return run.start;
    if (!forward && run.index + run.text.length < index) best = run.start + run.text.length;
  }
  return best ?? (forward ? span.end : span.start);
}

/** Whether `type` is the transcript's fragment or inside it. */
function inTranscript(type: Y.AbstractType<unknown>, fragment: Y.XmlFragment): boolean {
  for (let t: Y.AbstractType<unknown> | null = type; t; t = (t._item?.parent as Y.AbstractType<unknown> | undefined) ?? null) {
    if (t === fragment) return true;
  }
  return false;
}

/** Decodes an encoded relative position; null when it cannot be read. */
export function decodePosition(bytes: Uint8Array): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(bytes);
  } catch {
    return null;
  }
}

/** Where one encoded position is now, or null when it no longer exists (garbage-collected) or lies outside the transcript. */
function absoluteIn(doc: Y.Doc, bytes: Uint8Array): Y.AbsolutePosition | null {
  const relative = decodePosition(bytes);
  const absolute = relative && Y.createAbsolutePositionFromRelativePosition(relative, doc);
  return absolute && inTranscript(absolute.type, doc.getXmlFragment(TRANSCRIPT_FIELD)) ? absolute : null;
}

/** Resolves one end of an anchor to a plain-text offset: its finest position that still exists. */
function resolveEnd(doc: Y.Doc, map: TranscriptTextMap, positions: Uint8Array[], forward: boolean): number | null {
  for (const bytes of positions) {
    const absolute = absoluteIn(doc, bytes);
    if (!absolute) continue;
    const { type, index } = liveBoundary(absolute.type as Parent, absolute.index);
    return type instanceof Y.XmlText ? textOffset(map, type, index, forward) : boundaryOffset(map, type, index, forward);
  }
  return null;
}

/**
 * Where an anchor lies in the current text. When its words are all deleted the range is
 * empty and `orphaned`; the coding is kept so it can be re-anchored or removed.
 */
export function resolveAnchor(doc: Y.Doc, map: TranscriptTextMap, anchor: Anchor): ResolvedRange {
  const start = resolveEnd(doc, map, anchor.start, true);
  const end = resolveEnd(doc, map, anchor.end, false);
  if (start === null || end === null || start >= end) {
    const at = start ?? end ?? 0;
    return { start: at, end: at, orphaned: true };
  }
  return { start, end, orphaned: false };
}

/**
 * Checks the two positions a client computed in its own copy of the transcript (as
 * y-prosemirror makes them): readable, inside the transcript, the start before the end.
 * Returns the anchor with its chains completed here, and the range it covers now.
 */
export function checkAnchor(doc: Y.Doc, map: TranscriptTextMap, start: Uint8Array, end: Uint8Array): { anchor: Anchor; range: ResolvedRange } {
  const ends = [start, end].map((bytes, i) => {
    const relative = decodePosition(bytes);
    if (!relative) throw new AnchorError("unreadable", "The anchor could not be read: send Yjs relative positions, base64-encoded.");
    const absolute = absoluteIn(doc, bytes);
    if (!absolute) throw new AnchorError("elsewhere", "The anchor does not point into this transcript's text.");
    // Made afresh where it points now, so the start sticks to the character after it and the
    // end to the one before, whichever way the client's positions associated (y-prosemirror's
    // associate right, which would let typing at the end stretch the coding).
    const assoc = i === 0 ? 0 : -1;
    const type = absolute.type as Y.AbstractType<unknown>;
    return chain(Y.createRelativePositionFromTypeIndex(type, absolute.index, assoc), type, assoc);
  });
  const anchor = { start: ends[0]!, end: ends[1]! };
  const range = resolveAnchor(doc, map, anchor);
  if (range.orphaned) throw new AnchorError("empty", "The anchored selection holds no transcript text.");
  return { anchor, range };
}
