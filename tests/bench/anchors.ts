// `pnpm bench:sync`'s comparison with the bare peer (issue 10 §4): the same Tiptap-shaped
// document built on Concord and on bare Hocuspocus + SQLite, then, taking turns A-B-B-A so
// that the shared machine's load falls on both alike: cold load after a graceful restart,
// server memory idle and with the document loaded, and propagation p99 with 10 and 100
// clients on it.
import fs from "node:fs/promises";
import { discardBackend } from "../helpers/backend";
import { createTranscript, projectWithTranscript, startServer } from "../helpers/server";
import { buildDocument, coldLoad, propagationP99, SHAPE, type AnchorFigures, type Target } from "./anchorMeasures";
import { residentMb, startBarePeer } from "./barePeer";
import { syntheticTranscript } from "./syncMeasures";

const ROUNDS = 2; // each round: A, B, B, A
const PROPAGATION = [
  { clients: 10, rounds: 60 },
  { clients: 100, rounds: 20 },
] as const;

interface Running {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** One side of the comparison: how to (re)start it and where its document is. */
interface Side {
  restart(): Promise<Running>;
  target(server: Running): Target;
  server: Running;
  figures: AnchorFigures & { propagation: Map<number, number[]> };
}

async function concordSide(): Promise<Side & { cleanUp(): Promise<void> }> {
  const first = await startServer({ built: true });
  const { lead, projectId } = await projectWithTranscript(first.url);
  // Created as people create it (an import over REST), then edited over the socket.
  const documentId = await createTranscript(first.url, lead.token, projectId, syntheticTranscript(SHAPE.words), "Long interview");
  const target = (server: Running): Target => ({ url: server.url, documentName: documentId, token: lead.token });
  await buildDocument(target(first), false);
  return {
    server: first,
    target,
    restart: () => startServer({ built: true, dataDir: first.dataDir }),
    figures: emptyFigures(),
    async cleanUp() {
      await fs.rm(first.dataDir, { recursive: true, force: true });
      await discardBackend(first.dataDir);
    },
  };
}

async function peerSide(): Promise<Side & { cleanUp(): Promise<void> }> {
  const first = await startBarePeer();
  const target = (server: Running): Target => ({ url: server.url, documentName: "long-interview", token: "unused" });
  await buildDocument(target(first), true);
  return {
    server: first,
    target,
    restart: () => startBarePeer(first.dataDir),
    figures: emptyFigures(),
    cleanUp: () => fs.rm(first.dataDir, { recursive: true, force: true }),
  };
}

function emptyFigures(): Side["figures"] {
  return { coldLoadMs: [], idleMb: 0, loadedMb: 0, p99: new Map(), propagation: new Map() };
}

/** A graceful restart, then the first load and the memory before and after it. */
async function restartAndLoad(side: Side): Promise<void> {
  await side.server.stop();
  side.server = await side.restart();
  // Let the process finish starting (lazy modules, caches) before reading its idle memory.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const idle = await residentMb(side.server.pid);
  const { ms, client } = await coldLoad(side.target(side.server));
  const loaded = await residentMb(side.server.pid);
  client.destroy();
  side.figures.coldLoadMs.push(ms);
  side.figures.idleMb = Math.max(side.figures.idleMb, idle);
  side.figures.loadedMb = Math.max(side.figures.loadedMb, loaded);
}

async function propagation(side: Side): Promise<void> {
  for (const run of PROPAGATION) {
    const p99 = await propagationP99(side.target(side.server), run.clients, run.rounds);
    side.figures.propagation.set(run.clients, [...(side.figures.propagation.get(run.clients) ?? []), p99]);
  }
}

export async function compareWithBarePeer(): Promise<{ concord: AnchorFigures; peer: AnchorFigures }> {
  const concord = await concordSide();
  const peer = await peerSide();
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const side of [concord, peer, peer, concord]) await restartAndLoad(side);
    }
    for (const side of [concord, peer, peer, concord]) await propagation(side);
    // The worse of each side's two p99s: a tail figure should not be flattered by averaging.
    for (const side of [concord, peer]) for (const [clients, runs] of side.figures.propagation) side.figures.p99.set(clients, Math.max(...runs));
    return { concord: concord.figures, peer: peer.figures };
  } finally {
    await concord.server.stop();
    await peer.server.stop();
    await concord.cleanUp();
    await peer.cleanUp();
  }
}
