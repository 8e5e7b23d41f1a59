// PostgreSQL refusing connections for a few seconds: the author's edit stays "not saved yet"
// (unacknowledged) while nothing can commit it, is saved by itself once PostgreSQL answers
// again, and what was acknowledged survives a kill -9. The outage is real: Concord reaches
// PostgreSQL through a small TCP relay in this test, closed and reopened on the same port.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { backend, backendEnv, discardBackend } from "../helpers/backend";
import { appendParagraph, connectSynced, type CollabClient } from "../helpers/collab";
import { projectWithTranscript, startServer, storedText, type ServerProcess } from "../helpers/server";
import { tcpRelay } from "../helpers/tcpRelay";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

test.runIf(backend === "postgres")("while PostgreSQL refuses connections an edit stays unsaved; it is saved by itself when PostgreSQL is back", async () => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "concord-test-"));
  cleanups.push(() => fs.rm(dataDir, { recursive: true, force: true }), () => discardBackend(dataDir));
  const direct = new URL((await backendEnv(dataDir)).DATABASE_URL!);
  const pg = await tcpRelay(Number(direct.port || 5432), direct.hostname);
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
