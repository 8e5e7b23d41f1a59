// Krippendorff's difference functions δ²_ck (Krippendorff 2011, "Computing Krippendorff's
// Alpha-Reliability") and the expected-disagreement sum Σ_c Σ_k n_c n_k δ²_ck.
import type { Level } from "../types";
import type { NormalisedTable } from "./table";

export type Delta = (c: number, k: number) => number;

/**
 * δ² for the level. Ordinal ranks follow the category order and use the marginals n_g
 * (rank-based, so unused categories contribute nothing); interval and ratio use values.
 */
export function metricDelta(level: Level, norm: NormalisedTable, nc: Float64Array): Delta {
  const x = norm.numeric;
  switch (level) {
    case "nominal":
      return (c, k) => (c === k ? 0 : 1);
    case "ordinal": {
      const cum = new Float64Array(nc.length + 1);
      nc.forEach((n, g) => {
        cum[g + 1] = (cum[g] as number) + n;
      });
      return (c, k) => {
        const lo = Math.min(c, k);
        const hi = Math.max(c, k);
        const d = (cum[hi + 1] as number) - (cum[lo] as number) - ((nc[c] as number) + (nc[k] as number)) / 2;
        return d * d;
      };
    }
    case "interval":
      return (c, k) => ((x?.[c] as number) - (x?.[k] as number)) ** 2;
    case "ratio":
      return (c, k) => {
        const s = (x?.[c] as number) + (x?.[k] as number);
        return s === 0 ? 0 : (((x?.[c] as number) - (x?.[k] as number)) / s) ** 2;
      };
  }
}

/** Σ_c Σ_k n_c n_k δ²_ck over used categories, and the largest δ² among them. */
export function expectedSum(level: Level, norm: NormalisedTable, nc: Float64Array, delta: Delta): { sum: number; maxDelta: number } {
  const used: number[] = [];
  nc.forEach((n, c) => {
    if (n > 0) used.push(c);
  });
  const x = norm.numeric;
  if (level === "interval" && x) {
    // Closed form keeps interval data with many distinct values linear:
    // Σ_c Σ_k n_c n_k (x_c − x_k)² = 2·n··Σ_c n_c (x_c − x̄)², centred for numerical stability.
    let n = 0;
    let s1 = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const c of used) {
      n += nc[c] as number;
      s1 += (nc[c] as number) * (x[c] as number);
      min = Math.min(min, x[c] as number);
      max = Math.max(max, x[c] as number);
    }
    const mean = n > 0 ? s1 / n : 0;
    let ss = 0;
    for (const c of used) ss += (nc[c] as number) * ((x[c] as number) - mean) ** 2;
    return { sum: 2 * n * ss, maxDelta: used.length ? (max - min) ** 2 : 0 };
  }
  let sum = 0;
  let maxDelta = 0;
  for (const c of used) {
    for (const k of used) {
      const d = delta(c, k);
      sum += (nc[c] as number) * (nc[k] as number) * d;
      if (d > maxDelta) maxDelta = d;
    }
  }
  return { sum, maxDelta };
}
