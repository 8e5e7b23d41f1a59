// Per-unit category counts (how many raters put unit i in category k), the input of every
// multi-rater coefficient, built once from the category codes.

/** Per-unit category counts in compressed rows: unit u owns entries start[u]..start[u+1]. */
export interface UnitCounts {
  start: Int32Array;
  cat: Int32Array;
  count: Float64Array;
  /** Number of ratings the unit received (r_i). */
  total: Float64Array;
}

/** Compresses units × raters codes (-1 = missing) into per-unit distinct categories and counts. */
export function buildUnits(codes: Int32Array, nUnits: number, nRaters: number): UnitCounts {
  const start = new Int32Array(nUnits + 1);
  const cat = new Int32Array(codes.length);
  const count = new Float64Array(codes.length);
  const total = new Float64Array(nUnits);
  let k = 0;
  for (let u = 0; u < nUnits; u++) {
    start[u] = k;
    for (let r = 0; r < nRaters; r++) {
      const c = codes[u * nRaters + r] as number;
      if (c < 0) continue;
      let j = start[u] as number;
      while (j < k && cat[j] !== c) j++;
      if (j === k) {
        cat[k] = c;
        count[k] = 0;
        k++;
      }
      count[j] = (count[j] as number) + 1;
      total[u] = (total[u] as number) + 1;
    }
  }
  start[nUnits] = k;
  return { start, cat: cat.slice(0, k), count: count.slice(0, k), total };
}

