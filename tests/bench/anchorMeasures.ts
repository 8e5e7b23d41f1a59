// The figures issue 10 holds Concord to, each measured on Concord and on the bare peer in the
// same run: a 20,000-word transcript shaped as Tiptap writes it (speaker turns of paragraphs,
// marks as formatting attributes), with 2,000 marks and 2,000 word edits each sent as its
// own update; its cold load after a restart; the server's memory with it loaded; and edit
// propagation with 10 and 100 clients on it.
import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { TRANSCRIPT_FIELD, parseTranscript, writeTranscript } from "@concord/shared";
import { connect, connectSynced, type CollabClient } from "../helpers/collab";
import { syntheticTranscript } from "./syncMeasures";
import { percentile, timeEdit } from "./timing";

export const SHAPE = { words: 20_000, marks: 2_000, edits: 2_000 } as const;

/** Where a client connects: Concord (a document id and an API token) or the bare peer (any name). */
export interface Target {
  url: string;
  documentName: string;
  token: string;
}

/** Every Y.XmlText of the transcript (each paragraph holds one). */
function texts(doc: Y.Doc): Y.XmlText[] {
  const found: Y.XmlText[] = [];
  const visit = (node: Y.XmlElement | Y.XmlText | Y.XmlHook | Y.XmlFragment) => {
    if (node instanceof Y.XmlText) found.push(node);
    else if (node instanceof Y.XmlElement || node instanceof Y.XmlFragment) node.toArray().forEach(visit);
  };
  visit(doc.getXmlFragment(TRANSCRIPT_FIELD));
  return found;
}

/** The same pseudo-random sequence on every run, so both servers get identical edits. */
function random(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed / 2147483648);
}

/** Writes the transcript (when `writeText`), then the marks and word edits, each its own update. */
export async function buildDocument(target: Target, writeText: boolean): Promise<void> {
  const client = await connectSynced(target.url, target.documentName, target.token);
  try {
    if (writeText) writeTranscript(client.doc, parseTranscript(syntheticTranscript(SHAPE.words)));
    const all = texts(client.doc);
    const next = random(7);
    const pick = () => all[Math.floor(next() * all.length)]!;
    for (let i = 0; i < SHAPE.marks + SHAPE.edits; i++) {
      const text = pick();
      const at = Math.floor(next() * Math.max(1, text.length - 12));
      if (i % 2 === 0) text.format(at, 8, { [i % 4 === 0 ? "bold" : "italic"]: {} });
      else text.insert(at, "really ");
      // Let sends and acknowledgements flow, as typing would.
      if (i % 20 === 19) await new Promise((resolve) => setImmediate(resolve));
    }
    await client.waitAcknowledged(300_000);
  } finally {
    client.destroy();
  }
}

/** Connect → synced on the first connection to a freshly started server. */
export async function coldLoad(target: Target): Promise<{ ms: number; client: CollabClient }> {
  const started = performance.now();
  const client = await connectSynced(target.url, target.documentName, target.token);
  return { ms: performance.now() - started, client };
}

/** Edit → seen by every other client, `rounds` times, taking turns; the p99 in ms. */
export async function propagationP99(target: Target, clientCount: number, rounds: number): Promise<number> {
  const clients: CollabClient[] = [];
  for (let start = 0; start < clientCount; start += 10) {
    const batch = Array.from({ length: Math.min(10, clientCount - start) }, () => connect(target.url, target.documentName, target.token));
    await Promise.all(batch.map((c) => c.synced));
    clients.push(...batch);
  }
  const samples: number[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      const editor = clients[round % clientCount]!;
      samples.push(...(await timeEdit(editor, clients.filter((c) => c !== editor), ` r${round}`)).arrivals);
    }
  } finally {
    for (const client of clients) client.destroy();
  }
  return percentile(samples, 99);
}

export interface AnchorFigures {
  coldLoadMs: number[];
  /** Resident memory of the server process, idle after the restart and with the document loaded. */
  idleMb: number;
  loadedMb: number;
  p99: Map<number, number>;
}
