import { describe, expect, it } from "vitest";
import { drawSample, sampleSize } from "./sample";

const ids = (n: number) => Array.from({ length: n }, (_, i) => `record-${String(i).padStart(4, "0")}`);

describe("sampleSize", () => {
  it("rounds a percentage up, as the thesis's 10% of 42 full texts was 5", () => {
    expect(sampleSize(42, { percent: 10 })).toEqual({ ok: true, size: 5 });
    expect(sampleSize(270, { percent: 10 })).toEqual({ ok: true, size: 27 });
    expect(sampleSize(3, { percent: 100 })).toEqual({ ok: true, size: 3 });
    expect(sampleSize(42, { count: 5 })).toEqual({ ok: true, size: 5 });
  });

  it("refuses 0%, 150%, no records and more records than there are, in plain words", () => {
    expect(sampleSize(42, { percent: 0 })).toMatchObject({ ok: false, message: /more than 0, at most 100/ });
    expect(sampleSize(42, { percent: 150 })).toMatchObject({ ok: false });
    expect(sampleSize(42, { percent: Number.NaN })).toMatchObject({ ok: false });
    expect(sampleSize(42, { count: 0 })).toMatchObject({ ok: false, message: "A sample needs at least one record." });
    expect(sampleSize(4, { count: 5 })).toMatchObject({ ok: false, message: "A sample of 5 is more than the 4 records at this stage." });
    expect(sampleSize(42, { count: 2.5 })).toMatchObject({ ok: false });
  });
});

describe("drawSample", () => {
  it("draws the same sample again from the recorded seed, whatever order the ids come in", () => {
    const all = ids(268);
    const first = drawSample(all, 27, 20240611);
    expect(first).toHaveLength(27);
    expect(drawSample([...all].reverse(), 27, 20240611).sort()).toEqual([...first].sort());
    expect(drawSample(all, 27, 20240611)).toEqual(first);
  });

  it("draws a different sample from another seed, each record equally likely", () => {
    const all = ids(40);
    expect(drawSample(all, 10, 1)).not.toEqual(drawSample(all, 10, 2));
    const times = new Map(all.map((id) => [id, 0]));
    for (let seed = 0; seed < 2_000; seed++) for (const id of drawSample(all, 10, seed)) times.set(id, times.get(id)! + 1);
    // Each record is in a quarter of the samples: 500 of 2,000, give or take sampling noise (sd ≈ 19).
    for (const count of times.values()) expect(Math.abs(count - 500)).toBeLessThan(100);
  });

  it("keeps this version's draw: a changed algorithm would silently change recorded samples", () => {
    expect(drawSample(ids(10), 3, 42)).toMatchInlineSnapshot(`
      [
        "record-0004",
        "record-0005",
        "record-0009",
      ]
    `);
  });
});
