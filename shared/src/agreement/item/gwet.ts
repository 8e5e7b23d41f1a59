// Gwet's AC1 (nominal) and AC2 (weighted): Gwet (2008, Br J Math Stat Psychol 61:29–48) and
// Gwet (2014, Handbook of Inter-Rater Reliability, 4th ed.). Chance agreement
// p_e = T_w / (q(q − 1)) · Σ_k π_k (1 − π_k), q = the declared categories, T_w = Σ weights.
import { landisKochLabel } from "../interpret";
import type { Statistic } from "../types";
import { chanceCorrected, classificationShares, type ChanceModel, type UnitView } from "./chanceCorrected";
import { kappaStatistic, undefinedStat } from "./statistic";
import { weightSum, type WeightMatrix } from "./weights";

function gwetChance(wm: WeightMatrix): (view: UnitView) => ChanceModel {
  return (view) => {
    const pi = classificationShares(view);
    const q = pi.length;
    const c = weightSum(wm) / (q * (q - 1));
    const g = new Float64Array(q);
    let pe = 0;
    for (let k = 0; k < q; k++) {
      g[k] = c * (1 - (pi[k] as number));
      pe += c * (pi[k] as number) * (1 - (pi[k] as number));
    }
    return { pe, g, h: 0 };
  };
}

/** AC1 with identity weights, AC2 with agreement weights; Gwet's linearised standard error. */
export function gwetAC(view: UnitView, wm: WeightMatrix, name: "AC1" | "AC2"): Statistic {
  if (view.norm.categories.length < 2) {
    return undefinedStat(`Gwet's ${name} needs at least two declared categories`);
  }
  return kappaStatistic(chanceCorrected(view, wm, gwetChance(wm), `Gwet's ${name}`), landisKochLabel);
}
