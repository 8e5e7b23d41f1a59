// Reading single fields the way databases write them: years inside dates ("2019///",
// "2019 Mar 12", "SEP 2018"), DOIs as URLs or with "doi:" in front, page ranges split over
// two tags, Ovid's "No / Specified" placeholder for pages.
import type { RecordFlag } from "./types";

/** One line: runs of white space (continuation line breaks included) become one space. */
export function oneLine(value: string | undefined): string | null {
  const text = value?.replace(/\s+/g, " ").trim() ?? "";
  return text === "" ? null : text;
}

/** Prose that may have paragraphs: each line trimmed, blank lines between paragraphs kept. */
export function prose(value: string | undefined): string | null {
  const text = value
    ?.split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return text ? text : null;
}

const LATEST_YEAR_AHEAD = 2;

function plausibleYear(year: number): boolean {
  return year >= 1500 && year <= new Date().getFullYear() + LATEST_YEAR_AHEAD;
}

export type YearReading = { year: number; tidied: boolean } | null;

/** The year in a date field, and whether it had to be picked out of something other than four digits. */
export function readYear(value: string): YearReading {
  const text = value.trim();
  if (/^\d{4}$/.test(text)) {
    const year = Number(text);
    return plausibleYear(year) ? { year, tidied: false } : null;
  }
  const found = /(?:^|\D)(\d{4})(?:\D|$)/.exec(text);
  if (!found) return null;
  const year = Number(found[1]);
  return plausibleYear(year) ? { year, tidied: true } : null;
}

/** The first field in `values` (in priority order) that holds a year, with flags about how it was read. */
export function yearFrom(candidates: { field: string; value: string }[]): { year: number | null; flags: RecordFlag[] } {
  for (const { field, value } of candidates) {
    const reading = readYear(value);
    if (!reading) continue;
    const flags: RecordFlag[] = reading.tidied
      ? [{ field, code: "year_tidied", severity: "note", message: `Year read as ${reading.year} from “${value.trim()}”.` }]
      : [];
    return { year: reading.year, flags };
  }
  const given = candidates.find((c) => c.value.trim() !== "");
  if (given) {
    return {
      year: null,
      flags: [{ field: given.field, code: "year_unreadable", severity: "check", message: `The year “${given.value.trim()}” could not be read, so the record has no year. Add it by hand if you know it.` }],
    };
  }
  return { year: null, flags: [{ field: "year", code: "missing_year", severity: "note", message: "No year given." }] };
}

const DOI_SHAPE = /^10\.\d{4,9}\/\S+$/;

/** A DOI in Concord's form (lowercase, no resolver prefix), or null when the value is not one. */
export function normaliseDoi(value: string): string | null {
  let text = value.trim();
  try {
    if (/%[0-9a-f]{2}/i.test(text)) text = decodeURIComponent(text);
  } catch {
    // A stray "%" is left as it is; the shape check below decides.
  }
  text = text
    .replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, "")
    .replace(/^doi:\s*/i, "")
    .replace(/\s*\[doi\]$/i, "")
    .replace(/[.,;]+$/, "")
    .trim()
    .toLowerCase();
  return DOI_SHAPE.test(text) ? text : null;
}

/** The first DOI among the values (duplicates folded), flagging values that are not DOIs and disagreeing ones. */
export function doiFrom(candidates: { field: string; value: string }[]): { doi: string | null; flags: RecordFlag[] } {
  const dois: string[] = [];
  const flags: RecordFlag[] = [];
  for (const { field, value } of candidates) {
    if (value.trim() === "") continue;
    const doi = normaliseDoi(value);
    if (doi === null) {
      flags.push({ field, code: "doi_unreadable", severity: "check", message: `“${value.trim()}” is not a DOI, so it was not used (it is kept with the record's tags).` });
    } else if (!dois.includes(doi)) dois.push(doi);
  }
  if (dois.length > 1) {
    flags.push({ field: "doi", code: "several_dois", severity: "note", message: `Several DOIs were given (${dois.join(", ")}); the first is used.` });
  }
  return { doi: dois[0] ?? null, flags };
}

/** Ovid writes "No" and "Specified" into the start and end page when it has none. */
const NOT_SPECIFIED = /^(?:no|not|specified|not specified|n\/a)$/i;

/** A page range from a start and an end page, or a start that already is a range. */
export function pagesFrom(start: string | undefined, end: string | undefined): string | null {
  const first = oneLine(start);
  const last = oneLine(end);
  const usable = (p: string | null) => (p && !NOT_SPECIFIED.test(p) ? p : null);
  const from = usable(first);
  const to = usable(last);
  if (from && to && from !== to && !from.includes("-")) return `${from}-${to}`;
  return from ?? to;
}

/** Keywords from values that may hold one keyword per line or several separated by semicolons. */
export function keywordsFrom(values: string[]): string[] {
  const seen = new Set<string>();
  const keywords: string[] = [];
  for (const value of values) {
    for (const part of value.split(/[\n;]/)) {
      const keyword = part.trim();
      if (keyword && !seen.has(keyword.toLowerCase())) {
        seen.add(keyword.toLowerCase());
        keywords.push(keyword);
      }
    }
  }
  return keywords;
}
