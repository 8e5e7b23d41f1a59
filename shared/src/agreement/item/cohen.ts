// Cohen's kappa (Cohen 1960, Educ Psychol Meas 20:37–46) and weighted kappa (Cohen 1968,
// Psychol Bull 70:213–220) for two raters, over the units both rated. Standard error: the
// large-sample variance of Fleiss, Cohen & Everitt (1969, Psychol Bull 72:323–327), which
// is the ASE SAS PROC FREQ prints.
import { landisKochLabel } from "../interpret";
import type { Statistic } from "../types";
import type { Confusion } from "./confusion";
import { ANALYTIC_TABLE, ONE_EPS, undefinedStat, withNormalInterval } from "./statistic";
import type { WeightMatrix } from "./weights";

function marginals(conf: Confusion): { p: number[][]; row: number[]; col: number[] } {
  const q = conf.counts.length;
  const p = conf.counts.map((r) => r.map((x) => x / conf.n));
  const row = p.map((r) => r.reduce((s, x) => s + x, 0));
  const col = Array.from({ length: q }, (_, j) => p.reduce((s, r) => s + (r[j] as number), 0));
  return { p, row, col };
}

/** κ_w = (p_o − p_e)/(1 − p_e) with weights w (identity weights give Cohen's kappa). */
export function cohenKappa(conf: Confusion, wm: WeightMatrix, name: string): Statistic {
  if (conf.n === 0) return undefinedStat(`no unit was rated by both raters, so ${name} cannot be computed`);
  if (conf.n < 2) return undefinedStat(`only one unit was rated by both raters; ${name} needs at least two`);
  const q = conf.counts.length;
  const { p, row, col } = marginals(conf);
  const w = (i: number, j: number): number => wm.w[i * q + j] as number;
  let po = 0;
  let pe = 0;
  for (let i = 0; i < q; i++) {
    for (let j = 0; j < q; j++) {
      po += w(i, j) * (p[i]?.[j] as number);
      pe += w(i, j) * (row[i] as number) * (col[j] as number);
    }
  }
  if (1 - pe <= ONE_EPS) {
    const used = row.map((x, i) => x + (col[i] as number)).filter((x) => x > 0).length;
    const what = used === 1 ? "both raters put every unit in the same single category: " : "";
    return undefinedStat(`${what}chance agreement is 1, so ${name} is 0/0 (undefined); report percent agreement instead`);
  }
  const kappa = (po - pe) / (1 - pe);
  // Fleiss, Cohen & Everitt (1969), eq. for var(κ_w) with w̄_i· and w̄_·j the weighted marginal means.
  const wRow = row.map((_, i) => col.reduce((s, cj, j) => s + w(i, j) * cj, 0));
  const wCol = col.map((_, j) => row.reduce((s, ri, i) => s + w(i, j) * ri, 0));
  let sum = 0;
  for (let i = 0; i < q; i++) {
    for (let j = 0; j < q; j++) {
      const pij = p[i]?.[j] as number;
      if (pij === 0) continue;
      sum += pij * (w(i, j) - ((wRow[i] as number) + (wCol[j] as number)) * (1 - kappa)) ** 2;
    }
  }
  const variance = (sum - (kappa - pe * (1 - kappa)) ** 2) / (conf.n * (1 - pe) ** 2);
  const se = Math.sqrt(Math.max(0, variance));
  return withNormalInterval(kappa, se, [-1, 1], ANALYTIC_TABLE, landisKochLabel(kappa));
}
