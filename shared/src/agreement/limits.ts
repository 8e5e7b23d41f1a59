// How much one agreement request may ask of a shared server. The statistics are cheap per
// rating but some grow with the square of the number of distinct categories (weight and
// coincidence matrices), so a small body naming thousands of categories could stall every
// other caller. The caps sit well above what real studies use (a CASP appraisal has three
// answers; a codebook a few hundred codes). The command line, on one's own machine, has none.

import type { ItemOptions } from "./types";
import type { AgreementInput } from "./cli/fromJson";
import { AgreementFileError } from "./cli/errors";

export const AGREEMENT_LIMITS = {
  units: 100_000,
  raters: 100,
  /** Ratings in all (units × raters). */
  cells: 1_000_000,
  /** Distinct categories or values, at every level of measurement. */
  categories: 1_000,
  bootstrap: 10_000,
  /** Length of coded text, in characters. */
  textLength: 10_000_000,
  segments: 100_000,
  codes: 1_000,
  coders: 50,
} as const;

function atMost(count: number, limit: number, what: string, advice = ""): void {
  if (count > limit) {
    throw new AgreementFileError(
      `${count.toLocaleString("en")} ${what} is more than the ${limit.toLocaleString("en")} the server computes in one request${advice}`,
    );
  }
}

/** Refuses input beyond AGREEMENT_LIMITS with an AgreementFileError saying which limit. */
export function checkAgreementLimits(input: AgreementInput, options: ItemOptions = {}): void {
  atMost(options.bootstrap ?? 0, AGREEMENT_LIMITS.bootstrap, "bootstrap resamples");
  if (input.kind === "items") {
    const { ratings, categories } = input.table;
    const raters = ratings[0]?.length ?? 0;
    atMost(ratings.length, AGREEMENT_LIMITS.units, "units");
    atMost(raters, AGREEMENT_LIMITS.raters, "raters");
    atMost(ratings.length * raters, AGREEMENT_LIMITS.cells, "ratings");
    const distinct = new Set(categories ?? []);
    for (const row of ratings) for (const rating of row) if (rating !== null) distinct.add(rating);
    atMost(distinct.size, AGREEMENT_LIMITS.categories, "distinct categories", " (round measured values, or compute locally with pnpm agreement)");
    return;
  }
  const { length, segments } = input.input;
  atMost(length, AGREEMENT_LIMITS.textLength, "characters of text");
  atMost(segments.length, AGREEMENT_LIMITS.segments, "segments");
  atMost(new Set(segments.map((s) => s.code)).size, AGREEMENT_LIMITS.codes, "codes");
  atMost(new Set([...segments.map((s) => s.coder), ...(input.coders ?? [])]).size, AGREEMENT_LIMITS.coders, "coders");
}
