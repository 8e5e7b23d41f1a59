// The thesis case (DOMAIN.md, Workflow 1 step 6): a second rater appraised 4 of 12 papers on
// the 9 scored CASP questions, 35 of 36 items identical, reported as 97.2% agreement. Rater 1
// is Table 5, papers 1–4; rater 2 is the same except paper 3, Q3 (Can't tell → Yes).
// Expected values are derived by hand below, then compared with what the engine says.
import { describe, expect, it } from "vitest";
import type { Rating, RatingTable } from "../types";
import { valueOf } from "./fixtures/expectPrinted";
import { itemAgreement } from "./index";

// Table 5, questions × papers 1–4 (Yes = 1, Can't tell = 0.5, No = 0).
const table5: number[][] = [
  [1, 1, 1, 1],
  [1, 1, 1, 1],
  [1, 1, 0.5, 1],
  [1, 1, 1, 1],
  [1, 1, 0.5, 1],
  [0, 0, 0, 0],
  [0, 0, 1, 0.5],
  [1, 1, 0.5, 1],
  [1, 1, 1, 1],
];

function casp(questions: number[]): RatingTable {
  const unitIds: string[] = [];
  const ratings: Rating[][] = [];
  for (let paper = 0; paper < 4; paper++) {
    for (const q of questions) {
      const lead = table5[q - 1]?.[paper] as number;
      const second = paper === 2 && q === 3 ? 1 : lead;
      unitIds.push(`paper ${paper + 1} Q${q}`);
      ratings.push([lead, second]);
    }
  }
  return { unitIds, raterIds: ["lead", "second"], ratings, categories: [0, 0.5, 1] };
}

describe("CASP appraisal, 4 papers × 9 items, one disagreement", () => {
  const all = itemAgreement(casp([1, 2, 3, 4, 5, 6, 7, 8, 9]), { weights: "linear" });

  it("percent agreement is 35/36 = 97.2%, as the thesis reports", () => {
    expect(valueOf(all.percent_agreement).value).toBeCloseTo(35 / 36, 12);
    expect((100 * (valueOf(all.percent_agreement).value)).toFixed(1)).toBe("97.2");
  });

  it("over all 36 items kappa is high too (.934): Q6–Q7 supply 'No' ratings, so chance agreement is moderate", () => {
    // Margins: lead 26 Yes / 4 Can't tell / 6 No, second 27 / 3 / 6: p_e = 750/1296.
    const pe = 750 / 1296;
    expect(valueOf(all.cohen_kappa).value).toBeCloseTo((35 / 36 - pe) / (1 - pe), 12);
    expect(valueOf(all.cohen_kappa).value).toBeCloseTo(0.934, 3);
    // AC1: π = (53, 7, 12)/72, p_e = Σπ(1 − π)/(q − 1) with q = 3.
    const peAC1 = (53 * 19 + 7 * 65 + 12 * 60) / 72 ** 2 / 2;
    expect(valueOf(all.gwet_ac1).value).toBeCloseTo((35 / 36 - peAC1) / (1 - peAC1), 12);
    // Alpha (nominal) = 1 − (n.. − 1)/n.. · (1 − Scott's pi), Scott's p_e = (53² + 7² + 12²)/72².
    const peScott = (53 ** 2 + 7 ** 2 + 12 ** 2) / 72 ** 2;
    const pi = (35 / 36 - peScott) / (1 - peScott);
    expect(valueOf(all.scott_pi).value).toBeCloseTo(pi, 12);
    expect(valueOf(all.krippendorff_alpha).value).toBeCloseTo(1 - (71 / 72) * (1 - pi), 12);
  });

  it("the kappa paradox on the mostly-Yes questions Q1–Q5: 95% agreement, kappa .643, AC1 .946", () => {
    const r = itemAgreement(casp([1, 2, 3, 4, 5]));
    expect(valueOf(r.percent_agreement).value).toBeCloseTo(19 / 20, 12);
    // Lead 18 Yes / 2 Can't tell, second 19 / 1: p_e = (18·19 + 2·1)/400 = .86.
    expect(valueOf(r.cohen_kappa).value).toBeCloseTo((0.95 - 0.86) / (1 - 0.86), 12);
    expect(r.cohen_kappa).toMatchObject({ label: "substantial (Landis & Koch)" });
    // AC1: π = (37/40, 3/40, 0), p_e = Σπ(1 − π)/2 = .069375.
    expect(valueOf(r.gwet_ac1).value).toBeCloseTo((0.95 - 0.069375) / (1 - 0.069375), 12);
    expect(r.gwet_ac1).toMatchObject({ label: "almost perfect (Landis & Koch)" });
    expect(valueOf(r.cohen_kappa).value).toBeLessThan(valueOf(r.percent_agreement).value - 0.3);
  });

  it("the screening questions Q1–Q2 (all Yes): 100% agreement, kappa and alpha undefined, AC1 = 1", () => {
    const r = itemAgreement(casp([1, 2]));
    expect(valueOf(r.percent_agreement).value).toBe(1);
    expect(r.cohen_kappa).toEqual({ value: null, reason: expect.stringContaining("0/0") });
    expect(r.krippendorff_alpha).toEqual({ value: null, reason: expect.stringContaining("no variation") });
    expect(valueOf(r.gwet_ac1).value).toBe(1);
    expect(valueOf(r.brennan_prediger).value).toBe(1);
  });

  it("the ordinal reading (Yes > Can't tell > No) gives a linear weighted kappa above the unweighted one", () => {
    // The single disagreement is one step apart, so it earns half credit under linear weights.
    expect(valueOf(all.weighted_kappa).value).toBeGreaterThan(valueOf(all.cohen_kappa).value);
    const ordinal = itemAgreement(casp([1, 2, 3, 4, 5, 6, 7, 8, 9]), { level: "ordinal" });
    expect(valueOf(ordinal.krippendorff_alpha).value).toBeGreaterThan(0.9);
  });
});
