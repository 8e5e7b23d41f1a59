// Seeded synthetic transcripts and codings for the agreement benchmark.

import prand from "pure-rand";
import type { Segment } from "../src/agreement/types";

const WORDS = ["feeling", "team", "support", "the", "and", "I", "we", "supervision", "role", "time", "patients", "ward", "really", "think", "valued"];

export function syntheticTranscript(words: number, seed: number): string {
  const rng = prand.xoroshiro128plus(seed);
  const next = (max: number) => prand.unsafeUniformIntDistribution(0, max - 1, rng);
  const lines: string[] = [];
  let line: string[] = [];
  for (let w = 0; w < words; w++) {
    line.push(WORDS[next(WORDS.length)]!);
    if (next(12) === 0) line[line.length - 1] += ".";
    if (line.length >= 40 + next(60)) {
      lines.push(`${lines.length % 2 === 0 ? "I" : "P"}: ${line.join(" ")}.`);
      line = [];
    }
  }
  if (line.length) lines.push(`P: ${line.join(" ")}.`);
  return lines.join("\n");
}

/** `count` codings spread over `coders`, each coder perturbing a shared set of true spans. */
export function syntheticCodings(length: number, count: number, coders: string[], codes: number, seed: number): Segment[] {
  const rng = prand.xoroshiro128plus(seed);
  const next = (max: number) => prand.unsafeUniformIntDistribution(0, max - 1, rng);
  const perCoder = Math.floor(count / coders.length);
  const truth = Array.from({ length: perCoder }, () => {
    const start = next(length - 400);
    return { start, end: start + 20 + next(380), code: `code ${next(codes)}` };
  });
  const segments: Segment[] = [];
  for (const coder of coders) {
    for (const t of truth) {
      const start = Math.max(0, t.start + next(41) - 20);
      const end = Math.min(length, Math.max(start + 1, t.end + next(41) - 20));
      segments.push({ coder, code: next(10) === 0 ? `code ${next(codes)}` : t.code, start, end });
    }
  }
  return segments;
}
