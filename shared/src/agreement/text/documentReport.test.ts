// A transcript's agreement report: the engine's figures side by side, and every disagreement
// once — a pair when the other coder's same-code segment overlaps below the threshold, a
// single coding when nothing of theirs overlaps with that code.
import { describe, expect, it } from "vitest";
import { documentAgreement, type IdentifiedSegment } from "./documentReport";

const TEXT = "I: How did it feel?\nP: I felt like a fraud, comparing myself to everyone.\nI: And later?\nP: Later it eased.";
const at = (words: string) => ({ start: TEXT.indexOf(words), end: TEXT.indexOf(words) + words.length });
const segment = (id: string, coder: string, code: string, words: string): IdentifiedSegment => ({ id, coder, code, ...at(words) });

const SEGMENTS = [
  segment("a1", "ada", "fraud", "felt like a fraud"),
  segment("b1", "bea", "fraud", "like a fraud, comparing myself"),
  segment("a2", "ada", "relief", "Later it eased"),
  segment("b2", "bea", "relief", "Later it eased"),
  segment("a3", "ada", "comparing", "comparing myself to everyone"),
];

describe("documentAgreement", () => {
  it("reports per code and overall figures in the engine's shape, with both unitizing alphas and segment matching", () => {
    const report = documentAgreement(TEXT, SEGMENTS, { unit: "word", threshold: 0.9, coders: ["ada", "bea"] });
    expect(report).toMatchObject({ unit: "word", threshold: 0.9, coders: ["ada", "bea"] });
    expect(Object.keys(report.per_code).sort()).toEqual(["comparing", "fraud", "relief"]);
    expect(report.per_code.relief!.segments).toMatchObject({ agreements: 2, non_agreements: 0 });
    expect(report.per_code.relief!.percent_agreement.value).toBe(1);
    expect(report.overall).toHaveProperty("u_alpha");
    expect(report.overall).toHaveProperty("boundary_u_alpha");
    expect(report.overall.segments).toMatchObject({ agreements: 2, non_agreements: 3, total: 5 });
    expect(report.overall.segments.pairs).toHaveLength(1);
  });

  it("lists each disagreement once, in text order: a below-threshold pair and a coding the other coder did not make", () => {
    const { disagreements } = documentAgreement(TEXT, SEGMENTS, { unit: "character", threshold: 0.9, coders: ["ada", "bea"] });
    expect(disagreements.map((d) => [d.key, d.code, d.codings.map((c) => c.text)])).toEqual([
      ["a1+b1", "fraud", ["felt like a fraud", "like a fraud, comparing myself"]],
      ["a3", "comparing", ["comparing myself to everyone"]],
    ]);
    expect(disagreements[0]!.overlap).toBeCloseTo("like a fraud".length / "felt like a fraud, comparing myself".length);
    expect(disagreements[1]!.overlap).toBe(0);
  });

  it("finds no disagreement once the threshold is low enough for the pair to match", () => {
    const { disagreements } = documentAgreement(TEXT, SEGMENTS, { unit: "word", threshold: 0.3, coders: ["ada", "bea"] });
    expect(disagreements.map((d) => d.key)).toEqual(["a3"]);
  });

  it("counts a named coder who coded nothing, and refuses a single coder", () => {
    const report = documentAgreement(TEXT, SEGMENTS, { unit: "turn", threshold: 0.9, coders: ["ada", "bea", "cy"] });
    expect(report.coders).toEqual(["ada", "bea", "cy"]);
    expect(report.overall.segments.pairs).toHaveLength(3);
    expect(() => documentAgreement(TEXT, SEGMENTS.slice(0, 1), { unit: "word", threshold: 0.9, coders: ["ada"] })).toThrow(/at least two coders/);
  });
});
