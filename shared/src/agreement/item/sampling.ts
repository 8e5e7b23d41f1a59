// Exact random variates from a seeded pure-rand generator, for the alpha bootstrap:
// uniform, normal (Box–Muller), gamma (Marsaglia & Tsang 2000), beta, and binomial by
// Knuth's beta-splitting recursion (TAOCP vol. 2, §3.4.1), which costs
// O(log n) draws instead of n. A multinomial draw is a chain of conditional binomials.
import type { RandomGenerator } from "pure-rand";

const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

/** Uniform on the open interval (0, 1) with 53 random bits. */
export function uniform(rng: RandomGenerator): number {
  const a = (rng.unsafeNext() >>> 0) >>> 5;
  const b = (rng.unsafeNext() >>> 0) >>> 6;
  return (a * TWO_POW_26 + b + 0.5) / TWO_POW_53;
}

function normal(rng: RandomGenerator): number {
  return Math.sqrt(-2 * Math.log(uniform(rng))) * Math.cos(2 * Math.PI * uniform(rng));
}

/** Gamma(a, 1) for a ≥ 1 (Marsaglia & Tsang 2000, ACM TOMS 26:363–372). */
function gamma(rng: RandomGenerator, a: number): number {
  const d = a - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = uniform(rng);
    if (u < 1 - 0.0331 * x ** 4) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

function beta(rng: RandomGenerator, a: number, b: number): number {
  const x = gamma(rng, a);
  return x / (x + gamma(rng, b));
}

const DIRECT_LIMIT = 32;

/** Binomial(n, p), exact. */
export function binomial(rng: RandomGenerator, n: number, p: number): number {
  let k = 0;
  while (n > DIRECT_LIMIT && p > 0 && p < 1) {
    // The i-th smallest of n uniforms is Beta(i, n + 1 − i); count relative to it.
    const i = Math.floor(n / 2) + 1;
    const x = beta(rng, i, n + 1 - i);
    if (x < p) {
      k += i;
      n -= i;
      p = (p - x) / (1 - x);
    } else {
      n = i - 1;
      p = p / x;
    }
  }
  if (p <= 0) return k;
  if (p >= 1) return k + n;
  for (let j = 0; j < n; j++) if (uniform(rng) < p) k++;
  return k;
}

/** Counts of n draws over outcomes with the given probabilities (summing to 1). */
export function multinomial(rng: RandomGenerator, n: number, probs: Float64Array): Float64Array {
  const counts = new Float64Array(probs.length);
  let left = n;
  let mass = 1;
  for (let g = 0; g < probs.length - 1 && left > 0; g++) {
    const p = probs[g] as number;
    const c = mass > 0 ? binomial(rng, left, Math.min(1, p / mass)) : 0;
    counts[g] = c;
    left -= c;
    mass -= p;
  }
  counts[probs.length - 1] = (counts[probs.length - 1] as number) + left;
  return counts;
}
