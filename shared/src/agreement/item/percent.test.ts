import { describe, expect, it } from "vitest";
import { expectPrinted, valueOf } from "./fixtures/expectPrinted";
import { abstractors, fromContingency, fromDistribution, krippendorff2011, rows, sixRaters } from "./fixtures/published";
import { itemAgreement } from "./index";

describe("percent agreement (Gwet's definition)", () => {
  it("irrCAC README, pa2.table(cont3x3abstractors): 0.89, se 0.03128898", () => {
    const pa = valueOf(itemAgreement(fromContingency(abstractors, ["Ectopic", "AIU", "NIU"])).percent_agreement);
    expectPrinted(pa.value, "0.89");
    expectPrinted(pa.se, "0.03128898");
  });

  it("irrCAC README, pa.coeff.raw(cac.raw4raters), missing data: 0.8181818, se 0.12561", () => {
    const pa = valueOf(itemAgreement(rows(krippendorff2011)).percent_agreement);
    expectPrinted(pa.value, "0.8181818");
    expectPrinted(pa.se, "0.12561");
    expect(pa.ci?.[1]).toBe(1); // clamped to [0, 1]
  });

  it("irrCAC README, gwet.ac1.dist(distrib.6raters) prints pa = 0.5511111", () => {
    expectPrinted(valueOf(itemAgreement(fromDistribution(sixRaters, ["1", "2", "3", "4", "5"])).percent_agreement).value, "0.5511111");
  });

  it("ignores units rated by fewer than two raters", () => {
    const pa = valueOf(itemAgreement(rows([["a", "a"], ["a", "b"], ["b", null]])).percent_agreement);
    expect(pa.value).toBe(0.5);
  });

  it("is defined with one unit (no SE) and undefined with none pairable", () => {
    const one = valueOf(itemAgreement(rows([["a", "a"], ["b", null]])).percent_agreement);
    expect(one).toEqual({ value: 1, se: null, ci: null });
    expect(itemAgreement(rows([["a", null], [null, "b"]])).percent_agreement.value).toBeNull();
  });
});
