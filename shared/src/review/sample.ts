// The second reviewer's random sample of a screening or appraisal stage, drawn with a recorded
// seed so that anyone can draw it again and get the same records (the theses: 10% of the
// abstracts, N = 5 of the full texts). Pure: the same ids, size and seed give the same sample
// on every machine and in every version, so the algorithm below must never change silently.
import { unsafeUniformIntDistribution, xoroshiro128plus } from "pure-rand";

export type SampleSize = { percent: number } | { count: number };

export type SampleCheck = { ok: true; size: number } | { ok: false; message: string };

/**
 * How many records a sample of `size` takes from `available`. A percentage rounds up, so
 * "10% of 42" is 5, as in the thesis, and a sample is never smaller than asked for.
 */
export function sampleSize(available: number, size: SampleSize): SampleCheck {
  if ("percent" in size) {
    const { percent } = size;
    if (!Number.isFinite(percent) || percent <= 0 || percent > 100) {
      return { ok: false, message: "A sample is between 0% and 100% of the records: more than 0, at most 100." };
    }
    return { ok: true, size: Math.min(available, Math.ceil(Math.round(available * percent * 1e6) / 1e8)) };
  }
  const { count } = size;
  if (!Number.isInteger(count) || count < 1) return { ok: false, message: "A sample needs at least one record." };
  if (count > available) {
    return { ok: false, message: `A sample of ${count} is more than the ${available} record${available === 1 ? "" : "s"} at this stage.` };
  }
  return { ok: true, size: count };
}

/** A seed for a new sample, to be recorded with it. */
export function newSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}

/**
 * The sample: `size` of the ids, chosen by a partial Fisher–Yates shuffle driven by
 * xoroshiro128+ seeded with `seed`, returned in the ids' own order. The ids are sorted
 * first, so the order the caller lists them in does not matter.
 */
export function drawSample(ids: readonly string[], size: number, seed: number): string[] {
  const pool = [...new Set(ids)].sort();
  const rng = xoroshiro128plus(seed);
  const take = Math.min(size, pool.length);
  for (let i = 0; i < take; i++) {
    const j = unsafeUniformIntDistribution(i, pool.length - 1, rng);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  const chosen = new Set(pool.slice(0, take));
  return [...new Set(ids)].filter((id) => chosen.has(id));
}
