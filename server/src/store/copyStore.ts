// Copies every row of one Concord store into another, empty one, and proves the copy: the
// same rows in every table (count and content) and, for every document, the same Yjs state.
// Used to move an SQLite instance into PostgreSQL, and to back up and restore either.
//
// The source is read in one transaction, so a server still running on it cannot make the
// copy half old and half new; the check compares against that same snapshot.
import { createHash } from "node:crypto";
import { sql, type Kysely, type Transaction } from "kysely";
import * as Y from "yjs";
import type { DatabaseSchema } from "./schema";
import type { Store } from "./store";

/** Every table, parents before the tables that refer to them. */
export const TABLES = [
  "users",
  "sessions",
  "api_tokens",
  "email_links",
  "projects",
  "memberships",
  "invitations",
  "invitation_acceptances",
  "documents",
  "doc_snapshots",
  "doc_updates",
  "coding_layers",
  "codings",
  "threads",
  "blind_codings",
  "blind_coders",
  "agreement_snapshots",
  "disagreement_settlements",
  "record_imports",
  "records",
  "record_pairs",
  "review_criteria",
  "review_assignments",
  "review_ratings",
  "review_consensus",
  "review_checklists",
  "study_extractions",
  "reports_not_retrieved",
  "settings",
] as const satisfies readonly (keyof DatabaseSchema)[];

type Table = (typeof TABLES)[number];
/** Fails to compile when a table is added to the schema but not to TABLES. */
const EVERY_TABLE: Exclude<keyof DatabaseSchema, Table> extends never ? true : never = true;
void EVERY_TABLE;
type Row = Record<string, unknown>;
type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

/** Rows per read and per insert: well inside both engines' limits on bound parameters. */
const PAGE = 500;

export interface CopyReport {
  rows: Record<Table, number>;
  documents: number;
}

/** A refusal or a failed check, in words for whoever runs the command. */
export class CopyError extends Error {}

/** The tables Concord's migrations made (Kysely's own bookkeeping aside). */
async function tablesOf(db: Db): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables.map((t) => t.name).sort();
}

async function countRows(db: Db, table: Table): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The rows of a table a page at a time, in an order that is stable within one snapshot. */
async function* pages(db: Db, table: Table, columns: string[]): AsyncGenerator<Row[]> {
  for (let offset = 0; ; offset += PAGE) {
    const rows = (await sql<Row>`SELECT * FROM ${sql.table(table)} ORDER BY ${sql.join(columns.map((c) => sql.ref(c)))} LIMIT ${PAGE} OFFSET ${offset}`.execute(db)).rows;
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE) return;
  }
}

async function columnsOf(db: Db, table: Table): Promise<string[]> {
  const meta = (await db.introspection.getTables()).find((t) => t.name === table);
  return meta!.columns.map((c) => c.name).sort();
}

/** One value as both engines agree on it: bytes as hex, every number as a number. */
function canonical(value: unknown): unknown {
  if (value instanceof Uint8Array) return `bytes:${Buffer.from(value).toString("hex")}`;
  if (typeof value === "bigint") return Number(value);
  return value;
}

function rowHash(row: Row, columns: string[]): string {
  return createHash("sha256")
    .update(JSON.stringify(columns.map((c) => [c, canonical(row[c])])))
    .digest("hex");
}

/** A digest of a table's content that does not depend on the order rows come in. */
async function tableDigest(db: Db, table: Table, columns: string[]): Promise<{ count: number; digest: string }> {
  const hashes: string[] = [];
  for await (const rows of pages(db, table, columns)) for (const row of rows) hashes.push(rowHash(row, columns));
  hashes.sort();
  return { count: hashes.length, digest: createHash("sha256").update(hashes.join("\n")).digest("hex") };
}

/** A document's state as stored: its snapshot with the updates logged after it. */
async function documentState(db: Db, documentId: string): Promise<Uint8Array> {
  const snapshot = await db.selectFrom("doc_snapshots").select(["state", "last_seq"]).where("document_id", "=", documentId).executeTakeFirst();
  const updates = await db
    .selectFrom("doc_updates")
    .select("data")
    .where("document_id", "=", documentId)
    .where("seq", ">", Number(snapshot?.last_seq ?? 0))
    .orderBy("seq")
    .execute();
  const doc = new Y.Doc();
  for (const data of [...(snapshot ? [snapshot.state] : []), ...updates.map((u) => u.data)]) {
    try {
      Y.applyUpdate(doc, new Uint8Array(data));
    } catch {
      // Unreadable in the source as in the copy; loading skips it the same way.
    }
  }
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/** Refuses a target that holds anything: a copy never mixes with or overwrites data. */
export async function assertEmpty(store: Store, what: string): Promise<void> {
  const held: string[] = [];
  for (const table of TABLES) {
    const n = await countRows(store.db, table);
    if (n > 0) held.push(`${n} ${table}`);
  }
  if (held.length > 0) throw new CopyError(`${what} already holds Concord data (${held.join(", ")}). Nothing was copied: use an empty one.`);
}

/** The source's tables must be exactly the ones this version knows how to copy. */
async function assertKnownTables(db: Db): Promise<void> {
  const found = await tablesOf(db);
  const known = [...TABLES].sort();
  if (found.join() !== known.join()) {
    throw new CopyError(`The tables found (${found.join(", ")}) are not the ones this version of Concord copies (${known.join(", ")}). Nothing was copied.`);
  }
}

/**
 * Sets the log's counter past every sequence number the source used, in the log or already
 * merged into a snapshot: an update logged in the copy must come after them, or loading
 * would take it for one the snapshot already holds and skip it.
 */
async function continueSequence(target: Store): Promise<void> {
  const logged = await target.db.selectFrom("doc_updates").select((eb) => eb.fn.max("seq").as("n")).executeTakeFirstOrThrow();
  const merged = await target.db.selectFrom("doc_snapshots").select((eb) => eb.fn.max("last_seq").as("n")).executeTakeFirstOrThrow();
  const used = Math.max(Number(logged.n ?? 0), Number(merged.n ?? 0));
  if (used === 0) return;
  if (target.dialect === "postgres") {
    await sql`SELECT setval(pg_get_serial_sequence('doc_updates', 'seq'), ${used})`.execute(target.db);
  } else {
    // AUTOINCREMENT keeps its counter in sqlite_sequence (a row appears on the first insert).
    await sql`DELETE FROM sqlite_sequence WHERE name = 'doc_updates'`.execute(target.db);
    await sql`INSERT INTO sqlite_sequence (name, seq) VALUES ('doc_updates', ${used})`.execute(target.db);
  }
}

function readSnapshot<T>(source: Store, work: (trx: Transaction<DatabaseSchema>) => Promise<T>): Promise<T> {
  const transaction = source.db.transaction();
  return (source.dialect === "postgres" ? transaction.setIsolationLevel("repeatable read") : transaction).execute(work);
}

/** Copies `source` into the empty `target` and checks the copy; throws CopyError on any difference. */
export async function copyStore(source: Store, target: Store, targetName: string): Promise<CopyReport> {
  await assertEmpty(target, targetName);
  return readSnapshot(source, async (from) => {
    await assertKnownTables(from);
    await target.db.transaction().execute(async (to) => {
      for (const table of TABLES) {
        const columns = await columnsOf(from, table);
        for await (const rows of pages(from, table, columns)) {
          // A duplicate record points at its original in the same table, which may come later
          // in the copy: the pointers are set once every record is there.
          const values = table === "records" ? rows.map((row) => ({ ...row, duplicate_of: null })) : rows;
          await to.insertInto(table).values(values as never).execute();
        }
      }
      for await (const rows of pages(from, "records", ["id"])) {
        for (const row of rows) {
          if (row.duplicate_of !== null) await to.updateTable("records").set({ duplicate_of: row.duplicate_of as string }).where("id", "=", row.id as string).execute();
        }
      }
    });
    await continueSequence(target);
    return verify(from, target);
  });
}

/** Compares every table by count and content, then every document's Yjs state, byte for byte. */
async function verify(from: Db, target: Store): Promise<CopyReport> {
  const rows = {} as Record<Table, number>;
  for (const table of TABLES) {
    const columns = await columnsOf(from, table);
    const [a, b] = [await tableDigest(from, table, columns), await tableDigest(target.db, table, columns)];
    if (a.count !== b.count) throw new CopyError(`The copy of ${table} has ${b.count} rows, the source ${a.count}.`);
    if (a.digest !== b.digest) throw new CopyError(`The copy of ${table} has the same number of rows as the source but not the same content.`);
    rows[table] = a.count;
  }
  const ids = (await from.selectFrom("doc_snapshots").select("document_id").union(from.selectFrom("doc_updates").select("document_id")).execute()).map((r) => r.document_id);
  for (const id of ids) {
    const [a, b] = [await documentState(from, id), await documentState(target.db, id)];
    if (Buffer.compare(Buffer.from(a), Buffer.from(b)) !== 0) throw new CopyError(`Document ${id} does not have the same state in the copy.`);
  }
  return { rows, documents: ids.length };
}
