// The PostgreSQL store (`DATABASE_URL=postgres://…`): the same Kysely queries over a `pg` pool.
//
// Every connection runs with synchronous_commit on, whatever the server's default, so a
// commit that returned is on PostgreSQL's disk before anyone is told their change is saved.
import pg from "pg";
import { Kysely, PostgresDialect } from "kysely";
import type { DatabaseSchema } from "./schema";
import { DEFAULT_POOL_SIZE } from "./postgresSettings";

/** bigint columns (the log's seq) as numbers, as SQLite gives them: they stay far below 2^53. */
const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

export function openPostgres(url: string, poolSize = DEFAULT_POOL_SIZE): { db: Kysely<DatabaseSchema>; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types,
    options: "-c synchronous_commit=on",
    // A PostgreSQL that stops answering fails a query within seconds rather than holding it.
    connectionTimeoutMillis: 5_000,
  });
  // An idle connection that PostgreSQL drops (a restart, a network cut) is replaced on next
  // use; without a listener the pool's error event would end the process.
  pool.on("error", (error) => console.error("A PostgreSQL connection was lost (it is replaced on next use):", error.message));
  return { db: new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) }), pool };
}
