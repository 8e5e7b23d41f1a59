// Item-level inter-rater agreement: every statistic of the report from one rating table.
import { AgreementInputError } from "../errors";
import type { ItemOptions, ItemReport, Level, RatingTable, Statistic } from "../types";
import { brennanPrediger } from "./brennanPrediger";
import { unitView } from "./chanceCorrected";
import { cohenKappa } from "./cohen";
import { confusionMatrix, specificAgreement } from "./confusion";
import { fleissKappa } from "./fleiss";
import { gwetAC } from "./gwet";
import { krippendorffAlpha } from "./krippendorff";
import { percentAgreement } from "./percent";
import { scottPi } from "./scott";
import { undefinedStat } from "./statistic";
import { normaliseTable, type NormalisedTable } from "./table";
import { identityWeights, weightMatrix, type WeightMatrix } from "./weights";

export { AgreementInputError };
export { normaliseTable } from "./table";
export { krippendorffAlpha } from "./krippendorff";

const LEVELS: Level[] = ["nominal", "ordinal", "interval", "ratio"];

type TwoRaterPart = Pick<ItemReport, "cohen_kappa" | "weighted_kappa" | "confusion_matrix" | "specific_agreement">;

function twoRaterStats(norm: NormalisedTable, weights: WeightMatrix | { reason: string }): TwoRaterPart {
  const conf = confusionMatrix(norm);
  const weighted: Statistic =
    "reason" in weights ? undefinedStat(`weighted kappa: ${weights.reason}`) : cohenKappa(conf, weights, "weighted kappa");
  return {
    cohen_kappa: cohenKappa(conf, identityWeights(norm.categories.length), "Cohen's kappa"),
    weighted_kappa: weighted,
    confusion_matrix: { categories: norm.categories, counts: conf.counts },
    specific_agreement: specificAgreement(conf, norm.categories),
  };
}

function manyRaterKappas(n: number): Pick<ItemReport, "cohen_kappa" | "weighted_kappa"> {
  const why = (name: string): string =>
    `${name} is defined for two raters; these data have ${n} — see Fleiss' kappa or Krippendorff's alpha`;
  return { cohen_kappa: undefinedStat(why("Cohen's kappa")), weighted_kappa: undefinedStat(why("weighted kappa")) };
}

/**
 * All item-level agreement statistics for a units × raters table. Throws AgreementInputError
 * (with unit and rater index) for malformed tables; statistics that do not exist for these
 * data come back as `{ value: null, reason }`.
 */
export function itemAgreement(table: RatingTable, options: ItemOptions = {}): ItemReport {
  const level = options.level ?? "nominal";
  if (!LEVELS.includes(level)) {
    throw new AgreementInputError(`level must be one of ${LEVELS.join(", ")}, not ${JSON.stringify(level)}`);
  }
  const norm = normaliseTable(table, level);
  const q = norm.categories.length;
  const view = unitView(norm);
  const unweighted = identityWeights(q);
  const weights = weightMatrix(norm, options);
  const alpha = krippendorffAlpha(norm, level, options);
  const report: ItemReport = {
    n_units: norm.nUnits,
    n_raters: norm.nRaters,
    level,
    categories: norm.categories,
    percent_agreement: percentAgreement(view),
    ...(norm.nRaters === 2 ? twoRaterStats(norm, weights) : manyRaterKappas(norm.nRaters)),
    scott_pi: scottPi(norm),
    fleiss_kappa: fleissKappa(view, unweighted),
    krippendorff_alpha: alpha.alpha,
    krippendorff_observed_agreement: alpha.observed,
    gwet_ac1: gwetAC(view, unweighted, "AC1"),
    gwet_ac2: "reason" in weights ? undefinedStat(`Gwet's AC2: ${weights.reason}`) : gwetAC(view, weights, "AC2"),
    brennan_prediger: brennanPrediger(view, unweighted),
  };
  return report;
}
