// Seeded, reproducible resampling for Krippendorff's alpha. Each resample draws `draws`
// pairs of values with replacement from the observed coincidences (cell probability
// o_ck / n..) and returns the mean difference δ² of the draws: a resampled D_o (Hayes &
// Krippendorff 2007, Communication Methods and Measures 1:77–89; Krippendorff's
// "Algorithm for bootstrapping a distribution of α", 2006/2011). Drawing pair by pair would
// cost O(resamples × draws); with few distinct δ² values the same distribution is drawn
// exactly as multinomial counts in O(log draws) per value (see sampling.ts), so large
// categorical tables stay fast.
import { xoroshiro128plus, type RandomGenerator } from "pure-rand";
import { multinomial, uniform } from "./sampling";

/** Groups cells with equal δ² so nominal data draw from two outcomes only. */
function groupByValue(values: Float64Array, weights: Float64Array): { values: Float64Array; probs: Float64Array } {
  const byValue = new Map<number, number>();
  let total = 0;
  values.forEach((v, i) => {
    byValue.set(v, (byValue.get(v) ?? 0) + (weights[i] as number));
    total += weights[i] as number;
  });
  const keys = [...byValue.keys()].sort((a, b) => a - b);
  return {
    values: Float64Array.from(keys),
    probs: Float64Array.from(keys, (k) => (byValue.get(k) as number) / total),
  };
}

interface AliasTable {
  prob: Float64Array;
  alias: Int32Array;
}

/** Vose's alias method: O(1) draws from a discrete distribution (probabilities summing to 1). */
function aliasTable(probs: Float64Array): AliasTable {
  const n = probs.length;
  const prob = new Float64Array(n).fill(1);
  const alias = Int32Array.from(probs, (_, i) => i);
  const scaled = Float64Array.from(probs, (p) => p * n);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
  while (small.length && large.length) {
    const s = small.pop() as number;
    const l = large.pop() as number;
    prob[s] = scaled[s] as number;
    alias[s] = l;
    scaled[l] = (scaled[l] as number) + (scaled[s] as number) - 1;
    ((scaled[l] as number) < 1 ? small : large).push(l);
  }
  return { prob, alias };
}

/** Mean of `draws` values drawn one by one through an alias table: O(draws). */
function directMean(rng: RandomGenerator, table: AliasTable, values: Float64Array, draws: number): number {
  const k = values.length;
  let sum = 0;
  for (let d = 0; d < draws; d++) {
    const t = uniform(rng) * k;
    const i = Math.min(k - 1, Math.floor(t));
    sum += values[t - i < (table.prob[i] as number) ? i : (table.alias[i] as number)] as number;
  }
  return sum / draws;
}

/** Mean of `draws` values from one exact multinomial count vector: O(distinct values × log draws). */
function multinomialMean(rng: RandomGenerator, probs: Float64Array, values: Float64Array, draws: number): number {
  let sum = 0;
  multinomial(rng, draws, probs).forEach((c, g) => {
    sum += c * (values[g] as number);
  });
  return sum / draws;
}

/**
 * Means of `draws` values drawn with replacement (probability ∝ weight), `resamples` times,
 * from a xoroshiro128+ generator seeded with `seed`: the same inputs give the same output.
 * Few distinct values (categories): one multinomial count vector per resample. Many distinct
 * values (near-continuous interval data): draw pair by pair through an alias table. Both
 * draw from the same distribution; the cheaper one is chosen from the sizes alone.
 */
export function resampleMeans(
  values: Float64Array,
  weights: Float64Array,
  draws: number,
  resamples: number,
  seed: number,
): Float64Array {
  const grouped = groupByValue(values, weights);
  const rng = xoroshiro128plus(seed);
  const out = new Float64Array(resamples);
  const direct = draws <= 16 * grouped.values.length;
  const table = direct ? aliasTable(grouped.probs) : null;
  for (let b = 0; b < resamples; b++) {
    out[b] = table
      ? directMean(rng, table, grouped.values, draws)
      : multinomialMean(rng, grouped.probs, grouped.values, draws);
  }
  return out;
}

/** Quantile with linear interpolation between order statistics (R's type 7) of sorted data. */
export function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}

export function standardDeviation(xs: Float64Array): number {
  const n = xs.length;
  if (n < 2) return 0;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  return Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
}
