// When to explain the kappa paradox beside a stage's agreement: the raters nearly always gave
// the same answer, yet kappa is low or cannot be computed, because nearly every answer was
// the same one. Kappa then expects almost all that agreement by chance; Gwet's AC1 is built
// not to collapse that way. At appraisal it happens question by question (a screening
// question every paper passes), so the note names the questions it applies to, as the
// checklist numbers and words them, and says nothing when it applies to none.
import type { Checklist } from "@concord/shared/appraisal/checklist";
import type { ReviewAgreement, Statistic } from "../api/types";

type Figures = { percent_agreement: Statistic; cohen_kappa: Statistic; gwet_ac1?: Statistic; n_units: number } | null;

const value = (s: Statistic | undefined) => (s && s.value !== null ? s.value : null);
const percentOf = (agreement: number) => `${Math.round(agreement * 1000) / 10}%`;
const WHY = "That happens when nearly every answer is the same one: kappa then counts almost all the agreement as what chance alone would give, and says little.";

/** The figures of a paradox, or null when kappa tells the same story as agreement. */
function paradoxIn(figures: Figures | undefined): { agreement: string; kappaSays: string; ac1: number | null } | null {
  // Kappa on a single paper cannot be computed for want of papers, not for the paradox.
  if (!figures || figures.n_units < 2) return null;
  const agreement = value(figures?.percent_agreement);
  if (agreement === null || agreement < 0.85) return null;
  const kappa = value(figures?.cohen_kappa);
  if (kappa !== null && kappa >= 0.6) return null;
  return { agreement: percentOf(agreement), kappaSays: kappa === null ? "kappa cannot be computed" : `kappa is only ${kappa.toFixed(2)}`, ac1: value(figures?.gwet_ac1) };
}

/** "a", "a; and b", "a; b; and c": semicolons, as each part has commas of its own. */
const listed = (parts: string[]) => (parts.length < 2 ? parts.join("") : `${parts.slice(0, -1).join("; ")}; and ${parts.at(-1)}`);

/**
 * The plain-words explanation to show, or null when there is nothing to explain. A stage
 * compared question by question (appraisal) is explained per question; a screening stage, on
 * its one decision.
 */
export function kappaParadox(agreement: Pick<ReviewAgreement, "before" | "per_question">, checklist: Checklist | undefined): string | null {
  if (agreement.per_question.length === 0) {
    const paradox = paradoxIn(agreement.before);
    if (!paradox) return null;
    return (
      `The raters agreed on ${paradox.agreement} of answers, yet ${paradox.kappaSays}. ${WHY} ` +
      (paradox.ac1 === null ? "Report percent agreement with it." : `Gwet's AC1, which does not collapse this way, is ${paradox.ac1.toFixed(2)}: report it beside kappa.`)
    );
  }
  const numbered = new Map(checklist?.questions.map((q, i) => [q.key, `question ${i + 1} ("${q.label}")`]));
  const applies = agreement.per_question.flatMap((row) => {
    const paradox = paradoxIn(row.before);
    return paradox ? [`${numbered.get(row.question) ?? `question ${row.question}`}: ${paradox.agreement} agreement, yet ${paradox.kappaSays}${paradox.ac1 === null ? "" : `; AC1 ${paradox.ac1.toFixed(2)}`}`] : [];
  });
  if (applies.length === 0) return null;
  return `The raters agreed on nearly every answer to ${listed(applies)}. ${WHY} Report percent agreement and Gwet's AC1, which does not collapse this way, beside kappa for ${applies.length === 1 ? "this question" : "these questions"}.`;
}
