// The measurements behind `pnpm bench:sync`: each takes a running server and returns numbers,
// never judges them. Every loop is bounded; every wait is for an event.
import { performance } from "node:perf_hooks";
import { appendParagraph, connectSynced, paragraphText, type CollabClient } from "../helpers/collab";
import { timeEdit } from "./timing";
import { createTranscript, projectWithTranscript, startServer, storedText, type ServerProcess } from "../helpers/server";

async function connectMany(server: ServerProcess, documentId: string, token: string, count: number): Promise<CollabClient[]> {
  const clients: CollabClient[] = [];
  // Ten at a time: fifty simultaneous handshakes would measure the handshake, not the edit.
  for (let start = 0; start < count; start += 10) {
    const batch = Array.from({ length: Math.min(10, count - start) }, () => connectSynced(server.url, documentId, token));
    clients.push(...(await Promise.all(batch)));
  }
  return clients;
}

export interface LatencyResult {
  /** Edit → seen by another client, one sample per (round, receiving client), in ms. */
  propagation: number[];
  /** Edit → acknowledged to its author (durably stored, when durability is on), in ms. */
  acknowledgement: number[];
}

/** One client edits at a time (taking turns); every other client times its arrival. */
export async function measureLatency(server: ServerProcess, clientCount: number, rounds: number): Promise<LatencyResult> {
  const { lead, documentId } = await projectWithTranscript(server.url);
  const clients = await connectMany(server, documentId, lead.token, clientCount);
  const result: LatencyResult = { propagation: [], acknowledgement: [] };
  try {
    for (let round = 0; round < rounds; round++) {
      const editor = clients[round % clientCount]!;
      const { arrivals, acknowledged } = await timeEdit(editor, clients.filter((c) => c !== editor), ` r${round}`);
      result.propagation.push(...arrivals);
      result.acknowledgement.push(acknowledged);
    }
  } finally {
    for (const client of clients) client.destroy();
  }
  return result;
}

export interface ThroughputResult {
  updates: number;
  seconds: number;
  perSecond: number;
}

/** `writers` clients each send `editsEach` single-edit updates as fast as they can. */
export async function measureThroughput(server: ServerProcess, writers: number, editsEach: number): Promise<ThroughputResult> {
  const { lead, documentId } = await projectWithTranscript(server.url);
  const clients = await connectMany(server, documentId, lead.token, writers);
  try {
    clients.forEach((client, i) => appendParagraph(client.doc, `writer ${i}:`));
    await Promise.all(clients.map((client) => client.waitAcknowledged()));
    const allWriters = (text: string) => clients.every((_, i) => text.includes(`writer ${i}:`));
    await Promise.all(clients.map((client) => client.waitForText(allWriters)));
    const started = performance.now();
    for (let edit = 0; edit < editsEach; edit++) {
      for (const [i, client] of clients.entries()) {
        // Each writer types at the end of one of the writers' paragraphs (which one does not matter).
        const paragraph = paragraphText(client.doc, 2 + i);
        paragraph.insert(paragraph.length, ` ${edit}`);
      }
      // Let sends and acknowledgements flow; otherwise this measures the client's send queue.
      if (edit % 10 === 9) await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(clients.map((client) => client.waitAcknowledged(120_000)));
    const seconds = (performance.now() - started) / 1000;
    const updates = writers * editsEach;
    return { updates, seconds, perSecond: updates / seconds };
  } finally {
    for (const client of clients) client.destroy();
  }
}

/** A deterministic interview transcript of about `words` words in 60-word turns. */
export function syntheticTranscript(words: number): string {
  const vocabulary = "the clinic patient nurse shift we they said really time because care family work felt like team waiting room".split(" ");
  let seed = 42;
  const lines: string[] = [];
  for (let written = 0, turn = 0; written < words; turn++) {
    const length = Math.min(60, words - written);
    const turnWords = Array.from({ length }, () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return vocabulary[seed % vocabulary.length]!;
    });
    lines.push(`${turn % 2 === 0 ? "I" : "P"}: ${turnWords.join(" ")}.`);
    written += length;
  }
  return lines.join("\n");
}

export interface ColdLoadSample {
  restart: "graceful" | "kill -9";
  /** Connect → synced on the first connection after the restart, in ms. */
  syncMs: number;
  /** GET /api/documents/:id/text, in ms. */
  textMs: number;
}

/**
 * Creates a transcript of `words` words, edits it (`edits` logged updates), then restarts the
 * server `restarts` times gracefully (compacted snapshot) and once with kill -9 (snapshot plus
 * an un-compacted log), timing the first load each time. Returns the samples and the server now running.
 */
export async function measureColdLoad(
  first: ServerProcess,
  words: number,
  edits: number,
  restarts: number,
): Promise<{ samples: ColdLoadSample[]; server: ServerProcess }> {
  const { lead, projectId } = await projectWithTranscript(first.url);
  const documentId = await createTranscript(first.url, lead.token, projectId, syntheticTranscript(words), "Long interview");
  let server = first;
  const samples: ColdLoadSample[] = [];
  for (let i = 0; i <= restarts; i++) {
    const editor = await connectSynced(server.url, documentId, lead.token);
    for (let e = 0; e < edits; e++) paragraphText(editor.doc, e % 50).insert(0, "x");
    await editor.waitAcknowledged(120_000);
    editor.destroy();
    const restart = i < restarts ? "graceful" : "kill -9";
    await (restart === "graceful" ? server.stop() : server.kill());
    server = await startServer({ built: true, dataDir: server.dataDir });

    let started = performance.now();
    const reader = await connectSynced(server.url, documentId, lead.token);
    const syncMs = performance.now() - started;
    reader.destroy();
    started = performance.now();
    const text = await storedText(server.url, lead.token, documentId);
    const textMs = performance.now() - started;
    if (text.split(/\s+/).length < words) throw new Error(`The reloaded transcript has only ${text.split(/\s+/).length} words.`);
    samples.push({ restart, syncMs, textMs });
  }
  return { samples, server };
}
