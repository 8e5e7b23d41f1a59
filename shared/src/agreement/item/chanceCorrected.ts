// The shared machinery of Gwet's (2014) framework for chance-corrected coefficients on raw
// ratings with any number of raters and missing data: κ = (p_a − p_e) / (1 − p_e), with the
// linearised variance of Gwet (2008, Br J Math Stat Psychol 61:29–48; Handbook of Inter-Rater Reliability 2014).
// Fleiss' kappa, AC1/AC2, Brennan–Prediger, Scott's pi and percent agreement differ only
// in their chance model, passed in as p_e and its per-unit counterpart p_e|i.
import { ANALYTIC_GWET, ANALYTIC_TABLE, ONE_EPS } from "./statistic";
import type { NormalisedTable } from "./table";
import type { WeightMatrix } from "./weights";

/** The chance model: p_e and, per unit, p_e|i = Σ_k (r_ik / r_i)·g_k + h (its mean over units is p_e). */
export interface ChanceModel {
  pe: number;
  g: Float64Array | null;
  h: number;
}

export interface UnitView {
  norm: NormalisedTable;
  /** Units used: rated at least once (or at least twice when `pairedOnly`). */
  selected: Int32Array;
  /** Units among them rated by two or more raters. */
  n2: number;
}

export function unitView(norm: NormalisedTable, pairedOnly = false): UnitView {
  const { total } = norm.units;
  const min = pairedOnly ? 2 : 1;
  const sel: number[] = [];
  let n2 = 0;
  for (let u = 0; u < norm.nUnits; u++) {
    const r = total[u] as number;
    if (r >= min) sel.push(u);
    if (r >= 2) n2++;
  }
  return { norm, selected: Int32Array.from(sel), n2 };
}

/** π_k: the mean over units of the share of unit i's ratings in category k. */
export function classificationShares(view: UnitView): Float64Array {
  const { start, cat, count, total } = view.norm.units;
  const pi = new Float64Array(view.norm.categories.length);
  for (const u of view.selected) {
    for (let j = start[u] as number; j < (start[u + 1] as number); j++) {
      const k = cat[j] as number;
      pi[k] = (pi[k] as number) + (count[j] as number) / (total[u] as number);
    }
  }
  const n = view.selected.length;
  for (let k = 0; k < pi.length; k++) pi[k] = (pi[k] as number) / n;
  return pi;
}

/** Weighted agreement of one unit: Σ_k r_ik (r*_ik − 1) / (r_i (r_i − 1)); 0 when r_i < 2. */
function unitAgreement(view: UnitView, u: number, wm: WeightMatrix): number {
  const { start, cat, count, total } = view.norm.units;
  const q = view.norm.categories.length;
  const r = total[u] as number;
  if (r < 2) return 0;
  let s = 0;
  for (let j = start[u] as number; j < (start[u + 1] as number); j++) {
    let star = 0;
    for (let l = start[u] as number; l < (start[u + 1] as number); l++) {
      star += (wm.w[(cat[j] as number) * q + (cat[l] as number)] as number) * (count[l] as number);
    }
    s += (count[j] as number) * (star - 1);
  }
  return s / (r * (r - 1));
}

/** Why p_e = 1: usually every rating is in one category. */
export function noVariationReason(view: UnitView, name: string): string {
  const used = new Set(view.norm.units.cat);
  const only = used.size === 1 ? view.norm.categories[[...used][0] as number] : undefined;
  const what = only !== undefined ? `every rating is ${JSON.stringify(only)}, so there is no variation:` : "";
  return `${what} chance agreement is 1 and ${name} is 0/0 (undefined); report percent agreement instead`.trim();
}

export type CoefficientResult =
  | { value: number; se: number | null; pa: number; pe: number; ciMethod: string }
  | { reason: string };

/** True when the data are a complete two-rater design: the contingency-table variance applies. */
function isTableForm(view: UnitView): boolean {
  return view.norm.nRaters === 2 && view.n2 === view.selected.length;
}

/**
 * κ = (p_a − p_e)/(1 − p_e) and its standard error. The variance is Σ(κ*_i − κ)² / (n·d) with
 * κ*_i = κ_i − 2(1 − κ)(p_e|i − p_e)/(1 − p_e), κ_i = (n/n₂)(p_a|i − p_e)/(1 − p_e) for units rated
 * at least twice (n₂ of them) and 0 otherwise; d = n − 1 (Gwet's raw-data
 * formula) or d = n for complete two-rater data (the contingency-table form, as published).
 */
export function chanceCorrected(
  view: UnitView,
  wm: WeightMatrix,
  chance: (view: UnitView) => ChanceModel,
  name: string,
  chanceCorrecting = true,
): CoefficientResult {
  const n = view.selected.length;
  const n2 = view.n2;
  if (n2 === 0) return { reason: "no unit was rated by two or more raters, so there is nothing to compare" };
  if (n2 < 2 && chanceCorrecting) {
    return { reason: `only one unit was rated by two or more raters; ${name} needs at least two to estimate chance agreement` };
  }
  const paI = new Float64Array(n);
  let paSum = 0;
  view.selected.forEach((u, i) => {
    paI[i] = unitAgreement(view, u, wm);
    paSum += paI[i] as number;
  });
  const pa = paSum / n2;
  const model = chance(view);
  const pe = model.pe;
  if (1 - pe <= ONE_EPS) {
    return { reason: noVariationReason(view, name) };
  }
  const value = (pa - pe) / (1 - pe);
  // One pairable unit says nothing about sampling variability: no SE rather than a made-up one.
  if (n2 < 2) return { value, se: null, pa, pe, ciMethod: "" };
  const { start, cat, count, total } = view.norm.units;
  let ss = 0;
  view.selected.forEach((u, i) => {
    let peI = model.h;
    if (model.g) {
      for (let j = start[u] as number; j < (start[u + 1] as number); j++) {
        peI += ((count[j] as number) / (total[u] as number)) * (model.g[cat[j] as number] as number);
      }
    }
    // Units rated once carry no agreement term (Gwet's κ_i is 0 there), so mean κ_i = κ.
    const kI = (total[u] as number) >= 2 ? ((n / n2) * ((paI[i] as number) - pe)) / (1 - pe) : 0;
    const kStar = kI - (2 * (1 - value) * (peI - pe)) / (1 - pe);
    ss += (kStar - value) ** 2;
  });
  const table = isTableForm(view);
  const se = Math.sqrt(ss / (n * (table ? n : n - 1)));
  return { value, se, pa, pe, ciMethod: table ? ANALYTIC_TABLE : ANALYTIC_GWET };
}
