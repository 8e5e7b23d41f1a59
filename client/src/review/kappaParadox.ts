// When to explain the kappa paradox beside a stage's agreement: the raters nearly always gave
// the same answer, yet kappa is low or cannot be computed, because nearly every answer was
// the same one (CASP's first two questions are "Yes" for every paper). Kappa then expects
// almost all that agreement by chance; Gwet's AC1 is built not to collapse that way.
import type { Statistic } from "../api/types";

const value = (s: Statistic | undefined) => (s && s.value !== null ? s.value : null);

/** The plain-words explanation to show, or null when kappa tells the same story as agreement. */
export function kappaParadox(report: { percent_agreement: Statistic; cohen_kappa: Statistic; gwet_ac1?: Statistic } | null): string | null {
  const agreement = value(report?.percent_agreement);
  if (agreement === null || agreement < 0.85) return null;
  const kappa = value(report?.cohen_kappa);
  if (kappa !== null && kappa >= 0.6) return null;
  const ac1 = value(report?.gwet_ac1);
  const kappaSays = kappa === null ? "kappa cannot be computed" : `kappa is only ${kappa.toFixed(2)}`;
  return (
    `The raters agreed on ${Math.round(agreement * 1000) / 10}% of answers, yet ${kappaSays}. ` +
    "That happens when nearly every answer is the same one: kappa then counts almost all the agreement as what chance alone would give, and says little. " +
    (ac1 === null ? "Report percent agreement with it." : `Gwet's AC1, which does not collapse this way, is ${ac1.toFixed(2)}: report it beside kappa.`)
  );
}
