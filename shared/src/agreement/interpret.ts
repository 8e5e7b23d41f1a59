// Interpretation labels printed beside a coefficient. They name a published benchmark and
// the band the value falls in; they are descriptions for the reader, never a pass/fail verdict.

/**
 * Landis & Koch (1977, Biometrics 33:159–174) benchmarks for kappa-type coefficients:
 * < 0 poor, 0–.20 slight, .21–.40 fair, .41–.60 moderate, .61–.80 substantial, .81–1 almost perfect.
 * Band edges are inclusive at the top (.20 is slight, .2001 is fair).
 */
export function landisKochLabel(value: number): string {
  if (value < 0) return "poor (Landis & Koch)";
  if (value <= 0.2) return "slight (Landis & Koch)";
  if (value <= 0.4) return "fair (Landis & Koch)";
  if (value <= 0.6) return "moderate (Landis & Koch)";
  if (value <= 0.8) return "substantial (Landis & Koch)";
  return "almost perfect (Landis & Koch)";
}

/**
 * Krippendorff's (2004, Content Analysis, 2nd ed., ch. 11) benchmarks for alpha:
 * α ≥ .800 customary; .667 ≤ α < .800 for tentative conclusions; below .667 under the lowest
 * conceivable limit. Worded as where the value sits, not whether the data may be used: that is
 * the team's judgement, made with what the variable is for.
 */
export function krippendorffLabel(value: number): string {
  if (value >= 0.8) return "at or above .800 (Krippendorff's customary threshold)";
  if (value >= 0.667) return "between .667 and .800 (Krippendorff: tentative conclusions)";
  return "below .667 (Krippendorff's lowest conceivable limit)";
}
