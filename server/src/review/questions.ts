// Which questions are compared at a stage, item by item: a screening item's decision, or the
// scored questions of the checklist versions its ratings were given against (an item whose
// raters used different versions is compared on every question either counts; a rater whose
// version lacks one simply has no answer to it). An item nobody has rated yet would be rated
// against the project's current checklist.
import type { ReviewItem, Stage } from "@concord/shared";
import type { Checklist } from "@concord/shared/appraisal/checklist";
import type { Kysely } from "kysely";
import { checklistsByLabel, currentChecklist } from "../commands/checklists";
import type { DatabaseSchema } from "../store/schema";

const comparedOf = (checklist: Checklist) => checklist.scoring?.counted ?? checklist.questions.filter((q) => q.answers.length > 0).map((q) => q.key);

export interface StageQuestions {
  /** The questions compared for one item. */
  of: (item: ReviewItem) => string[];
  /** Every question compared at the stage, in the order first met. */
  all: string[];
  /** The checklist of each rating, by its `key@version`. */
  checklists: Map<string, Checklist>;
  current: Checklist | null;
}

/** The checklists an item's ratings were given against, the first rating's first. */
export function checklistsOfItem(item: ReviewItem, checklists: Map<string, Checklist>): Checklist[] {
  const labels = [...new Set(item.work.flatMap((w) => (w.checklist ? [w.checklist] : [])))];
  return labels.map((label) => checklists.get(label)!);
}

export async function stageQuestions(db: Kysely<DatabaseSchema>, projectId: string, stage: Stage, items: readonly ReviewItem[]): Promise<StageQuestions> {
  if (stage !== "appraisal") return { of: () => ["decision"], all: ["decision"], checklists: new Map(), current: null };
  const [checklists, current] = await Promise.all([
    checklistsByLabel(db, projectId, items.flatMap((item) => item.work.flatMap((w) => (w.checklist ? [w.checklist] : [])))),
    currentChecklist(db, projectId),
  ]);
  const of = (item: ReviewItem) => {
    const used = checklistsOfItem(item, checklists);
    return [...new Set((used.length > 0 ? used : [current]).flatMap(comparedOf))];
  };
  const all = [...new Set(items.length > 0 ? items.flatMap(of) : comparedOf(current))];
  return { of, all, checklists, current };
}
