// Krippendorff's coincidence matrix, built once in one pass over the units (Krippendorff
// 2011, "Computing Krippendorff's Alpha-Reliability"): a unit with m_u ≥ 2 values adds
// 1/(m_u − 1) for every ordered pair of its values. Stored sparsely as unordered cells so
// large category sets (interval data) stay cheap.
import type { NormalisedTable } from "./table";

export interface Coincidences {
  /** Unordered cells c ≤ k; `o` is o_ck + o_kc off the diagonal, o_cc on it. */
  c: Int32Array;
  k: Int32Array;
  o: Float64Array;
  /** Marginals n_c = Σ_k o_ck. */
  nc: Float64Array;
  /** n.., the number of pairable values. */
  total: number;
  /** Units with two or more values. */
  pairableUnits: number;
  /** Σ m_u (m_u − 1) / 2: the pairs of judgements, the draws per bootstrap resample. */
  pairs: number;
}

const DENSE_LIMIT = 256;

export function coincidences(norm: NormalisedTable): Coincidences {
  const q = norm.categories.length;
  const { start, cat, count, total } = norm.units;
  const dense = q <= DENSE_LIMIT ? new Float64Array(q * q) : null;
  const sparse = dense ? null : new Map<number, number>();
  const add = (a: number, b: number, x: number): void => {
    const key = a <= b ? a * q + b : b * q + a;
    if (dense) dense[key] = (dense[key] as number) + x;
    else sparse?.set(key, (sparse.get(key) ?? 0) + x);
  };
  let pairableUnits = 0;
  let pairs = 0;
  for (let u = 0; u < norm.nUnits; u++) {
    const m = total[u] as number;
    if (m < 2) continue;
    pairableUnits++;
    pairs += (m * (m - 1)) / 2;
    const s = start[u] as number;
    const e = start[u + 1] as number;
    for (let j = s; j < e; j++) {
      const nj = count[j] as number;
      if (nj > 1) add(cat[j] as number, cat[j] as number, (nj * (nj - 1)) / (m - 1));
      for (let l = j + 1; l < e; l++) add(cat[j] as number, cat[l] as number, (2 * nj * (count[l] as number)) / (m - 1));
    }
  }
  const keys: number[] = [];
  const vals: number[] = [];
  if (dense) {
    dense.forEach((x, key) => {
      if (x > 0) {
        keys.push(key);
        vals.push(x);
      }
    });
  } else {
    sparse?.forEach((x, key) => {
      keys.push(key);
      vals.push(x);
    });
  }
  const nc = new Float64Array(q);
  const c = Int32Array.from(keys, (key) => Math.floor(key / q));
  const k = Int32Array.from(keys, (key) => key % q);
  vals.forEach((x, i) => {
    const a = c[i] as number;
    const b = k[i] as number;
    if (a === b) nc[a] = (nc[a] as number) + x;
    else {
      nc[a] = (nc[a] as number) + x / 2;
      nc[b] = (nc[b] as number) + x / 2;
    }
  });
  const totalValues = nc.reduce((s, x) => s + x, 0);
  return { c, k, o: Float64Array.from(vals), nc, total: totalValues, pairableUnits, pairs };
}
