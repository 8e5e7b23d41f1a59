// The original binary unitizing alpha (Krippendorff 1995, "On the reliability of unitizing
// continuous data", Sociological Methodology 25: 47–76; 2004, "Measuring the reliability of
// qualitative text analysis data", Quality & Quantity 38: 787–800), which measures how far
// apart the coders' unit boundaries lie. Kept beside the 2016 coincidence form that the
// report uses (unitizingBinary.ts) for comparison with studies that used it.
//
// Distance between a section g of coder i and a section h of coder j:
//   both units, overlapping:   (b_g − b_h)² + (e_g − e_h)²
//   a unit inside a gap:       (length of the unit)²
//   otherwise:                 0
// uD_o = Σ over ordered coder pairs and their sections of δ² / (m (m − 1) L²)
// uD_e = (2/L) Σ_units [ (N − 1)/3 · (2l³ − 3l² + l) + l² Σ_{gaps h, l_h ≥ l} (l_h − l + 1) ]
//        / [ mL (mL − 1) − Σ_units l (l − 1) ]
// with N the number of units of all coders. Units are a coder's segments of the code with
// overlapping ones merged (a coder cannot disagree with themselves); touching ones stay two.

import { mergeOverlapping, type Span } from "./intervals";

import type { Disagreement } from "./unitizingBinary";

/** 1995/2004 |uα disagreements for one code, given each coder's segments of it. */
export function boundaryDisagreement(perCoder: readonly Span[][], length: number): Disagreement {
  const units = perCoder.map((spans) => mergeOverlapping(spans));
  const m = units.length;
  let observedSum = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      if (i !== j) observedSum += pairDistance(units[i]!, units[j]!);
    }
  }
  const observed = observedSum / (m * (m - 1) * length * length);
  return { observed, expected: expectedDisagreement(units, length) };
}

/** Σ δ² over coder i's units against coder j's units and gaps, both directions of a gap pair. */
function pairDistance(own: readonly Span[], other: readonly Span[]): number {
  let sum = 0;
  let first = 0;
  for (const g of own) {
    while (first < other.length && other[first]!.end <= g.start) first++;
    let overlapping = false;
    for (let h = first; h < other.length && other[h]!.start < g.end; h++) {
      const unit = other[h]!;
      overlapping = true;
      sum += (g.start - unit.start) ** 2 + (g.end - unit.end) ** 2;
    }
    // A unit lying in the other coder's gap: δ² counted once from each side of the pair.
    if (!overlapping) sum += 2 * (g.end - g.start) ** 2;
  }
  return sum;
}

function expectedDisagreement(units: readonly Span[][], length: number): number {
  const m = units.length;
  const gaps: number[] = [];
  const lengths: number[] = [];
  for (const coderUnits of units) {
    let at = 0;
    for (const u of coderUnits) {
      if (u.start > at) gaps.push(u.start - at);
      lengths.push(u.end - u.start);
      at = u.end;
    }
    if (length > at) gaps.push(length - at);
  }
  gaps.sort((a, b) => a - b);
  // suffix[k] = Σ gaps[k..]: gaps at least as long as a unit are a suffix of the sorted list.
  const suffix = new Float64Array(gaps.length + 1);
  for (let k = gaps.length - 1; k >= 0; k--) suffix[k] = suffix[k + 1]! + gaps[k]!;
  const n = lengths.length;
  let numerator = 0;
  let selfPairs = 0;
  for (const l of lengths) {
    const from = firstAtLeast(gaps, l);
    const fitting = gaps.length - from;
    numerator += ((n - 1) / 3) * (2 * l ** 3 - 3 * l ** 2 + l) + l ** 2 * (suffix[from]! - (l - 1) * fitting);
    selfPairs += l * (l - 1);
  }
  const denominator = m * length * (m * length - 1) - selfPairs;
  return denominator > 0 ? ((2 / length) * numerator) / denominator : 0;
}

function firstAtLeast(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! >= value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
