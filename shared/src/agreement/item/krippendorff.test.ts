import { describe, expect, it } from "vitest";
import { expectPrinted, valueOf } from "./fixtures/expectPrinted";
import { abstractors, fromContingency, fromDistribution, krippendorff2011, krippendorffBinary, rows, sixRaters } from "./fixtures/published";
import { itemAgreement } from "./index";
import { krippendorffAlpha } from "./krippendorff";
import { normaliseTable } from "./table";

const alphaAt = (level: "nominal" | "ordinal" | "interval" | "ratio") =>
  valueOf(itemAgreement(rows(krippendorff2011), { level }).krippendorff_alpha);

describe("Krippendorff's alpha: published examples", () => {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 observers × 12 units with missing data, values at all four levels.
  it("Krippendorff 2011, nominal α = .743", () => expectPrinted(alphaAt("nominal").value, "0.743"));
  it("Krippendorff 2011, ordinal α = .815", () => expectPrinted(alphaAt("ordinal").value, "0.815"));
  it("Krippendorff 2011, interval α = .849", () => expectPrinted(alphaAt("interval").value, "0.849"));
  it("Krippendorff 2011, ratio α = .797", () => expectPrinted(alphaAt("ratio").value, "0.797"));

  it("irrCAC README, krippen.alpha.raw(cac.raw4raters) = 0.74342 (same data)", () =>
    expectPrinted(alphaAt("nominal").value, "0.74342"));

  it("Krippendorff 2011, binary example, two observers: α = 0.095", () => {
    expectPrinted(valueOf(itemAgreement(rows(krippendorffBinary)).krippendorff_alpha).value, "0.095");
  });

  it("irrCAC README, krippen2.table(cont3x3abstractors) = 0.7972585", () => {
    const r = itemAgreement(fromContingency(abstractors, ["Ectopic", "AIU", "NIU"]));
    expectPrinted(valueOf(r.krippendorff_alpha).value, "0.7972585");
  });

  it("irrCAC README, krippen.alpha.dist(distrib.6raters) = 0.4204384", () => {
    const r = itemAgreement(fromDistribution(sixRaters, ["Dep", "PD", "Sch", "Neu", "Oth"]));
    expectPrinted(valueOf(r.krippendorff_alpha).value, "0.4204384");
  });

  it("observed agreement 1 − D_o: Krippendorff 2011 data, D_o = 8/40 by hand", () => {
    // Disagreeing ordered pairs / (m_u − 1): unit 2 gives 6/3, unit 6 gives 12/3, unit 8 gives 6/3; n.. = 40.
    expect(valueOf(itemAgreement(rows(krippendorff2011)).krippendorff_observed_agreement).value).toBeCloseTo(1 - 8 / 40, 12);
  });
});

describe("Krippendorff's alpha: bootstrap interval", () => {
  const norm = normaliseTable(rows(krippendorff2011), "interval");

  it("is reproducible for a seed and states its method", () => {
    const a = krippendorffAlpha(norm, "interval", { seed: 7 });
    const b = krippendorffAlpha(norm, "interval", { seed: 7 });
    expect(a).toEqual(b);
    const alpha = a.alpha;
    if (alpha.value === null) throw new Error(alpha.reason);
    expect(alpha.ci_method).toMatch(/bootstrap .*1000 resamples.*seed 7/);
    expect(alpha.ci?.[0]).toBeLessThan(alpha.value);
    expect(alpha.ci?.[1]).toBeLessThanOrEqual(1);
  });

  it("honours the resample count and changes with the seed", () => {
    const a = krippendorffAlpha(norm, "interval", { seed: 1, bootstrap: 200 });
    const b = krippendorffAlpha(norm, "interval", { seed: 2, bootstrap: 200 });
    expect(a.alpha.value === null ? "" : a.alpha.ci_method).toMatch(/200 resamples/);
    expect(a.alpha).not.toEqual(b.alpha);
  });

  it("gives a bootstrap SE of the expected size for two raters (≈ binomial SE of D_o / D_e)", () => {
    // Nominal, two raters: D_o* is a binomial proportion over the N units, so SE(α*) ≈ sqrt(D_o(1 − D_o)/N)/D_e.
    const data = fromContingency(abstractors, ["Ectopic", "AIU", "NIU"]);
    const a = valueOf(krippendorffAlpha(normaliseTable(data), "nominal", { bootstrap: 5000 }).alpha);
    const dO = 11 / 100;
    const dE = (1 - 0.7972585) ** -1 * dO;
    expect(a.se).toBeCloseTo(Math.sqrt((dO * (1 - dO)) / 100) / dE, 2);
  });
});

describe("Krippendorff's alpha: undefined cases", () => {
  it("no variation: every value the same", () => {
    const r = itemAgreement(rows([["Yes", "Yes"], ["Yes", "Yes"], ["Yes", null]]));
    expect(r.krippendorff_alpha).toEqual({ value: null, reason: expect.stringContaining("no variation") });
    expect(valueOf(r.krippendorff_observed_agreement).value).toBe(1);
  });

  it("no pairable values", () => {
    const r = itemAgreement(rows([["a", null], [null, "b"]]));
    expect(r.krippendorff_alpha.value).toBeNull();
    expect(r.krippendorff_observed_agreement.value).toBeNull();
  });

  it("one pairable unit", () => {
    const r = itemAgreement(rows([["a", "b"], [null, "b"]]));
    expect(r.krippendorff_alpha).toEqual({ value: null, reason: expect.stringContaining("only one unit") });
  });

  it("ordinal level without a known category order", () => {
    const r = itemAgreement(rows([["low", "high"], ["high", "high"]]), { level: "ordinal" });
    expect(r.krippendorff_alpha).toEqual({ value: null, reason: expect.stringContaining("declare the categories") });
  });
});
