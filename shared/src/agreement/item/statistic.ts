// Building Statistic values: defined ones with a normal-theory interval, undefined ones with
// a reason. No NaN ever leaves this module.
import type { DefinedStatistic, Statistic, UndefinedStatistic } from "../types";

/** 97.5th percentile of the standard normal distribution, for 95% intervals. */
export const Z_975 = 1.959963984540054;

export const ANALYTIC_GWET =
  "analytic: Gwet (2014, Handbook of Inter-Rater Reliability, 4th ed.) linearised variance; normal 95% interval, clamped to the coefficient's range";
export const ANALYTIC_TABLE =
  "analytic: large-sample variance for two raters with complete data (Fleiss, Cohen & Everitt 1969; Gwet 2014 contingency-table form); normal 95% interval, clamped to the coefficient's range";

export function undefinedStat(reason: string): UndefinedStatistic {
  return { value: null, reason };
}

export function isDefined(s: Statistic): s is DefinedStatistic {
  return s.value !== null;
}

/**
 * A value with an analytic standard error: the interval is value ± z·se, clamped to
 * [lo, hi] (the coefficient's possible range) so it never claims impossible values. The
 * range is widened to hold the value itself: with few units, Scott's pi and alpha can fall
 * below −1, and an interval must never exclude its own estimate.
 */
export function withNormalInterval(
  value: number,
  se: number | null,
  range: [number, number],
  ciMethod: string,
  label?: string,
): DefinedStatistic {
  const safeSe = se !== null && Number.isFinite(se) ? se : null;
  const lo = Math.min(range[0], value);
  const hi = Math.max(range[1], value);
  const ci: [number, number] | null =
    safeSe === null ? null : [Math.max(lo, value - Z_975 * safeSe), Math.min(hi, value + Z_975 * safeSe)];
  const stat: DefinedStatistic = { value, se: safeSe, ci };
  if (ci !== null) stat.ci_method = ciMethod;
  if (label !== undefined) stat.label = label;
  return stat;
}

/** Values within this distance of 1 count as exactly 1 (chance agreement 1 means 0/0). */
export const ONE_EPS = 1e-12;

/** Turns a coefficient and its SE into a Statistic with a normal interval in [-1, 1]. */
export function kappaStatistic(
  result: { value: number; se: number | null; ciMethod: string } | { reason: string },
  label: (v: number) => string,
): Statistic {
  if ("reason" in result) return undefinedStat(result.reason);
  return withNormalInterval(result.value, result.se, [-1, 1], result.ciMethod, label(result.value));
}
