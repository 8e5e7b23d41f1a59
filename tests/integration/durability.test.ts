// A change the editor showed as saved is never lost: not on a normal restart, and not when
// the process is killed the instant after the acknowledgement (kill -9, power cut).
import { afterEach, expect, test } from "vitest";
import { openStore } from "../../server/src/store/store";
import { readTranscriptText } from "@concord/shared";
import { storeOptions } from "../helpers/backend";
import { appendParagraph, connectSynced, paragraphText, type CollabClient } from "../helpers/collab";
import { discard, projectWithTranscript, startServer, storedText, type ServerProcess } from "../helpers/server";

const running = new Set<ServerProcess>();
const clients = new Set<CollabClient>();

async function start(dataDir?: string): Promise<ServerProcess> {
  const server = await startServer({ dataDir });
  running.add(server);
  return server;
}

async function open(server: ServerProcess, documentId: string, token: string): Promise<CollabClient> {
  const client = await connectSynced(server.url, documentId, token);
  clients.add(client);
  return client;
}

afterEach(async () => {
  for (const client of clients) client.destroy();
  clients.clear();
  await Promise.all([...running].map(discard));
  running.clear();
});

test("content survives a graceful restart", async () => {
  const first = await start();
  const { lead, documentId } = await projectWithTranscript(first.url);
  const editor = await open(first, documentId, lead.token);
  appendParagraph(editor.doc, "Saved before a normal restart.");
  await editor.waitAcknowledged();
  editor.destroy();
  await first.stop();

  const second = await start(first.dataDir);
  expect(await storedText(second.url, lead.token, documentId)).toContain("Saved before a normal restart.");
  const reader = await open(second, documentId, lead.token);
  expect(reader.text()).toContain("I: Tell me about your work.");
  expect(reader.text()).toContain("Saved before a normal restart.");
});

test("an acknowledged edit survives kill -9 straight after the acknowledgement", async () => {
  const first = await start();
  const { lead, documentId } = await projectWithTranscript(first.url);
  const editor = await open(first, documentId, lead.token);
  paragraphText(editor.doc, 1).insert(0, "Acknowledged, then killed. ");
  await editor.waitAcknowledged();
  await first.kill();

  const second = await start(first.dataDir);
  expect(await storedText(second.url, lead.token, documentId)).toContain("P: Acknowledged, then killed. I coordinate the clinic.");
  const reader = await open(second, documentId, lead.token);
  expect(reader.text()).toContain("Acknowledged, then killed.");
});

test("a burst of 600 acknowledged edits (crossing background compaction) survives kill -9 after the last acknowledgement, and the store stays usable", async () => {
  const first = await start();
  const { lead, documentId } = await projectWithTranscript(first.url);
  const editor = await open(first, documentId, lead.token);
  const paragraph = paragraphText(editor.doc, 1);
  // More than the store's COMPACT_AFTER_UPDATES (500), so a background compaction runs
  // during the burst and the kill lands on a store that has just been compacted and appended to.
  const BURST = 600;
  for (let i = 0; i < BURST; i++) {
    // One transaction, so one update message, per keystroke-sized edit.
    paragraph.insert(paragraph.length, ` e${i}`);
    if (i % 20 === 19) await new Promise((resolve) => setImmediate(resolve));
  }
  await editor.waitAcknowledged(60_000);
  const expected = editor.text();
  await first.kill();

  const second = await start(first.dataDir);
  expect(await storedText(second.url, lead.token, documentId)).toBe(expected);
  const reader = await open(second, documentId, lead.token);
  expect(reader.text()).toBe(expected);
  expect(reader.text()).toContain(Array.from({ length: BURST }, (_, i) => ` e${i}`).join(""));

  // The store is still a working store: new edits are taken, and a graceful stop leaves
  // a database that opens and loads the same text outside the server.
  appendParagraph(reader.doc, "Written after the crash.");
  await reader.waitAcknowledged();
  reader.destroy();
  clients.delete(reader);
  await second.stop();
  const store = await openStore(await storeOptions(first.dataDir));
  try {
    const doc = await store.documents.loadDoc(documentId);
    expect(readTranscriptText(doc)).toBe(`${expected}\nWritten after the crash.`);
    doc.destroy();
  } finally {
    await store.close();
  }
});
