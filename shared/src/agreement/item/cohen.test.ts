import { describe, expect, it } from "vitest";
import { expectPrinted, valueOf } from "./fixtures/expectPrinted";
import { abstractors, fromContingency, krippendorff2011, rows, sasTable10 } from "./fixtures/published";
import { itemAgreement } from "./index";

describe("Cohen's kappa: published examples", () => {
  it("Cohen (1960), Table 1: N = 200, p_o = .70, p_c = .41, κ = .492", () => {
    // Cohen prints the table as proportions; κ depends only on the diagonal and the margins
    // (rows .60/.30/.10, columns .50/.30/.20), which these counts reproduce.
    const r = itemAgreement(fromContingency([[88, 14, 18], [10, 40, 10], [2, 6, 12]], [1, 2, 3]));
    expectPrinted(valueOf(r.cohen_kappa).value, "0.492");
  });

  it("SAS PROC FREQ AGREE example (statsmodels test_inter_rater, table10): κ = 0.4842, ASE 0.1380, CI 0.2137–0.7547", () => {
    const k = valueOf(itemAgreement(fromContingency(sasTable10, [1, 2, 3])).cohen_kappa);
    expectPrinted(k.value, "0.4842");
    expectPrinted(k.se, "0.1380");
    expectPrinted(k.ci?.[0], "0.2137");
    expectPrinted(k.ci?.[1], "0.7547");
  });

  it("irrCAC README, kappa2.table(cont3x3abstractors): 0.7964094, se 0.05891072", () => {
    const k = valueOf(itemAgreement(fromContingency(abstractors, ["Ectopic", "AIU", "NIU"])).cohen_kappa);
    expectPrinted(k.value, "0.7964094");
    expectPrinted(k.se, "0.05891072");
  });
});

describe("weighted kappa: published examples", () => {
  it("SAS PROC FREQ AGREE example (statsmodels table10, Cicchetti–Allison = linear weights): κ_w = 0.4701, ASE 0.1457, CI 0.1845–0.7558", () => {
    const k = valueOf(itemAgreement(fromContingency(sasTable10, [1, 2, 3]), { weights: "linear" }).weighted_kappa);
    expectPrinted(k.value, "0.4701");
    expectPrinted(k.se, "0.1457");
    expectPrinted(k.ci?.[0], "0.1845");
    expectPrinted(k.ci?.[1], "0.7558");
  });

  it("irrCAC kappa2.table(cont3x3abstractors, quadratic.weights(1:3)) = 0.8921569 (reference manual example output)", () => {
    const r = itemAgreement(fromContingency(abstractors, [1, 2, 3]), { weights: "quadratic" });
    expectPrinted(valueOf(r.weighted_kappa).value, "0.8921569");
  });

  it("a given weight matrix equal to linear weights gives the same value", () => {
    const data = fromContingency(sasTable10, [1, 2, 3]);
    const given = itemAgreement(data, { weights: [[1, 0.5, 0], [0.5, 1, 0.5], [0, 0.5, 1]] });
    const linear = itemAgreement(data, { weights: "linear" });
    expect(valueOf(given.weighted_kappa).value).toBeCloseTo(valueOf(linear.weighted_kappa).value, 12);
  });

  it("rank and value bases differ when category values are unevenly spaced", () => {
    const data = fromContingency(sasTable10, [0, 1, 10]);
    const byValue = valueOf(itemAgreement(data, { weights: "linear", weightBasis: "value" }).weighted_kappa).value;
    const byRank = valueOf(itemAgreement(data, { weights: "linear", weightBasis: "rank" }).weighted_kappa).value;
    expectPrinted(byRank, "0.4701");
    expect(byValue).not.toBeCloseTo(byRank, 3);
  });
});

describe("Cohen's and weighted kappa: undefined cases", () => {
  it("more than two raters", () => {
    const r = itemAgreement(rows(krippendorff2011));
    expect(r.cohen_kappa).toEqual({
      value: null,
      reason: "Cohen's kappa is defined for two raters; these data have 4 — see Fleiss' kappa or Krippendorff's alpha",
    });
    expect(r.weighted_kappa.value).toBeNull();
  });

  it("every rating in one category: kappa is 0/0, percent agreement is 1", () => {
    const r = itemAgreement(rows([["Yes", "Yes"], ["Yes", "Yes"], ["Yes", "Yes"]], ["Yes", "Can't tell", "No"]));
    expect(r.cohen_kappa).toEqual({ value: null, reason: expect.stringContaining("same single category") });
    expect(valueOf(r.percent_agreement).value).toBe(1);
  });

  it("weighted kappa without weights says how to ask for them", () => {
    const r = itemAgreement(fromContingency(sasTable10, [1, 2, 3]));
    expect(r.weighted_kappa).toEqual({ value: null, reason: expect.stringContaining("no weights were asked for") });
  });

  it("weightBasis value with category names gives a reason", () => {
    const r = itemAgreement(fromContingency(sasTable10, ["No", "Can't tell", "Yes"]), { weights: "linear", weightBasis: "value" });
    expect(r.weighted_kappa).toEqual({ value: null, reason: expect.stringContaining("use weightBasis \"rank\"") });
  });

  it("only one unit rated by both raters", () => {
    const r = itemAgreement(rows([["a", "b"], ["a", null]]));
    expect(r.cohen_kappa).toEqual({ value: null, reason: expect.stringContaining("only one unit") });
  });
});
