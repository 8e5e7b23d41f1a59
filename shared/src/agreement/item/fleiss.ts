// Fleiss' kappa (Fleiss 1971, Psychol Bull 76:378–382) for any number of raters, with
// missing ratings handled by Gwet's generalisation (Gwet 2014, Handbook of Inter-Rater Reliability):
// p_e = Σ_k Σ_l w_kl π_k π_l. With complete data it is exactly Fleiss' 1971 kappa.
import { landisKochLabel } from "../interpret";
import type { Statistic } from "../types";
import { chanceCorrected, classificationShares, type ChanceModel, type UnitView } from "./chanceCorrected";
import { kappaStatistic } from "./statistic";
import type { WeightMatrix } from "./weights";

export function fleissChance(wm: WeightMatrix): (view: UnitView) => ChanceModel {
  return (view) => {
    const pi = classificationShares(view);
    const q = pi.length;
    const g = new Float64Array(q);
    let pe = 0;
    for (let k = 0; k < q; k++) {
      let s = 0;
      for (let l = 0; l < q; l++) s += (wm.w[k * q + l] as number) * (pi[l] as number);
      g[k] = s;
      pe += (pi[k] as number) * s;
    }
    return { pe, g, h: 0 };
  };
}

/** Fleiss' kappa with Gwet's linearised standard error. */
export function fleissKappa(view: UnitView, wm: WeightMatrix): Statistic {
  return kappaStatistic(chanceCorrected(view, wm, fleissChance(wm), "Fleiss' kappa"), landisKochLabel);
}
