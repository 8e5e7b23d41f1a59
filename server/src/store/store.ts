// The storage interface every part of the server goes through. Relational data is queried
// with Kysely (the same queries run on SQLite and PostgreSQL); document state sits behind
// DocumentStateStore, whose write path is the one that must never lose an acknowledged update.
import type { Kysely } from "kysely";
import { Migrator, type MigrationProvider } from "kysely/migration";
import type { DatabaseSchema } from "./schema";
import { migrations, type Dialect } from "./migrations";
import { openSqlite, type SyncMode } from "./sqlite";
import { DocumentStateStore } from "./documentState";
import { SqliteLogWriter } from "./sqliteLogWriter";

export interface Store {
  dialect: Dialect;
  db: Kysely<DatabaseSchema>;
  documents: DocumentStateStore;
  /** Flushes pending writes and closes the connection. */
  close(): Promise<void>;
}

export interface StoreOptions {
  dataDir: string;
  /** How hard each commit is pushed to disk; see sqlite.ts. */
  sync?: SyncMode;
}

async function migrate(db: Kysely<DatabaseSchema>, dialect: Dialect): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error;
}

/** Opens the embedded SQLite store under `dataDir`, creating and migrating it on first use. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const dialect: Dialect = "sqlite";
  const { db, file } = openSqlite(options.dataDir, options.sync);
  await migrate(db, dialect);
  const log = new SqliteLogWriter(file, options.sync ?? "full");
  const documents = new DocumentStateStore(db, log);
  return {
    dialect,
    db,
    documents,
    async close() {
      await documents.flush();
      await log.close();
      await db.destroy();
    },
  };
}
