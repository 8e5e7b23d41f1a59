// The screening decisions of a stage as a table for the write-up's appendix: one row per
// record with raters, each rater's decision and reason as the viewer may see it (their own
// always, others' once the item revealed), the consensus and the outcome.
import { visibleWork, type ReviewItem, type Viewer } from "@concord/shared";
import type { ReportTable } from "@concord/shared/review/reportTables";
import { outcomeOf } from "./stageItems";

export interface DecisionRecord {
  id: string;
  title: string | null;
  year: number | null;
  source: string;
}

export function decisionsTable(
  stageLabel: string,
  items: ReviewItem[],
  records: Map<string, DecisionRecord>,
  viewer: Viewer,
  nameOf: (id: string) => string,
  reasonText: (id: string) => string,
): ReportTable {
  return {
    title: `${stageLabel}: decisions`,
    header: ["Record", "Title", "Year", "Source", "Rater", "Decision", "Reason", "Submitted", "Consensus", "Outcome"],
    rows: items.flatMap((item) => {
      const record = records.get(item.itemId);
      const base = [item.itemId, record?.title ?? "", record?.year ? String(record.year) : "", record?.source ?? ""];
      const work = new Map(visibleWork(item, viewer).map((w) => [w.rater, w]));
      const outcome = outcomeOf(item) ?? "";
      const consensus = item.consensus?.answers.decision ?? "";
      return item.raters.map((rater) => {
        const own = work.get(rater);
        const reason = own?.answers.reason;
        return [...base, nameOf(rater), own?.answers.decision ?? "", reason ? reasonText(reason) : "", own?.submittedAt ?? "", consensus, outcome];
      });
    }),
  };
}
