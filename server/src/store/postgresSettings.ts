// What the configuration needs to know about PostgreSQL, apart from postgres.ts so that
// reading the configuration does not load the pg driver: a process on SQLite never does.

/**
 * Connections per process. Concord's queries are short and the update log writes one batch
 * at a time, so a few connections keep a 2-core machine busy without PostgreSQL
 * context-switching between dozens of backends; raise it with CONCORD_DB_POOL_SIZE.
 */
export const DEFAULT_POOL_SIZE = 6;

/** Whether a DATABASE_URL names PostgreSQL. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}
