// One record, from what a format's reader picked out of it to the normalised BibRecord with
// its flags. Each format says which of its tags feed which field (ris.ts's mapping lives in
// formats.ts); the rules for reading a field are the same for all of them.
import { doiFrom, keywordsFrom, oneLine, prose, yearFrom } from "./fields";
import type { BibRecord, RawTags, RecordFlag } from "./types";

/** A field's candidates as a format found them, best first. */
export interface FieldValues {
  type: string | undefined;
  title: string | undefined;
  authors: string[];
  years: { field: string; value: string }[];
  journal: string | undefined;
  volume: string | undefined;
  issue: string | undefined;
  pages: string | null;
  dois: { field: string; value: string }[];
  abstract: string | undefined;
  keywords: string[];
  database: string | undefined;
}

/** The first non-blank value among `tags`, in order. */
export function firstOf(raw: RawTags, tags: readonly string[]): string | undefined {
  for (const tag of tags) {
    const value = raw[tag]?.find((v) => v.trim() !== "");
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Every value under `tags`, in order. */
export function allOf(raw: RawTags, tags: readonly string[]): string[] {
  return tags.flatMap((tag) => raw[tag] ?? []);
}

/** Every value under `tags` with the tag it came from. */
export function taggedOf(raw: RawTags, tags: readonly string[]): { field: string; value: string }[] {
  return tags.flatMap((tag) => (raw[tag] ?? []).map((value) => ({ field: tag, value })));
}

export function buildRecord(fields: FieldValues, raw: RawTags, extraFlags: RecordFlag[] = []): BibRecord {
  const title = oneLine(fields.title);
  const { year, flags: yearFlags } = yearFrom(fields.years);
  const { doi, flags: doiFlags } = doiFrom(fields.dois);
  const flags: RecordFlag[] = [];
  if (title === null) {
    flags.push({ field: "title", code: "missing_title", severity: "check", message: "No title: the record was kept; add its title by hand or check the export." });
  }
  flags.push(...yearFlags, ...doiFlags, ...extraFlags);
  return {
    type: oneLine(fields.type),
    title,
    authors: fields.authors.map((a) => oneLine(a)).filter((a): a is string => a !== null),
    year,
    journal: oneLine(fields.journal),
    volume: oneLine(fields.volume),
    issue: oneLine(fields.issue),
    pages: fields.pages,
    doi,
    abstract: prose(fields.abstract),
    keywords: keywordsFrom(fields.keywords),
    database: oneLine(fields.database),
    raw,
    flags,
  };
}
