// The PRISMA 2020 counts of a review, from its records and the outcome of each screening
// stage. Records imported from a database search take the template's main path; records
// added by hand (grey literature, reference lists, citation searching) take the path for
// other methods, which the template starts at "reports sought". A record still awaiting a
// decision counts nowhere past the step it has reached, and `prismaInconsistencies` says so.
// Pure: no I/O.
import type { Count, PrismaCounts } from "./prisma";
import type { Decision } from "./items";

export interface PrismaRecord {
  id: string;
  /** The database or other source it came from, as the team labelled it. */
  source: string;
  /** True for a record imported from a database or register search; false for one added by hand. */
  fromSearch: boolean;
  /** Marked as a duplicate of another record. */
  duplicate: boolean;
}

/** A stage's settled outcome for a record: the consensus, or the answer every rater gave. */
export interface StageOutcome {
  decision: Decision;
  /** At full text, why the report was excluded. */
  reason?: string;
}

export interface PrismaInput {
  records: PrismaRecord[];
  titleAbstract: ReadonlyMap<string, StageOutcome>;
  fullText: ReadonlyMap<string, StageOutcome>;
  /** Records whose full text could not be obtained. */
  notRetrieved: ReadonlySet<string>;
}

const NO_REASON = "No reason recorded";

function tally(labels: string[]): Count[] {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts].map(([label, n]) => ({ label, n })).sort((a, b) => b.n - a.n || a.label.localeCompare(b.label));
}

/** How the records that reached full text fared: sought, not retrieved, assessed, excluded. */
function fullTextPath(ids: string[], input: PrismaInput) {
  const notRetrieved = ids.filter((id) => input.notRetrieved.has(id));
  const assessed = ids.filter((id) => !input.notRetrieved.has(id) && input.fullText.has(id));
  const excluded = assessed.filter((id) => input.fullText.get(id)!.decision === "exclude");
  const included = assessed.filter((id) => input.fullText.get(id)!.decision === "include");
  return {
    sought: ids.length,
    notRetrieved: notRetrieved.length,
    assessed: assessed.length,
    excludedWithReasons: tally(excluded.map((id) => input.fullText.get(id)!.reason?.trim() || NO_REASON)),
    included: included.length,
  };
}

export function prismaCounts(input: PrismaInput): PrismaCounts {
  const searched = input.records.filter((r) => r.fromSearch);
  const byHand = input.records.filter((r) => !r.fromSearch);
  const unique = searched.filter((r) => !r.duplicate);
  const screened = unique.filter((r) => input.titleAbstract.has(r.id));
  // "Maybe" at title and abstract goes on to full text: a record is only excluded for a reason.
  const passes = (id: string) => input.titleAbstract.get(id)?.decision !== "exclude";
  const main = fullTextPath(screened.filter((r) => passes(r.id)).map((r) => r.id), input);
  const otherIds = byHand.filter((r) => !r.duplicate && passes(r.id)).map((r) => r.id);
  const other = byHand.length > 0 ? fullTextPath(otherIds, input) : null;
  return {
    main: {
      databases: tally(searched.map((r) => r.source)),
      registers: 0,
      duplicatesRemoved: searched.length - unique.length,
      markedIneligibleByAutomation: 0,
      removedForOtherReasons: 0,
      screened: screened.length,
      screenedExcluded: screened.length - screened.filter((r) => passes(r.id)).length,
      sought: main.sought,
      notRetrieved: main.notRetrieved,
      assessed: main.assessed,
      excludedWithReasons: main.excludedWithReasons,
    },
    other: other
      ? {
          identified: tally(byHand.map((r) => r.source)),
          sought: other.sought,
          notRetrieved: other.notRetrieved,
          assessed: other.assessed,
          excludedWithReasons: other.excludedWithReasons,
        }
      : null,
    studiesIncluded: main.included + (other?.included ?? 0),
    reportsIncluded: main.included + (other?.included ?? 0),
  };
}
