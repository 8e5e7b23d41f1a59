// Binary (coded / not coded) agreement from unit counts per subset of coders. Each unit is
// rated 1 by the coders in its subset and 0 by the others; nobody's rating is missing.

import { krippendorffLabel, landisKochLabel } from "../interpret";
import type { Statistic } from "../types";

/** Units counted by the subset of coders who coded them (bit i = coder i). */
export type SubsetCounts = Map<number, number>;

export interface BinaryAgreement {
  percent_agreement: Statistic;
  cohen_kappa: Statistic;
  krippendorff_alpha: Statistic;
}

export function popcount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

export function defined(value: number): Statistic {
  return { value, se: null, ci: null };
}

/** A value with its interpretation label: Landis & Koch for kappas, Krippendorff's for alphas. */
export function labelled(value: number, scale: "kappa" | "alpha"): Statistic {
  return { value, se: null, ci: null, label: scale === "kappa" ? landisKochLabel(value) : krippendorffLabel(value) };
}

export function undefinedStatistic(reason: string): Statistic {
  return { value: null, reason };
}

/** Adds `from` into `into`. */
export function addCounts(into: SubsetCounts, from: SubsetCounts): void {
  for (const [mask, n] of from) into.set(mask, (into.get(mask) ?? 0) + n);
}

/**
 * Percent agreement (mean pairwise agreement over units, the plain proportion for two
 * coders), Cohen's kappa (two coders) and Krippendorff's alpha for binary nominal data.
 */
export function binaryAgreement(counts: SubsetCounts, coders: number): BinaryAgreement {
  let units = 0;
  let pairAgreement = 0;
  let ones = 0;
  let mixedPairs = 0;
  for (const [mask, n] of counts) {
    const k = popcount(mask);
    units += n;
    ones += n * k;
    pairAgreement += (n * (k * (k - 1) + (coders - k) * (coders - k - 1))) / (coders * (coders - 1));
    mixedPairs += (n * k * (coders - k)) / (coders - 1);
  }
  if (units === 0) {
    const reason = "there are no units of this kind in the text";
    return {
      percent_agreement: undefinedStatistic(reason),
      cohen_kappa: undefinedStatistic(reason),
      krippendorff_alpha: undefinedStatistic(reason),
    };
  }
  const values = units * coders;
  const zeros = values - ones;
  const alpha =
    ones === 0 || zeros === 0
      ? undefinedStatistic(
          ones === 0 ? "no coder applied this code: no variation to agree on" : "every unit was coded by every coder: no variation",
        )
      : labelled(1 - ((values - 1) * mixedPairs) / (ones * zeros), "alpha");
  return {
    percent_agreement: defined(pairAgreement / units),
    cohen_kappa: cohenKappa(counts, coders, units),
    krippendorff_alpha: alpha,
  };
}

function cohenKappa(counts: SubsetCounts, coders: number, units: number): Statistic {
  if (coders !== 2) return undefinedStatistic(`Cohen's kappa compares exactly two coders; there are ${coders}`);
  const both = counts.get(3) ?? 0;
  const first = (both + (counts.get(1) ?? 0)) / units;
  const second = (both + (counts.get(2) ?? 0)) / units;
  const observed = (both + (counts.get(0) ?? 0)) / units;
  const chance = first * second + (1 - first) * (1 - second);
  if (chance === 1) return undefinedStatistic("both coders gave every unit the same rating: chance agreement is 1");
  return labelled((observed - chance) / (1 - chance), "kappa");
}
