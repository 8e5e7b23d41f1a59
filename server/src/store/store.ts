// The storage interface every part of the server goes through. Relational data is queried
// with Kysely (the same queries run on SQLite and PostgreSQL); document state sits behind
// DocumentStateStore, whose write path is the one that must never lose an acknowledged update.
import { sql, type Kysely } from "kysely";
import type { DatabaseSchema } from "./schema";
import { type Dialect } from "./migrations";
import { migrate } from "./migrate";
import { openSqlite, type SyncMode } from "./sqlite";
import { DocumentStateStore } from "./documentState";
import { SqliteLogWriter } from "./sqliteLogWriter";
import type { UpdateLogWriter } from "./updateLog";

export interface Store {
  dialect: Dialect;
  db: Kysely<DatabaseSchema>;
  documents: DocumentStateStore;
  /**
   * Runs `work` while no other Concord process on the same database runs its own: migrating
   * and seeding an empty database happen once when several processes start together.
   */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  /** Flushes pending writes and closes the connection. */
  close(): Promise<void>;
}

export interface StoreOptions {
  /** Where the embedded SQLite store lives (ignored when `databaseUrl` is set). */
  dataDir: string;
  /** `postgres://…`: store everything in PostgreSQL instead. */
  databaseUrl?: string;
  /** PostgreSQL connections this process opens at most. */
  poolSize?: number;
  /** How hard each SQLite commit is pushed to disk; see sqlite.ts. */
  sync?: SyncMode;
}

/** Any number of ours, the same in every process: the key of PostgreSQL's advisory lock. */
const SETUP_LOCK = 7_310_201;

/** Opens the store (SQLite under `dataDir`, or PostgreSQL), creating and migrating it on first use. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const opened = options.databaseUrl ? await postgresParts(options.databaseUrl, options.poolSize) : sqliteParts(options);
  const { dialect, db, log } = opened;
  const store: Store = {
    dialect,
    db,
    documents: new DocumentStateStore(db, log, dialect),
    exclusively: opened.exclusively,
    async close() {
      await store.documents.flush();
      await log.close();
      await db.destroy();
    },
  };
  try {
    await store.exclusively(() => migrate(db, dialect));
  } catch (error) {
    await log.close();
    await db.destroy();
    throw error;
  }
  return store;
}

interface Parts {
  dialect: Dialect;
  db: Kysely<DatabaseSchema>;
  log: UpdateLogWriter;
  exclusively: Store["exclusively"];
}

function sqliteParts(options: StoreOptions): Parts {
  const { db, file } = openSqlite(options.dataDir, options.sync);
  // One process owns an SQLite file, so there is nobody to exclude.
  return { dialect: "sqlite", db, log: new SqliteLogWriter(file, options.sync ?? "full"), exclusively: (work) => work() };
}

/** Loaded only here: a process on SQLite never loads the pg driver. */
async function postgresParts(url: string, poolSize?: number): Promise<Parts> {
  const [{ openPostgres }, { PostgresLogWriter }] = await Promise.all([import("./postgres"), import("./postgresLogWriter")]);
  const { db, pool } = openPostgres(url, poolSize);
  return {
    dialect: "postgres",
    db,
    log: new PostgresLogWriter(pool),
    // A session lock, held on one connection of the pool while `work` uses the others.
    exclusively: (work) =>
      db.connection().execute(async (connection) => {
        await sql`SELECT pg_advisory_lock(${SETUP_LOCK})`.execute(connection);
        try {
          return await work();
        } finally {
          await sql`SELECT pg_advisory_unlock(${SETUP_LOCK})`.execute(connection);
        }
      }),
  };
}
