// The double rating of one item — a record's screening decision, or a paper's appraisal —
// by its assigned raters: blind until every one of them has submitted, then revealed,
// discussed and settled by a consensus that never overwrites the independent answers.
// These rules decide what each person may see; the server applies them on every route and
// every document it sends, so a rater never receives another's answer before submitting.
// Pure: no I/O.
import type { RatingTable } from "../agreement/types";

export const STAGES = ["title_abstract", "full_text", "appraisal"] as const;
export type Stage = (typeof STAGES)[number];

export const DECISIONS = ["include", "exclude", "maybe"] as const;
export type Decision = (typeof DECISIONS)[number];

/**
 * One rater's answers to one item: a screening decision (with an exclusion reason at full
 * text), or the answers to a checklist's questions, keyed by question.
 */
export type Answers = Record<string, string>;

export interface RaterWork {
  rater: string;
  answers: Answers;
  comments: Record<string, string>;
  /** When the rater submitted their independent answers; null while drafting. */
  submittedAt: string | null;
  /** Answers the rater changed after reveal, kept apart so the independent ones stay as submitted. */
  revised?: { answers: Answers; at: string };
  /** The checklist (`key@version`) an appraisal was given against; absent for screening. */
  checklist?: string;
}

export interface Consensus {
  /** The agreed answer per question (for screening, the one key `decision`). */
  answers: Answers;
  decidedBy: string;
  decidedAt: string;
}

export interface ReviewItem {
  itemId: string;
  raters: readonly string[];
  work: readonly RaterWork[];
  consensus: Consensus | null;
}

/** An item reveals once every assigned rater has submitted. */
export function isRevealed(item: ReviewItem): boolean {
  return item.raters.length > 0 && item.raters.every((rater) => item.work.some((w) => w.rater === rater && w.submittedAt !== null));
}

export interface Viewer {
  userId: string;
  /** A lead who is not a rater of the item may watch it live if the project allows. */
  mayWatch: boolean;
}

/**
 * The raters' work `viewer` may see: their own always; everyone's once the item is revealed,
 * or when the viewer is not one of its raters and may watch. A rater who has not submitted
 * sees nobody else's work, not even whether it exists beyond the item's assignment.
 */
export function visibleWork(item: ReviewItem, viewer: Viewer): RaterWork[] {
  const isRater = item.raters.includes(viewer.userId);
  if (isRevealed(item) || (!isRater && viewer.mayWatch)) return [...item.work];
  return item.work.filter((w) => w.rater === viewer.userId);
}

/** The questions on which the item's submitted independent answers differ; empty before reveal. */
export function disagreements(item: ReviewItem, questions: readonly string[]): string[] {
  if (!isRevealed(item)) return [];
  const submitted = item.work.filter((w) => item.raters.includes(w.rater));
  return questions.filter((q) => new Set(submitted.map((w) => w.answers[q] ?? null)).size > 1);
}

/**
 * The two rating tables of a stage for the agreement engine: `before`, the independent
 * answers as submitted; `after`, with each settled question's answer replaced by the
 * consensus for every rater (what the team agreed), and an item's unsettled questions left
 * as they were. Units are item × question; only revealed items count, so a figure never
 * reflects an answer someone else may not see yet.
 */
export function ratingTables(
  items: readonly ReviewItem[],
  questionsOf: readonly string[] | ((item: ReviewItem) => readonly string[]),
): { before: RatingTable; after: RatingTable } {
  const perItem = typeof questionsOf === "function";
  const revealed = items.filter(isRevealed);
  const raterIds = [...new Set(revealed.flatMap((item) => item.raters))].sort();
  const unitIds: string[] = [];
  const before: (string | null)[][] = [];
  const after: (string | null)[][] = [];
  for (const item of revealed) {
    const questions = typeof questionsOf === "function" ? questionsOf(item) : questionsOf;
    // Each rater's answers, looked up once per item rather than once per question and rater.
    const answersOf = raterIds.map((rater) => (item.raters.includes(rater) ? (item.work.find((w) => w.rater === rater)?.answers ?? null) : null));
    for (const question of questions) {
      const row = answersOf.map((answers) => answers?.[question] ?? null);
      if (row.filter((answer) => answer !== null).length < 2) continue;
      const agreed = item.consensus?.answers[question];
      unitIds.push(!perItem && questions.length === 1 ? item.itemId : `${item.itemId} ${question}`);
      before.push(row);
      after.push(agreed === undefined ? row : row.map((answer) => (answer === null ? null : agreed)));
    }
  }
  return { before: { unitIds, raterIds, ratings: before }, after: { unitIds, raterIds, ratings: after } };
}
