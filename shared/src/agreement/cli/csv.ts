// CSV input: a header row, then one row per unit: its id, then one column per rater. An
// empty cell is a missing rating. Errors name the file line and the 1-based column.

import { CsvError, parse } from "csv-parse/sync";
import type { Level, RatingTable } from "../types";
import { AgreementFileError } from "./errors";
import { categoriesLike, checkUnitCount, ratingsAtLevel } from "./ratings";

/** A rating table and, per unit, the file line it came from (for error messages). */
export interface ParsedCsv {
  table: RatingTable;
  lines: number[];
}

export function parseCsv(text: string, level: Level, categories?: readonly string[]): ParsedCsv {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { info: true, relax_column_count: true, skip_empty_lines: true, bom: true }) as unknown as typeof records;
  } catch (err) {
    if (err instanceof CsvError) throw new AgreementFileError(`CSV: ${err.message}`);
    throw err;
  }
  if (records.length === 0) throw new AgreementFileError("the file is empty");
  const [header, ...rows] = records;
  const width = header!.record.length;
  if (width < 3) {
    throw new AgreementFileError(`line ${header!.info.lines}: the header needs a unit id column and at least two rater columns; it has ${width} column${width === 1 ? "" : "s"}`);
  }
  rows.forEach(({ record, info }) => {
    if (record.length !== width) {
      throw new AgreementFileError(
        `line ${info.lines}, column ${Math.min(record.length, width) + 1}: this row has ${record.length} cells but the header has ${width} (ragged row)`,
      );
    }
  });
  checkUnitCount(rows.length, "the file");
  const lines = rows.map((r) => r.info.lines);
  const cells = rows.map(({ record }) => record.slice(1).map((cell) => (cell.trim() === "" ? null : cell.trim())));
  const ratings = ratingsAtLevel(cells, level, (u, r) => `line ${lines[u]}, column ${r + 2}`);
  const table: RatingTable = {
    unitIds: rows.map(({ record }) => record[0]!.trim()),
    raterIds: header!.record.slice(1).map((h, r) => h.trim() || `rater ${r + 1}`),
    ratings,
  };
  if (categories) table.categories = categoriesLike(categories, ratings);
  return { table, lines };
}
