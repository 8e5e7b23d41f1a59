// `pnpm concord <command>`: operations on a Concord instance's store, run beside or instead
// of the server. The store is the one the server would use: DATABASE_URL when set, else the
// SQLite file under CONCORD_DATA_DIR.
//
//   migrate-store --to postgres://…   copy the SQLite instance into an empty PostgreSQL database
//   backup --to FILE                  write the whole instance to FILE (an SQLite file)
//   restore --from FILE               load a backup into an empty instance
//
// Every copy is checked against its source (rows of every table by count and content, and
// every document's state) before the command says it is done.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { configFromEnv, type Config } from "./config";
import { copyStore, CopyError, type CopyReport } from "./store/copyStore";
import { StoreRefusal } from "./store/migrate";
import { isPostgresUrl } from "./store/postgresSettings";
import { SQLITE_FILE } from "./store/sqlite";
import { openStore, type Store } from "./store/store";

const USAGE = `Usage:
  pnpm concord migrate-store --to postgres://user@host:5432/database
  pnpm concord backup --to FILE
  pnpm concord restore --from FILE`;

/** The instance's own store; an SQLite one must already exist (a typo'd directory is not an empty instance). */
async function openConfigured(config: Config): Promise<Store> {
  if (!config.databaseUrl && !fs.existsSync(path.join(config.dataDir, SQLITE_FILE))) {
    throw new CopyError(`There is no Concord data in ${config.dataDir}. Set CONCORD_DATA_DIR to the instance's data directory.`);
  }
  return openStore(config);
}

function describe(report: CopyReport): string {
  const tables = Object.entries(report.rows)
    .map(([table, n]) => `${n} ${table}`)
    .join(", ");
  return `${tables}; ${report.documents} document states. Every table and every document was checked against the source.`;
}

async function withStores<T>(open: [() => Promise<Store>, () => Promise<Store>], work: (a: Store, b: Store) => Promise<T>): Promise<T> {
  const a = await open[0]();
  try {
    const b = await open[1]();
    try {
      return await work(a, b);
    } finally {
      await b.close();
    }
  } finally {
    await a.close();
  }
}

async function migrateStore(config: Config, to: string): Promise<string> {
  if (!isPostgresUrl(to)) throw new CopyError("--to must be a PostgreSQL address such as postgres://concord@localhost:5432/concord.");
  const report = await withStores(
    [() => openConfigured({ ...config, databaseUrl: undefined }), () => openStore({ dataDir: config.dataDir, databaseUrl: to })],
    (from, target) => copyStore(from, target, "The PostgreSQL database"),
  );
  return `Copied the SQLite instance in ${config.dataDir} into PostgreSQL: ${describe(report)}\nStart Concord with DATABASE_URL set to use it.`;
}

/** A fresh directory for an SQLite store that only this command uses. */
function scratchDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "concord-copy-"));
}

async function backup(config: Config, file: string): Promise<string> {
  if (fs.existsSync(file)) throw new CopyError(`${file} already exists. Nothing was written: name a new file.`);
  const scratch = scratchDir();
  try {
    const report = await withStores([() => openConfigured(config), () => openStore({ dataDir: scratch })], (from, target) =>
      copyStore(from, target, "The backup"),
    );
    // One self-contained file (the scratch store may still have a write-ahead log beside it).
    const db = new Database(path.join(scratch, SQLITE_FILE), { readonly: true });
    try {
      db.prepare("VACUUM INTO ?").run(path.resolve(file));
    } finally {
      db.close();
    }
    return `Backed up to ${file}: ${describe(report)}`;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

async function restore(config: Config, file: string): Promise<string> {
  if (!fs.existsSync(file)) throw new CopyError(`There is no backup at ${file}.`);
  const scratch = scratchDir();
  try {
    // Opened as a store of its own, so a backup made by an older version is migrated first.
    fs.copyFileSync(file, path.join(scratch, SQLITE_FILE));
    const where = config.databaseUrl ? "The PostgreSQL database" : `The data directory ${config.dataDir}`;
    const report = await withStores([() => openStore({ dataDir: scratch }), () => openStore(config)], (from, target) =>
      copyStore(from, target, where),
    );
    return `Restored ${file}: ${describe(report)}`;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

async function run(args: string[]): Promise<string> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { to: { type: "string" }, from: { type: "string" } } });
  const config = configFromEnv();
  const [command] = positionals;
  if (command === "migrate-store" && values.to) return migrateStore(config, values.to);
  if (command === "backup" && values.to) return backup(config, values.to);
  if (command === "restore" && values.from) return restore(config, values.from);
  throw new CopyError(USAGE);
}

try {
  console.log(await run(process.argv.slice(2)));
} catch (error) {
  if (!(error instanceof CopyError || error instanceof StoreRefusal || (error instanceof TypeError && "code" in error))) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
