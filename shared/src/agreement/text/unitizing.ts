// Krippendorff's unitizing alpha family on a continuum of `length` positions, as ATLAS.ti
// reports it:
// - per code |uα: the code's segments versus the gaps between them (unitizingBinary.ts);
// - overall |uα: the codes' binary continua laid end to end (Krippendorff's way of pooling
//   several continua), so codes with more coding weigh more;
// - cuα: which code the coders gave the stretches they both coded (codes as values);
// - Cuα: the same with semantic domains as values; needs `domains` naming at least two.
// ATLAS.ti computes cuα within one semantic domain; pass the segments of one domain to get
// that figure.

import type { Segment, Statistic, UnitizedInput, UnitizingReport } from "../types";
import { labelled, undefinedStatistic } from "./binary";
import { groupByCodeAndCoder } from "./intervals";
import { addCoincidences, binaryCoincidences, binaryDisagreement, type BinaryCoincidences, type Disagreement } from "./unitizingBinary";
import { boundaryDisagreement } from "./unitizingBoundary";
import { codingDisagreement } from "./unitizingCoding";
import { checkSegments, type CoderOptions } from "./validate";

export interface UnitizingOptions extends CoderOptions {
  /** Semantic domain of each code, for Cuα. A code missing here is a domain of its own. */
  domains?: Record<string, string>;
}

/** |uα per code and overall, cuα and Cuα for the coders' segments of one continuum. */
export function unitizedAgreement(input: UnitizedInput, options: UnitizingOptions = {}): UnitizingReport {
  const { length, segments } = input;
  const { coders, codes } = checkSegments(length, segments, options);
  const perCode: UnitizingReport["per_code"] = {};
  let pooled: BinaryCoincidences | null = null;
  for (const [code, perCoder] of groupByCodeAndCoder(segments, codes, coders)) {
    const c = binaryCoincidences(perCoder, length);
    pooled = pooled ? addCoincidences(pooled, c) : c;
    perCode[code] = { u_alpha: alphaFrom(binaryDisagreement(c), `"${code}" covers all or none of the text: no variation`) };
  }
  return {
    u_alpha: pooled
      ? alphaFrom(binaryDisagreement(pooled), "the codes cover all or none of the text: no variation")
      : undefinedStatistic("no coder coded anything"),
    cu_alpha: codingAlpha(segments, coders, (code) => code, "code"),
    Cu_alpha: domainAlpha(segments, coders, options.domains),
    per_code: perCode,
    boundary_u_alpha: boundaryUnitizingAlpha(input, options),
  };
}

function alphaFrom(d: Disagreement, noVariation: string): Statistic {
  if (!(d.expected > 0)) return undefinedStatistic(noVariation);
  return labelled(1 - d.observed / d.expected, "alpha");
}

function codingAlpha(
  segments: readonly Segment[],
  coders: readonly string[],
  valueOf: (code: string) => string,
  what: "code" | "semantic domain",
): Statistic {
  const d = codingDisagreement(segments, coders, valueOf);
  if (d.values === 0) return undefinedStatistic("no stretch of text was coded by two coders");
  if (d.values === 1) return undefinedStatistic(`every stretch coded by two coders carries the same ${what}: no variation`);
  return alphaFrom(d, `the jointly coded text leaves no room for chance disagreement on the ${what}`);
}

function domainAlpha(segments: readonly Segment[], coders: readonly string[], domains?: Record<string, string>): Statistic {
  if (!domains || new Set(Object.values(domains)).size < 2) {
    return undefinedStatistic("Cuα compares semantic domains: give each code a domain, with at least two domains");
  }
  return codingAlpha(segments, coders, (code) => domains[code] ?? code, "semantic domain");
}

/**
 * The 1995/2004 boundary-distance |uα per code and pooled (1 − Σ D_o / Σ D_e), for
 * comparison with studies that report it; the report leads with the 2016 form.
 */
export function boundaryUnitizingAlpha(
  input: UnitizedInput,
  options: CoderOptions = {},
): { pooled: Statistic; per_code: Record<string, Statistic> } {
  const { coders, codes } = checkSegments(input.length, input.segments, options);
  const perCode: Record<string, Statistic> = {};
  let observed = 0;
  let expected = 0;
  for (const [code, perCoder] of groupByCodeAndCoder(input.segments, codes, coders)) {
    const d = boundaryDisagreement(perCoder, input.length);
    observed += d.observed;
    expected += d.expected;
    perCode[code] = alphaFrom(d, `nobody coded "${code}"`);
  }
  return { pooled: alphaFrom({ observed, expected }, "nobody coded anything"), per_code: perCode };
}
