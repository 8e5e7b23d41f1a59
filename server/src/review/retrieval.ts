// Full texts sought but not obtained — PRISMA 2020's "reports not retrieved". The lead marks
// a record at the full-text stage as not retrieved (with a note of what was tried) and can
// undo it. A marked record leaves the full-text stage (stageItems.ts): it is not assessed for
// eligibility, and the PRISMA counts show it in its own box. Ratings are never deleted, so an
// undo brings back any that were stored.
//
// Each change is also written to every stage's revealed document, which every member's open
// review page watches: the full-text list loses or regains the record, and the PRISMA counts
// shown under each stage change. Only the record id and when it was marked go there, which
// every member may read anyway; no rater's work is involved (a marked record has none submitted).
import { STAGES, setNotRetrievedEntry } from "@concord/shared";
import type { Kysely } from "kysely";
import { writeDocument, type DocumentHost } from "../collab/serverWrites";
import { revealedDocumentName } from "../commands/review";
import { errors } from "../errors";
import type { DatabaseSchema } from "../store/schema";
import { readStageItems, recordAtStage } from "./stageItems";

type Db = Kysely<DatabaseSchema>;

async function announce(host: DocumentHost, projectId: string, recordId: string, markedAt: string | null): Promise<void> {
  for (const stage of STAGES) {
    await writeDocument(host, revealedDocumentName(projectId, stage), (doc) => setNotRetrievedEntry(doc, recordId, markedAt));
  }
}

export interface NotRetrieved {
  recordId: string;
  note: string;
  markedBy: string;
  markedAt: string;
}

const present = (row: DatabaseSchema["reports_not_retrieved"]): NotRetrieved => ({ recordId: row.record_id, note: row.note, markedBy: row.marked_by, markedAt: row.marked_at });

export async function listNotRetrieved(db: Db, projectId: string): Promise<NotRetrieved[]> {
  const rows = await db.selectFrom("reports_not_retrieved").selectAll().where("project_id", "=", projectId).orderBy("marked_at").orderBy("record_id").execute();
  return rows.map(present);
}

/** Marks a record at full text as not retrieved; refused for one someone has already assessed there. */
export async function markNotRetrieved(host: DocumentHost, projectId: string, recordId: string, note: string, by: string): Promise<NotRetrieved> {
  const mark = await storeMark(host.store.db, projectId, recordId, note, by);
  await announce(host, projectId, recordId, mark.markedAt);
  return mark;
}

async function storeMark(db: Db, projectId: string, recordId: string, note: string, by: string): Promise<NotRetrieved> {
  const record = await db.selectFrom("records").select("id").where("project_id", "=", projectId).where("id", "=", recordId).executeTakeFirst();
  if (!record) throw errors.missing("There is no such record in this project.");
  const existing = await db.selectFrom("reports_not_retrieved").selectAll().where("record_id", "=", recordId).executeTakeFirst();
  if (existing) {
    await db.updateTable("reports_not_retrieved").set({ note }).where("record_id", "=", recordId).execute();
    return { ...present(existing), note };
  }
  if (!(await recordAtStage(db, projectId, "full_text", recordId))) throw errors.conflict("Only a record that went on to full-text screening can be marked as not retrieved.");
  const [item] = await readStageItems(db, projectId, "full_text", recordId);
  if (item?.work.some((w) => w.submittedAt !== null)) {
    throw errors.conflict("Someone has already assessed this full text, so it was retrieved. Its decision stands.");
  }
  const row = { record_id: recordId, project_id: projectId, note, marked_by: by, marked_at: new Date().toISOString() };
  await db.insertInto("reports_not_retrieved").values(row).onConflict((oc) => oc.column("record_id").doNothing()).execute();
  return present(row);
}

/** Undoes the mark: the record is back at full text, to be assessed. */
export async function unmarkNotRetrieved(host: DocumentHost, projectId: string, recordId: string): Promise<void> {
  const result = await host.store.db.deleteFrom("reports_not_retrieved").where("project_id", "=", projectId).where("record_id", "=", recordId).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw errors.missing("This record is not marked as not retrieved.");
  await announce(host, projectId, recordId, null);
}
