// Agreement between the coders of one transcript, as Concord shows it after a blind round:
// per code and overall, the unit-based figures (codedTextAgreement, at the unit the team
// chooses), segment matching with an overlap threshold (segmentMatching, MAXQDA's way) and
// Krippendorff's unitizing alpha in both forms (unitizedAgreement, incl. boundary_u_alpha),
// plus every disagreement between two coders as something to jump to and settle: a segment
// the other coder matched with no segment of the same code at the threshold — paired with
// the other coder's closest same-code segment when one overlaps, else on its own.

import type { Statistic } from "../types";
import { codedTextAgreement, type CodeAgreement } from "./coded";
import type { BinaryAgreement } from "./binary";
import { overlapRatio, segmentMatching, type MatchCounts } from "./matching";
import { unitizedAgreement } from "./unitizing";
import type { TextUnit } from "./units";

/** A coded segment that knows its coding, so a disagreement can name the codings it is between. */
export interface IdentifiedSegment {
  id: string;
  coder: string;
  code: string;
  start: number;
  end: number;
}

export interface DisagreementCoding extends IdentifiedSegment {
  text: string;
}

export interface Disagreement {
  /** The ids of its codings, sorted and joined with "+": stable, so a settled one is recognised. */
  key: string;
  code: string;
  /** The two coders compared. */
  coders: [string, string];
  /** One coding (the other coder coded nothing overlapping with this code) or two. */
  codings: DisagreementCoding[];
  /** Intersection / union of the two codings; 0 for one alone. */
  overlap: number;
}

export interface DocumentAgreementOptions {
  unit: TextUnit;
  /** Minimum intersection / union for two segments to match, in [0, 1]. */
  threshold: number;
  /** Every coder of the round, including one who coded nothing. */
  coders: string[];
}

export interface DocumentAgreementReport {
  unit: TextUnit;
  threshold: number;
  coders: string[];
  n_units: number;
  per_code: Record<string, CodeAgreement & { u_alpha: Statistic; boundary_u_alpha: Statistic; segments: MatchCounts }>;
  overall: BinaryAgreement & {
    overall_weighted: BinaryAgreement;
    u_alpha: Statistic;
    cu_alpha: Statistic;
    boundary_u_alpha: Statistic;
    segments: MatchCounts & { pairs: (MatchCounts & { coders: [string, string]; kappa_brennan_prediger: Statistic })[] };
  };
  disagreements: Disagreement[];
}

const ratio = (agreements: number, total: number): Statistic =>
  total > 0 ? { value: agreements / total, se: null, ci: null } : { value: null, reason: "neither coder coded any segment" };

function pooled(counts: readonly MatchCounts[]): MatchCounts {
  const agreements = counts.reduce((sum, c) => sum + c.agreements, 0);
  const nonAgreements = counts.reduce((sum, c) => sum + c.non_agreements, 0);
  return { agreements, non_agreements: nonAgreements, total: agreements + nonAgreements, percent_agreement: ratio(agreements, agreements + nonAgreements) };
}

/** The full report for `segments` over `text`. Throws TextAgreementInputError for input the engine refuses. */
export function documentAgreement(text: string, segments: readonly IdentifiedSegment[], options: DocumentAgreementOptions): DocumentAgreementReport {
  const { unit, threshold, coders } = options;
  const coded = codedTextAgreement(text, segments, { unit, coders });
  const continuum = { length: text.length, segments: [...segments] };
  const unitized = unitizedAgreement(continuum, { coders });
  const matching = segmentMatching(continuum, { threshold, coders });

  const perCode: DocumentAgreementReport["per_code"] = {};
  for (const [code, agreement] of Object.entries(coded.per_code)) {
    perCode[code] = {
      ...agreement,
      u_alpha: unitized.per_code[code]?.u_alpha ?? { value: null, reason: "no coder used this code" },
      boundary_u_alpha: unitized.boundary_u_alpha.per_code[code] ?? { value: null, reason: "no coder used this code" },
      segments: pooled(matching.pairs.flatMap((pair) => (pair.per_code[code] ? [pair.per_code[code]] : []))),
    };
  }
  // Each coder's segments by code: a disagreement's partner is looked for among the same code's only.
  const byCode = new Map<string, Map<string, IdentifiedSegment[]>>(coders.map((coder) => [coder, new Map()]));
  for (const segment of segments) {
    const own = byCode.get(segment.coder)!;
    const list = own.get(segment.code);
    if (list) list.push(segment);
    else own.set(segment.code, [segment]);
  }
  const disagreements = new Map<string, Disagreement>();
  for (const pair of matching.pairs) {
    for (const [coder, result] of Object.entries(pair.by_coder)) {
      const other = pair.coders[0] === coder ? pair.coders[1] : pair.coders[0];
      const theirs = byCode.get(other)!;
      for (const unmatched of result.unmatched as IdentifiedSegment[]) {
        let closest: IdentifiedSegment | null = null;
        let overlap = 0;
        for (const candidate of theirs.get(unmatched.code) ?? []) {
          const o = overlapRatio(unmatched, candidate);
          if (o > overlap) {
            closest = candidate;
            overlap = o;
          }
        }
        const codings = (closest ? [unmatched, closest] : [unmatched]).sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
        const key = codings.map((c) => c.id).sort().join("+");
        if (!disagreements.has(key)) {
          disagreements.set(key, {
            key,
            code: unmatched.code,
            coders: pair.coders,
            codings: codings.map(({ id, coder: by, code, start, end }) => ({ id, coder: by, code, start, end, text: text.slice(start, end) })),
            overlap,
          });
        }
      }
    }
  }
  return {
    unit,
    threshold,
    coders: coded.coders,
    n_units: coded.n_units,
    per_code: perCode,
    overall: {
      ...coded.overall,
      overall_weighted: coded.overall_weighted,
      u_alpha: unitized.u_alpha,
      cu_alpha: unitized.cu_alpha,
      boundary_u_alpha: unitized.boundary_u_alpha.pooled,
      segments: {
        ...pooled(matching.pairs),
        pairs: matching.pairs.map(({ coders: pairCoders, agreements, non_agreements, total, percent_agreement, kappa_brennan_prediger }) => ({
          coders: pairCoders,
          agreements,
          non_agreements,
          total,
          percent_agreement,
          kappa_brennan_prediger,
        })),
      },
    },
    disagreements: [...disagreements.values()].sort((a, b) => a.codings[0]!.start - b.codings[0]!.start || a.key.localeCompare(b.key)),
  };
}
