// The public contract of the agreement engine: the CLI's `--json` output, the body of
// `POST /api/agreement`, and what the client shows live all use these shapes.

/** A rating: a category name or a number. `null` is a missing rating. */
export type Rating = string | number;

/** Measurement level of the ratings (Krippendorff's metrics). */
export type Level = "nominal" | "ordinal" | "interval" | "ratio";

/** Weights for weighted kappa and AC2: a scheme name or an explicit q×q matrix (1 = full credit). */
export type Weights = "linear" | "quadratic" | number[][];

/**
 * Where weighted distances come from: the numeric value of each category (`value`) or its
 * position in the declared category order (`rank`).
 */
export type WeightBasis = "value" | "rank";

/** Units × raters. `ratings[u][r]` is rater r's rating of unit u, or null when missing. */
export interface RatingTable {
  unitIds: string[];
  raterIds: string[];
  ratings: (Rating | null)[][];
  /** The full ordered category set, including categories nobody used. */
  categories?: Rating[];
}

export interface ItemOptions {
  level?: Level;
  weights?: Weights;
  weightBasis?: WeightBasis;
  /** Bootstrap resamples for Krippendorff's alpha's interval; 0 or absent uses the default. */
  bootstrap?: number;
  seed?: number;
}

/** A computed statistic. `label` is an interpretation (Landis & Koch, Krippendorff), never a verdict. */
export interface DefinedStatistic {
  value: number;
  se: number | null;
  ci: [number, number] | null;
  /** How the interval was obtained, e.g. "analytic (Gwet 2014)" or "bootstrap, 1000 resamples, seed 1". */
  ci_method?: string;
  label?: string;
}

/** A statistic that does not exist for these data, with the reason in plain words. */
export interface UndefinedStatistic {
  value: null;
  reason: string;
}

export type Statistic = DefinedStatistic | UndefinedStatistic;

export interface ItemReport {
  n_units: number;
  n_raters: number;
  level: Level;
  categories: Rating[];
  percent_agreement: Statistic;
  cohen_kappa: Statistic;
  weighted_kappa: Statistic;
  scott_pi: Statistic;
  fleiss_kappa: Statistic;
  krippendorff_alpha: Statistic;
  /** Krippendorff's observed agreement 1 − D_o, reported beside alpha. */
  krippendorff_observed_agreement: Statistic;
  gwet_ac1: Statistic;
  gwet_ac2: Statistic;
  brennan_prediger: Statistic;
  /** Two raters only: counts[row = rater 1 category][col = rater 2 category], over units both rated. */
  confusion_matrix?: { categories: Rating[]; counts: number[][] };
  /** Two raters only: specific (positive) agreement per category, 2·n_kk / (n_k· + n_·k). */
  specific_agreement?: Record<string, Statistic>;
}

/** One coded span `[start, end)` in a text of known length. */
export interface Segment {
  coder: string;
  code: string;
  start: number;
  end: number;
}

export interface UnitizedInput {
  length: number;
  segments: Segment[];
}

export interface UnitizingReport {
  /** Overall |uα. */
  u_alpha: Statistic;
  cu_alpha: Statistic;
  Cu_alpha: Statistic;
  per_code: Record<string, { u_alpha: Statistic }>;
  /**
   * The 1995/2004 boundary-distance |uα, pooled and per code, beside the 2016 form above, for
   * comparison with studies and tools that report that form.
   */
  boundary_u_alpha: { pooled: Statistic; per_code: Record<string, Statistic> };
}
