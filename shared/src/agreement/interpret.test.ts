import { describe, expect, it } from "vitest";
import { krippendorffLabel, landisKochLabel } from "./interpret";

describe("interpretation labels", () => {
  it("Landis & Koch (1977) bands, upper edges inclusive", () => {
    expect(landisKochLabel(-0.01)).toBe("poor (Landis & Koch)");
    expect(landisKochLabel(0)).toBe("slight (Landis & Koch)");
    expect(landisKochLabel(0.2)).toBe("slight (Landis & Koch)");
    expect(landisKochLabel(0.21)).toBe("fair (Landis & Koch)");
    expect(landisKochLabel(0.41)).toBe("moderate (Landis & Koch)");
    expect(landisKochLabel(0.61)).toBe("substantial (Landis & Koch)");
    expect(landisKochLabel(0.8)).toBe("substantial (Landis & Koch)");
    expect(landisKochLabel(0.81)).toBe("almost perfect (Landis & Koch)");
    expect(landisKochLabel(1)).toBe("almost perfect (Landis & Koch)");
  });

  it("Krippendorff (2004) benchmarks at .667 and .800", () => {
    expect(krippendorffLabel(0.8)).toMatch(/^at or above .800/);
    expect(krippendorffLabel(0.7999)).toMatch(/^between .667 and .800/);
    expect(krippendorffLabel(0.667)).toMatch(/^between .667 and .800/);
    expect(krippendorffLabel(0.666)).toMatch(/^below .667/);
  });
});
