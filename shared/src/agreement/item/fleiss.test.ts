import { describe, expect, it } from "vitest";
import { expectPrinted, valueOf } from "./fixtures/expectPrinted";
import { fleiss1971, fromDistribution, krippendorff2011, rows, sixRaters, wikipediaFleiss } from "./fixtures/published";
import { itemAgreement } from "./index";

const five = ["1", "2", "3", "4", "5"];

describe("Fleiss' kappa", () => {
  it("Fleiss (1971) Table 1, 30 patients × 6 psychiatrists × 5 diagnoses: κ = .430 (the paper's worked example)", () => {
    expectPrinted(valueOf(itemAgreement(fromDistribution(fleiss1971, five)).fleiss_kappa).value, ".430");
  });

  it("Wikipedia 'Fleiss' kappa' worked example (10 subjects × 14 raters): κ = 0.210", () => {
    expectPrinted(valueOf(itemAgreement(fromDistribution(wikipediaFleiss, five)).fleiss_kappa).value, "0.210");
  });

  it("irrCAC README, fleiss.kappa.dist(distrib.6raters) from Fleiss (1971): 0.4139265, se 0.08119291", () => {
    const k = valueOf(itemAgreement(fromDistribution(sixRaters, five)).fleiss_kappa);
    expectPrinted(k.value, "0.4139265");
    expectPrinted(k.se, "0.08119291");
  });

  it("irrCAC README, fleiss.kappa.raw(cac.raw4raters), missing data (Gwet's generalisation): 0.76117, se 0.15302", () => {
    const k = valueOf(itemAgreement(rows(krippendorff2011)).fleiss_kappa);
    expectPrinted(k.value, "0.76117");
    expectPrinted(k.se, "0.15302");
  });

  it("equals Scott's pi for two raters with complete data", () => {
    const r = itemAgreement(rows([["a", "a"], ["a", "b"], ["b", "b"], ["c", "b"], ["c", "c"]]));
    expect(valueOf(r.fleiss_kappa).value).toBeCloseTo(valueOf(r.scott_pi).value, 12);
  });

  it("is undefined when every rating is in one category", () => {
    const r = itemAgreement(rows([["Yes", "Yes", "Yes"], ["Yes", "Yes", null]]));
    expect(r.fleiss_kappa).toEqual({ value: null, reason: expect.stringContaining("every rating is \"Yes\"") });
  });
});
