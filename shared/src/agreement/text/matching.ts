// Segment matching with an overlap threshold, as MAXQDA's segment-level intercoder
// agreement does it. A coder's segment agrees when the other coder gave the same code to a
// segment whose intersection with it is at least `threshold` of the two segments' combined
// extent (intersection / union), MAXQDA's "percentage of the area covered by both
// segments". Every segment of both coders is checked, so a matched pair counts once from
// each side, as in MAXQDA's code-specific results table.
//
// Chance correction follows MAXQDA's "kappa (Brennan & Prediger)": the empty cell (text
// neither coder coded) is not countable for free segmentation, so P_o = agreements /
// (agreements + non-agreements) and P_c = 1 / (number of codes in the comparison).
// With more than two coders every pair is reported separately.

import type { Segment, Statistic, UnitizedInput } from "../types";
import { defined, labelled, undefinedStatistic } from "./binary";
import { checkSegments, TextAgreementInputError, type CoderOptions } from "./validate";

export interface SegmentMatchingOptions extends CoderOptions {
  /** Minimum intersection / union, in [0, 1]; 0 means any overlap. Default 0.9 (MAXQDA's default 90%). */
  threshold?: number;
  /** Every code in the code system, for P_c; defaults to the codes either coder used. */
  codes?: string[];
}

export interface MatchedSegment {
  segment: Segment;
  match: Segment;
  /** Intersection / union of the two segments. */
  overlap: number;
}

export interface CoderMatching {
  matched: MatchedSegment[];
  unmatched: Segment[];
}

export interface MatchCounts {
  agreements: number;
  non_agreements: number;
  total: number;
  percent_agreement: Statistic;
}

export interface PairMatching extends MatchCounts {
  coders: [string, string];
  by_coder: Record<string, CoderMatching>;
  per_code: Record<string, MatchCounts>;
  n_codes: number;
  kappa_brennan_prediger: Statistic;
}

export interface SegmentMatchingReport {
  threshold: number;
  pairs: PairMatching[];
}

/** Matches each coder's segments against every other coder's, pair by pair. */
export function segmentMatching(input: UnitizedInput, options: SegmentMatchingOptions = {}): SegmentMatchingReport {
  const { length, segments } = input;
  const threshold = options.threshold ?? 0.9;
  if (!(threshold >= 0 && threshold <= 1)) {
    throw new TextAgreementInputError(`The overlap threshold must lie between 0 and 1 (a fraction), not ${threshold}.`);
  }
  const { coders } = checkSegments(length, segments, options);
  const pairs: PairMatching[] = [];
  for (let i = 0; i < coders.length; i++) {
    for (let j = i + 1; j < coders.length; j++) {
      pairs.push(matchPair(coders[i]!, coders[j]!, segments, threshold, options.codes));
    }
  }
  return { threshold, pairs };
}

function matchPair(
  first: string,
  second: string,
  segments: readonly Segment[],
  threshold: number,
  declaredCodes: readonly string[] | undefined,
): PairMatching {
  const own = (coder: string) => segments.filter((s) => s.coder === coder);
  const firstSegments = own(first);
  const secondSegments = own(second);
  const codes = new Set(declaredCodes ?? []);
  for (const s of [...firstSegments, ...secondSegments]) codes.add(s.code);

  const byCoder = {
    [first]: matchAgainst(firstSegments, byCodeSorted(secondSegments), threshold),
    [second]: matchAgainst(secondSegments, byCodeSorted(firstSegments), threshold),
  };
  const perCode: Record<string, MatchCounts> = {};
  const tally = (code: string, agreed: boolean) => {
    const entry = (perCode[code] ??= { agreements: 0, non_agreements: 0, total: 0, percent_agreement: defined(0) });
    if (agreed) entry.agreements++;
    else entry.non_agreements++;
  };
  for (const result of Object.values(byCoder)) {
    for (const m of result.matched) tally(m.segment.code, true);
    for (const s of result.unmatched) tally(s.code, false);
  }
  let agreements = 0;
  let nonAgreements = 0;
  for (const entry of Object.values(perCode)) {
    entry.total = entry.agreements + entry.non_agreements;
    entry.percent_agreement = defined(entry.agreements / entry.total);
    agreements += entry.agreements;
    nonAgreements += entry.non_agreements;
  }
  const total = agreements + nonAgreements;
  const observed = total > 0 ? agreements / total : null;
  const chance = codes.size > 0 ? 1 / codes.size : 1;
  let kappa: Statistic;
  if (observed === null) kappa = undefinedStatistic("neither coder coded any segment");
  else if (chance === 1) kappa = undefinedStatistic("only one code is in use: chance agreement 1/1 leaves nothing to correct");
  else kappa = labelled((observed - chance) / (1 - chance), "kappa");
  return {
    coders: [first, second],
    by_coder: byCoder,
    per_code: perCode,
    agreements,
    non_agreements: nonAgreements,
    total,
    percent_agreement: observed === null ? undefinedStatistic("neither coder coded any segment") : defined(observed),
    n_codes: codes.size,
    kappa_brennan_prediger: kappa,
  };
}

function byCodeSorted(segments: readonly Segment[]): Map<string, Segment[]> {
  const map = new Map<string, Segment[]>();
  for (const s of segments) {
    const list = map.get(s.code);
    if (list) list.push(s);
    else map.set(s.code, [s]);
  }
  for (const list of map.values()) list.sort((a, b) => a.start - b.start);
  return map;
}

/** Intersection / union of two segments; 0 when they do not overlap. */
export function overlapRatio(a: Segment, b: Segment): number {
  const intersection = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (intersection <= 0) return 0;
  return intersection / (a.end - a.start + (b.end - b.start) - intersection);
}

function matchAgainst(segments: readonly Segment[], others: Map<string, Segment[]>, threshold: number): CoderMatching {
  const result: CoderMatching = { matched: [], unmatched: [] };
  for (const segment of segments) {
    let best: MatchedSegment | null = null;
    for (const other of others.get(segment.code) ?? []) {
      if (other.start >= segment.end) break;
      const overlap = overlapRatio(segment, other);
      if (overlap > 0 && overlap >= threshold && (!best || overlap > best.overlap)) best = { segment, match: other, overlap };
    }
    if (best) result.matched.push(best);
    else result.unmatched.push(segment);
  }
  return result;
}
