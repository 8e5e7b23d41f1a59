import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Segment } from "../types";
import { binaryAgreement, type SubsetCounts } from "./binary";
import { codedTextAgreement } from "./coded";
import { textUnits } from "./units";
import { TextAgreementInputError } from "./validate";

const seg = (coder: string, code: string, start: number, end: number): Segment => ({ coder, code, start, end });

/** Same statistics up to floating-point summation order. */
function expectSameStats(a: Record<string, object>, b: Record<string, object>): void {
  const round = (x: unknown): unknown =>
    JSON.parse(JSON.stringify(x, (_k, v: unknown) => (typeof v === "number" ? Math.round(v * 1e9) / 1e9 : v)));
  expect(round(a)).toEqual(round(b));
}

describe("codedTextAgreement", () => {
  it("matches a hand count at character level", () => {
    // A codes [0,5), B codes [2,7) of 10 characters: both 3, A only 2, B only 2, neither 3.
    const report = codedTextAgreement("abcdefghij", [seg("A", "X", 0, 5), seg("B", "X", 2, 7)]);
    const x = report.per_code.X!;
    expect(x.percent_agreement.value).toBeCloseTo(0.6, 12);
    expect(x.cohen_kappa.value).toBeCloseTo(0.2, 12); // p_e = 0.5
    expect(x.krippendorff_alpha.value).toBeCloseTo(1 - (19 * 4) / (10 * 10), 12);
    expect(x.coded_units).toBe(7);
  });

  it("reproduces the ATLAS.ti manual's ten-segment example (60% agreement, 56% expected)", () => {
    // ATLAS.ti 9 manual, "Methods for testing ICA" (doc.atlasti.com/ManualMac.v9/ICA/
    // ICAMethodsForTesting.html): coder 1 = 1100000000, coder 2 = 0110010100; percent
    // agreement 60%, agreement expected by chance (9.6 + 1.6) / 20 = 56%, so
    // alpha = 1 − 0.4 / (1 − 0.558) ≈ 0.095. Here each segment is a word.
    const text = "w0 w1 w2 w3 w4 w5 w6 w7 w8 w9";
    const word = (i: number) => ({ start: i * 3, end: i * 3 + 2 });
    const coded = (coder: string, bits: string) =>
      [...bits].flatMap((b, i) => (b === "1" ? [seg(coder, "relevant", word(i).start, word(i).end)] : []));
    const report = codedTextAgreement(text, [...coded("1", "1100000000"), ...coded("2", "0110010100")], { unit: "word" });
    const r = report.per_code.relevant!;
    expect(report.n_units).toBe(10);
    expect(r.percent_agreement.value).toBeCloseTo(0.6, 12);
    const expected = ((14 * 13) / 19 + (6 * 5) / 19) / 20;
    expect(expected).toBeCloseTo(0.558, 3);
    expect(r.krippendorff_alpha.value).toBeCloseTo(1 - 0.4 / (1 - expected), 12);
    expect(r.krippendorff_alpha.value).toBeCloseTo(0.095, 3);
  });

  it("counts a word as coded when any part of it is coded", () => {
    const text = "I felt unworthy there";
    const report = codedTextAgreement(text, [seg("A", "X", 8, 9), seg("B", "X", 7, 15)], { unit: "word" });
    expect(report.per_code.X!.percent_agreement.value).toBe(1);
    expect(report.per_code.X!.cohen_kappa.value).toBe(1);
  });

  it("pools codes and weights the mean by coverage", () => {
    const report = codedTextAgreement("abcdefghij", [
      seg("A", "X", 0, 5),
      seg("B", "X", 0, 5),
      seg("A", "Y", 5, 6),
      seg("B", "Y", 8, 9),
    ]);
    expect(report.per_code.X!.cohen_kappa.value).toBe(1);
    // Pooled: 20 (unit, code) pairs, 2 disagreements.
    expect(report.overall.percent_agreement.value).toBeCloseTo(18 / 20, 12);
    const y = report.per_code.Y!.cohen_kappa.value!;
    expect(report.overall_weighted.cohen_kappa.value).toBeCloseTo((1 * 5 + y * 2) / 7, 12);
  });

  it("says why a statistic is undefined instead of inventing a value", () => {
    const report = codedTextAgreement("abcdefghij", [seg("A", "X", 0, 10), seg("B", "X", 0, 10)]);
    expect(report.per_code.X!.percent_agreement.value).toBe(1);
    expect(report.per_code.X!.cohen_kappa).toMatchObject({ value: null });
    expect(report.per_code.X!.krippendorff_alpha).toMatchObject({ value: null, reason: expect.stringContaining("variation") });
    const three = codedTextAgreement("abc", [seg("A", "X", 0, 1), seg("B", "X", 0, 2), seg("C", "X", 1, 2)]);
    expect(three.per_code.X!.cohen_kappa).toMatchObject({ value: null, reason: expect.stringContaining("two coders") });
  });

  it("counts a declared coder who coded nothing", () => {
    const report = codedTextAgreement("abcd", [seg("A", "X", 0, 2)], { coders: ["A", "B"] });
    expect(report.per_code.X!.percent_agreement.value).toBe(0.5);
  });

  it("rejects bad segments", () => {
    expect(() => codedTextAgreement("abc", [seg("A", "X", 0, 4), seg("B", "X", 0, 1)])).toThrow(TextAgreementInputError);
    expect(() => codedTextAgreement("abc", [seg("A", "X", 2, 2), seg("B", "X", 0, 1)])).toThrow(/not before/);
    expect(() => codedTextAgreement("abc", [seg("A", "X", 0, 1)])).toThrow(/two coders/);
  });
});

describe("text units", () => {
  it("tokenises words, sentences and speaker turns", () => {
    const text = "I: How was it? Did it help.\nP: It didn't, self-harm… no.\nstill thinking\n\nI: Okay.";
    const slice = (unit: "word" | "sentence" | "turn") => textUnits(text, unit).map((s) => text.slice(s.start, s.end));
    expect(slice("word")).toEqual(["I", "How", "was", "it", "Did", "it", "help", "P", "It", "didn't", "self-harm", "no", "still", "thinking", "I", "Okay"]);
    expect(slice("sentence")).toEqual(["I: How was it?", "Did it help.", "P: It didn't, self-harm…", "no.", "still thinking", "I: Okay."]);
    expect(slice("turn")).toEqual(["I: How was it? Did it help.", "P: It didn't, self-harm… no.\nstill thinking", "I: Okay."]);
  });
});

// Random codings of a short text by two or three coders.
const codings = (coders: string[]) =>
  fc.array(
    fc
      .record({
        coder: fc.constantFrom(...coders),
        code: fc.constantFrom("X", "Y"),
        start: fc.integer({ min: 0, max: 39 }),
        len: fc.integer({ min: 1, max: 12 }),
      })
      .map(({ coder, code, start, len }) => seg(coder, code, start, Math.min(40, start + len))),
    { maxLength: 12 },
  );
const TEXT = "We met. It helped a lot! I: yes\nP: no way";

describe("codedTextAgreement properties", () => {
  it("does not depend on the order of the coders", () => {
    fc.assert(
      fc.property(codings(["A", "B", "C"]), fc.constantFrom("character", "word", "sentence", "turn" as const), (segs, unit) => {
        const a = codedTextAgreement(TEXT, segs, { coders: ["A", "B", "C"], unit });
        const b = codedTextAgreement(TEXT, segs, { coders: ["C", "A", "B"], unit });
        expectSameStats(b.per_code, a.per_code);
      }),
    );
  });

  it("gives 1 or undefined for identical codings, and stays within bounds", () => {
    fc.assert(
      fc.property(codings(["A"]), fc.constantFrom("character", "word" as const), (segs, unit) => {
        const both = [...segs, ...segs.map((s) => ({ ...s, coder: "B" }))];
        const report = codedTextAgreement(TEXT, both, { coders: ["A", "B"], unit });
        for (const code of Object.values(report.per_code)) {
          expect(code.percent_agreement.value).toBe(1);
          expect([1, null]).toContain(code.cohen_kappa.value);
          expect([1, null]).toContain(code.krippendorff_alpha.value);
        }
      }),
    );
    fc.assert(
      fc.property(codings(["A", "B"]), (segs) => {
        const report = codedTextAgreement(TEXT, segs, { coders: ["A", "B"] });
        for (const code of Object.values(report.per_code)) {
          const pa = code.percent_agreement.value!;
          expect(pa).toBeGreaterThanOrEqual(0);
          expect(pa).toBeLessThanOrEqual(1);
          for (const v of [code.cohen_kappa.value, code.krippendorff_alpha.value]) {
            if (v !== null) expect(v).toBeLessThanOrEqual(1 + 1e-12);
            if (v !== null) expect(Number.isFinite(v)).toBe(true);
          }
        }
      }),
    );
  });

  it("sweeps to the same counts as a per-character array", () => {
    fc.assert(
      fc.property(codings(["A", "B", "C"]), (segs) => {
        const coders = ["A", "B", "C"];
        const report = codedTextAgreement(TEXT, segs, { coders });
        for (const code of Object.keys(report.per_code)) {
          const masks = new Array<number>(TEXT.length).fill(0);
          for (const s of segs) {
            if (s.code !== code) continue;
            for (let p = s.start; p < s.end; p++) masks[p]! |= 1 << coders.indexOf(s.coder);
          }
          const counts: SubsetCounts = new Map();
          for (const m of masks) counts.set(m, (counts.get(m) ?? 0) + 1);
          const naive = binaryAgreement(counts, 3);
          const { coded_units: _ignored, ...swept } = report.per_code[code]!;
          expectSameStats(swept, { ...naive });
        }
      }),
    );
  });
});
