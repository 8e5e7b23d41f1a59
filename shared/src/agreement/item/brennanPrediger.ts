// Brennan & Prediger (1981, Educ Psychol Meas 41:687–699) coefficient: chance agreement
// p_e = T_w / q² with q the full declared category set, unused categories included
// (Gwet 2014, Handbook of Inter-Rater Reliability). With identity weights p_e = 1/q.
import { landisKochLabel } from "../interpret";
import type { Statistic } from "../types";
import { chanceCorrected, type UnitView } from "./chanceCorrected";
import { kappaStatistic, undefinedStat } from "./statistic";
import { weightSum, type WeightMatrix } from "./weights";

export function brennanPrediger(view: UnitView, wm: WeightMatrix): Statistic {
  const q = view.norm.categories.length;
  if (q < 2) return undefinedStat("Brennan–Prediger needs at least two declared categories (with one, chance agreement is 1)");
  const pe = weightSum(wm) / (q * q);
  return kappaStatistic(chanceCorrected(view, wm, () => ({ pe, g: null, h: pe }), "Brennan–Prediger"), landisKochLabel);
}
