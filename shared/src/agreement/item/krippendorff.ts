// Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability";
// Content Analysis, 2004/2013) for any number of raters, missing ratings and the nominal,
// ordinal, interval or ratio metric: α = 1 − D_o / D_e = 1 − (n.. − 1)·Σ o_ck δ²_ck / Σ n_c n_k δ²_ck.
// The interval comes from the seeded bootstrap of Hayes & Krippendorff (2007).
import { AgreementInputError } from "../errors";
import { krippendorffLabel } from "../interpret";
import type { DefinedStatistic, Level, Statistic } from "../types";
import { quantile, resampleMeans, standardDeviation } from "./bootstrap";
import { coincidences, type Coincidences } from "./coincidence";
import { expectedSum, metricDelta, type Delta } from "./metric";
import { undefinedStat } from "./statistic";
import type { NormalisedTable } from "./table";

export const DEFAULT_RESAMPLES = 1000;
export const DEFAULT_SEED = 1;

export interface AlphaReport {
  alpha: Statistic;
  /** 1 − D_o / δ²_max: Krippendorff's observed agreement, scaled to [0, 1] (1 − D_o when nominal). */
  observed: Statistic;
}

export interface BootstrapOptions {
  bootstrap?: number;
  seed?: number;
}

function checkBootstrap(options: BootstrapOptions): { resamples: number; seed: number } {
  const resamples = options.bootstrap ? options.bootstrap : DEFAULT_RESAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(resamples) || resamples < 2 || resamples > 1_000_000) {
    throw new AgreementInputError("bootstrap must be a whole number of resamples from 2 to 1,000,000 (0 for the default)");
  }
  if (!Number.isInteger(seed)) throw new AgreementInputError("seed must be a whole number");
  return { resamples, seed };
}

function interval(sorted: Float64Array, range: [number, number]): [number, number] {
  const clamp = (x: number): number => Math.min(range[1], Math.max(range[0], x));
  return [clamp(quantile(sorted, 0.025)), clamp(quantile(sorted, 0.975))];
}

function bootstrapped(value: number, samples: Float64Array, range: [number, number], method: string, label?: string): DefinedStatistic {
  const sorted = samples.slice().sort();
  const stat: DefinedStatistic = { value, se: standardDeviation(samples), ci: interval(sorted, range), ci_method: method };
  if (label !== undefined) stat.label = label;
  return stat;
}

function cellDeltas(co: Coincidences, delta: Delta): Float64Array {
  return Float64Array.from(co.c, (c, i) => delta(c, co.k[i] as number));
}

/** Alpha and observed agreement at the given level, with bootstrap SE and 95% percentile interval. */
export function krippendorffAlpha(norm: NormalisedTable, level: Level, options: BootstrapOptions = {}): AlphaReport {
  const { resamples, seed } = checkBootstrap(options);
  if (level === "ordinal" && !norm.orderKnown) {
    const reason = "ordinal alpha needs the category order: declare the categories in order";
    return { alpha: undefinedStat(reason), observed: undefinedStat(reason) };
  }
  const co = coincidences(norm);
  if (co.pairableUnits === 0) {
    const reason = "no unit has two or more ratings, so there are no pairable values";
    return { alpha: undefinedStat(reason), observed: undefinedStat(reason) };
  }
  const delta = metricDelta(level, norm, co.nc);
  const deltas = cellDeltas(co, delta);
  const { sum: eSum, maxDelta } = expectedSum(level, norm, co.nc, delta);
  const oSum = deltas.reduce((s, d, i) => s + d * (co.o[i] as number), 0);
  const dO = oSum / co.total;
  const scale = maxDelta > 0 ? maxDelta : 1;
  const method = `bootstrap (Hayes & Krippendorff 2007): ${resamples} resamples of ${co.pairs} pairable pairs drawn from the coincidence matrix, expected disagreement fixed, seed ${seed}; 95% percentile interval, clamped to [-1, 1]`;
  const means = resampleMeans(deltas, co.o, co.pairs, resamples, seed);
  // 1 − D_o/δ²max lies in [0, 1]; clamping only removes floating-point residue (−2e-16).
  const agreement = (d: number) => Math.min(1, Math.max(0, 1 - d / scale));
  const observed = bootstrapped(agreement(dO), means.map(agreement), [0, 1], method.replace("[-1, 1]", "[0, 1]"));
  if (co.pairableUnits < 2) {
    return { alpha: undefinedStat("only one unit has two or more ratings; alpha needs at least two"), observed };
  }
  if (eSum <= 0) {
    const used = co.nc.findIndex((n) => n > 0);
    const reason = `every pairable value is ${JSON.stringify(norm.categories[used])}, so there is no variation: expected disagreement is 0 and alpha is 0/0 (undefined)`;
    return { alpha: undefinedStat(reason), observed };
  }
  const alpha = 1 - ((co.total - 1) * oSum) / eSum;
  const dE = eSum / (co.total * (co.total - 1));
  const alphas = means.map((m) => 1 - m / dE);
  return { alpha: bootstrapped(alpha, alphas, [-1, 1], method, krippendorffLabel(alpha)), observed };
}
