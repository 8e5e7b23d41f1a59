// What a review's reports are drawn from: the PRISMA counts, the appraisal scores of the
// included studies and their characteristics, all from settled outcomes only — a consensus,
// or answers every assigned rater gave alike once the item revealed — so a report never
// shows an answer someone may not see yet, whoever asks for it.
import { isRevealed, type ReviewItem, type Stage } from "@concord/shared";
import { scoreAppraisal, type Checklist } from "@concord/shared/appraisal/checklist";
import { prismaCounts, type StageOutcome } from "@concord/shared/review/prismaCounts";
import type { PrismaCounts } from "@concord/shared/review/prisma";
import { appraisalScoringTable, studyCharacteristicsTable, type ReportTable } from "@concord/shared/review/reportTables";
import { readCriteria } from "../commands/review";
import type { DocumentHost } from "../collab/serverWrites";
import { readExtractions } from "./extraction";
import { checklistsOfItem, stageQuestions } from "./questions";
import { notRetrieved, outcomeOf, readStageItems } from "./stageItems";

/** The settled answer to each question of an item: the consensus, else what every rater answered alike. */
export function settledAnswers(item: ReviewItem, questions: readonly string[]): Record<string, string> {
  const settled: Record<string, string> = {};
  const submitted = isRevealed(item) ? item.work.filter((w) => item.raters.includes(w.rater)) : [];
  for (const question of questions) {
    const agreed = item.consensus?.answers[question];
    const given = new Set(submitted.map((w) => w.answers[question]));
    const answer = agreed ?? (given.size === 1 ? [...given][0] : undefined);
    if (answer !== undefined) settled[question] = answer;
  }
  return settled;
}

/** Each record's settled outcome at a stage, with the exclusion reason's wording. */
async function outcomes(host: DocumentHost, projectId: string, stage: Stage): Promise<Map<string, StageOutcome>> {
  const [items, criteria] = await Promise.all([readStageItems(host.store.db, projectId, stage), readCriteria(host, projectId)]);
  const reasons = new Map([...criteria.exclusion, ...criteria.inclusion].map((c) => [c.id, c.text]));
  const settled = new Map<string, StageOutcome>();
  for (const item of items) {
    const decision = outcomeOf(item);
    if (decision !== "include" && decision !== "exclude" && decision !== "maybe") continue;
    const reasonId = settledAnswers(item, ["reason"]).reason;
    settled.set(item.itemId, reasonId ? { decision, reason: reasons.get(reasonId) ?? reasonId } : { decision });
  }
  return settled;
}

export async function reviewPrismaCounts(host: DocumentHost, projectId: string): Promise<PrismaCounts> {
  const records = await host.store.db
    .selectFrom("records")
    .select(["id", "source", "import_id", "duplicate_of"])
    .where("project_id", "=", projectId)
    .execute();
  const [titleAbstract, fullText] = await Promise.all([outcomes(host, projectId, "title_abstract"), outcomes(host, projectId, "full_text")]);
  return prismaCounts({
    records: records.map((r) => ({ id: r.id, source: r.source, fromSearch: r.import_id !== null, duplicate: r.duplicate_of !== null })),
    titleAbstract,
    fullText,
    notRetrieved: await notRetrieved(host.store.db, projectId),
  });
}

const everyQuestion = (checklist: Checklist) => checklist.questions.flatMap((q) => [q.key, ...q.prompts.map((p) => `${q.key}.${p.key}`)]);

/** The checklist most papers were appraised against, so the tables are titled for the usual case (the one in use before any). */
function usualChecklist(used: Checklist[], fallback: Checklist): Checklist {
  const tally = new Map<Checklist, number>();
  for (const checklist of used) tally.set(checklist, (tally.get(checklist) ?? 0) + 1);
  return [...tally].sort((a, b) => b[1] - a[1])[0]?.[0] ?? fallback;
}

/** The appraisal scores table and the study-characteristics table of the included studies, each paper scored with its own checklist version. */
export async function reviewTables(host: DocumentHost, projectId: string): Promise<{ appraisal: ReportTable; studies: ReportTable }> {
  const [studies, appraisals] = await Promise.all([readExtractions(host.store.db, projectId), readStageItems(host.store.db, projectId, "appraisal")]);
  const { checklists, current } = await stageQuestions(host.store.db, projectId, "appraisal", appraisals);
  const byRecord = new Map(
    appraisals.map((item) => {
      const used = checklistsOfItem(item, checklists);
      const checklist = used[0] ?? current!;
      return [item.itemId, { checklist, answers: settledAnswers(item, [...new Set((used.length > 0 ? used : [checklist]).flatMap(everyQuestion))]) }];
    }),
  );
  const papers = studies.map(({ study }, index) => ({ label: String(index + 1), answers: byRecord.get(study.id)?.answers ?? {}, checklist: byRecord.get(study.id)?.checklist ?? current! }));
  const table = usualChecklist(
    papers.filter((_, index) => byRecord.has(studies[index]!.study.id)).map((paper) => paper.checklist),
    current!,
  );
  return {
    appraisal: appraisalScoringTable(table, papers),
    studies: studyCharacteristicsTable(
      studies.map(({ extraction }, index) => {
        const score = scoreAppraisal(papers[index]!.checklist, papers[index]!.answers);
        return {
          fields: extraction.fields,
          appraisal: score?.grade ? `${score.total} (${score.grade.grade})` : "",
        };
      }),
      table.name,
    ),
  };
}
