// Two people typing into the same paragraph at the same time end up with the same text,
// and nobody's words are lost: what a co-production workspace exists for.
import { afterAll, beforeAll, expect, test } from "vitest";
import { connectSynced, paragraphText, type CollabClient } from "../helpers/collab";
import { discard, projectWithTranscript, startServer, storedText, type ServerProcess } from "../helpers/server";

let server: ServerProcess;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  if (server) await discard(server);
});

/** A small deterministic PRNG (mulberry32), so a failure replays the same interleaving. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECE = /\[[ab]\d+\]/g;

/** A random offset in the paragraph that does not split a piece already there. */
function offsetBetweenPieces(text: string, next: () => number): number {
  const inside = new Set<number>();
  for (const match of text.matchAll(PIECE)) {
    for (let i = match.index + 1; i < match.index + match[0].length; i++) inside.add(i);
  }
  const allowed = [...Array(text.length + 1).keys()].filter((i) => !inside.has(i));
  return allowed[Math.floor(next() * allowed.length)]!;
}

function insertPiece(client: CollabClient, piece: string, next: () => number): void {
  const paragraph = paragraphText(client.doc, 0);
  paragraph.insert(offsetBetweenPieces(paragraph.toString(), next), piece);
}

test("two clients editing one paragraph concurrently converge and keep every edit", async () => {
  const { lead, documentId } = await projectWithTranscript(server.url);
  const alice = await connectSynced(server.url, documentId, lead.token);
  const bob = await connectSynced(server.url, documentId, lead.token);
  const next = random(20261122);
  const pieces: string[] = [];
  try {
    const ROUNDS = 150;
    for (let round = 0; round < ROUNDS; round++) {
      // Both edit in the same tick, each before seeing the other's edit: truly concurrent.
      insertPiece(alice, `[a${round}]`, next);
      insertPiece(bob, `[b${round}]`, next);
      pieces.push(`[a${round}]`, `[b${round}]`);
      // Every few rounds let messages flow, so some edits build on the other's and some don't.
      if (round % 7 === 6) await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all([alice.waitAcknowledged(), bob.waitAcknowledged()]);
    const hasAll = (text: string) => pieces.every((piece) => text.includes(piece));
    const [aliceText, bobText] = await Promise.all([alice.waitForText(hasAll), bob.waitForText(hasAll)]);
    await alice.waitForText((text) => text === bob.text());

    expect(alice.text()).toBe(bob.text());
    expect(aliceText.match(PIECE)).toHaveLength(pieces.length);
    expect(bobText.match(PIECE)).toHaveLength(pieces.length);
    // The original words are intact around the insertions.
    expect(alice.text().replace(PIECE, "")).toBe("I: Tell me about your work.\nP: I coordinate the clinic.");
    // What the server stored is exactly what both people see.
    expect(await storedText(server.url, lead.token, documentId)).toBe(alice.text());
  } finally {
    alice.destroy();
    bob.destroy();
  }
});
