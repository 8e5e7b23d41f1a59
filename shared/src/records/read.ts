// An uploaded export, whatever it is, to records. The content decides the format, not the
// file's name: Web of Science saves RIS as .txt and its plain-text format as .ris, and
// people rename files. A file fails as a whole only when it holds no records at all.
import { readCsv, looksLikeCsvHeader } from "./csv";
import { decodeRecordsText, EXPORT_HINT } from "./decode";
import { medlineRecord, risRecord, wosRecord } from "./formats";
import { looksLikeMedline, readMedline } from "./medline";
import { looksLikeRis, readRis } from "./ris";
import { textLines } from "./tagged";
import { looksLikeWos, readWos } from "./wos";
import { RecordsFileError, type BibRecord, type RecordsFile, type RecordsFormat } from "./types";

function detectFormat(lines: string[], fileName: string): RecordsFormat {
  if (looksLikeWos(lines)) return "wos";
  if (looksLikeRis(lines)) return "ris";
  if (looksLikeMedline(lines)) return "medline";
  const first = lines.find((line) => line.trim() !== "") ?? "";
  if (/\.(csv|tsv)$/i.test(fileName) || looksLikeCsvHeader(first)) return "csv";
  if (/^%0 /.test(first)) {
    throw new RecordsFileError(`This is EndNote's own tagged format (.enw), which Concord does not read. In EndNote, export with the "RefMan (RIS) Export" style instead.`, "no_records");
  }
  if (/^@\w+\s*\{/.test(first)) {
    throw new RecordsFileError(`This is a BibTeX file, which Concord does not read. ${EXPORT_HINT}`, "no_records");
  }
  throw new RecordsFileError(`No records were found in this file: it is not RIS, PubMed (.nbib), Web of Science plain text or CSV. ${EXPORT_HINT}`, "no_records");
}

/** The one database the records name, or null when none does or they disagree. */
function commonDatabase(records: BibRecord[]): string | null {
  const named = new Set(records.map((r) => r.database).filter((d): d is string => d !== null));
  return named.size === 1 ? [...named][0]! : null;
}

/** Reads an export: format detected from the content, every record kept and flagged where needed. */
export function readRecordsFile(bytes: Uint8Array, fileName = ""): RecordsFile {
  const { text, windows1252 } = decodeRecordsText(bytes);
  const lines = textLines(text);
  const format = detectFormat(lines, fileName);
  let records: BibRecord[];
  let skippedLines = 0;
  if (format === "csv") records = readCsv(text);
  else {
    const read = format === "ris" ? readRis(text) : format === "medline" ? readMedline(text) : readWos(text);
    const toRecord = format === "ris" ? risRecord : format === "medline" ? medlineRecord : wosRecord;
    records = read.records.map(toRecord);
    skippedLines = read.skippedLines;
  }
  if (records.length === 0) {
    throw new RecordsFileError(`No records were found in this file, though it looks like ${format === "csv" ? "a CSV file" : "an export"}. ${EXPORT_HINT}`, "no_records");
  }
  return { format, database: commonDatabase(records), records, skippedLines, windows1252 };
}
