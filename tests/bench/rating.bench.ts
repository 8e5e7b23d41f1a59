// `pnpm bench:rating`, first part (issue 9 §1): importing the thesis's search — 5,000 records
// from two databases that overlap — with deduplication. Measured twice: the pure work alone
// (read + deduplicate, in this process), and through the real server (a child process on
// loopback: upload, worker thread, one transaction), with the server's peak memory.
// Second part (issue 9 §2, §6): screening those 5,000 at title and abstract — the lead all of
// them, a second reviewer a seeded 10% — each decision through the API, and the agreement
// after each of the reviewer's last decisions, through the API and the engine alone; then the
// PRISMA diagram of that project as SVG and PNG.
// A script, not a test: it prints figures beside aims and asserts nothing.
import fs from "node:fs";
import { ratingTables, type ReviewItem } from "@concord/shared";
import { itemAgreement } from "@concord/shared/agreement/item/index";
import { dedupeKeys, deduplicate, importRecordsFile, knownRecord } from "@concord/shared/records/index";
import { ovidRis, scopusRis, syntheticPapers } from "../../shared/bench/syntheticRecords";
import { addMember, api, createProject, discard, signUp, startServer } from "../helpers/server";

const RUNS = 5;
/** Ours: an import of the thesis's size should finish while the person watches the button. */
const AIM_MS = 3_000;

const papers = syntheticPapers(3_500, 1);
const encoder = new TextEncoder();
// Scopus has 2,500; Ovid 2,500 of which 1,500 are Scopus's too (a third of them without a DOI).
const scopus = encoder.encode(scopusRis(papers.slice(0, 2_500)));
const ovid = encoder.encode(ovidRis(papers.slice(1_000), { dropDoiEvery: 3 }));

/** Peak resident memory of a process so far, in MB (VmHWM). */
function peakMb(pid: number | "self"): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const rows: string[][] = [["task", "median ms", "max ms", "aim"]];
function row(name: string, times: number[], aim: string) {
  rows.push([name, median(times).toFixed(0), Math.max(...times).toFixed(0), aim]);
}

// 1. Pure: read both files and deduplicate the second against the first.
const pure = { read: [] as number[], dedupe: [] as number[], total: [] as number[] };
let found = { duplicates: 0, pairs: 0, complete: true };
for (let run = 0; run < RUNS; run++) {
  const t0 = performance.now();
  const first = importRecordsFile(scopus, "scopus.ris", []);
  if (!first.ok) throw new Error(first.message);
  const known = first.records.map((record, i) => knownRecord({ id: `s${i}`, doi: record.doi, title_key: record.titleKey, year: record.year, author_key: record.authorKey, duplicate_of: null }));
  const t1 = performance.now();
  const second = importRecordsFile(ovid, "ovid.ris", known);
  if (!second.ok) throw new Error(second.message);
  const t2 = performance.now();
  // The same dedupe over all 5,000 at once (as when a single file holds the whole search).
  const all = deduplicate([], [...first.records, ...second.records].map((r) => dedupeKeys(r)));
  const t3 = performance.now();
  pure.read.push(t1 - t0);
  pure.total.push(t2 - t0);
  pure.dedupe.push(t3 - t2);
  found = { duplicates: second.dedupe.duplicates.filter(Boolean).length, pairs: all.pairs.length, complete: all.nearSearchComplete };
}
row(`read 2,500 Scopus records (${(scopus.length / 1024 / 1024).toFixed(1)} MB)`, pure.read, "—");
row("both files read + deduplicated (5,000 records)", pure.total, `< ${AIM_MS} ms`);
row("deduplicate 5,000 records in one go", pure.dedupe, "< 1000 ms");
const benchPeak = peakMb("self");

// 2. Through the real server.
const server = await startServer({ built: true });
const http = { scopus: [] as number[], ovid: [] as number[] };
try {
  const lead = await signUp(server.url, "Bench");
  for (let run = 0; run < RUNS; run++) {
    const projectId = await createProject(server.url, lead.token, `Bench ${run}`);
    for (const [name, bytes, source, times] of [
      ["scopus.ris", scopus, "Scopus", http.scopus],
      ["ovid.ris", ovid, "PsycINFO", http.ovid],
    ] as const) {
      const form = new FormData();
      form.set("file", new Blob([bytes]), name);
      form.set("source", source);
      const t0 = performance.now();
      const response = await fetch(`${server.url}/api/projects/${projectId}/records/import`, { method: "POST", headers: { authorization: `Bearer ${lead.token}` }, body: form });
      const body = (await response.json()) as { imported: number; duplicates: number };
      times.push(performance.now() - t0);
      if (response.status !== 201) throw new Error(`import failed: ${response.status} ${JSON.stringify(body)}`);
    }
  }
  row("HTTP import, Scopus 2,500 (empty project)", http.scopus, `< ${AIM_MS} ms`);
  row("HTTP import, PsycINFO 2,500 against 2,500", http.ovid, `< ${AIM_MS} ms`);
  rows.push(["server peak memory (RSS high-water mark)", `${peakMb(server.pid).toFixed(0)} MB`, "", "—"]);

  // 3. Screening the 5,000 originals of one project: every decision a PUT, as the screen sends it.
  const reviewer = await signUp(server.url, "Bench reviewer");
  const projectId = await createProject(server.url, lead.token, "Bench screening");
  await addMember(server.url, lead.token, projectId, reviewer.email, "rater");
  const form = new FormData();
  form.set("file", new Blob([encoder.encode(scopusRis(syntheticPapers(5_000, 2)))]), "all.ris");
  await fetch(`${server.url}/api/projects/${projectId}/records/import`, { method: "POST", headers: { authorization: `Bearer ${lead.token}` }, body: form });
  const stage = `/projects/${projectId}/stages/title_abstract`;
  const assigned = (await (await api(server.url, lead.token, "POST", `${stage}/assignments`, { userId: reviewer.userId, percent: 10, seed: 1 })).json()) as { assignments: { user: { id: string }; recordIds: string[] | null; poolSize: number }[] };
  const sample = assigned.assignments.find((a) => a.user.id === reviewer.userId)!.recordIds!;
  const records = ((await (await api(server.url, lead.token, "GET", `/projects/${projectId}/records`)).json()) as { records: { id: string; duplicateOf: string | null }[] }).records.filter((r) => r.duplicateOf === null);
  const rate = async (who: typeof lead, id: string, decision: string) => {
    const t0 = performance.now();
    const response = await api(server.url, who.token, "PUT", `${stage}/items/${id}/rating`, { decision, submit: true });
    if (response.status !== 200) throw new Error(`rating failed: ${response.status} ${await response.text()}`);
    return performance.now() - t0;
  };
  const leadTimes: number[] = [];
  for (const [i, record] of records.entries()) leadTimes.push(await rate(lead, record.id, i % 7 === 0 ? "exclude" : "include"));
  const reviewerTimes: number[] = [];
  const agreementTimes: number[] = [];
  for (const [i, id] of sample.entries()) {
    reviewerTimes.push(await rate(reviewer, id, i % 11 === 0 ? "maybe" : "include"));
    if (i >= sample.length - 20) {
      const t0 = performance.now();
      await api(server.url, reviewer.token, "GET", `${stage}/agreement`).then((r) => r.json());
      agreementTimes.push(performance.now() - t0);
    }
  }
  row(`PUT a decision, lead (${records.length.toLocaleString("en")} records, all revealed as decided)`, leadTimes, "< 100 ms");
  row(`PUT a decision, reviewer (${sample.length} sampled)`, reviewerTimes, "< 100 ms");
  row("GET agreement after each of the last 20 decisions", agreementTimes, "< 200 ms");
  // The PRISMA diagram of that project, drawn from its counts: SVG on the event loop, PNG in a worker.
  for (const format of ["svg", "png"] as const) {
    const times: number[] = [];
    let bytes = 0;
    for (let run = 0; run < 10; run++) {
      const t0 = performance.now();
      const response = await api(server.url, lead.token, "GET", `/projects/${projectId}/prisma.${format}`);
      bytes = (await response.arrayBuffer()).byteLength;
      if (response.status !== 200) throw new Error(`prisma.${format}: ${response.status}`);
      times.push(performance.now() - t0);
    }
    row(`GET prisma.${format} (${(bytes / 1024).toFixed(0)} KB)`, times, "< 1000 ms");
  }
  // The engine alone on the same shape: every record screened by the lead, the sample by the reviewer too, 10% of it disagreeing.
  const sampled = new Set(sample);
  const items: ReviewItem[] = records.map(({ id }, i) => ({
    itemId: id,
    raters: sampled.has(id) ? ["lead", "reviewer"] : ["lead"],
    work: [
      { rater: "lead", answers: { decision: "include" }, comments: {}, submittedAt: "t" },
      ...(sampled.has(id) ? [{ rater: "reviewer", answers: { decision: i % 10 === 0 ? "exclude" : "include" }, comments: {}, submittedAt: "t" }] : []),
    ],
    consensus: null,
  }));
  const engine: number[] = [];
  for (let run = 0; run < 20; run++) {
    const t0 = performance.now();
    const tables = ratingTables(items, ["decision"]);
    itemAgreement(tables.before);
    itemAgreement(tables.after);
    engine.push(performance.now() - t0);
  }
  row(`agreement engine alone, before + after (${records.length.toLocaleString("en")} screened, ${sample.length} by both)`, engine, "< 20 ms");
  rows.push(["server peak memory after screening", `${peakMb(server.pid).toFixed(0)} MB`, "", "—"]);
} finally {
  await discard(server);
}
rows.push(["bench process peak memory (pure part)", `${benchPeak.toFixed(0)} MB`, "", "—"]);

const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join("  "));
console.log(`\nSecond file: ${found.duplicates} of 2,500 marked duplicate (1,500 expected); near pairs over all 5,000: ${found.pairs}; near search complete: ${found.complete}.`);
