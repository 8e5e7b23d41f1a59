import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { itemAgreement } from "../item";
import type { Segment } from "../types";
import { codedTextAgreement } from "./coded";
import { unitRatingTable } from "./ratingTable";

const seg = (coder: string, code: string, start: number, end: number): Segment => ({ coder, code, start, end });
const TEXT = "I: Did supervision help? P: Sometimes. It felt rushed.\nI: Why?\nP: Nobody had time for it.";

describe("unitRatingTable", () => {
  it("builds 0/1 ratings per word", () => {
    const table = unitRatingTable(TEXT, [seg("A", "X", 7, 18), seg("B", "X", 3, 10)], "X", { unit: "word" });
    expect(table.raterIds).toEqual(["A", "B"]);
    expect(table.ratings.slice(0, 4)).toEqual([[0, 0], [0, 1], [1, 1], [0, 0]]);
  });

  it("agrees with the item engine's kappa, alpha and percent agreement", () => {
    const codings = fc.array(
      fc
        .record({ coder: fc.constantFrom("A", "B"), start: fc.integer({ min: 0, max: 80 }), len: fc.integer({ min: 1, max: 25 }) })
        .map(({ coder, start, len }) => seg(coder, "X", start, Math.min(TEXT.length, start + len))),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(codings, fc.constantFrom("character", "word", "sentence", "turn" as const), (segments, unit) => {
        const options = { coders: ["A", "B"], unit };
        const fast = codedTextAgreement(TEXT, segments, options).per_code.X!;
        const item = itemAgreement(unitRatingTable(TEXT, segments, "X", options), { bootstrap: 2 });
        expect(fast.percent_agreement.value).toBeCloseTo(item.percent_agreement.value!, 9);
        for (const [mine, theirs] of [
          [fast.cohen_kappa, item.cohen_kappa],
          [fast.krippendorff_alpha, item.krippendorff_alpha],
        ] as const) {
          expect(mine.value === null).toBe(theirs.value === null);
          if (mine.value !== null) expect(mine.value).toBeCloseTo(theirs.value!, 9);
        }
      }),
      { numRuns: 60 },
    );
  });
});
