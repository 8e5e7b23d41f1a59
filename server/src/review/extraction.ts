// What the team extracts from each included study for the study-characteristics table
// (thesis Table 4): one text per field of STUDY_FIELDS, saved field by field so two people
// filling in different fields of one study never overwrite each other. Until someone types
// them, the authors and title fields read from the record itself.
import { STUDY_FIELDS, type StudyField } from "@concord/shared/review/reportTables";
import type { Kysely } from "kysely";
import { errors } from "../errors";
import type { DatabaseSchema } from "../store/schema";
import type { Store } from "../store/store";
import { outcomeOf, readStageItems } from "./stageItems";

type Db = Kysely<DatabaseSchema>;

export interface IncludedRecord {
  id: string;
  title: string | null;
  authors: string[];
  year: number | null;
}

export interface Extraction {
  /** Every field, as the tables print it: what was typed, else what the record says. */
  fields: Record<StudyField, string>;
  /** Who last saved a field and when; null while nothing has been typed. */
  updatedBy: string | null;
  updatedAt: string | null;
}

/** Included at full text: the consensus, or the decision every rater gave alike. */
async function includedIds(db: Db, projectId: string): Promise<string[]> {
  const items = await readStageItems(db, projectId, "full_text");
  return items.filter((item) => outcomeOf(item) === "include").map((item) => item.itemId);
}

/** The studies included at full text, in the order records are listed: numbered 1, 2, … in every table. */
export async function includedStudies(db: Db, projectId: string): Promise<IncludedRecord[]> {
  const included = await includedIds(db, projectId);
  if (included.length === 0) return [];
  const rows = await db
    .selectFrom("records")
    .select(["id", "title", "authors", "year"])
    .where("id", "in", included)
    .orderBy("created_at")
    .orderBy("position")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, authors: JSON.parse(r.authors) as string[], year: r.year === null ? null : Number(r.year) }));
}

/** "Hale et al (2019)": the first author's surname as a write-up cites it. */
export function citation(record: IncludedRecord): string {
  const surname = record.authors[0]?.split(",")[0]?.trim();
  const who = surname ? `${surname}${record.authors.length > 1 ? " et al" : ""}` : "Unknown author";
  return record.year ? `${who} (${record.year})` : who;
}

function extractionOf(study: IncludedRecord, row: DatabaseSchema["study_extractions"] | undefined): Extraction {
  const typed = row ? (JSON.parse(row.fields) as Partial<Record<StudyField, string>>) : {};
  const fallback: Partial<Record<StudyField, string>> = { authors: citation(study), title: study.title ?? "" };
  const fields = Object.fromEntries(STUDY_FIELDS.map((f) => [f.key, typed[f.key] ?? fallback[f.key] ?? ""])) as Record<StudyField, string>;
  return { fields, updatedBy: row?.updated_by ?? null, updatedAt: row?.updated_at ?? null };
}

/** Each included study with what was extracted from it, in table order. */
export async function readExtractions(db: Db, projectId: string): Promise<{ study: IncludedRecord; extraction: Extraction }[]> {
  const studies = await includedStudies(db, projectId);
  const rows = await db.selectFrom("study_extractions").selectAll().where("project_id", "=", projectId).execute();
  const byRecord = new Map(rows.map((row) => [row.record_id, row]));
  return studies.map((study) => ({ study, extraction: extractionOf(study, byRecord.get(study.id)) }));
}

/** One included study's extraction; 404 for a record not in the project, 409 for one not included. */
export async function readExtraction(db: Db, projectId: string, recordId: string): Promise<{ study: IncludedRecord; extraction: Extraction; number: number }> {
  const entries = await readExtractions(db, projectId);
  const index = entries.findIndex((entry) => entry.study.id === recordId);
  if (index >= 0) return { ...entries[index]!, number: index + 1 };
  const record = await db.selectFrom("records").select("id").where("project_id", "=", projectId).where("id", "=", recordId).executeTakeFirst();
  if (!record) throw errors.missing("There is no such record in this project.");
  throw errors.conflict("Only studies included at full text have extraction fields; this record is not included (yet).");
}

/** Saves the given fields of an included study, leaving the others as they were. */
export async function saveExtraction(store: Store, projectId: string, recordId: string, fields: Partial<Record<StudyField, string>>, by: string) {
  const db = store.db;
  await readExtraction(db, projectId, recordId);
  const now = new Date().toISOString();
  await db
    .insertInto("study_extractions")
    .values({ record_id: recordId, project_id: projectId, fields: "{}", updated_by: by, updated_at: now })
    .onConflict((oc) => oc.column("record_id").doNothing())
    .execute();
  // Read and write under a row lock (SQLite writes one transaction at a time anyway), so two
  // people saving different fields at once both land.
  await db.transaction().execute(async (trx) => {
    const select = trx.selectFrom("study_extractions").select("fields").where("record_id", "=", recordId);
    const row = await (store.dialect === "postgres" ? select.forUpdate() : select).executeTakeFirstOrThrow();
    const merged = JSON.stringify({ ...(JSON.parse(row.fields) as object), ...fields });
    await trx.updateTable("study_extractions").set({ fields: merged, updated_by: by, updated_at: now }).where("record_id", "=", recordId).execute();
  });
  return readExtraction(db, projectId, recordId);
}
