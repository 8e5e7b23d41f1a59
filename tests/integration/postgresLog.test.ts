// The PostgreSQL update log: batches commit in the order they came, batches that arrive
// during a commit share the next one (group commit), and every connection commits
// synchronously, so a resolved write is on PostgreSQL's disk.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { sql } from "kysely";
import * as Y from "yjs";
import { afterEach, expect, test } from "vitest";
import { openPostgres } from "../../server/src/store/postgres";
import { PostgresLogWriter } from "../../server/src/store/postgresLogWriter";
import { openStore } from "../../server/src/store/store";
import { backend, discardBackend, storeOptions } from "../helpers/backend";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A migrated, empty Concord database of this test's own, and its address. */
async function database(): Promise<string> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "concord-test-"));
  cleanups.push(() => fs.rm(dataDir, { recursive: true, force: true }), () => discardBackend(dataDir));
  const options = await storeOptions(dataDir);
  await (await openStore(options)).close();
  // Updates of any document name: the log's own behaviour, not the documents table's.
  const store = await openStore(options);
  await sql`ALTER TABLE doc_updates DROP CONSTRAINT IF EXISTS doc_updates_document_id_fkey`.execute(store.db);
  await sql`ALTER TABLE doc_snapshots DROP CONSTRAINT IF EXISTS doc_snapshots_document_id_fkey`.execute(store.db);
  await store.close();
  return options.databaseUrl!;
}

const update = (documentId: string, byte: number) => ({ documentId, data: new Uint8Array([byte]) });

test.runIf(backend === "postgres")("batches commit in order; those arriving during a commit share the next transaction; commits are synchronous", async () => {
  const url = await database();
  const { db, pool } = openPostgres(url);
  cleanups.push(() => db.destroy());
  const writer = new PostgresLogWriter(pool);
  await Promise.all([
    writer.write([update("a", 1)]),
    writer.write([update("b", 2), update("a", 3)]),
    writer.write([update("c", 4)]),
  ]);
  await writer.close();

  const check = new pg.Client({ connectionString: url });
  await check.connect();
  cleanups.push(() => check.end());
  // xmin is the transaction that wrote a row.
  const { rows } = await check.query<{ document_id: string; data: Buffer; xmin: string }>("SELECT document_id, data, xmin::text FROM doc_updates ORDER BY seq");
  expect(rows.map((r) => [r.document_id, r.data[0]])).toEqual([["a", 1], ["b", 2], ["a", 3], ["c", 4]]);
  expect(rows[1]!.xmin).not.toBe(rows[0]!.xmin);
  expect(new Set(rows.slice(1).map((r) => r.xmin)).size).toBe(1);

  const { rows: setting } = await sql<{ synchronous_commit: string }>`SHOW synchronous_commit`.execute(db);
  expect(setting[0]!.synchronous_commit).toBe("on");
});

test.runIf(backend === "postgres")("a failed commit rejects its batches only; the next write commits on a fresh connection", async () => {
  const url = await database();
  const { db, pool } = openPostgres(url);
  cleanups.push(() => db.destroy());
  const writer = new PostgresLogWriter(pool);
  await writer.write([update("a", 1)]);
  // PostgreSQL ends every connection of the pool, as a restart would.
  await new pg.Client({ connectionString: url }).connect().then(async (admin) => {
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    await admin.end();
  });
  const results = await Promise.allSettled([writer.write([update("a", 2)]), writer.write([update("a", 3)])]);
  // The first write after the cut may fail on the dead connection; whatever failed was not stored.
  await writer.write([update("a", 4)]);
  await writer.close();
  const { rows } = await sql<{ data: Uint8Array }>`SELECT data FROM doc_updates ORDER BY seq`.execute(db);
  const stored = rows.map((r) => r.data[0]);
  const resolved = results.flatMap((r, i) => (r.status === "fulfilled" ? [i + 2] : []));
  expect(stored).toEqual([1, ...resolved, 4]);
});

test.runIf(backend === "postgres")("an update committed after a compaction with a lower number than it merged is still loaded", async () => {
  // PostgreSQL hands out seq when an insert starts: a slow transaction can commit seq N after
  // a compaction has merged N + 1 and recorded last_seq N + 1 (another process, or another
  // connection of this one). The late update must survive that compaction and the next load.
  const url = await database();
  const store = await openStore({ dataDir: "", databaseUrl: url });
  cleanups.push(() => store.close());
  const name = "late-commit-doc";
  const source = new Y.Doc();
  const updates: Uint8Array[] = [];
  source.on("update", (u: Uint8Array) => updates.push(u));
  source.getText("t").insert(0, "early ");
  source.getText("t").insert(6, "late ");
  source.getText("t").insert(11, "after");

  await store.documents.append(name, updates[0]!);
  const slow = new pg.Client({ connectionString: url });
  await slow.connect();
  cleanups.push(() => slow.end());
  await slow.query("BEGIN");
  await slow.query("INSERT INTO doc_updates (document_id, data, created_at) VALUES ($1, $2, $3)", [name, Buffer.from(updates[1]!), new Date().toISOString()]);
  await store.documents.append(name, updates[2]!);
  await store.documents.compact(name);
  await slow.query("COMMIT");

  const loaded = await store.documents.loadDoc(name);
  expect(loaded.getText("t").toString()).toBe("early late after");
  await store.documents.compact(name);
  expect((await store.documents.loadDoc(name)).getText("t").toString()).toBe("early late after");
});
