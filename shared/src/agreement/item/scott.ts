// Scott's pi (Scott 1955, Public Opinion Quarterly 19:321–325): two raters, chance from the
// pooled marginals, p_e = Σ_k π_k², π_k = (p_k· + p_·k)/2. Computed over units both raters
// rated; the standard error is Gwet's (2014) two-rater table form.
import { landisKochLabel } from "../interpret";
import type { Statistic } from "../types";
import { chanceCorrected, unitView } from "./chanceCorrected";
import { fleissChance } from "./fleiss";
import { kappaStatistic, undefinedStat } from "./statistic";
import type { NormalisedTable } from "./table";
import { identityWeights } from "./weights";

export function scottPi(norm: NormalisedTable): Statistic {
  if (norm.nRaters !== 2) {
    return undefinedStat(
      `Scott's pi is defined for two raters; these data have ${norm.nRaters} — Fleiss' kappa is its generalisation to more raters`,
    );
  }
  const wm = identityWeights(norm.categories.length);
  const view = unitView(norm, true);
  return kappaStatistic(chanceCorrected(view, wm, fleissChance(wm), "Scott's pi"), landisKochLabel);
}
