// Two raters: the confusion (contingency) matrix over units both rated, and specific
// agreement per category, 2·n_kk / (n_k· + n_·k) (Fleiss 1975, Biometrics 31:651–659;
// Uebersax's "proportions of specific agreement"), with the delta-method standard error of
// Graham & Bull (1998, J Clin Epidemiol 51:763–771): with a = n_kk and d = the off-diagonal
// units involving k, var = 4·a·d·(a + d) / (2a + d)⁴.
import type { Rating, Statistic } from "../types";
import { undefinedStat, withNormalInterval } from "./statistic";

const SPECIFIC_CI =
  "analytic: delta method (Graham & Bull 1998); normal 95% interval, clamped to [0, 1]";
import type { NormalisedTable } from "./table";

export interface Confusion {
  /** counts[row = rater 1 category][col = rater 2 category]. */
  counts: number[][];
  /** Units both raters rated. */
  n: number;
}

/** The q×q table of rater 1 (rows) against rater 2 (columns); requires exactly two raters. */
export function confusionMatrix(norm: NormalisedTable): Confusion {
  const q = norm.categories.length;
  const counts = Array.from({ length: q }, () => new Array<number>(q).fill(0));
  let n = 0;
  for (let u = 0; u < norm.nUnits; u++) {
    const a = norm.codes[u * 2] as number;
    const b = norm.codes[u * 2 + 1] as number;
    if (a < 0 || b < 0) continue;
    (counts[a] as number[])[b] = ((counts[a] as number[])[b] as number) + 1;
    n++;
  }
  return { counts, n };
}

/** Specific agreement for each category, keyed by String(category). */
export function specificAgreement(conf: Confusion, categories: Rating[]): Record<string, Statistic> {
  const out: Record<string, Statistic> = {};
  categories.forEach((c, k) => {
    const row = (conf.counts[k] as number[]).reduce((s, x) => s + x, 0);
    const col = conf.counts.reduce((s, r) => s + (r[k] as number), 0);
    const diag = (conf.counts[k] as number[])[k] as number;
    if (row + col === 0) {
      out[String(c)] = undefinedStat(`neither rater used ${JSON.stringify(c)}, so agreement on it is undefined`);
      return;
    }
    const d = row + col - 2 * diag;
    const se = Math.sqrt((4 * diag * d * (diag + d)) / (2 * diag + d) ** 4);
    out[String(c)] = withNormalInterval((2 * diag) / (row + col), se, [0, 1], SPECIFIC_CI);
  });
  return out;
}
