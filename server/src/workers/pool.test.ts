import { afterEach, describe, expect, it } from "vitest";
import { strToU8, zipSync } from "fflate";
import { ApiError } from "../errors";
import { WorkerPool } from "./pool";

let pool: WorkerPool | undefined;
afterEach(async () => pool?.close());

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

const ratings = JSON.stringify({ raters: [["yes", "no", "yes"], ["yes", "no", "no"]] });

describe("WorkerPool", () => {
  it("runs a task in a worker thread and returns its value", async () => {
    pool = new WorkerPool({ threads: 1, heapMb: 256, queue: 4 });
    const report = (await pool.run("agreement", { json: ratings, argv: [] }, { timeoutMs: 30_000, what: "Computing agreement" })) as {
      n_units: number;
    };
    expect(report.n_units).toBe(3);
  });

  it("turns a task's refusal into a 400 with its message", async () => {
    pool = new WorkerPool({ threads: 1, heapMb: 256, queue: 4 });
    const error = await failure(pool.run("agreement", { json: "[1,", argv: [] }, { timeoutMs: 30_000, what: "Computing agreement" }));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/not valid JSON/);
  });

  it("stops a task that overruns its deadline with a 422 that says so, and keeps working", async () => {
    pool = new WorkerPool({ threads: 1, heapMb: 256, queue: 4 });
    const docx = zipSync({ "word/document.xml": strToU8(`<w:document><w:body>${"<w:p><w:r><w:t>Words</w:t></w:r></w:p>".repeat(50_000)}</w:body></w:document>`) });
    const error = await failure(pool.run("docxText", docx, { timeoutMs: 1, what: "Reading this .docx file" }));
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/Reading this .docx file took longer than the 0.001 s/);
    const report = (await pool.run("agreement", { json: ratings, argv: [] }, { timeoutMs: 30_000, what: "Computing agreement" })) as {
      n_units: number;
    };
    expect(report.n_units).toBe(3);
  });

  it("refuses work beyond its queue with a 503 rather than holding it", async () => {
    pool = new WorkerPool({ threads: 1, heapMb: 256, queue: 1 });
    const runs = Array.from({ length: 4 }, () => pool!.run("agreement", { json: ratings, argv: [] }, { timeoutMs: 30_000, what: "Computing agreement" }));
    const outcomes = await Promise.allSettled(runs);
    const refused = outcomes.filter((o) => o.status === "rejected").map((o) => (o as PromiseRejectedResult).reason as ApiError);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((e) => e.status === 503)).toBe(true);
    expect(outcomes.some((o) => o.status === "fulfilled")).toBe(true);
  });
});
