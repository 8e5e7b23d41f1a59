// The embedded default store: one SQLite file under the data directory, in WAL mode.
//
// `normal` (the default) writes each commit to the WAL before returning, so it survives the
// process being killed at any instant, but leaves the fsync to checkpoints: a power cut or
// OS crash can lose the last moments. `full` fsyncs every commit and survives those too, at
// the cost of a disk flush per group of updates (see README, Performance).
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { DatabaseSchema } from "./schema";

export type SyncMode = "normal" | "full";

export function openSqlite(dataDir: string, sync: SyncMode = "normal"): Kysely<DatabaseSchema> {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "concord.sqlite");
  const database = new Database(file);
  database.pragma("journal_mode = WAL");
  database.pragma(`synchronous = ${sync === "full" ? "FULL" : "NORMAL"}`);
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  return new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database }) });
}
