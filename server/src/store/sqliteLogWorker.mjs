// @ts-check
// Worker thread that appends Yjs updates to the SQLite update log, so the commit (and, with
// CONCORD_SYNC=full, its fsync) never blocks the event loop that relays edits between people.
// Plain JavaScript on purpose: a worker gets no TypeScript loader under every runner (tsx,
// vitest, plain node), and this file is small enough not to need one.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

/** @type {{ file: string; synchronous: "FULL" | "NORMAL" }} */
const { file, synchronous } = workerData;
const db = new Database(file);
db.pragma("journal_mode = WAL");
db.pragma(`synchronous = ${synchronous}`);
db.pragma("busy_timeout = 5000");

/** @type {((updates: {documentId: string; data: Uint8Array}[], now: string) => void) | null} */
let insertAll = null;

/** Prepared on first use, so a problem with the table is reported for that write, not as a crash. */
function inserter() {
  if (insertAll) return insertAll;
  const insert = db.prepare("INSERT INTO doc_updates (document_id, data, created_at) VALUES (?, ?, ?)");
  insertAll = db.transaction((updates, now) => {
    for (const update of updates) insert.run(update.documentId, update.data, now);
  });
  return insertAll;
}

parentPort?.on("message", (/** @type {{ id: number; updates?: {documentId: string; data: Uint8Array}[]; close?: true }} */ message) => {
  if (message.close) {
    db.close();
    parentPort?.close();
    return;
  }
  try {
    inserter()(message.updates ?? [], new Date().toISOString());
    parentPort?.postMessage({ id: message.id });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
