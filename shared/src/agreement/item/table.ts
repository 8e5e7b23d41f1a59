// Validation and normalisation of a rating table: every statistic reads the same category
// codes and per-unit counts, built once here.
import { AgreementInputError } from "../errors";
import type { Level, Rating, RatingTable } from "../types";
import { CategoryIndex, numericOrder, numericValue } from "./categories";
import { buildUnits, type UnitCounts } from "./unitCounts";

export { AgreementInputError };
export type { UnitCounts };

export interface NormalisedTable {
  nUnits: number;
  nRaters: number;
  categories: Rating[];
  /** Category code of rater r on unit u at `codes[u * nRaters + r]`, -1 when missing. */
  codes: Int32Array;
  /** Numeric value of each category, or null when some category is not a number. */
  numeric: Float64Array | null;
  /** False when the order had to be guessed (undeclared, non-numeric categories). */
  orderKnown: boolean;
  units: UnitCounts;
}

function checkCell(v: unknown, row: number, column: number): void {
  if (v === null) return;
  if (typeof v === "number" && Number.isFinite(v)) return;
  if (typeof v === "string" && v.trim() !== "") return;
  const shown = typeof v === "string" ? "an empty string" : String(v);
  throw new AgreementInputError(
    `unit ${row + 1}, rater ${column + 1}: rating is ${shown}; use a category name, a number, or null for a missing rating`,
    { row, column },
  );
}

function checkShape(table: RatingTable): void {
  if (!table || !Array.isArray(table.ratings) || !Array.isArray(table.raterIds) || !Array.isArray(table.unitIds)) {
    throw new AgreementInputError("a rating table needs unitIds, raterIds and ratings arrays");
  }
  const nRaters = table.raterIds.length;
  if (nRaters < 2) {
    throw new AgreementInputError(`agreement needs at least 2 raters; this table has ${nRaters}`);
  }
  if (table.ratings.length === 0) throw new AgreementInputError("the table has no units");
  if (table.unitIds.length !== table.ratings.length) {
    throw new AgreementInputError(
      `${table.unitIds.length} unit ids but ${table.ratings.length} rows of ratings`,
    );
  }
  table.ratings.forEach((row, u) => {
    if (!Array.isArray(row) || row.length !== nRaters) {
      const got = Array.isArray(row) ? row.length : 0;
      throw new AgreementInputError(
        `unit ${u + 1} has ${got} ratings but there are ${nRaters} raters (ragged row)`,
        { row: u, column: Math.min(got, nRaters) },
      );
    }
  });
}

function buildIndex(table: RatingTable): { index: CategoryIndex; declared: boolean } {
  const index = new CategoryIndex();
  const declared = Array.isArray(table.categories) && table.categories.length > 0;
  if (declared) {
    for (const c of table.categories ?? []) {
      const ok = (typeof c === "number" && Number.isFinite(c)) || (typeof c === "string" && c.trim() !== "");
      if (!ok) throw new AgreementInputError(`declared category ${JSON.stringify(c)} is not a name or a finite number`);
      if (!index.add(c)) throw new AgreementInputError(`category ${JSON.stringify(c)} is declared twice`);
    }
  }
  return { index, declared };
}

function checkLevel(level: Level, categories: Rating[], numeric: (number | null)[], codes: Int32Array, nRaters: number): void {
  if (level !== "interval" && level !== "ratio") return;
  const bad = numeric.findIndex((v) => v === null || (level === "ratio" && v < 0));
  if (bad < 0) return;
  const at = codes.indexOf(bad);
  const where = at < 0 ? {} : { row: Math.floor(at / nRaters), column: at % nRaters };
  const what = numeric[bad] === null ? "is not a number" : "is negative";
  const cell = at < 0 ? "declared category" : `unit ${(where.row ?? 0) + 1}, rater ${(where.column ?? 0) + 1}: rating`;
  throw new AgreementInputError(
    `${cell} ${JSON.stringify(categories[bad])} ${what}; ${level} level needs ${level === "ratio" ? "non-negative numbers" : "numbers"}`,
    where,
  );
}

/** Validates a rating table and builds the category codes and per-unit counts. Throws AgreementInputError. */
export function normaliseTable(table: RatingTable, level: Level = "nominal"): NormalisedTable {
  checkShape(table);
  const nUnits = table.ratings.length;
  const nRaters = table.raterIds.length;
  const { index, declared } = buildIndex(table);
  const codes = new Int32Array(nUnits * nRaters);
  for (let u = 0; u < nUnits; u++) {
    const row = table.ratings[u] as (Rating | null)[];
    for (let r = 0; r < nRaters; r++) {
      const v = row[r] as Rating | null;
      checkCell(v, u, r);
      if (v === null) {
        codes[u * nRaters + r] = -1;
        continue;
      }
      let code = index.find(v);
      if (code === undefined) {
        if (declared) {
          throw new AgreementInputError(
            `unit ${u + 1}, rater ${r + 1}: rating ${JSON.stringify(v)} is not one of the declared categories`,
            { row: u, column: r },
          );
        }
        index.add(v);
        code = index.list.length - 1;
      }
      codes[u * nRaters + r] = code;
    }
  }
  let categories = index.list;
  const perm = declared ? null : numericOrder(categories);
  if (perm) {
    const sorted: Rating[] = new Array<Rating>(categories.length);
    categories.forEach((c, i) => {
      sorted[perm[i] as number] = c;
    });
    categories = sorted;
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i] as number;
      if (c >= 0) codes[i] = perm[c] as number;
    }
  }
  const numericList = categories.map(numericValue);
  checkLevel(level, categories, numericList, codes, nRaters);
  const allNumeric = numericList.every((v) => v !== null);
  return {
    nUnits,
    nRaters,
    categories,
    codes,
    numeric: allNumeric ? Float64Array.from(numericList as number[]) : null,
    orderKnown: declared || allNumeric,
    units: buildUnits(codes, nUnits, nRaters),
  };
}
