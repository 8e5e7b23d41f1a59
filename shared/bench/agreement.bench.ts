// `pnpm bench:agreement`: times the agreement engine on seeded synthetic data and prints
// median and p95 beside the aims. A measurement, not a test: nothing here fails on time.

import prand from "pure-rand";
import { itemAgreement, krippendorffAlpha, normaliseTable } from "../src/agreement/item";
import { codedTextAgreement, segmentMatching, unitizedAgreement } from "../src/agreement/text";
import type { Level, RatingTable } from "../src/agreement/types";
import { syntheticCodings, syntheticTranscript } from "./syntheticText";

/** Ratings of `units` units by `raters` raters who mostly agree with a hidden true value. */
function syntheticTable(units: number, raters: number, categories: number, seed: number): RatingTable {
  const rng = prand.xoroshiro128plus(seed);
  const next = (max: number) => prand.unsafeUniformIntDistribution(0, max - 1, rng);
  const ratings = Array.from({ length: units }, () => {
    const truth = next(categories);
    return Array.from({ length: raters }, () => (next(10) < 2 ? next(categories) : truth) + 1);
  });
  return {
    unitIds: ratings.map((_, u) => String(u)),
    raterIds: Array.from({ length: raters }, (_, r) => `r${r}`),
    ratings,
  };
}

function measure(runs: number, task: () => unknown): { median: number; p95: number } {
  task(); // warm-up: JIT and caches
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    task();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95) };
}

const rows: string[][] = [["task", "median ms", "p95 ms", "aim"]];
function bench(name: string, aim: string, runs: number, task: () => unknown): void {
  const { median, p95 } = measure(runs, task);
  rows.push([name, median.toFixed(1), p95.toFixed(1), aim]);
}

const big = syntheticTable(100_000, 5, 5, 1);
for (const level of ["nominal", "interval"] as Level[]) {
  bench(`alpha, 100,000 units × 5 raters, ${level} (point estimate)`, "< 200 ms", 9, () =>
    krippendorffAlpha(normaliseTable(big, level), level, { bootstrap: 2 }),
  );
  bench(`alpha, 100,000 × 5, ${level}, with 1,000-resample CI`, "—", 5, () => krippendorffAlpha(normaliseTable(big, level), level));
  bench(`every item statistic, 100,000 × 5, ${level}`, "—", 5, () => itemAgreement(big, { level }));
}
const mid = syntheticTable(10_000, 3, 3, 2);
bench("bootstrap 1,000 resamples, 10,000 units × 3 (alpha)", "< 2 s", 9, () =>
  krippendorffAlpha(normaliseTable(mid, "nominal"), "nominal", { bootstrap: 1000, seed: 1 }),
);
bench("every item statistic, 10,000 × 3, bootstrap 1,000", "< 2 s", 9, () => itemAgreement(mid, { bootstrap: 1000, seed: 1 }));

const text = syntheticTranscript(20_000, 3);
const segments = syntheticCodings(text.length, 2_000, ["A", "B", "C"], 40, 4);
const input = { length: text.length, segments };
bench("coded text per character (NVivo-style)", "—", 15, () => codedTextAgreement(text, segments));
bench("coded text per word", "—", 15, () => codedTextAgreement(text, segments, { unit: "word" }));
bench("segment matching at 90% (MAXQDA-style)", "—", 15, () => segmentMatching(input));
bench("unitizing |uα, cuα (ATLAS.ti-style)", "—", 15, () => unitizedAgreement(input));
bench("all three text families, 20,000 words, 2,000 codings × 3 coders", "< 100 ms", 15, () => {
  codedTextAgreement(text, segments);
  segmentMatching(input);
  unitizedAgreement(input);
});

const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
console.log(`\nagreement benchmark (Node ${process.versions.node}; ${text.length} characters of text)\n`);
for (const r of rows) console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  "));
