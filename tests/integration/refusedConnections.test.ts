// 10,000 refused connections leave nothing behind: no document loaded or loading, and no
// heap growth that scales with the number of refusals. A server that leaks per refusal
// (Hocuspocus 4.6–4.7 leaked a document and its timer per connection refused while
// loading, issue 1156) is taken down by anyone who can open a WebSocket.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, test } from "vitest";
import { CLOSE, UNAUTHENTICATED_SOCKETS } from "@concord/shared";
import { startServer, type RunningServer } from "../../server/src/server";
import { createProject, createTranscript, signUp, type TestUser } from "../helpers/server";
import { discardBackend, storeOptions } from "../helpers/backend";
import { authFrame, openRawSocket } from "./hocuspocusFrames";

const CONNECTIONS = 10_000;
const CONCURRENCY = 200;
/**
 * 10,000 refusals in under 16 MB is under 1.6 KB per refusal. Keeping each refused
 * ClientConnection alive (its request, headers, hook payloads, socket) measured ~8.6 KB per
 * connection (26 MB over 3,000), so a leak of that kind fails this five times over, while
 * the growth of a healthy server after a full GC measured 0.1–1.1 MB.
 */
const MAX_HEAP_GROWTH_BYTES = 16 * 1024 * 1024;

/** `global.gc` without needing `--expose-gc` on the command line (the root config is shared). */
function garbageCollector(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc") as () => void;
}

let server: RunningServer;
let dataDir: string;
let intruder: TestUser;
let othersDocumentId: string;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "concord-refusals-"));
  // All from one address, more at once than a single address may keep waiting to sign in.
  server = await startServer({
    port: 0,
    host: "127.0.0.1",
    ...(await storeOptions(dataDir)),
    unauthenticatedSockets: { ...UNAUTHENTICATED_SOCKETS, perAddress: CONCURRENCY },
  });
  const owner = await signUp(server.url, "Owner");
  othersDocumentId = await createTranscript(server.url, owner.token, await createProject(server.url, owner.token), "I: Private.");
  intruder = await signUp(server.url, "Intruder");
});

afterAll(async () => {
  await server?.close();
  if (dataDir) {
    await fs.rm(dataDir, { recursive: true, force: true });
    await discardBackend(dataDir);
  }
});

/** Names an intruder might try: another project's document, an unknown id, garbage. */
function forgedName(i: number): string {
  if (i % 3 === 0) return othersDocumentId;
  if (i % 3 === 1) return randomUUID();
  return `../${i}`;
}

async function refuseOne(i: number): Promise<void> {
  const socket = await openRawSocket(server.url);
  socket.ws.send(authFrame(forgedName(i), intruder.token));
  const frame = await socket.next((f) => f.kind === "refused");
  if (frame.kind !== "refused" || frame.reason !== CLOSE.noSuchDocument.reason) {
    throw new Error(`Connection ${i}: expected a refusal, got ${JSON.stringify(frame)}`);
  }
  socket.ws.close();
  await socket.closed;
}

async function refuseMany(count: number): Promise<void> {
  for (let start = 0; start < count; start += CONCURRENCY) {
    const batch = Array.from({ length: Math.min(CONCURRENCY, count - start) }, (_, k) => refuseOne(start + k));
    await Promise.all(batch);
  }
}

function heapAfterGc(gc: () => void): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

test(`memory stays flat over ${CONNECTIONS.toLocaleString("en")} refused connections`, { timeout: 180_000 }, async () => {
  const gc = garbageCollector();
  // Warm up first, so JIT code, socket pools and prepared statements are not counted as growth.
  await refuseMany(CONCURRENCY * 2);
  const before = heapAfterGc(gc);

  await refuseMany(CONNECTIONS);

  expect(server.hocuspocus.getDocumentsCount()).toBe(0);
  expect(server.hocuspocus.loadingDocuments.size).toBe(0);
  expect(server.hocuspocus.getConnectionsCount()).toBe(0);
  const growth = heapAfterGc(gc) - before;
  console.info(`heap growth after ${CONNECTIONS} refusals: ${(growth / 1024 / 1024).toFixed(2)} MB`);
  expect(growth).toBeLessThan(MAX_HEAP_GROWTH_BYTES);
});
