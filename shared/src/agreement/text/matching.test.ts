import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Segment } from "../types";
import { overlapRatio, segmentMatching } from "./matching";
import { TextAgreementInputError } from "./validate";

const seg = (coder: string, code: string, start: number, end: number): Segment => ({ coder, code, start, end });

describe("segmentMatching", () => {
  it("matches at intersection / union and lists what did not match", () => {
    // X: [0,10) vs [1,10) → 9/10 = 0.9, a match at 90%. Y: [20,30) vs [25,40) → 5/20, none.
    const segments = [seg("A", "X", 0, 10), seg("A", "Y", 20, 30), seg("B", "X", 1, 10), seg("B", "Y", 25, 40)];
    const report = segmentMatching({ length: 50, segments }, { threshold: 0.9 });
    const pair = report.pairs[0]!;
    expect(pair.coders).toEqual(["A", "B"]);
    expect(pair.by_coder.A!.matched.map((m) => m.match)).toEqual([seg("B", "X", 1, 10)]);
    expect(pair.by_coder.A!.unmatched).toEqual([seg("A", "Y", 20, 30)]);
    expect(pair.by_coder.B!.unmatched).toEqual([seg("B", "Y", 25, 40)]);
    expect([pair.agreements, pair.non_agreements, pair.total]).toEqual([2, 2, 4]);
    expect(pair.per_code.Y).toMatchObject({ agreements: 0, non_agreements: 2, percent_agreement: { value: 0 } });
    // Brennan & Prediger as MAXQDA reports it: P_o = 0.5, P_c = 1/2 codes → 0.
    expect(pair.kappa_brennan_prediger.value).toBeCloseTo(0, 12);
    // At 25% the Y segments match too: P_o = 1.
    const loose = segmentMatching({ length: 50, segments }, { threshold: 0.25 }).pairs[0]!;
    expect(loose.kappa_brennan_prediger.value).toBe(1);
  });

  it("uses the declared code system for chance agreement", () => {
    const segments = [seg("A", "X", 0, 10), seg("B", "X", 0, 10), seg("A", "Y", 20, 30)];
    const pair = segmentMatching({ length: 50, segments }, { codes: ["X", "Y", "Z", "W"] }).pairs[0]!;
    // P_o = 2/3, P_c = 1/4.
    expect(pair.kappa_brennan_prediger.value).toBeCloseTo((2 / 3 - 1 / 4) / (3 / 4), 12);
  });

  it("explains an undefined kappa with one code", () => {
    const pair = segmentMatching({ length: 10, segments: [seg("A", "X", 0, 5), seg("B", "X", 0, 5)] }).pairs[0]!;
    expect(pair.percent_agreement.value).toBe(1);
    expect(pair.kappa_brennan_prediger).toMatchObject({ value: null, reason: expect.stringContaining("one code") });
  });

  it("reports every pair of three coders", () => {
    const segments = [seg("A", "X", 0, 5), seg("B", "X", 0, 5), seg("C", "X", 0, 5)];
    expect(segmentMatching({ length: 10, segments }).pairs.map((p) => p.coders)).toEqual([
      ["A", "B"],
      ["A", "C"],
      ["B", "C"],
    ]);
  });

  it("rejects a threshold given in percent", () => {
    expect(() => segmentMatching({ length: 10, segments: [seg("A", "X", 0, 5), seg("B", "X", 0, 5)] }, { threshold: 90 })).toThrow(
      TextAgreementInputError,
    );
  });
});

const codings = fc.array(
  fc
    .record({
      coder: fc.constantFrom("A", "B"),
      code: fc.constantFrom("X", "Y", "Z"),
      start: fc.integer({ min: 0, max: 90 }),
      len: fc.integer({ min: 1, max: 20 }),
    })
    .map(({ coder, code, start, len }) => seg(coder, code, start, Math.min(100, start + len))),
  { maxLength: 15 },
);

describe("segmentMatching properties", () => {
  it("is symmetric in the coders, monotone in the threshold and bounded", () => {
    fc.assert(
      fc.property(codings, fc.double({ min: 0, max: 1, noNaN: true }), (segments, threshold) => {
        const options = { coders: ["A", "B"], threshold };
        const ab = segmentMatching({ length: 100, segments }, options).pairs[0]!;
        const ba = segmentMatching({ length: 100, segments }, { ...options, coders: ["B", "A"] }).pairs[0]!;
        expect(ba.agreements).toBe(ab.agreements);
        expect(ba.kappa_brennan_prediger).toEqual(ab.kappa_brennan_prediger);
        const stricter = segmentMatching({ length: 100, segments }, { ...options, threshold: Math.min(1, threshold + 0.2) }).pairs[0]!;
        expect(stricter.agreements).toBeLessThanOrEqual(ab.agreements);
        if (ab.kappa_brennan_prediger.value !== null) expect(ab.kappa_brennan_prediger.value).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("matches identical codings completely", () => {
    fc.assert(
      fc.property(codings, (segments) => {
        const a = segments.map((s) => ({ ...s, coder: "A" }));
        const pair = segmentMatching({ length: 100, segments: [...a, ...a.map((s) => ({ ...s, coder: "B" }))] }, { coders: ["A", "B"], threshold: 1 }).pairs[0]!;
        expect(pair.non_agreements).toBe(0);
        expect([1, null]).toContain(pair.kappa_brennan_prediger.value);
      }),
    );
  });

  it("measures overlap as intersection over union", () => {
    expect(overlapRatio(seg("A", "X", 0, 10), seg("B", "X", 5, 15))).toBeCloseTo(5 / 15, 12);
    expect(overlapRatio(seg("A", "X", 0, 10), seg("B", "X", 10, 15))).toBe(0);
  });
});
