import { describe, expect, it } from "vitest";
import { expectPrinted, valueOf } from "./fixtures/expectPrinted";
import { abstractors, fromContingency, fromDistribution, krippendorff2011, rows, sixRaters } from "./fixtures/published";
import { itemAgreement } from "./index";

describe("Gwet's AC1", () => {
  it("irrCAC README, gwet.ac1.table(cont3x3abstractors), skewed margins (60% NIU): 0.8493305, se 0.04321747", () => {
    const r = itemAgreement(fromContingency(abstractors, ["Ectopic", "AIU", "NIU"]));
    const ac1 = valueOf(r.gwet_ac1);
    expectPrinted(ac1.value, "0.8493305");
    expectPrinted(ac1.se, "0.04321747");
    // The paradox in miniature: with skewed margins AC1 stays above kappa.
    expect(ac1.value).toBeGreaterThan(valueOf(r.cohen_kappa).value);
  });

  it("irrCAC README, gwet.ac1.raw(cac.raw4raters), 4 raters with missing data: 0.77544, se 0.14295", () => {
    const ac1 = valueOf(itemAgreement(rows(krippendorff2011)).gwet_ac1);
    expectPrinted(ac1.value, "0.77544");
    expectPrinted(ac1.se, "0.14295");
  });

  it("irrCAC README, gwet.ac1.dist(distrib.6raters): 0.4448007, se 0.08418757", () => {
    const ac1 = valueOf(itemAgreement(fromDistribution(sixRaters, ["1", "2", "3", "4", "5"])).gwet_ac1);
    expectPrinted(ac1.value, "0.4448007");
    expectPrinted(ac1.se, "0.08418757");
  });

  it("stays defined (= 1) when every rating is in one category, unlike kappa", () => {
    const r = itemAgreement(rows([["Yes", "Yes"], ["Yes", "Yes"]], ["Yes", "Can't tell", "No"]));
    expect(valueOf(r.gwet_ac1).value).toBe(1);
  });
});

describe("Gwet's AC2", () => {
  it("gives a reason when no weights were asked for", () => {
    expect(itemAgreement(rows(krippendorff2011)).gwet_ac2).toEqual({
      value: null,
      reason: expect.stringContaining("no weights were asked for"),
    });
  });

  it("with identity weights equals AC1 (Gwet 2014: AC2 generalises AC1)", () => {
    const identity = [0, 1, 2, 3, 4].map((i) => [0, 1, 2, 3, 4].map((j) => (i === j ? 1 : 0)));
    const r = itemAgreement(rows(krippendorff2011, [1, 2, 3, 4, 5]), { weights: identity });
    expect(valueOf(r.gwet_ac2).value).toBeCloseTo(valueOf(r.gwet_ac1).value, 12);
    expect(valueOf(r.gwet_ac2).se).toBeCloseTo(valueOf(r.gwet_ac1).se ?? NaN, 12);
  });

  it("with quadratic weights credits near misses: AC2 > AC1 on the Krippendorff 2011 data", () => {
    const r = itemAgreement(rows(krippendorff2011, [1, 2, 3, 4, 5]), { weights: "quadratic" });
    expect(valueOf(r.gwet_ac2).value).toBeGreaterThan(valueOf(r.gwet_ac1).value);
    expect(valueOf(r.gwet_ac2).value).toBeLessThanOrEqual(1);
  });
});
