import { describe, expect, it } from "vitest";
import { expectPrinted, valueOf } from "./fixtures/expectPrinted";
import { abstractors, fromContingency, krippendorff2011, krippendorffBinary, rows } from "./fixtures/published";
import { itemAgreement } from "./index";

describe("Scott's pi", () => {
  it("irrCAC README, scott2.table(cont3x3abstractors): 0.7962397, se 0.05905473", () => {
    const s = valueOf(itemAgreement(fromContingency(abstractors, ["Ectopic", "AIU", "NIU"])).scott_pi);
    expectPrinted(s.value, "0.7962397");
    expectPrinted(s.se, "0.05905473");
  });

  it("Krippendorff 2011 binary example: 1 − α = (n.. − 1)/n.. · (1 − π), so π = 1 − (20/19)(1 − 0.095)", () => {
    // Krippendorff's small-sample correction is the only difference between alpha and pi for two raters.
    const r = itemAgreement(rows(krippendorffBinary));
    const alpha = valueOf(r.krippendorff_alpha).value;
    expect(valueOf(r.scott_pi).value).toBeCloseTo(1 - (20 / 19) * (1 - alpha), 12);
  });

  it("is undefined for more than two raters", () => {
    expect(itemAgreement(rows(krippendorff2011)).scott_pi).toEqual({
      value: null,
      reason: expect.stringContaining("defined for two raters; these data have 4"),
    });
  });
});
