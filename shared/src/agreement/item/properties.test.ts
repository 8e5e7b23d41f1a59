// Property tests: invariances and bounds every coefficient must satisfy on any table.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ItemReport, Rating, RatingTable, Statistic } from "../types";
import { itemAgreement } from "./index";

const NAMES = ["a", "b", "c", "d"];
const KAPPA_TYPE = ["cohen_kappa", "weighted_kappa", "scott_pi", "fleiss_kappa", "gwet_ac1", "gwet_ac2", "brennan_prediger", "krippendorff_alpha"] as const;
const ALL = ["percent_agreement", "krippendorff_observed_agreement", ...KAPPA_TYPE] as const;

const tableArb = fc
  .record({ units: fc.integer({ min: 2, max: 12 }), raters: fc.integer({ min: 2, max: 4 }) })
  .chain(({ units, raters }) =>
    fc.array(fc.array(fc.option(fc.constantFrom(...NAMES), { freq: 5 }), { minLength: raters, maxLength: raters }), {
      minLength: units,
      maxLength: units,
    }),
  );

function table(ratings: (Rating | null)[][]): RatingTable {
  return {
    unitIds: ratings.map((_, i) => `u${i}`),
    raterIds: (ratings[0] ?? []).map((_, i) => `r${i}`),
    ratings,
    categories: NAMES,
  };
}

const options = { weights: "linear" as const, bootstrap: 50 };
const value = (s: Statistic): number | null => s.value;

function expectSameValues(a: ItemReport, b: ItemReport): void {
  for (const key of ALL) {
    const x = value(a[key]);
    const y = value(b[key]);
    if (x === null || y === null) expect([key, x]).toEqual([key, y]);
    else expect(x).toBeCloseTo(y, 9);
  }
}

describe("agreement statistics: properties", () => {
  it("are symmetric in raters: permuting rater columns changes nothing", () => {
    fc.assert(
      fc.property(tableArb, fc.integer({ min: 0, max: 23 }), (ratings, seed) => {
        const n = ratings[0]?.length ?? 0;
        const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => ((x * 7 + seed) % n) - ((y * 7 + seed) % n) || x - y);
        const permuted = ratings.map((row) => order.map((i) => row[i] ?? null));
        expectSameValues(itemAgreement(table(ratings), options), itemAgreement(table(permuted), options));
      }),
      { numRuns: 150 },
    );
  });

  it("are invariant to renaming categories (nominal)", () => {
    fc.assert(
      fc.property(tableArb, (ratings) => {
        const rename: Record<string, string> = { a: "Yes", b: "No", c: "Can't tell", d: "N/A" };
        const renamed = ratings.map((row) => row.map((v) => (v === null ? null : (rename[v as string] as string))));
        const a = itemAgreement(table(ratings));
        const b = itemAgreement({ ...table(renamed), categories: ["Yes", "No", "Can't tell", "N/A"] });
        expectSameValues(a, b);
      }),
      { numRuns: 150 },
    );
  });

  it("give 1 for perfect agreement, or say why they are undefined", () => {
    fc.assert(
      fc.property(tableArb, (ratings) => {
        const perfect = ratings.map((row) => {
          const first = row.find((v) => v !== null) ?? "a";
          return row.map((v) => (v === null ? null : first));
        });
        const r = itemAgreement(table(perfect), options);
        for (const key of ALL) {
          const s = r[key];
          if (s.value === null) expect(s.reason.length).toBeGreaterThan(10);
          else expect(s.value).toBeCloseTo(1, 12);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("stay within bounds and never return NaN", () => {
    fc.assert(
      fc.property(tableArb, (ratings) => {
        const r = itemAgreement(table(ratings), options);
        expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
        for (const key of ALL) {
          const s = r[key];
          if (s.value === null) continue;
          expect(Number.isFinite(s.value)).toBe(true);
          expect(s.value).toBeLessThanOrEqual(1 + 1e-12);
          if (s.ci) {
            // Analytic intervals hold their estimate; bootstrap percentile intervals (alpha and its
            // observed agreement) need not, so only rounding-level slack is allowed there. All stay in
            // [-1, 1] unless the estimate itself is below -1 (pi and alpha with very few units).
            const slack = s.ci_method?.startsWith("bootstrap") ? 1e-9 : 0;
            expect(s.ci[0]).toBeLessThanOrEqual(s.value + slack);
            expect(s.ci[1]).toBeGreaterThanOrEqual(s.value - slack);
            expect(s.ci[0]).toBeGreaterThanOrEqual(Math.min(-1, s.value));
            expect(s.ci[1]).toBeLessThanOrEqual(1);
          }
        }
        for (const key of ["percent_agreement", "krippendorff_observed_agreement"] as const) {
          const v = r[key].value;
          if (v !== null) expect(v).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
