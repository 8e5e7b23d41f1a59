import { describe, expect, it } from "vitest";
import { expectPrinted, valueOf } from "./fixtures/expectPrinted";
import { abstractors, fromContingency, fromDistribution, krippendorff2011, rows, sixRaters } from "./fixtures/published";
import { itemAgreement } from "./index";

describe("Brennan–Prediger", () => {
  it("irrCAC README, bp2.table(cont3x3abstractors): 0.835, se 0.04693346", () => {
    const bp = valueOf(itemAgreement(fromContingency(abstractors, ["Ectopic", "AIU", "NIU"])).brennan_prediger);
    expectPrinted(bp.value, "0.835");
    expectPrinted(bp.se, "0.04693346");
  });

  it("irrCAC README, bp.coeff.raw(cac.raw4raters), missing data: 0.77273, se 0.14472", () => {
    const bp = valueOf(itemAgreement(rows(krippendorff2011)).brennan_prediger);
    expectPrinted(bp.value, "0.77273");
    expectPrinted(bp.se, "0.14472");
  });

  it("irrCAC README, bp.coeff.dist(distrib.6raters): 0.4388889, se 0.08312142", () => {
    const bp = valueOf(itemAgreement(fromDistribution(sixRaters, ["1", "2", "3", "4", "5"])).brennan_prediger);
    expectPrinted(bp.value, "0.4388889");
    expectPrinted(bp.se, "0.08312142");
  });

  it("counts declared but unused categories in q", () => {
    const data = [["a", "a"], ["a", "b"], ["b", "b"], ["a", "a"]];
    const two = valueOf(itemAgreement(rows(data)).brennan_prediger).value;
    const four = valueOf(itemAgreement(rows(data, ["a", "b", "c", "d"])).brennan_prediger).value;
    expect(two).toBeCloseTo((0.75 - 1 / 2) / (1 - 1 / 2), 12);
    expect(four).toBeCloseTo((0.75 - 1 / 4) / (1 - 1 / 4), 12);
  });
});
