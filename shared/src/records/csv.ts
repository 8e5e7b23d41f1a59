// CSV exports (Scopus, Web of Science's tab-delimited, Rayyan, a spreadsheet someone kept):
// one row per record, a header naming the columns. Headers differ by database ("Title",
// "Article Title", "TI"), so each field lists the names it is known by; columns with other
// names are kept in `raw`. Comma, semicolon (Excel in much of Europe) and tab are told apart
// from the header line.
import { CsvError, parse } from "csv-parse/sync";
import { pagesFrom } from "./fields";
import { buildRecord, firstOf, allOf, taggedOf } from "./normalise";
import { RECORD_LIMITS, RecordsFileError, type BibRecord, type RawTags } from "./types";

/** Header names per field, compared lowercased and trimmed; the first present wins. */
const COLUMNS = {
  title: ["title", "article title", "document title", "primary title", "ti"],
  authors: ["authors", "author", "author(s)", "author full names", "author names", "au", "af"],
  year: ["year", "publication year", "pubyear", "py", "publication date", "date"],
  journal: ["source title", "journal", "journal title", "publication title", "journal/book", "so", "secondary title"],
  volume: ["volume", "vl"],
  issue: ["issue", "number", "is"],
  pages: ["pages", "page range"],
  pageStart: ["page start", "start page", "bp"],
  pageEnd: ["page end", "end page", "ep"],
  doi: ["doi", "di"],
  abstract: ["abstract", "ab"],
  keywords: ["author keywords", "keywords", "de", "kw", "index keywords"],
  type: ["document type", "type", "item type", "publication type", "dt", "reference type"],
  // Scopus writes "Source" = "Scopus" beside "Source title" (the journal).
  database: ["source", "database", "db"],
} as const;

const RECOGNISED = new Set<string>(Object.values(COLUMNS).flat());

function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const count = (d: string) => header.split(d).length - 1;
  return ["\t", ";", ","].reduce((best, d) => (count(d) > count(best) ? d : best), ",");
}

/** Authors in one cell: "A; B", or Scopus's older "Labanski A., Langhorst J.". */
function splitAuthorCell(cell: string): string[] {
  if (cell.includes(";")) return cell.split(";");
  const parts = cell.split(/,\s*/);
  const initialled = (part: string) => /^\S.* [A-Z][A-Z.-]*\.?$/u.test(part.trim());
  return parts.length > 1 && parts.every(initialled) ? parts : [cell];
}

/** The columns a header names for each field, keyed by its lowercased name. */
function rawOf(header: string[], row: string[]): RawTags {
  const raw: RawTags = {};
  header.forEach((name, i) => {
    const cell = row[i]?.trim() ?? "";
    if (cell !== "" && name !== "") (raw[name] ??= []).push(cell);
  });
  return raw;
}

/** Looks up a field's columns in a row's raw cells, by the lowercased header names. */
function columns(raw: RawTags, names: readonly string[], lower: Map<string, string>): string[] {
  return names.map((n) => lower.get(n)).filter((n): n is string => n !== undefined && raw[n] !== undefined);
}

export function readCsv(text: string): BibRecord[] {
  let rows: string[][];
  try {
    rows = parse(text, { delimiter: delimiterOf(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true, to: RECORD_LIMITS.records + 2 }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) throw new RecordsFileError(`This CSV file could not be read: ${error.message}`, "no_records");
    throw error;
  }
  const [header = [], ...body] = rows;
  if (body.length > RECORD_LIMITS.records) {
    throw new RecordsFileError(`This file holds more than ${RECORD_LIMITS.records.toLocaleString("en")} records, more than one import may bring in. Export the search in smaller parts and import each.`, "too_many");
  }
  const names = header.map((name) => name.trim());
  const lower = new Map(names.map((name) => [name.toLowerCase(), name]));
  if (![...COLUMNS.title, ...COLUMNS.doi].some((n) => lower.has(n))) {
    throw new RecordsFileError(
      `This CSV file has no column Concord knows as a title or a DOI (its first line names: ${names.slice(0, 8).join(", ") || "nothing"}). Name the columns "Title", "Authors", "Year", "Journal", "DOI" and "Abstract", or export RIS instead.`,
      "no_records",
    );
  }
  return body
    .filter((row) => row.some((cell) => cell.trim() !== ""))
    .map((row) => {
      const raw = rawOf(names, row);
      const pick = (field: keyof typeof COLUMNS) => columns(raw, COLUMNS[field], lower);
      const authorColumn = pick("authors")[0];
      return buildRecord(
        {
          type: firstOf(raw, pick("type")),
          title: firstOf(raw, pick("title")),
          authors: authorColumn ? splitAuthorCell(raw[authorColumn]![0]!) : [],
          years: taggedOf(raw, pick("year")),
          journal: firstOf(raw, pick("journal")),
          volume: firstOf(raw, pick("volume")),
          issue: firstOf(raw, pick("issue")),
          pages: pagesFrom(firstOf(raw, [...pick("pages"), ...pick("pageStart")]), firstOf(raw, pick("pageEnd"))),
          dois: taggedOf(raw, pick("doi")),
          abstract: firstOf(raw, pick("abstract")),
          keywords: allOf(raw, pick("keywords")),
          database: firstOf(raw, pick("database")),
        },
        raw,
      );
    });
}

/** Whether a header line names at least one column Concord reads. */
export function looksLikeCsvHeader(firstLine: string): boolean {
  return firstLine
    .replace(/^\uFEFF/, "")
    .split(/[,;\t]/)
    .some((cell) => RECOGNISED.has(cell.replace(/^"|"$/g, "").trim().toLowerCase()));
}
