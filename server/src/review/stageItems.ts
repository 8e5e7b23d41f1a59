// A review stage as stored (migration 009): who is assigned which records, each rater's work
// and the consensus, read into the pure model of @concord/shared's review/items.ts, which
// decides what reveals and what each person may see. Which records are at a stage follows
// from the stage before it: every original record at title and abstract; at full text, those
// included (or left at maybe) at title and abstract, unless their full text was not retrieved;
// at appraisal, those included at full text.
import { isRevealed, type Consensus, type RaterWork, type ReviewItem, type Stage } from "@concord/shared";
import { sql, type Kysely } from "kysely";
import type { DatabaseSchema, ReviewAssignmentsTable, ReviewConsensusTable, ReviewRatingsTable } from "../store/schema";

type Db = Kysely<DatabaseSchema>;

export interface Assignment {
  userId: string;
  mode: ReviewAssignmentsTable["mode"];
  size: number | null;
  seed: number | null;
  poolSize: number;
  /** The sample; null when the rater is assigned every record at the stage. */
  recordIds: string[] | null;
  assignedBy: string;
  assignedAt: string;
}

export async function readAssignments(db: Db, projectId: string, stage: Stage): Promise<Assignment[]> {
  const rows = await db.selectFrom("review_assignments").selectAll().where("project_id", "=", projectId).where("stage", "=", stage).orderBy("assigned_at").execute();
  return rows.map((row) => ({
    userId: row.user_id,
    mode: row.mode,
    size: row.size === null ? null : Number(row.size),
    seed: row.seed === null ? null : Number(row.seed),
    poolSize: Number(row.pool_size),
    recordIds: row.record_ids === null ? null : (JSON.parse(row.record_ids) as string[]),
    assignedBy: row.assigned_by,
    assignedAt: row.assigned_at,
  }));
}

/** Who rates a record at the stage, given its assignments: each sample as a set, looked up per record. */
function ratersLookup(assignments: readonly Assignment[]): (recordId: string) => string[] {
  const samples = assignments.map((a) => ({ userId: a.userId, ids: a.recordIds === null ? null : new Set(a.recordIds) }));
  return (recordId) => samples.filter((a) => a.ids === null || a.ids.has(recordId)).map((a) => a.userId);
}

function workOf(row: ReviewRatingsTable): RaterWork {
  return {
    rater: row.rater_id,
    answers: JSON.parse(row.answers) as Record<string, string>,
    comments: JSON.parse(row.comments) as Record<string, string>,
    submittedAt: row.submitted_at,
    ...(row.revised_answers && row.revised_at ? { revised: { answers: JSON.parse(row.revised_answers) as Record<string, string>, at: row.revised_at } } : {}),
    ...(row.checklist ? { checklist: row.checklist } : {}),
  };
}

/** What came of an item: the consensus, else the decision its raters all gave; null while open or disputed. */
export function outcomeOf(item: ReviewItem): string | null {
  const agreed = item.consensus?.answers.decision;
  if (agreed !== undefined) return agreed;
  if (!isRevealed(item)) return null;
  const decisions = new Set(item.work.filter((w) => item.raters.includes(w.rater)).map((w) => w.answers.decision ?? null));
  return decisions.size === 1 ? [...decisions][0]! : null;
}

/** Ids joined by spaces (string_agg), or none. Ids never hold a space. */
const splitIds = (joined: string | null | undefined): string[] => (joined ? joined.split(" ") : []);

const PREVIOUS: Partial<Record<Stage, { stage: Stage; outcomes: string[] }>> = {
  full_text: { stage: "title_abstract", outcomes: ["include", "maybe"] },
  appraisal: { stage: "full_text", outcomes: ["include"] },
};

/** The ids of the records at a stage, in the order records are listed. */
export async function recordsAtStage(db: Db, projectId: string, stage: Stage): Promise<string[]> {
  // Thousands of ids, read on every agreement: one joined string (string_agg, in SQLite and
  // PostgreSQL alike) costs half what a row per id does.
  const row = await db
    .selectFrom("records")
    .select(sql<string | null>`string_agg(id, ' ' order by created_at, position, id)`.as("ids"))
    .where("project_id", "=", projectId)
    .where("duplicate_of", "is", null)
    .executeTakeFirst();
  const ids = splitIds(row?.ids);
  const previous = PREVIOUS[stage];
  if (!previous) return ids;
  const [items, missing] = await Promise.all([readStageItems(db, projectId, previous.stage), notRetrieved(db, projectId)]);
  const passed = new Set(items.filter((item) => previous.outcomes.includes(outcomeOf(item) ?? "")).map((item) => item.itemId));
  return ids.filter((id) => passed.has(id) && !(stage === "full_text" && missing.has(id)));
}

/** The records whose full text was sought but not obtained: they are never assessed at full text. */
export async function notRetrieved(db: Db, projectId: string, only?: string): Promise<Set<string>> {
  let query = db.selectFrom("reports_not_retrieved").select("record_id").where("project_id", "=", projectId);
  if (only !== undefined) query = query.where("record_id", "=", only);
  return new Set((await query.execute()).map((row) => row.record_id));
}

/** Whether one record is at the stage: asked of that record alone, stage by stage, so one item reads in constant time. */
export async function recordAtStage(db: Db, projectId: string, stage: Stage, recordId: string): Promise<boolean> {
  const record = await db.selectFrom("records").select("id").where("project_id", "=", projectId).where("id", "=", recordId).where("duplicate_of", "is", null).executeTakeFirst();
  if (!record) return false;
  const previous = PREVIOUS[stage];
  if (!previous) return true;
  if (stage === "full_text" && (await notRetrieved(db, projectId, recordId)).size > 0) return false;
  const [item] = await readStageItems(db, projectId, previous.stage, recordId);
  return item !== undefined && previous.outcomes.includes(outcomeOf(item) ?? "");
}

/** Who is assigned which records at the stage, and the records there. */
async function stageRaters(db: Db, projectId: string, stage: Stage, only?: string): Promise<{ atStage: string[]; ratersOf: (recordId: string) => string[] }> {
  const pool = only === undefined ? recordsAtStage(db, projectId, stage) : recordAtStage(db, projectId, stage, only).then((at) => (at ? [only] : []));
  const [assignments, atStage] = await Promise.all([readAssignments(db, projectId, stage), pool]);
  return { atStage, ratersOf: ratersLookup(assignments) };
}

/** The items of `recordIds` (each with its raters), with their raters' work and the consensus, from the rows read. */
function assemble(recordIds: readonly string[], ratersOf: (recordId: string) => string[], ratingRows: ReviewRatingsTable[], consensusRows: ReviewConsensusTable[]): ReviewItem[] {
  const workByRecord = new Map<string, RaterWork[]>();
  for (const row of ratingRows) workByRecord.set(row.record_id, [...(workByRecord.get(row.record_id) ?? []), workOf(row)]);
  const agreed = new Map<string, Consensus>(
    consensusRows.map((row) => [row.record_id, { answers: JSON.parse(row.answers) as Record<string, string>, decidedBy: row.decided_by, decidedAt: row.decided_at }]),
  );
  const items: ReviewItem[] = [];
  for (const recordId of recordIds) {
    const raters = ratersOf(recordId);
    if (raters.length === 0) continue;
    const work = (workByRecord.get(recordId) ?? []).filter((w) => raters.includes(w.rater)).sort((a, b) => raters.indexOf(a.rater) - raters.indexOf(b.rater));
    items.push({ itemId: recordId, raters, work, consensus: agreed.get(recordId) ?? null });
  }
  return items;
}

/** Every item of the stage that has raters, with their work and consensus; `only` narrows it to one record. */
export async function readStageItems(db: Db, projectId: string, stage: Stage, only?: string): Promise<ReviewItem[]> {
  const { atStage, ratersOf } = await stageRaters(db, projectId, stage, only);
  let ratings = db.selectFrom("review_ratings").selectAll().where("project_id", "=", projectId).where("stage", "=", stage);
  let consensus = db.selectFrom("review_consensus").selectAll().where("project_id", "=", projectId).where("stage", "=", stage);
  if (only !== undefined) {
    ratings = ratings.where("record_id", "=", only);
    consensus = consensus.where("record_id", "=", only);
  }
  const [ratingRows, consensusRows] = await Promise.all([ratings.execute(), consensus.execute()]);
  return assemble(atStage, ratersOf, ratingRows, consensusRows);
}

export interface StageProgress {
  /** Items with at least one rater. */
  assigned: number;
  /** Items every rater has submitted. */
  revealed: number;
  /** Revealed items with a consensus recorded. */
  withConsensus: number;
}

/** Ids per query: well under SQLite's and PostgreSQL's limits on bound parameters. */
const IDS_PER_QUERY = 1_000;

/**
 * What agreement is computed from: the items two or more people rate, in full, and how far the
 * whole stage has got. Agreement is asked for after every decision, and most records of a big
 * search are screened by the lead alone, so their answers and comments are not read or parsed:
 * only who submitted them.
 */
export async function readPairedItems(db: Db, projectId: string, stage: Stage): Promise<{ items: ReviewItem[]; progress: StageProgress }> {
  const { atStage, ratersOf } = await stageRaters(db, projectId, stage);
  const [submittedRows, consensusRows] = await Promise.all([
    db
      .selectFrom("review_ratings")
      .select(["rater_id", sql<string | null>`string_agg(record_id, ' ')`.as("ids")])
      .where("project_id", "=", projectId)
      .where("stage", "=", stage)
      .where("submitted_at", "is not", null)
      .groupBy("rater_id")
      .execute(),
    db.selectFrom("review_consensus").selectAll().where("project_id", "=", projectId).where("stage", "=", stage).execute(),
  ]);
  // Per rater, the records they submitted: thousands, so read as one string per rater.
  const submitted = new Map(submittedRows.map((row) => [row.rater_id, new Set(splitIds(row.ids))]));
  const agreedOn = new Set(consensusRows.map((row) => row.record_id));
  const progress: StageProgress = { assigned: 0, revealed: 0, withConsensus: 0 };
  const paired: string[] = [];
  for (const recordId of atStage) {
    const raters = ratersOf(recordId);
    if (raters.length === 0) continue;
    progress.assigned++;
    if (raters.every((rater) => submitted.get(rater)?.has(recordId))) {
      progress.revealed++;
      if (agreedOn.has(recordId)) progress.withConsensus++;
    }
    if (raters.length > 1) paired.push(recordId);
  }
  const ratingRows: ReviewRatingsTable[] = [];
  for (let start = 0; start < paired.length; start += IDS_PER_QUERY) {
    const ids = paired.slice(start, start + IDS_PER_QUERY);
    ratingRows.push(...(await db.selectFrom("review_ratings").selectAll().where("project_id", "=", projectId).where("stage", "=", stage).where("record_id", "in", ids).execute()));
  }
  const pairedSet = new Set(paired);
  return { items: assemble(paired, ratersOf, ratingRows, consensusRows.filter((row) => pairedSet.has(row.record_id))), progress };
}
