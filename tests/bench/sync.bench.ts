// `pnpm bench:sync`: how fast edits travel between people, how many edits per second the
// server durably takes, and how long a long transcript takes to open after a restart.
// A script, not a test: it prints figures beside aims and asserts nothing. Each figure is
// measured against the real server (a child process on loopback, temporary data directory),
// with the durable write path and with CONCORD_DURABILITY=off (benchmark-only switch; loses
// data), interleaved A-B-B-A, to show what durability costs. `--backend postgres` runs every
// server on PostgreSQL (a database of its own on 127.0.0.1:5432) instead of SQLite.
import "./backendOption";
import fs from "node:fs/promises";
import os from "node:os";
import { backend, discardBackend } from "../helpers/backend";
import { startServer, type ServerProcess } from "../helpers/server";
import { compareWithBarePeer } from "./anchors";
import { SHAPE } from "./anchorMeasures";
import { MANY, measureManyDocuments } from "./manyDocuments";
import { percentile } from "./timing";
import {
  measureColdLoad,
  measureLatency,
  measureThroughput,
  type LatencyResult,
  type ThroughputResult,
} from "./syncMeasures";

const LATENCY_RUNS = [
  { clients: 2, rounds: 200 },
  { clients: 10, rounds: 100 },
  { clients: 50, rounds: 40 },
] as const;
const THROUGHPUT = { writers: 10, editsEach: 200 } as const;
const COLD_LOAD = { words: 15_000, edits: 300, restarts: 3 } as const;
/** The aim for what the durable write path may cost, relative to no persistence at all. */
const MAX_DURABLE_COST = 0.1;
/**
 * Absolute aims (ours): on loopback, a keystroke should reach co-editors well inside the
 * ~100 ms people perceive as instant; a room of writers should never queue behind the log;
 * a long interview should open without a visible wait.
 */
const AIM = { propagationP50Ms: 50, propagationP99Ms: 150, updatesPerSecond: 1000, coldSyncMs: 500 } as const;

interface Figures {
  latency: Map<number, LatencyResult>;
  throughput: number;
}

type Pair = { durable: ServerProcess; off: ServerProcess };

/**
 * Runs `measure` on both servers in A-B-B-A order and pools the results, so that load drifting
 * during the run (this machine is shared) falls on both sides of the comparison alike.
 */
async function abba<T>(servers: Pair, measure: (server: ServerProcess) => Promise<T>): Promise<{ durable: T[]; off: T[] }> {
  const durable = [await measure(servers.durable)];
  const off = [await measure(servers.off), await measure(servers.off)];
  durable.push(await measure(servers.durable));
  return { durable, off };
}

function pool(results: LatencyResult[]): LatencyResult {
  return {
    propagation: results.flatMap((r) => r.propagation),
    acknowledgement: results.flatMap((r) => r.acknowledgement),
  };
}

async function measureBoth(servers: Pair): Promise<{ durable: Figures; off: Figures }> {
  const durable: Figures = { latency: new Map(), throughput: 0 };
  const off: Figures = { latency: new Map(), throughput: 0 };
  for (const run of LATENCY_RUNS) {
    const results = await abba(servers, (server) => measureLatency(server, run.clients, run.rounds));
    durable.latency.set(run.clients, pool(results.durable));
    off.latency.set(run.clients, pool(results.off));
  }
  const throughput = await abba(servers, (server) => measureThroughput(server, THROUGHPUT.writers, THROUGHPUT.editsEach));
  const rate = (runs: ThroughputResult[]) => runs.reduce((n, r) => n + r.updates, 0) / runs.reduce((t, r) => t + r.seconds, 0);
  durable.throughput = rate(throughput.durable);
  off.throughput = rate(throughput.off);
  return { durable, off };
}

async function discardAll(servers: ServerProcess[]): Promise<void> {
  for (const server of servers) {
    await server.stop();
    await fs.rm(server.dataDir, { recursive: true, force: true });
    await discardBackend(server.dataDir);
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const pct = (value: number) => `${value >= 0 ? "+" : ""}${(value * 100).toFixed(0)}%`;
const met = (ok: boolean) => (ok ? "yes" : "NO");

function row(cells: string[]): string {
  const widths = [38, 14, 14, 7, 22, 4];
  return cells.map((cell, i) => cell.padEnd(widths[i] ?? 10)).join(" │ ");
}

/** One latency line: absolute aim for the durable figure, and the durable path's relative cost. */
function latencyRow(label: string, durable: number, off: number, aimMs: number | null): string {
  const cost = (durable - off) / off;
  const aim = aimMs === null ? "(information)" : `< ${aimMs} ms; cost < ${MAX_DURABLE_COST * 100}%`;
  const ok = aimMs === null ? "" : met(durable < aimMs && cost < MAX_DURABLE_COST);
  return row([label, ms(durable), ms(off), pct(cost), aim, ok]);
}

function printComparison(durable: Figures, off: Figures): void {
  console.log(row(["figure", "durable", "durability off", "cost", "aim", "met"]));
  console.log("─".repeat(116));
  for (const { clients } of LATENCY_RUNS) {
    const d = durable.latency.get(clients)!;
    const o = off.latency.get(clients)!;
    for (const [p, aimMs] of [[50, AIM.propagationP50Ms], [99, AIM.propagationP99Ms]] as const) {
      const label = `propagation p${p}, ${clients} clients (n=${d.propagation.length})`;
      console.log(latencyRow(label, percentile(d.propagation, p), percentile(o.propagation, p), aimMs));
    }
    const label = `acknowledgement p50, ${clients} clients`;
    console.log(latencyRow(label, percentile(d.acknowledgement, 50), percentile(o.acknowledgement, 50), null));
  }
  const cost = (off.throughput - durable.throughput) / off.throughput;
  const label = `acknowledged updates/s, ${THROUGHPUT.writers} writers`;
  const aim = `≥ ${AIM.updatesPerSecond}/s; cost < ${MAX_DURABLE_COST * 100}%`;
  const ok = met(durable.throughput >= AIM.updatesPerSecond && cost < MAX_DURABLE_COST);
  console.log(row([label, durable.throughput.toFixed(0), off.throughput.toFixed(0), pct(cost), aim, ok]));
}

async function main(): Promise<void> {
  console.log(`Concord sync benchmark · Node ${process.version} · ${os.cpus().length} CPUs · load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  console.log(`Server: child process on 127.0.0.1 storing in ${backend === "postgres" ? "PostgreSQL (a fresh database)" : "SQLite (a fresh temp data dir)"}; all clients in this process.\n`);
  // `--peer`: only the comparison with the bare peer (a minute instead of several).
  if (process.argv.includes("--peer")) return printBarePeerComparison();
  // `--many`: only the thousand open transcripts.
  if (process.argv.includes("--many")) return printManyDocuments();
  const servers: Pair = { durable: await startServer({ built: true }), off: await startServer({ built: true, env: { CONCORD_DURABILITY: "off" } }) };
  try {
    const { durable, off } = await measureBoth(servers);
    printComparison(durable, off);
  } finally {
    await discardAll([servers.durable, servers.off]);
  }

  const { samples: cold, server } = await measureColdLoad(await startServer({ built: true }), COLD_LOAD.words, COLD_LOAD.edits, COLD_LOAD.restarts);
  await discardAll([server]);
  console.log(`\nCold load of a ${COLD_LOAD.words.toLocaleString("en")}-word transcript after restart (${COLD_LOAD.edits} edits logged before each):`);
  console.log(row(["restart", "connect→synced", "GET text", "", "aim", "met"]));
  for (const s of cold) {
    console.log(row([s.restart, ms(s.syncMs), ms(s.textMs), "", `synced < ${AIM.coldSyncMs} ms`, met(s.syncMs < AIM.coldSyncMs)]));
  }
  await printBarePeerComparison();
  await printManyDocuments();
  console.log(`\nload after run: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
}

async function printManyDocuments(): Promise<void> {
  const server = await startServer({ built: true });
  try {
    const f = await measureManyDocuments(server);
    console.log(`\nOne process, ${f.documents.toLocaleString("en")} open transcripts of ${MANY.words} words, ${f.connections.toLocaleString("en")} connections:`);
    console.log(row(["figure", "measured", "", "", "aim", "met"]));
    console.log(row(["server memory, before opening", `${f.idleMb.toFixed(0)} MB`, "", "", "(information)", ""]));
    console.log(row(["server memory, all open", `${f.openMb.toFixed(0)} MB`, "", "", "< 400 MB", met(f.openMb < 400)]));
    console.log(row([`propagation p50 (n=${MANY.rounds * (MANY.peoplePerDocument - 1)})`, ms(f.p50), "", "", "(information)", ""]));
    console.log(row(["propagation p99", ms(f.p99), "", "", "< 10 ms", met(f.p99 < 10)]));
  } finally {
    await discardAll([server]);
  }
}

/** Issue 10's anchors: Concord beside bare Hocuspocus + SQLite on the same document, in the same run. */
async function printBarePeerComparison(): Promise<void> {
  const { concord, peer } = await compareWithBarePeer();
  const shape = `${SHAPE.words.toLocaleString("en")} words, ${SHAPE.marks.toLocaleString("en")} marks, ${SHAPE.edits.toLocaleString("en")} word edits`;
  console.log(`\nAgainst bare Hocuspocus + SQLite (same document: ${shape}; graceful restarts):`);
  console.log(row(["figure", "Concord", "bare peer", "ratio", "aim", "met"]));
  const line = (label: string, ours: number, theirs: number, unit: string, aim: number) =>
    console.log(row([label, `${ours.toFixed(1)} ${unit}`, `${theirs.toFixed(1)} ${unit}`, `${(ours / theirs).toFixed(2)}×`, `≤ ${aim}× the peer`, met(ours <= theirs * aim)]));
  const median = (values: number[]) => percentile(values, 50);
  line("cold load, connect→synced (median)", median(concord.coldLoadMs), median(peer.coldLoadMs), "ms", 1);
  line("server memory, document loaded", concord.loadedMb, peer.loadedMb, "MB", 1);
  line("server memory, idle after start", concord.idleMb, peer.idleMb, "MB", 1);
  for (const [clients, p99] of concord.p99) line(`propagation p99, ${clients} clients`, p99, peer.p99.get(clients)!, "ms", 1.1);
}

await main();
