// `pnpm bench:sync --many`: one Concord process holding many open transcripts at once (issue
// 10 §4: 1,000 transcripts, 3,000 connections, under 400 MB with edit propagation p99 under
// 10 ms). Each transcript is a short interview; three people have each open; then edits go
// to random transcripts, one at a time, and the other two people on it time their arrival.
import { connect, type CollabClient } from "../helpers/collab";
import { createTranscript, projectWithTranscript, type ServerProcess } from "../helpers/server";
import { residentMb } from "./barePeer";
import { syntheticTranscript } from "./syncMeasures";
import { percentile, timeEdit } from "./timing";

export const MANY = { documents: Number(process.env.BENCH_MANY_DOCUMENTS ?? 1_000), peoplePerDocument: 3, words: 600, rounds: 300 };

export interface ManyFigures {
  documents: number;
  connections: number;
  idleMb: number;
  openMb: number;
  p50: number;
  p99: number;
}

async function inBatches<T>(count: number, size: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < count; start += size) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(size, count - start) }, (_, k) => make(start + k)))));
  }
  return out;
}

export async function measureManyDocuments(server: ServerProcess): Promise<ManyFigures> {
  const { lead, projectId } = await projectWithTranscript(server.url);
  const text = syntheticTranscript(MANY.words);
  const documentIds = await inBatches(MANY.documents, 20, (i) => createTranscript(server.url, lead.token, projectId, text, `Interview ${i + 1}`));
  const idleMb = await residentMb(server.pid);
  console.error(`${documentIds.length} transcripts created; opening them…`);
  // Twenty rooms (sixty sockets) at a time: within the 64 sockets one address may have waiting to sign in.
  const rooms: CollabClient[][] = await inBatches(MANY.documents, 20, async (i) => {
    const room = Array.from({ length: MANY.peoplePerDocument }, () => connect(server.url, documentIds[i]!, lead.token));
    await Promise.all(room.map((c) => c.synced));
    return room;
  });
  const samples: number[] = [];
  let seed = 11;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed / 2147483648);
  try {
    // Let the server settle after the connection storm before reading its memory.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const openMb = await residentMb(server.pid);
    for (let round = 0; round < MANY.rounds; round++) {
      const room = rooms[Math.floor(next() * rooms.length)]!;
      const [editor, ...others] = room;
      samples.push(...(await timeEdit(editor!, others, ` r${round}`)).arrivals);
    }
    return {
      documents: rooms.length,
      connections: rooms.length * MANY.peoplePerDocument,
      idleMb,
      openMb,
      p50: percentile(samples, 50),
      p99: percentile(samples, 99),
    };
  } finally {
    for (const room of rooms) for (const client of room) client.destroy();
  }
}
