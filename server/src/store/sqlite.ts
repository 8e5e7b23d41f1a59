// The embedded default store: one SQLite file under the data directory, in WAL mode with
// full synchronous commits, so a commit that returned is on disk even if the process is
// killed the next instant.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { DatabaseSchema } from "./schema";

export function openSqlite(dataDir: string): Kysely<DatabaseSchema> {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "concord.sqlite");
  const database = new Database(file);
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = FULL");
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  return new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database }) });
}
