// The embedded default store: one SQLite file under the data directory, in WAL mode.
//
// `full` (the default) fsyncs every commit, so a committed update survives a power cut as
// well as the process being killed. `normal` leaves the fsync to checkpoints: it survives a
// killed process but a power cut or OS crash can lose the last moments. The update log is
// written from a worker thread, so the fsync never stalls the relay of edits (see README).
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { DatabaseSchema } from "./schema";

export type SyncMode = "normal" | "full";

/** The store's file inside the data directory. */
export const SQLITE_FILE = "concord.sqlite";

export function openSqlite(dataDir: string, sync: SyncMode = "full"): { db: Kysely<DatabaseSchema>; file: string } {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, SQLITE_FILE);
  const database = new Database(file);
  database.pragma("journal_mode = WAL");
  database.pragma(`synchronous = ${sync === "normal" ? "NORMAL" : "FULL"}`);
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  return { db: new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database }) }), file };
}
