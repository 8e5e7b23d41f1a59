// The line under a record's title, as screening and appraisal show it: the first three
// authors (then "et al."), the year and the journal.
import type { BibRecord } from "../api/types";

export function recordMeta(record: BibRecord): string {
  const authors = record.authors.slice(0, 3).join("; ") + (record.authors.length > 3 ? " et al." : "");
  return [authors, record.year, record.journal].filter(Boolean).join(" · ");
}
