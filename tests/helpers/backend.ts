// Which store the test servers use: SQLite (the `tests` project) or PostgreSQL (`tests-pg`,
// CONCORD_TEST_BACKEND=postgres). On PostgreSQL every data directory a test makes gets its
// own database, named after it, so a server restarted on the same directory finds its data
// again and tests never see each other's rows; discarding the directory drops it.
import { createHash } from "node:crypto";
import pg from "pg";

export type Backend = "sqlite" | "postgres";

export const backend: Backend = process.env.CONCORD_TEST_BACKEND === "postgres" ? "postgres" : "sqlite";

/** The PostgreSQL the tests may create databases on (trust auth on this machine and CI). */
export const ADMIN_URL = process.env.CONCORD_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/**
 * Every test database of this run starts with this, so the run's leftovers (a test that
 * failed before discarding its server) are dropped at its end, and only its own: other runs
 * may share the PostgreSQL. CONCORD_TEST_RUN is set by postgresSetup.ts.
 */
export const TEST_DATABASE_PREFIX = `concord_test_${process.env.CONCORD_TEST_RUN ?? process.pid}_`;

function databaseName(dataDir: string): string {
  return TEST_DATABASE_PREFIX + createHash("sha256").update(dataDir).digest("hex").slice(0, 20);
}

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function onAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the database (if the backend is PostgreSQL and it does not exist yet). */
export async function createDatabase(name: string): Promise<void> {
  await onAdmin(async (client) => {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  });
}

export async function dropDatabase(name: string): Promise<void> {
  await onAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/**
 * The environment a Concord process needs to use the test backend for `dataDir`; on
 * PostgreSQL the database is created first.
 */
export async function backendEnv(dataDir: string): Promise<Record<string, string>> {
  if (backend === "sqlite") return {};
  const name = databaseName(dataDir);
  await createDatabase(name);
  return { DATABASE_URL: databaseUrl(name) };
}

/** The same, as openStore's options, for tests that open the store themselves. */
export async function storeOptions(dataDir: string): Promise<{ dataDir: string; databaseUrl?: string }> {
  const { DATABASE_URL } = await backendEnv(dataDir);
  return { dataDir, databaseUrl: DATABASE_URL };
}

/** Drops what `backendEnv` made for `dataDir` (nothing on SQLite: the directory is the data). */
export async function discardBackend(dataDir: string): Promise<void> {
  if (backend === "postgres") await dropDatabase(databaseName(dataDir));
}
