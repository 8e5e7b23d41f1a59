import { xoroshiro128plus } from "pure-rand";
import { describe, expect, it } from "vitest";
import { binomial, multinomial, uniform } from "./sampling";

describe("seeded variates for the bootstrap", () => {
  it("binomial has the right mean and variance, small and large n", () => {
    const rng = xoroshiro128plus(3);
    for (const [n, p] of [[20, 0.3], [100_000, 0.25], [5_000, 0.999]] as const) {
      const reps = 4000;
      let s1 = 0;
      let s2 = 0;
      for (let i = 0; i < reps; i++) {
        const x = binomial(rng, n, p);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(n);
        s1 += x;
        s2 += x * x;
      }
      const mean = s1 / reps;
      const variance = s2 / reps - mean * mean;
      const sd = Math.sqrt(n * p * (1 - p));
      expect(Math.abs(mean - n * p)).toBeLessThan((5 * sd) / Math.sqrt(reps));
      expect(variance / (sd * sd)).toBeGreaterThan(0.85);
      expect(variance / (sd * sd)).toBeLessThan(1.15);
    }
  });

  it("multinomial counts add up and are reproducible", () => {
    const probs = Float64Array.from([0.5, 0.2, 0.3]);
    const a = multinomial(xoroshiro128plus(9), 1000, probs);
    const b = multinomial(xoroshiro128plus(9), 1000, probs);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(a.reduce((s, x) => s + x, 0)).toBe(1000);
  });

  it("uniform stays inside (0, 1)", () => {
    const rng = xoroshiro128plus(1);
    for (let i = 0; i < 10_000; i++) {
      const u = uniform(rng);
      expect(u > 0 && u < 1).toBe(true);
    }
  });
});
