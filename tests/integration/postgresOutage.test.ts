// PostgreSQL refusing connections for a few seconds: the author's edit stays "not saved yet"
// (unacknowledged) while nothing can commit it, is saved by itself once PostgreSQL answers
// again, and what was acknowledged survives a kill -9. The outage is real: Concord reaches
// PostgreSQL through a small TCP relay in this test, closed and reopened on the same port.
import net from "node:net";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { backend, backendEnv, discardBackend } from "../helpers/backend";
import { appendParagraph, connectSynced, type CollabClient } from "../helpers/collab";
import { projectWithTranscript, startServer, storedText, type ServerProcess } from "../helpers/server";

/** A relay from a local port to PostgreSQL that can refuse connections (closed) and open again. */
async function relay(target: URL) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const [a, b] of [[client, upstream], [upstream, client]] as const) {
      sockets.add(a);
      a.on("error", () => b.destroy());
      a.on("close", () => (sockets.delete(a), b.destroy()));
      a.pipe(b);
    }
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    /** Drops every connection and refuses new ones, as a PostgreSQL that went away. */
    async refuse() {
      const closed = new Promise((resolve) => server.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    accept: () => listen(port),
    close: () => new Promise((resolve) => (server.listening ? server.close(resolve) : resolve(undefined))),
  };
}

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

test.runIf(backend === "postgres")("while PostgreSQL refuses connections an edit stays unsaved; it is saved by itself when PostgreSQL is back", async () => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "concord-test-"));
  cleanups.push(() => fs.rm(dataDir, { recursive: true, force: true }), () => discardBackend(dataDir));
  const direct = new URL((await backendEnv(dataDir)).DATABASE_URL!);
  const pg = await relay(direct);
  cleanups.push(pg.close);
  const throughRelay = new URL(direct);
  throughRelay.port = String(pg.port);
  const start = async () => {
    const server = await startServer({ dataDir, env: { DATABASE_URL: throughRelay.toString() } });
    cleanups.push(server.kill);
    return server;
  };
  let server: ServerProcess = await start();
  const { lead, documentId } = await projectWithTranscript(server.url);
  const editor: CollabClient = await connectSynced(server.url, documentId, lead.token);
  cleanups.push(async () => editor.destroy());
  appendParagraph(editor.doc, "Saved before the outage.");
  await editor.waitAcknowledged();

  await pg.refuse();
  appendParagraph(editor.doc, "Written while PostgreSQL refused.");
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  expect(editor.provider.unsyncedChanges).toBeGreaterThan(0);

  await pg.accept();
  await editor.waitAcknowledged(30_000);
  // Acknowledged means committed: it is there after a kill -9 with no chance to flush anything.
  editor.destroy();
  await server.kill();
  server = await start();
  const text = await storedText(server.url, lead.token, documentId);
  expect(text).toContain("Saved before the outage.");
  expect(text).toContain("Written while PostgreSQL refused.");
});
