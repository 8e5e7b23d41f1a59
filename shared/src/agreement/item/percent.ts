// Percent agreement, Gwet's definition (Gwet 2014, Handbook of Inter-Rater Reliability): the mean over units
// rated by two or more raters of the share of agreeing rater pairs in the unit. With two
// raters and no missing ratings it is the plain proportion of units agreed on.
import type { Statistic } from "../types";
import { chanceCorrected, type UnitView } from "./chanceCorrected";
import { undefinedStat, withNormalInterval } from "./statistic";
import { identityWeights } from "./weights";

export function percentAgreement(view: UnitView): Statistic {
  const wm = identityWeights(view.norm.categories.length);
  const r = chanceCorrected(view, wm, () => ({ pe: 0, g: null, h: 0 }), "percent agreement", false);
  if ("reason" in r) return undefinedStat(r.reason);
  return withNormalInterval(r.value, r.se, [0, 1], r.ciMethod.replace("coefficient's range", "range [0, 1]"));
}
