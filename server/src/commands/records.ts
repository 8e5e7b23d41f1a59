// Bringing records into a project: an uploaded export, read and deduplicated in a worker and
// stored in one transaction (all of the file or, when it cannot be read, none of it), or one
// record typed in by hand. Nothing here deletes a record: duplicates are marked.
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { buildRecord, keyed, knownRecord, type BibRecord, type DedupeResult, type KeyedRecord, type RecordRef, type RecordsImport } from "@concord/shared/records/index";
import { errors } from "../errors";
import type { DatabaseSchema, DuplicateReason, RecordsTable } from "../store/schema";
import type { Store } from "../store/store";
import type { WorkerPool } from "../workers/pool";

/** Generous: 5,000 records take about a second; the largest file allowed, ten or so. */
const IMPORT_TIMEOUT_MS = 60_000;
/** Rows per INSERT: well under SQLite's and PostgreSQL's limits on bound values. */
const INSERT_CHUNK = 200;

async function knownRecords(db: Kysely<DatabaseSchema>, projectId: string) {
  const rows = await db
    .selectFrom("records")
    .select(["id", "doi", "title_key", "year", "author_key", "duplicate_of"])
    .where("project_id", "=", projectId)
    .orderBy("created_at")
    .orderBy("position")
    .execute();
  return rows.map(knownRecord);
}

function recordRow(record: KeyedRecord, at: { id: string; projectId: string; importId: string | null; position: number; source: string; addedBy: string; now: string }): RecordsTable {
  return {
    id: at.id,
    project_id: at.projectId,
    import_id: at.importId,
    position: at.position,
    source: at.source,
    type: record.type,
    title: record.title,
    authors: JSON.stringify(record.authors),
    year: record.year,
    journal: record.journal,
    volume: record.volume,
    issue: record.issue,
    pages: record.pages,
    doi: record.doi,
    abstract: record.abstract,
    keywords: JSON.stringify(record.keywords),
    database: record.database,
    raw: JSON.stringify(record.raw),
    flags: JSON.stringify(record.flags),
    title_key: record.titleKey,
    author_key: record.authorKey,
    duplicate_of: null,
    duplicate_reason: null,
    added_by: at.addedBy,
    created_at: at.now,
  };
}

/** Stores new records with their duplicate marks and near-duplicate pairs; returns how many pairs. */
async function storeRecords(trx: Transaction<DatabaseSchema>, rows: RecordsTable[], dedupe: DedupeResult, projectId: string, now: string): Promise<number> {
  const idOf = (ref: RecordRef) => ("known" in ref ? ref.known : rows[ref.incoming]!.id);
  dedupe.duplicates.forEach((match, i) => {
    if (!match) return;
    rows[i]!.duplicate_of = idOf(match.of);
    rows[i]!.duplicate_reason = match.reason;
  });
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await trx.insertInto("records").values(rows.slice(i, i + INSERT_CHUNK)).execute();
  const pairs = dedupe.pairs.map((pair) => ({
    id: randomUUID(),
    project_id: projectId,
    record_a: idOf(pair.a),
    record_b: rows[pair.b]!.id,
    similarity: pair.similarity,
    status: "open" as const,
    decided_by: null,
    decided_at: null,
    created_at: now,
  }));
  for (let i = 0; i < pairs.length; i += INSERT_CHUNK) await trx.insertInto("record_pairs").values(pairs.slice(i, i + INSERT_CHUNK)).execute();
  return pairs.length;
}

function refusal(result: Extract<RecordsImport, { ok: false }>): Error {
  if (result.problem === "not_text") return errors.unsupportedMedia(result.message);
  if (result.problem === "too_many") return errors.tooLarge(result.message);
  return errors.noRecords(result.message);
}

const SOURCE_NEEDED =
  "Say which database this file came from (`source`, such as Scopus or PsycINFO): the PRISMA diagram counts records per source, and this file does not name one.";

export async function importRecords(
  store: Store,
  workers: WorkerPool,
  input: { projectId: string; source: string | undefined; fileName: string; bytes: Uint8Array; addedBy: string },
) {
  const known = await knownRecords(store.db, input.projectId);
  const result = await workers.run("recordsImport", { bytes: input.bytes, fileName: input.fileName, known }, { timeoutMs: IMPORT_TIMEOUT_MS, what: "Reading this file of records" });
  if (!result.ok) throw refusal(result);
  const source = input.source ?? result.file.database;
  if (!source) throw errors.validation(SOURCE_NEEDED);
  const now = new Date().toISOString();
  const importId = randomUUID();
  const rows = result.records.map((record, position) => recordRow(record, { id: randomUUID(), projectId: input.projectId, importId, position, source, addedBy: input.addedBy, now }));
  const flagged = result.records.flatMap((record, i) => {
    const checks = record.flags.filter((f) => f.severity === "check");
    return checks.length === 0 ? [] : [{ position: i + 1, recordId: rows[i]!.id, title: record.title, flags: checks.map(({ field, code, message }) => ({ field, code, message })) }];
  });
  const duplicates = result.dedupe.duplicates.filter((d) => d !== null).length;
  const nearDuplicates = await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("record_imports")
      .values({
        id: importId,
        project_id: input.projectId,
        source,
        file_name: input.fileName,
        format: result.file.format,
        records: rows.length,
        duplicates,
        flagged: flagged.length,
        near_pairs: 0,
        added_by: input.addedBy,
        created_at: now,
      })
      .execute();
    const pairs = await storeRecords(trx, rows, result.dedupe, input.projectId, now);
    await trx.updateTable("record_imports").set({ near_pairs: pairs }).where("id", "=", importId).execute();
    return pairs;
  });
  return { importId, source, file: result.file, imported: rows.length, duplicates, nearDuplicates, flagged, notes: noteSummary(result.records), nearSearchComplete: result.dedupe.nearSearchComplete };
}

/** How Concord tidied values, per kind, with one example each: shown once, not per record. */
function noteSummary(records: KeyedRecord[]) {
  const byCode = new Map<string, { code: string; records: number; example: string }>();
  for (const record of records) {
    for (const flag of record.flags) {
      if (flag.severity !== "note") continue;
      const entry = byCode.get(flag.code);
      if (entry) entry.records++;
      else byCode.set(flag.code, { code: flag.code, records: 1, example: flag.message });
    }
  }
  return [...byCode.values()];
}

/** What a person types for a record: the normalised fields, a title required. */
export type RecordByHand = Omit<BibRecord, "title" | "database" | "raw" | "flags"> & { title: string };

/** A record typed in by hand (grey literature, a reference list), deduplicated like an import. */
export async function addRecordByHand(store: Store, workers: WorkerPool, input: { projectId: string; source: string; fields: RecordByHand; addedBy: string }) {
  const { fields } = input;
  const record = buildRecord(
    {
      type: fields.type ?? undefined,
      title: fields.title,
      authors: fields.authors,
      years: fields.year === null ? [] : [{ field: "year", value: String(fields.year) }],
      journal: fields.journal ?? undefined,
      volume: fields.volume ?? undefined,
      issue: fields.issue ?? undefined,
      pages: fields.pages,
      dois: fields.doi === null ? [] : [{ field: "doi", value: fields.doi }],
      abstract: fields.abstract ?? undefined,
      keywords: fields.keywords,
      database: undefined,
    },
    {},
  );
  const prepared = keyed(record);
  const known = await knownRecords(store.db, input.projectId);
  const dedupe = await workers.run("recordsDedupe", { known, incoming: [prepared.keys] }, { timeoutMs: IMPORT_TIMEOUT_MS, what: "Looking for duplicates" });
  const now = new Date().toISOString();
  const row = recordRow(prepared.keyed, { id: randomUUID(), projectId: input.projectId, importId: null, position: 0, source: input.source, addedBy: input.addedBy, now });
  const nearDuplicates = await store.db.transaction().execute((trx) => storeRecords(trx, [row], dedupe, input.projectId, now));
  return { row, nearDuplicates };
}

async function projectRecord(db: Kysely<DatabaseSchema>, projectId: string, recordId: string) {
  const row = await db.selectFrom("records").selectAll().where("project_id", "=", projectId).where("id", "=", recordId).executeTakeFirst();
  if (!row) throw errors.missing("There is no such record in this project.");
  return row;
}

/**
 * Marks a record as a duplicate of another (pointed at that one's original, so no chain
 * forms), or restores it (`of` null). Records that duplicated it follow it to the new original.
 */
export function markDuplicate(store: Store, input: MarkInput) {
  return store.db.transaction().execute((trx) => markIn(trx, input));
}

interface MarkInput {
  projectId: string;
  recordId: string;
  of: string | null;
  reason?: DuplicateReason;
}

async function markIn(trx: Transaction<DatabaseSchema>, input: MarkInput) {
  const record = await projectRecord(trx, input.projectId, input.recordId);
  if (input.of === null) {
    await trx.updateTable("records").set({ duplicate_of: null, duplicate_reason: null }).where("id", "=", record.id).execute();
    return { ...record, duplicate_of: null, duplicate_reason: null };
  }
  const target = await projectRecord(trx, input.projectId, input.of);
  const original = target.duplicate_of ?? target.id;
  if (original === record.id) throw errors.conflict("A record cannot be a duplicate of itself or of its own duplicate. Choose the original instead.");
  const reason = input.reason ?? "by_hand";
  await trx.updateTable("records").set({ duplicate_of: original, duplicate_reason: reason }).where("id", "=", record.id).execute();
  await trx.updateTable("records").set({ duplicate_of: original }).where("duplicate_of", "=", record.id).execute();
  return { ...record, duplicate_of: original, duplicate_reason: reason };
}

/**
 * Confirms a near-duplicate pair (the later record becomes a duplicate of the earlier one's
 * original) or rejects it (they are two works; a confirmation made before is undone).
 */
export async function decidePair(store: Store, input: { projectId: string; pairId: string; decision: "confirmed" | "rejected"; by: string }) {
  const pair = await store.db.selectFrom("record_pairs").selectAll().where("project_id", "=", input.projectId).where("id", "=", input.pairId).executeTakeFirst();
  if (!pair) throw errors.missing("There is no such pair of records in this project.");
  const now = new Date().toISOString();
  await store.db.transaction().execute(async (trx) => {
    await trx.updateTable("record_pairs").set({ status: input.decision, decided_by: input.by, decided_at: now }).where("id", "=", pair.id).execute();
    if (input.decision === "confirmed") await markIn(trx, { projectId: input.projectId, recordId: pair.record_b, of: pair.record_a, reason: "near_match" });
    // Undo only what confirming this pair did, not a mark someone made by hand.
    else await trx.updateTable("records").set({ duplicate_of: null, duplicate_reason: null }).where("id", "=", pair.record_b).where("duplicate_reason", "=", "near_match").execute();
  });
  return { ...pair, status: input.decision, decided_by: input.by, decided_at: now };
}
