// Coding alphas on a continuum (Krippendorff, Mathet, Bouvry & Widlöcher 2016; Krippendorff
// 2019, Content Analysis 4th ed., §12.6): given the stretches two coders both coded, do
// they give them the same value? Values are codes (cuα) or semantic domains (Cuα).
//
// Observed coincidences: for each ordered pair of coders, every stretch both coded adds its
// length to o[c][k] (c = first coder's value, k = second's), all divided by m − 1. Expected
// coincidences e[c][k] = (n_c n_k − [c = k] S_c) / (n − S / n), where S_c sums, over each
// coder's units of value c, the square of the unit's pairable length (the part another
// coder also coded): a unit cannot pair with itself. α = 1 − Σ_{c≠k} o / Σ_{c≠k} e.
// When a coder gave one stretch several values, the stretch still counts once: each of the
// coder's values carries an equal share, shared values are paired with each other first
// and the remaining shares are paired in proportion (so identical multi-coded stretches
// agree fully). ATLAS.ti instead asks codes within a semantic domain to be mutually
// exclusive, which makes this moot.

import type { Segment } from "../types";
import { coverage, type Span } from "./intervals";
import type { Disagreement } from "./unitizingBinary";

interface Piece extends Span {
  /** Indices of the distinct values active on the stretch, ascending. */
  values: number[];
}

/** What alpha needs of the coincidence matrix: its total, its diagonal and its row sums. */
interface Coincidences {
  total: number;
  diagonal: number;
  marginals: Float64Array;
}

/** cuα / Cuα disagreements, or a reason when no coding is paired. `valueOf` maps a code to its value. */
export function codingDisagreement(
  segments: readonly Segment[],
  coders: readonly string[],
  valueOf: (code: string) => string,
): Disagreement & { values: number } {
  const valueIndex = new Map<string, number>();
  for (const s of segments) {
    const value = valueOf(s.code);
    if (!valueIndex.has(value)) valueIndex.set(value, valueIndex.size);
  }
  const indexOf = (code: string) => valueIndex.get(valueOf(code))!;
  const pieces = coders.map((coder) => piecesOf(segments.filter((s) => s.coder === coder), indexOf));
  const m = coders.length;
  const o: Coincidences = { total: 0, diagonal: 0, marginals: new Float64Array(valueIndex.size) };
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      if (i === j) continue;
      intersect(pieces[i]!, pieces[j]!, (a, b, len) => pairValues(a.values, b.values, len / (m - 1), o));
    }
  }
  const self = selfPairing(pieces, valueIndex.size);
  const selfTotal = self.reduce((sum, x) => sum + x, 0);
  const n = o.total;
  const denominator = n - selfTotal / n;
  let expectedDiagonal = 0;
  let values = 0;
  o.marginals.forEach((nc, c) => {
    if (nc <= 0) return;
    values++;
    expectedDiagonal += (nc * nc - self[c]!) / denominator;
  });
  return { observed: n - o.diagonal, expected: n - expectedDiagonal, values };
}

/** Adds one stretch's coincidences between value sets `a` and `b`, of total weight `weight`. */
function pairValues(a: readonly number[], b: readonly number[], weight: number, o: Coincidences): void {
  o.total += weight;
  if (a.length === 1 && b.length === 1) {
    o.marginals[a[0]!]! += weight;
    if (a[0] === b[0]) o.diagonal += weight;
    return;
  }
  // Each value of `a` carries 1/|a| of the stretch; row sums follow from that alone.
  for (const c of a) o.marginals[c]! += weight / a.length;
  const shared = Math.min(1 / a.length, 1 / b.length);
  for (const c of a) if (b.includes(c)) o.diagonal += shared * weight;
}

/** A coder's coded stretches with the distinct values active on each, in order. */
function piecesOf(segments: readonly Segment[], indexOf: (code: string) => number): Piece[] {
  const events: [number, number, 1 | -1][] = [];
  for (const s of segments) events.push([s.start, indexOf(s.code), 1], [s.end, indexOf(s.code), -1]);
  events.sort((a, b) => a[0] - b[0]);
  const active = new Map<number, number>();
  const pieces: Piece[] = [];
  let at = 0;
  for (const [position, value, change] of events) {
    if (position > at && active.size > 0) pieces.push({ start: at, end: position, values: [...active.keys()].sort((x, y) => x - y) });
    at = position;
    const count = (active.get(value) ?? 0) + change;
    if (count === 0) active.delete(value);
    else active.set(value, count);
  }
  return pieces;
}

function intersect<A extends Span, B extends Span>(a: readonly A[], b: readonly B[], visit: (x: A, y: B, len: number) => void): void {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const len = Math.min(x.end, y.end) - Math.max(x.start, y.start);
    if (len > 0) visit(x, y, len);
    if (x.end <= y.end) i++;
    else j++;
  }
}

/** S_c: Σ over each coder's units of value c of (pairable weight)². */
function selfPairing(pieces: readonly Piece[][], values: number): Float64Array {
  const self = new Float64Array(values);
  pieces.forEach((own, i) => {
    const others = coverage(pieces.filter((_, j) => j !== i).flat());
    const pairable = new Float64Array(own.length);
    const index = new Map(own.map((piece, p) => [piece, p]));
    intersect(own, others, (piece, _other, len) => {
      const p = index.get(piece)!;
      pairable[p] = pairable[p]! + len / piece.values.length;
    });
    // Walk each value's runs of contiguous pieces: a run is one unit of that value.
    const open = new Map<number, { end: number; weight: number }>();
    const close = (value: number) => {
      const run = open.get(value)!;
      self[value]! += run.weight ** 2;
      open.delete(value);
    };
    own.forEach((piece, p) => {
      for (const [value, run] of open) if (run.end !== piece.start || !piece.values.includes(value)) close(value);
      for (const value of piece.values) {
        const run = open.get(value);
        if (run) {
          run.end = piece.end;
          run.weight += pairable[p]!;
        } else open.set(value, { end: piece.end, weight: pairable[p]! });
      }
    });
    for (const value of [...open.keys()]) close(value);
  });
  return self;
}
