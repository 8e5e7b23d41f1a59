// Bibliographic records as Concord keeps them, whichever database exported them. Pure types
// and the limits an import is held to; the parsers are in this folder, one per format.

/** How much a flag asks of a person: `check` (look at this record) or `note` (how Concord read it). */
export type FlagSeverity = "check" | "note";

export type FlagCode =
  | "missing_title"
  | "missing_year"
  | "year_unreadable"
  | "year_tidied"
  | "doi_unreadable"
  | "several_dois"
  | "unknown_tags"
  | "unknown_type"
  | "no_end";

/** Something about one field of one record that the import noticed, in plain words. */
export interface RecordFlag {
  field: string;
  code: FlagCode;
  severity: FlagSeverity;
  message: string;
}

/** The tags (RIS, MEDLINE, Web of Science) or column names (CSV) of one record, as written. */
export type RawTags = Record<string, string[]>;

/** One record, normalised. Everything the file said is also kept in `raw`. */
export interface BibRecord {
  /** The reference type as the file gave it (RIS `TY`, MEDLINE `PT`, CSV "Document Type"). */
  type: string | null;
  title: string | null;
  /** As written ("Trindade, Ines A"), in order. */
  authors: string[];
  year: number | null;
  journal: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  /** Lowercase, without a doi.org prefix; the first when several were given. */
  doi: string | null;
  abstract: string | null;
  keywords: string[];
  /** The database the file says it came from (`DB  - Scopus`), if it says. */
  database: string | null;
  raw: RawTags;
  flags: RecordFlag[];
}

export type RecordsFormat = "ris" | "medline" | "wos" | "csv";

export const FORMAT_LABELS: Record<RecordsFormat, string> = {
  ris: "RIS",
  medline: "PubMed/MEDLINE (.nbib)",
  wos: "Web of Science plain text",
  csv: "CSV",
};

/** A whole file, read. */
export interface RecordsFile {
  format: RecordsFormat;
  /** The database the file names, when every record that names one agrees. */
  database: string | null;
  records: BibRecord[];
  /** Non-blank lines outside any record (Ovid's numbering and links, for instance), skipped. */
  skippedLines: number;
  /** The text was not UTF-8 and was read as Windows-1252. */
  windows1252: boolean;
}

export const RECORD_LIMITS = {
  /** A file's size. About 5,000 records with abstracts and cited references. */
  fileBytes: 20 * 1024 * 1024,
  /** Records in one file: ten times the thesis's search. */
  records: 50_000,
} as const;

/** Why a whole file was refused: it is empty, is not text, holds no records, or holds too many. */
export type RecordsFileProblem = "empty" | "not_text" | "no_records" | "too_many";

/**
 * A file that cannot be read as records at all. One bad record never causes this: it is kept
 * and flagged instead.
 */
export class RecordsFileError extends Error {
  constructor(
    message: string,
    readonly problem: RecordsFileProblem,
  ) {
    super(message);
    this.name = "RecordsFileError";
  }

  /** Refused for its size rather than its content. */
  get limit(): boolean {
    return this.problem === "too_many";
  }
}
