import { describe, expect, it } from "vitest";
import { CASP_QUALITATIVE } from "@concord/shared/appraisal/casp";
import type { Statistic } from "../api/types";
import { kappaParadox } from "./kappaParadox";

const stat = (value: number) => ({ value, se: null, ci: null });
const undefinedKappa: Statistic = { value: null, reason: "one category" };
const figures = (agreement: number, kappa: Statistic, ac1?: number) => ({ percent_agreement: stat(agreement), cohen_kappa: kappa, ...(ac1 === undefined ? {} : { gwet_ac1: stat(ac1) }), n_units: 12 });
const row = (question: string, before: ReturnType<typeof figures> | null) => ({ question, before, after: null, reason: null });

describe("the kappa paradox note at a screening stage", () => {
  it("explains a low kappa beside near-total agreement, with AC1", () => {
    // Skewed answers: nearly all "Yes", so kappa collapses while AC1 does not.
    const note = kappaParadox({ before: figures(0.972, stat(0.3), 0.96), per_question: [] }, undefined);
    expect(note).toContain("97.2% of answers, yet kappa is only 0.30");
    expect(note).toContain("Gwet's AC1, which does not collapse this way, is 0.96");
  });

  it("explains a kappa that cannot be computed because every answer was the same", () => {
    expect(kappaParadox({ before: figures(1, undefinedKappa), per_question: [] }, undefined)).toContain("kappa cannot be computed");
  });

  it("says nothing when kappa and agreement tell the same story", () => {
    expect(kappaParadox({ before: figures(0.95, stat(0.8)), per_question: [] }, undefined)).toBeNull();
    expect(kappaParadox({ before: figures(0.6, stat(0.1)), per_question: [] }, undefined)).toBeNull();
    expect(kappaParadox({ before: null, per_question: [] }, undefined)).toBeNull();
  });
});

describe("the kappa paradox note at appraisal, question by question", () => {
  const overall = figures(0.972, stat(0.3), 0.96);

  it("names only the questions it applies to, by the checklist's number and words", () => {
    const note = kappaParadox(
      {
        before: overall,
        per_question: [row("q1", figures(1, undefinedKappa)), row("q3", figures(0.75, stat(0.2))), row("q4", figures(0.9, stat(0.8))), row("q6", figures(0.917, stat(0.31), 0.9))],
      },
      CASP_QUALITATIVE,
    )!;
    expect(note).toContain('question 1 ("Was there a clear statement of the aims of the research?"): 100% agreement, yet kappa cannot be computed');
    expect(note).toContain("question 6 (");
    expect(note).toContain("91.7% agreement, yet kappa is only 0.31; AC1 0.90");
    expect(note).not.toMatch(/question [34] /);
    expect(note).toContain('cannot be computed; and question 6 ("Has the relationship');
    expect(note).toContain("for these questions");
  });

  it("names a question of another checklist version by its key", () => {
    expect(kappaParadox({ before: overall, per_question: [row("q11", figures(0.95, stat(0.1)))] }, CASP_QUALITATIVE)).toContain("question q11: 95% agreement");
  });

  it("says nothing of a question compared on one paper alone, whose kappa needs more papers", () => {
    expect(kappaParadox({ before: overall, per_question: [row("q1", { ...figures(1, undefinedKappa), n_units: 1 })] }, CASP_QUALITATIVE)).toBeNull();
  });

  it("says nothing when no question shows it, whatever the pooled figures", () => {
    expect(kappaParadox({ before: overall, per_question: [row("q1", figures(0.95, stat(0.8))), row("q2", figures(0.5, stat(0.1))), row("q3", null)] }, CASP_QUALITATIVE)).toBeNull();
  });
});
