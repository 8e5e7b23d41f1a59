import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Segment } from "../types";
import { boundaryUnitizingAlpha, unitizedAgreement } from "./unitizing";

const seg = (coder: string, code: string, start: number, end: number): Segment => ({ coder, code, start, end });

describe("unitizedAgreement: |uα", () => {
  it("matches a hand computation of the coincidence form", () => {
    // L = 10, A codes [0,4), B codes [2,6). Positions coded by both 2, by one 4, by none 4:
    // o_11 = 4, o_10 + o_01 = 8, o_00 = 8, n = 20, n_1 = 8, n_0 = 12. Self-pairing: units
    // 4² + 4² = 32, gaps 6 + 2 + 4 = 12; e_11 = (64 − 32)/17.8, e_00 = (144 − 12)/17.8.
    // |uα = 1 − 8 / (20 − e_11 − e_00) = 31/120.
    const report = unitizedAgreement({ length: 10, segments: [seg("A", "X", 0, 4), seg("B", "X", 2, 6)] });
    expect(report.per_code.X!.u_alpha.value).toBeCloseTo(31 / 120, 12);
    expect(report.u_alpha.value).toBeCloseTo(31 / 120, 12);
  });

  it("pools codes as one concatenated continuum", () => {
    const x = [seg("A", "X", 0, 4), seg("B", "X", 2, 6)];
    const y = [seg("A", "Y", 0, 4), seg("B", "Y", 2, 6)];
    // Two identical codes side by side agree exactly as much as one.
    expect(unitizedAgreement({ length: 10, segments: [...x, ...y] }).u_alpha.value).toBeCloseTo(
      unitizedAgreement({ length: 20, segments: [...x, ...y.map((s) => ({ ...s, code: "X", start: s.start + 10, end: s.end + 10 }))] })
        .u_alpha.value!,
      12,
    );
  });

  it("says why |uα is undefined when a code covers the whole text", () => {
    const report = unitizedAgreement({ length: 5, segments: [seg("A", "X", 0, 5), seg("B", "X", 0, 5)] });
    expect(report.per_code.X!.u_alpha).toMatchObject({ value: null, reason: expect.stringContaining("no variation") });
  });
});

describe("boundaryUnitizingAlpha (Krippendorff 1995/2004)", () => {
  it("reproduces the worked example of Krippendorff (2004), Figure 2", () => {
    // Krippendorff, K. (2004). Measuring the reliability of qualitative text analysis data.
    // Quality & Quantity 38: 787–800, appendix, Figure 2: a continuum from 150 to 450 unitized
    // by coders i and j for categories c and k. Values as computed by zyocum/text-alpha, an
    // implementation of that paper which ships the figure as its test data: α_c = 0.729,
    // α_k = 1.0, pooled ("micro-average") 0.859.
    const at = (coder: string, code: string, start: number, length: number) => seg(coder, code, start - 150, start - 150 + length);
    const segments = [
      at("i", "c", 225, 70),
      at("i", "c", 370, 30),
      at("i", "k", 180, 60),
      at("i", "k", 300, 50),
      at("j", "c", 220, 80),
      at("j", "c", 355, 20),
      at("j", "c", 400, 20),
      at("j", "k", 180, 60),
      at("j", "k", 300, 50),
    ];
    const report = boundaryUnitizingAlpha({ length: 300, segments });
    expect(report.per_code.c!.value).toBeCloseTo(0.729, 3);
    expect(report.per_code.k!.value).toBe(1);
    expect(report.pooled.value).toBeCloseTo(0.859, 3);
  });

  it("matches a hand computation for one unit against a gap", () => {
    // L = 10, m = 2: A codes [0,2), B nothing. δ²: A's unit lies in B's gap → 2² from each
    // side; uD_o = 8 / (2·1·100). Units: one of length 2; gaps: A's [2,10) (8) and B's (10).
    // uD_e = (2/10)·[0 + 4·((8 − 1) + (10 − 1))] / (20·19 − 2) = 12.8 / 378.
    const report = boundaryUnitizingAlpha({ length: 10, segments: [seg("A", "X", 0, 2)] }, { coders: ["A", "B"] });
    expect(report.per_code.X!.value).toBeCloseTo(1 - 0.04 / (12.8 / 378), 12);
  });
});

describe("unitizedAgreement: cuα and Cuα", () => {
  // Three coders on 60 positions; A: 1 [2,6); B: 1 [2,6), 2 [10,21); C: 2 [2,6), 2 [15,21).
  const segments = [seg("A", "1", 2, 6), seg("B", "1", 2, 6), seg("B", "2", 10, 21), seg("C", "2", 2, 6), seg("C", "2", 15, 21)];

  it("matches a hand computation from the coincidences of jointly coded text", () => {
    // o_11 = 4, o_12 = o_21 = 4, o_22 = 6 (n = 18). Pairable units: A 1 (4), B 1 (4), B 2 (6),
    // C 2 (4), C 2 (6): S_1 = 32, S_2 = 88. e_11 = (64 − 32)/(18 − 120/18), e_22 = (100 − 88)/(…).
    // cuα = 1 − 8 / (18 − e_11 − e_22) = 13/30.
    const report = unitizedAgreement({ length: 60, segments });
    expect(report.cu_alpha.value).toBeCloseTo(13 / 30, 12);
    expect(report.Cu_alpha).toMatchObject({ value: null, reason: expect.stringContaining("domain") });
  });

  it("computes Cuα over semantic domains", () => {
    const same = unitizedAgreement({ length: 60, segments }, { domains: { "1": "feelings", "2": "actions" } });
    expect(same.Cu_alpha.value).toBeCloseTo(13 / 30, 12);
    const withThird = [...segments, seg("A", "3", 15, 21)];
    const grouped = unitizedAgreement({ length: 60, segments: withThird }, { domains: { "1": "feelings", "2": "actions", "3": "actions" } });
    expect(grouped.Cu_alpha.value).not.toBeNull();
  });

  it("says when no text was coded by two coders", () => {
    const report = unitizedAgreement({ length: 20, segments: [seg("A", "X", 0, 5), seg("B", "X", 10, 15)] });
    expect(report.cu_alpha).toMatchObject({ value: null, reason: expect.stringContaining("two coders") });
  });
});

const codings = (coders: string[]) =>
  fc.array(
    fc
      .record({
        coder: fc.constantFrom(...coders),
        code: fc.constantFrom("X", "Y"),
        start: fc.integer({ min: 0, max: 48 }),
        len: fc.integer({ min: 1, max: 15 }),
      })
      .map(({ coder, code, start, len }) => seg(coder, code, start, Math.min(50, start + len))),
    { maxLength: 10 },
  );

describe("unitizedAgreement properties", () => {
  it("is symmetric in the coders and at most 1", () => {
    fc.assert(
      fc.property(codings(["A", "B", "C"]), (segments) => {
        const a = unitizedAgreement({ length: 50, segments }, { coders: ["A", "B", "C"] });
        const b = unitizedAgreement({ length: 50, segments }, { coders: ["B", "C", "A"] });
        for (const key of ["u_alpha", "cu_alpha"] as const) {
          expect(b[key].value === null).toBe(a[key].value === null);
          if (a[key].value !== null) {
            expect(b[key].value).toBeCloseTo(a[key].value, 9);
            expect(a[key].value).toBeLessThanOrEqual(1 + 1e-9);
          }
        }
      }),
    );
  });

  it("gives 1 or undefined for identical codings", () => {
    fc.assert(
      fc.property(codings(["A"]), (segments) => {
        const both = [...segments, ...segments.map((s) => ({ ...s, coder: "B" }))];
        const report = unitizedAgreement({ length: 50, segments: both }, { coders: ["A", "B"] });
        for (const stat of [report.u_alpha, report.cu_alpha, ...Object.values(report.per_code).map((c) => c.u_alpha)]) {
          if (stat.value !== null) expect(stat.value).toBeCloseTo(1, 12);
        }
      }),
    );
  });

  it("never returns NaN: each value is finite or null with a reason", () => {
    fc.assert(
      fc.property(codings(["A", "B", "C"]), (segments) => {
        const report = unitizedAgreement({ length: 50, segments }, { coders: ["A", "B", "C"], domains: { X: "one", Y: "two" } });
        const stats = [report.u_alpha, report.cu_alpha, report.Cu_alpha, ...Object.values(report.per_code).map((c) => c.u_alpha)];
        for (const stat of stats) {
          if (stat.value === null) expect(stat.reason).toEqual(expect.any(String));
          else expect(Number.isFinite(stat.value)).toBe(true);
        }
      }),
    );
  });
});
