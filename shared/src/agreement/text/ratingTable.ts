// One code's coding as a units × coders table of 0/1, so the item-level engine
// (itemAgreement) can add what the coded-text summary leaves out: confidence intervals,
// Gwet's AC1, Scott's pi. One row per unit: fine for words, sentences and turns; for
// characters of a long text prefer codedTextAgreement, which counts runs instead.

import type { RatingTable, Segment } from "../types";
import { coverage } from "./intervals";
import { textUnits, type TextUnit } from "./units";
import { checkSegments, type CoderOptions } from "./validate";

/** Rows are units of `text` at `unit`; rating 1 when the coder coded any part of the unit with `code`. */
export function unitRatingTable(
  text: string,
  segments: readonly Segment[],
  code: string,
  options: CoderOptions & { unit?: TextUnit } = {},
): RatingTable {
  const { coders } = checkSegments(text.length, segments, options);
  const unit = options.unit ?? "word";
  const units =
    unit === "character" ? Array.from({ length: text.length }, (_, i) => ({ start: i, end: i + 1 })) : textUnits(text, unit);
  const ratings = units.map(() => coders.map(() => 0 as number));
  coders.forEach((coder, c) => {
    const spans = coverage(segments.filter((s) => s.coder === coder && s.code === code));
    let u = 0;
    for (const span of spans) {
      while (u < units.length && units[u]!.end <= span.start) u++;
      for (let v = u; v < units.length && units[v]!.start < span.end; v++) ratings[v]![c] = 1;
    }
  });
  return {
    unitIds: units.map((u) => `${u.start}-${u.end}`),
    raterIds: coders,
    ratings,
    categories: [0, 1],
  };
}
