// Interval helpers: every statistic on coded text works on sorted, disjoint [start, end)
// runs so that cost follows the number of codings, not the number of characters.

import type { Segment } from "../types";

/** A half-open range [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** Sorts and merges overlapping spans; touching spans stay separate (they are distinct units). */
export function mergeOverlapping(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}

/** Sorts and merges overlapping or touching spans: the set of coded positions. */
export function coverage(spans: readonly Span[]): Span[] {
  const merged = mergeOverlapping(spans);
  const out: Span[] = [];
  for (const span of merged) {
    const last = out[out.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else out.push({ ...span });
  }
  return out;
}

/** segments grouped as code → coder → spans (unmerged), coders in the given order. */
export function groupByCodeAndCoder(
  segments: readonly Segment[],
  codes: readonly string[],
  coders: readonly string[],
): Map<string, Span[][]> {
  const coderIndex = new Map(coders.map((coder, i) => [coder, i]));
  const byCode = new Map<string, Span[][]>(codes.map((code) => [code, coders.map(() => [])]));
  for (const { code, coder, start, end } of segments) {
    byCode.get(code)![coderIndex.get(coder)!]!.push({ start, end });
  }
  return byCode;
}

/**
 * Lengths covered by each subset of coders, keyed by bitmask (bit i = coder i codes the
 * position). Positions nobody coded are under key 0. A boundary sweep over the coverages.
 */
export function coverageBySubset(perCoder: readonly Span[][], length: number): Map<number, number> {
  const events: [position: number, mask: number][] = [];
  perCoder.forEach((spans, i) => {
    for (const span of coverage(spans)) {
      events.push([span.start, 1 << i], [span.end, -(1 << i)]);
    }
  });
  events.sort((a, b) => a[0] - b[0]);
  const totals = new Map<number, number>();
  let mask = 0;
  let at = 0;
  for (const [position, change] of events) {
    if (position > at) totals.set(mask, (totals.get(mask) ?? 0) + position - at);
    at = position;
    mask = change > 0 ? mask | change : mask & ~-change;
  }
  if (length > at) totals.set(mask, (totals.get(mask) ?? 0) + length - at);
  return totals;
}
