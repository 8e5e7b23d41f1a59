// Brings a database up to this version's schema, and refuses one that a newer version of
// Concord has already moved on: this version would not know what its tables mean.
import { sql, type Kysely } from "kysely";
import { Migrator, type MigrationProvider } from "kysely/migration";
import { migrations, type Dialect } from "./migrations";
import type { DatabaseSchema } from "./schema";

/** A reason this version must not use the database, in words for whoever runs Concord. */
export class StoreRefusal extends Error {}

async function appliedMigrations(db: Kysely<DatabaseSchema>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === "kysely_migration")) return [];
  const rows = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
  return rows.rows.map((r) => r.name);
}

export async function migrate(db: Kysely<DatabaseSchema>, dialect: Dialect): Promise<void> {
  const known = migrations(dialect);
  const unknown = (await appliedMigrations(db)).filter((name) => !(name in known)).sort();
  if (unknown.length > 0) {
    throw new StoreRefusal(
      `This database was set up by a newer version of Concord (it has changes this version does not know: ${unknown.join(", ")}). ` +
        "Nothing was changed. Start the newer version of Concord, or restore a backup made with this version.",
    );
  }
  const provider: MigrationProvider = { getMigrations: async () => known };
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error;
}
