import { describe, expect, it } from "vitest";
import { abstractors, fromContingency, krippendorff2011, rows } from "./fixtures/published";
import { itemAgreement } from "./index";

describe("confusion matrix and specific agreement (two raters)", () => {
  it("rebuilds irrCAC's cont3x3abstractors table and its specific agreement 2·n_kk/(n_k· + n_·k)", () => {
    const r = itemAgreement(fromContingency(abstractors, ["Ectopic", "AIU", "NIU"]));
    expect(r.confusion_matrix).toEqual({ categories: ["Ectopic", "AIU", "NIU"], counts: abstractors });
    expect(r.specific_agreement?.Ectopic?.value).toBe(1);
    expect(r.specific_agreement?.AIU?.value).toBeCloseTo((2 * 20) / (27 + 24), 12);
    expect(r.specific_agreement?.NIU?.value).toBeCloseTo((2 * 56) / (60 + 63), 12);
  });

  it("gives the Graham & Bull (1998) delta-method SE, 4·a·d·(a + d)/(2a + d)⁴", () => {
    // AIU: a = 20 agreements, d = 7 + 4 disagreements involving AIU.
    const r = itemAgreement(fromContingency(abstractors, ["Ectopic", "AIU", "NIU"]));
    const aiu = r.specific_agreement?.AIU;
    expect(aiu?.value === null ? null : aiu?.se).toBeCloseTo(Math.sqrt((4 * 20 * 11 * 31) / 51 ** 4), 12);
  });

  it("skips units one rater missed and reports unused categories as undefined", () => {
    const r = itemAgreement(rows([["Yes", "Yes"], ["No", null], ["Yes", "No"]], ["Yes", "Can't tell", "No"]));
    expect(r.confusion_matrix?.counts).toEqual([[1, 0, 1], [0, 0, 0], [0, 0, 0]]);
    expect(r.specific_agreement?.["Can't tell"]?.value).toBeNull();
    expect(r.specific_agreement?.No?.value).toBe(0);
  });

  it("is absent for more than two raters", () => {
    const r = itemAgreement(rows(krippendorff2011));
    expect(r.confusion_matrix).toBeUndefined();
    expect(r.specific_agreement).toBeUndefined();
  });
});
