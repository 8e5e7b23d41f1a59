// One import's pure work: read the file, deduplicate its records against the project's and
// each other, and say what happened, including why a whole file was refused. The server runs
// this in a worker thread (its cost grows with the file) and stores what it returns.
import { dedupeKeys, deduplicate, type DedupeKeys, type DedupeResult, type KnownRecord } from "./dedupe";
import { readRecordsFile } from "./read";
import { RecordsFileError, type BibRecord, type RecordsFile, type RecordsFileProblem } from "./types";

export interface KeyedRecord extends BibRecord {
  /** What deduplication compares, kept with the record for later imports. */
  titleKey: string;
  authorKey: string;
}

export type RecordsImport =
  | { ok: true; file: Omit<RecordsFile, "records">; records: KeyedRecord[]; dedupe: DedupeResult }
  | { ok: false; problem: RecordsFileProblem; message: string };

/** Keys in the form stored with each record (titleKey is the comparable title, spaces kept). */
export function keyed(record: BibRecord): { keyed: KeyedRecord; keys: DedupeKeys } {
  const keys = dedupeKeys(record);
  return { keyed: { ...record, titleKey: keys.title, authorKey: keys.surname }, keys };
}

/** The stored keys of a known record, back in the form deduplicate() takes. */
export function knownRecord(row: { id: string; doi: string | null; title_key: string; year: number | null; author_key: string; duplicate_of: string | null }): KnownRecord {
  return { id: row.id, doi: row.doi, title: row.title_key, year: row.year, surname: row.author_key, duplicateOf: row.duplicate_of };
}

export function importRecordsFile(bytes: Uint8Array, fileName: string, known: readonly KnownRecord[]): RecordsImport {
  let file: RecordsFile;
  try {
    file = readRecordsFile(bytes, fileName);
  } catch (error) {
    if (error instanceof RecordsFileError) return { ok: false, problem: error.problem, message: error.message };
    throw error;
  }
  const { records, ...about } = file;
  const prepared = records.map(keyed);
  const dedupe = deduplicate(known, prepared.map((p) => p.keys));
  return { ok: true, file: about, records: prepared.map((p) => p.keyed), dedupe };
}
