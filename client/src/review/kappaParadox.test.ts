import { describe, expect, it } from "vitest";
import { kappaParadox } from "./kappaParadox";

const stat = (value: number) => ({ value, se: null, ci: null });

describe("the kappa paradox note", () => {
  it("explains a low kappa beside near-total agreement, with AC1", () => {
    // Skewed answers: nearly all "Yes", so kappa collapses while AC1 does not.
    const note = kappaParadox({ percent_agreement: stat(0.972), cohen_kappa: stat(0.3), gwet_ac1: stat(0.96) });
    expect(note).toContain("97.2% of answers, yet kappa is only 0.30");
    expect(note).toContain("Gwet's AC1, which does not collapse this way, is 0.96");
  });

  it("explains a kappa that cannot be computed because every answer was the same", () => {
    const note = kappaParadox({ percent_agreement: stat(1), cohen_kappa: { value: null, reason: "one category" } });
    expect(note).toContain("kappa cannot be computed");
  });

  it("says nothing when kappa and agreement tell the same story", () => {
    expect(kappaParadox({ percent_agreement: stat(0.95), cohen_kappa: stat(0.8) })).toBeNull();
    expect(kappaParadox({ percent_agreement: stat(0.6), cohen_kappa: stat(0.1) })).toBeNull();
    expect(kappaParadox(null)).toBeNull();
  });
});
