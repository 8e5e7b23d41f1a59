// Agreement on coded text per code at a chosen unit (NVivo's coding comparison, which works
// per character, extended to words, sentences and speaker turns). A unit counts as coded
// with code C by a coder when any part of it overlaps any of that coder's C segments.

import type { Segment, Statistic } from "../types";
import { addCounts, binaryAgreement, defined, labelled, undefinedStatistic, type BinaryAgreement, type SubsetCounts } from "./binary";
import { coverage, coverageBySubset, groupByCodeAndCoder, type Span } from "./intervals";
import { textUnits, type TextUnit } from "./units";
import { checkSegments, type CoderOptions } from "./validate";

export interface CodedTextOptions extends CoderOptions {
  unit?: TextUnit;
}

export interface CodeAgreement extends BinaryAgreement {
  /** Units coded with this code by at least one coder. */
  coded_units: number;
}

export interface CodedTextReport {
  unit: TextUnit;
  n_units: number;
  coders: string[];
  per_code: Record<string, CodeAgreement>;
  /** Every (unit, code) pair pooled into one binary table: each code's units stacked. */
  overall: BinaryAgreement;
  /**
   * Per-code values averaged with each code weighted by its coded units (how NVivo weights
   * its averages by coverage); codes whose value is undefined are left out.
   */
  overall_weighted: BinaryAgreement;
}

/** Per-code and overall agreement of several coders' segments over `text`. */
export function codedTextAgreement(text: string, segments: readonly Segment[], options: CodedTextOptions = {}): CodedTextReport {
  const unit = options.unit ?? "character";
  const { coders, codes } = checkSegments(text.length, segments, options);
  const byCode = groupByCodeAndCoder(segments, codes, coders);
  const units = unit === "character" ? null : textUnits(text, unit);
  const nUnits = units ? units.length : text.length;

  const perCode: Record<string, CodeAgreement> = {};
  const pooled: SubsetCounts = new Map();
  const scratch = new Int32Array(units ? units.length : 0);
  for (const [code, perCoder] of byCode) {
    const counts = units ? unitSubsets(units, perCoder, scratch) : coverageBySubset(perCoder, text.length);
    addCounts(pooled, counts);
    perCode[code] = { ...binaryAgreement(counts, coders.length), coded_units: nUnits - (counts.get(0) ?? 0) };
  }
  return {
    unit,
    n_units: nUnits,
    coders,
    per_code: perCode,
    overall: binaryAgreement(pooled, coders.length),
    overall_weighted: weightedMean(Object.values(perCode)),
  };
}

/** Units counted by the subset of coders whose spans overlap them. Cost follows the coded units. */
export function unitSubsets(units: readonly Span[], perCoder: readonly Span[][], scratch = new Int32Array(units.length)): SubsetCounts {
  const touched: number[] = [];
  perCoder.forEach((spans, coder) => {
    const bit = 1 << coder;
    for (const span of coverage(spans)) {
      for (let u = firstUnitEndingAfter(units, span.start); u < units.length && units[u]!.start < span.end; u++) {
        if (scratch[u] === 0) touched.push(u);
        scratch[u]! |= bit;
      }
    }
  });
  const counts: SubsetCounts = new Map([[0, units.length - touched.length]]);
  for (const u of touched) {
    const mask = scratch[u]!;
    counts.set(mask, (counts.get(mask) ?? 0) + 1);
    scratch[u] = 0;
  }
  return counts;
}

function firstUnitEndingAfter(units: readonly Span[], position: number): number {
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (units[mid]!.end > position) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function weightedMean(codes: readonly CodeAgreement[]): BinaryAgreement {
  const mean = (pick: (c: CodeAgreement) => Statistic, scale?: "kappa" | "alpha"): Statistic => {
    let sum = 0;
    let weight = 0;
    for (const code of codes) {
      const stat = pick(code);
      if (stat.value === null || code.coded_units === 0) continue;
      sum += stat.value * code.coded_units;
      weight += code.coded_units;
    }
    if (weight === 0) return undefinedStatistic("no code has a defined value to average");
    return scale ? labelled(sum / weight, scale) : defined(sum / weight);
  };
  return {
    percent_agreement: mean((c) => c.percent_agreement),
    cohen_kappa: mean((c) => c.cohen_kappa, "kappa"),
    krippendorff_alpha: mean((c) => c.krippendorff_alpha, "alpha"),
  };
}
