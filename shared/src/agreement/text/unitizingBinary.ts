// Binary unitizing alpha |uα for one code in the coincidence form of Krippendorff, Mathet,
// Bouvry & Widlöcher (2016, Quality & Quantity 50: 2347–2364) and Krippendorff (2019,
// Content Analysis 4th ed., §12.6), the form ATLAS.ti reports: do the coders mark the same
// stretches of the continuum as the code, and leave the same stretches as gaps (∅)?
//
// Observed coincidences: over ordered pairs of coders, the lengths where both coded (o_11),
// one did and the other did not (o_10, o_01) and neither did (o_00), divided by m − 1.
// With k of m coders coding a position, it adds k(k−1), k(m−k) twice, (m−k)(m−k−1).
// Expected: e_cc = (n_c² − S_c) / (n − S / n), where a unit cannot pair with itself:
// S_1 = Σ (unit length)², while gap positions pair only with themselves: S_0 = Σ gap length.
// α = 1 − (o_10 + o_01) / (n − e_11 − e_00).
// A coder's overlapping segments of the code are merged into one unit; touching ones stay two.

import { popcount } from "./binary";
import { coverageBySubset, mergeOverlapping, type Span } from "./intervals";

/** Observed and expected disagreement; alpha is 1 − observed / expected. */
export interface Disagreement {
  observed: number;
  expected: number;
}

/** Coincidence totals of one code's binary continuum; they add up across codes (pooling). */
export interface BinaryCoincidences {
  /** n: all pairable values, m·L. */
  total: number;
  coded: number;
  both: number;
  mixed: number;
  /** Σ unit length². */
  unitSelf: number;
  /** Σ gap length. */
  gapSelf: number;
}

export function binaryCoincidences(perCoder: readonly Span[][], length: number): BinaryCoincidences {
  const m = perCoder.length;
  const c: BinaryCoincidences = { total: m * length, coded: 0, both: 0, mixed: 0, unitSelf: 0, gapSelf: 0 };
  for (const [mask, len] of coverageBySubset(perCoder, length)) {
    const k = popcount(mask);
    c.coded += k * len;
    c.both += (k * (k - 1) * len) / (m - 1);
    c.mixed += (2 * k * (m - k) * len) / (m - 1);
  }
  for (const spans of perCoder) {
    for (const unit of mergeOverlapping(spans)) c.unitSelf += (unit.end - unit.start) ** 2;
  }
  c.gapSelf = c.total - c.coded;
  return c;
}

export function addCoincidences(a: BinaryCoincidences, b: BinaryCoincidences): BinaryCoincidences {
  return {
    total: a.total + b.total,
    coded: a.coded + b.coded,
    both: a.both + b.both,
    mixed: a.mixed + b.mixed,
    unitSelf: a.unitSelf + b.unitSelf,
    gapSelf: a.gapSelf + b.gapSelf,
  };
}

export function binaryDisagreement(c: BinaryCoincidences): Disagreement {
  const n = c.total;
  const gaps = n - c.coded;
  const denominator = n - (c.unitSelf + c.gapSelf) / n;
  if (c.coded === 0 || gaps === 0 || !(denominator > 0)) return { observed: c.mixed, expected: 0 };
  const expectedBoth = (c.coded ** 2 - c.unitSelf) / denominator;
  const expectedNeither = (gaps ** 2 - c.gapSelf) / denominator;
  return { observed: c.mixed, expected: n - expectedBoth - expectedNeither };
}
