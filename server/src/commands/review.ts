// Screening and appraisal by several raters (issue 9 §2–§5): the lead assigns raters to a
// stage (every record, or a sample drawn with a recorded seed), each rater saves and submits
// their own answers, an item reveals once every assigned rater has submitted, and the team
// records a consensus that never overwrites the independent answers. The SQL tables are the
// record; each change is also written to the review documents the browsers watch live — a
// rater's own document holds only their work, the stage's revealed document only revealed
// items — so no socket carries a rater's answer to anyone who may not see it yet.
import {
  buildDocumentName,
  can,
  drawSample,
  isRevealed,
  newSeed,
  sampleSize,
  setReviewEntry,
  type Answers,
  type Decision,
  type ReviewItem,
  type Stage,
} from "@concord/shared";
import { appraisalProblems, scoreAppraisal, type Checklist } from "@concord/shared/appraisal/checklist";
import { changeAccess } from "../collab/access";
import { writeDocument, type DocumentHost } from "../collab/serverWrites";
import { errors } from "../errors";
import { checklistsOfItem } from "../review/questions";
import { readAssignments, readStageItems, recordsAtStage, type Assignment } from "../review/stageItems";
import { checklistLabel, checklistsByLabel, currentChecklist } from "./checklists";

export const raterDocumentName = (projectId: string, stage: Stage, raterId: string) => buildDocumentName({ kind: "reviewRater", projectId, stage, raterId });
export const revealedDocumentName = (projectId: string, stage: Stage) => buildDocumentName({ kind: "reviewRevealed", projectId, stage });

/**
 * The checklist a rater answers at the stage, as `key@version` with its definition: the version
 * their own rating was begun against, else the project's current one; none for screening.
 */
export async function stageChecklist(db: DocumentHost["store"]["db"], projectId: string, stage: Stage, ownLabel?: string): Promise<{ ref: string; definition: Checklist } | null> {
  if (stage !== "appraisal") return null;
  const definition = ownLabel ? (await checklistsByLabel(db, projectId, [ownLabel])).get(ownLabel) : await currentChecklist(db, projectId);
  const checklist = definition ?? (await currentChecklist(db, projectId));
  return { ref: checklistLabel(checklist), definition: checklist };
}

// ---------------------------------------------------------------------------------------------
// Criteria

export interface Criterion {
  id: string;
  text: string;
  keywords: string[];
}

export interface Criteria {
  inclusion: Criterion[];
  exclusion: Criterion[];
}

export async function readCriteria(host: DocumentHost, projectId: string): Promise<Criteria & { updatedAt: string | null; updatedBy: string | null }> {
  const row = await host.store.db.selectFrom("review_criteria").selectAll().where("project_id", "=", projectId).executeTakeFirst();
  if (!row) return { inclusion: [], exclusion: [], updatedAt: null, updatedBy: null };
  return { ...(JSON.parse(row.criteria) as Criteria), updatedAt: row.updated_at, updatedBy: row.updated_by };
}

/** Replaces the project's criteria. A decision that named a criterion since removed keeps its id. */
export async function saveCriteria(host: DocumentHost, projectId: string, criteria: Criteria, by: string): Promise<void> {
  const ids = [...criteria.inclusion, ...criteria.exclusion].map((c) => c.id);
  if (new Set(ids).size !== ids.length) throw errors.validation("Each criterion needs its own id; two share one.");
  const row = { project_id: projectId, criteria: JSON.stringify({ inclusion: criteria.inclusion, exclusion: criteria.exclusion }), updated_by: by, updated_at: new Date().toISOString() };
  await host.store.db
    .insertInto("review_criteria")
    .values(row)
    .onConflict((oc) => oc.column("project_id").doUpdateSet({ criteria: row.criteria, updated_by: row.updated_by, updated_at: row.updated_at }))
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Assignment

export type AssignmentInput = { userId: string; seed?: number } & ({ percent: number } | { count: number } | Record<never, never>);

async function mayRate(host: DocumentHost, projectId: string, userId: string): Promise<void> {
  const member = await host.store.db.selectFrom("memberships").select("role").where("project_id", "=", projectId).where("user_id", "=", userId).executeTakeFirst();
  if (!member) throw errors.validation("A reviewer must be a member of this project.", { userId });
  if (!can(member.role, "document.edit")) throw errors.validation("A reviewer must be a member whose role includes rating (viewers cannot rate).", { userId });
}

/**
 * Assigns a rater to a stage: a sample (percent or count, drawn with `seed` or a new one,
 * recorded) or every record at the stage. The lead who assigns screens every record: they
 * are assigned all of them too when they are not assigned yet.
 */
export async function assignReviewer(host: DocumentHost, projectId: string, stage: Stage, input: AssignmentInput, by: string): Promise<Assignment[]> {
  const db = host.store.db;
  await mayRate(host, projectId, input.userId);
  const pool = await recordsAtStage(db, projectId, stage);
  if (pool.length === 0) throw errors.conflict(stage === "title_abstract" ? "There are no records to screen yet: import some first." : "No record has reached this stage yet.");
  const now = new Date().toISOString();
  let row: { mode: "all" | "percent" | "count"; size: number | null; seed: number | null; record_ids: string | null };
  if ("percent" in input || "count" in input) {
    const asked = "percent" in input ? { mode: "percent" as const, size: input.percent } : { mode: "count" as const, size: input.count };
    const checked = sampleSize(pool.length, asked.mode === "percent" ? { percent: asked.size } : { count: asked.size });
    if (!checked.ok) throw errors.validation(checked.message);
    const seed = input.seed ?? newSeed();
    row = { ...asked, seed, record_ids: JSON.stringify(drawSample(pool, checked.size, seed)) };
  } else {
    if (input.seed !== undefined) throw errors.validation("A seed goes with a sample (percent or count); every record needs none.");
    row = { mode: "all", size: null, seed: null, record_ids: null };
  }
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom("review_assignments").select("user_id").where("project_id", "=", projectId).where("stage", "=", stage).execute();
    const assigned = new Set(existing.map((e) => e.user_id));
    if (assigned.has(input.userId)) throw errors.conflict("This person is already assigned at this stage; their sample stays as drawn.");
    const base = { project_id: projectId, stage, pool_size: pool.length, assigned_by: by, assigned_at: now };
    await trx.insertInto("review_assignments").values({ ...base, user_id: input.userId, ...row }).execute();
    if (input.userId !== by && !assigned.has(by)) {
      await trx.insertInto("review_assignments").values({ ...base, user_id: by, mode: "all", size: null, seed: null, record_ids: null }).execute();
    }
  });
  // Someone newly rating may have been watching the other raters' documents: they reconnect, refused.
  changeAccess(host.hocuspocus, { kind: "review", projectId });
  return readAssignments(db, projectId, stage);
}

// ---------------------------------------------------------------------------------------------
// Rating

export type RatingInput =
  | { kind: "decision"; decision: Decision; reason?: string; comment?: string; submit: boolean }
  | { kind: "answers"; answers: Answers; comments: Record<string, string>; submit: boolean };

/** The item of `recordId` at the stage; 404 when the record is not in the project. */
export async function readItem(host: DocumentHost, projectId: string, stage: Stage, recordId: string): Promise<{ item: ReviewItem | null; record: { id: string; title: string | null } }> {
  const record = await host.store.db.selectFrom("records").select(["id", "title"]).where("project_id", "=", projectId).where("id", "=", recordId).executeTakeFirst();
  if (!record) throw errors.missing("There is no such record in this project.");
  const [item] = await readStageItems(host.store.db, projectId, stage, recordId);
  return { item: item ?? null, record };
}

/**
 * The answers and comments a rating stores, checked against the stage (and, on submit,
 * complete): an appraisal against `checklist`, the version the rating is given against.
 */
async function checkedAnswers(host: DocumentHost, projectId: string, stage: Stage, input: RatingInput, checklist?: Checklist): Promise<{ answers: Answers; comments: Record<string, string> }> {
  if (stage === "appraisal") {
    if (input.kind !== "answers" || !checklist) throw errors.validation("An appraisal is given as answers to the checklist's questions ({answers, comments}), not a decision.");
    const problems = appraisalProblems(checklist, { answers: input.answers, comments: input.comments });
    if (problems.length > 0) throw errors.validation(problems.join(" "), { problems });
    const unanswered = scoreAppraisal(checklist, input.answers)?.unanswered ?? [];
    if (input.submit && unanswered.length > 0) throw errors.validation(`Answer every scored question before submitting; still open: ${unanswered.join(", ")}.`);
    return { answers: input.answers, comments: input.comments };
  }
  if (input.kind !== "decision") throw errors.validation("Screening takes a decision ({decision: include | exclude | maybe, reason?}), not checklist answers.");
  const answers: Answers = { decision: input.decision };
  if (input.reason !== undefined) {
    if (input.decision !== "exclude") throw errors.validation("A reason goes with an exclusion.");
    const { exclusion } = await readCriteria(host, projectId);
    if (!exclusion.some((c) => c.id === input.reason)) throw errors.validation("The reason must be one of the project's exclusion criteria, by id.", { reason: input.reason });
    answers.reason = input.reason;
  } else if (stage === "full_text" && input.decision === "exclude" && input.submit) {
    throw errors.validation("Excluding a full text needs a reason: one of the project's exclusion criteria, by id.");
  }
  return { answers, comments: input.comment ? { decision: input.comment } : {} };
}

/** Writes the item to the stage's revealed document, once it has revealed. */
async function publishRevealed(host: DocumentHost, projectId: string, stage: Stage, item: ReviewItem): Promise<void> {
  if (!isRevealed(item)) return;
  await writeDocument(host, revealedDocumentName(projectId, stage), (doc) => setReviewEntry(doc, item.itemId, { work: [...item.work], consensus: item.consensus }));
}

/** The checklist a rating is given against: the one it was first saved against, else the project's current one. */
async function ratingChecklist(host: DocumentHost, projectId: string, label: string | undefined): Promise<Checklist> {
  if (label) return (await checklistsByLabel(host.store.db, projectId, [label])).get(label)!;
  return currentChecklist(host.store.db, projectId);
}

/**
 * Saves the caller's own rating of an item. Before reveal it is their independent answer (a
 * draft until submitted); after reveal a change is kept as a revision beside it. The last
 * rater to submit reveals the item.
 */
export async function rate(host: DocumentHost, projectId: string, stage: Stage, recordId: string, raterId: string, input: RatingInput): Promise<ReviewItem> {
  const db = host.store.db;
  const { item } = await readItem(host, projectId, stage, recordId);
  if (!item || !item.raters.includes(raterId)) throw errors.forbidden("You are not assigned to rate this record at this stage.");
  const checklist = stage === "appraisal" ? await ratingChecklist(host, projectId, item.work.find((w) => w.rater === raterId)?.checklist) : undefined;
  const { answers, comments } = await checkedAnswers(host, projectId, stage, input, checklist);
  const now = new Date().toISOString();
  const key = (q: ReturnType<typeof db.updateTable<"review_ratings">>) => q.where("stage", "=", stage).where("record_id", "=", recordId).where("rater_id", "=", raterId);
  if (isRevealed(item)) {
    await key(db.updateTable("review_ratings").set({ revised_answers: JSON.stringify(answers), revised_at: now, updated_at: now })).execute();
  } else {
    const own = item.work.find((w) => w.rater === raterId);
    const submittedAt = own?.submittedAt ?? (input.submit ? now : null);
    const values = { answers: JSON.stringify(answers), comments: JSON.stringify(comments), submitted_at: submittedAt, updated_at: now, checklist: checklist ? checklistLabel(checklist) : null };
    await db
      .insertInto("review_ratings")
      .values({ project_id: projectId, stage, record_id: recordId, rater_id: raterId, revised_answers: null, revised_at: null, ...values })
      .onConflict((oc) => oc.columns(["stage", "record_id", "rater_id"]).doUpdateSet(values))
      .execute();
  }
  const updated = (await readItem(host, projectId, stage, recordId)).item!;
  const mine = updated.work.find((w) => w.rater === raterId)!;
  await writeDocument(host, raterDocumentName(projectId, stage, raterId), (doc) => setReviewEntry(doc, recordId, { work: mine }));
  await publishRevealed(host, projectId, stage, updated);
  return updated;
}

// ---------------------------------------------------------------------------------------------
// Consensus

export type ConsensusInput = { kind: "decision"; decision: Decision; reason?: string; note: string } | { kind: "answers"; answers: Answers; note: string };

/** An appraisal's agreed answers, each checked against a checklist version one of the item's raters used. */
async function agreedAnswers(host: DocumentHost, projectId: string, item: ReviewItem, rating: RatingInput): Promise<{ answers: Answers }> {
  if (rating.kind !== "answers") return checkedAnswers(host, projectId, "appraisal", rating);
  const used = checklistsOfItem(item, await checklistsByLabel(host.store.db, projectId, item.work.flatMap((w) => (w.checklist ? [w.checklist] : []))));
  for (const [question, answer] of Object.entries(rating.answers)) {
    const problems = used.map((checklist) => appraisalProblems(checklist, { answers: { [question]: answer }, comments: {} }));
    if (!problems.some((p) => p.length === 0)) throw errors.validation(problems[0]?.join(" ") ?? "Nobody has appraised this paper yet.", { problems: problems[0] ?? [] });
  }
  return { answers: rating.answers };
}

/** Records the consensus on a revealed item, by one of its raters or a lead. */
export async function recordConsensus(host: DocumentHost, projectId: string, stage: Stage, recordId: string, by: { userId: string; mayManage: boolean }, input: ConsensusInput): Promise<ReviewItem> {
  const { item } = await readItem(host, projectId, stage, recordId);
  if (!item) throw errors.missing("Nobody is assigned to rate this record at this stage.");
  if (!item.raters.includes(by.userId) && !by.mayManage) throw errors.forbidden("Only the raters of this record, or a lead, record its consensus.");
  if (!isRevealed(item)) throw errors.conflict("A consensus is recorded once every rater has submitted and the item is revealed.");
  const rating: RatingInput =
    input.kind === "decision" ? { kind: "decision", decision: input.decision, reason: input.reason, submit: true } : { kind: "answers", answers: input.answers, comments: {}, submit: false };
  const { answers } = stage === "appraisal" ? await agreedAnswers(host, projectId, item, rating) : await checkedAnswers(host, projectId, stage, rating);
  if (Object.keys(answers).length === 0) throw errors.validation("Give the agreed answer to at least one question.");
  const row = { answers: JSON.stringify(answers), note: input.note, decided_by: by.userId, decided_at: new Date().toISOString() };
  await host.store.db
    .insertInto("review_consensus")
    .values({ project_id: projectId, stage, record_id: recordId, ...row })
    .onConflict((oc) => oc.columns(["stage", "record_id"]).doUpdateSet(row))
    .execute();
  const { item: updated } = await readItem(host, projectId, stage, recordId);
  await publishRevealed(host, projectId, stage, updated!);
  return updated!;
}
