// Turning raw cells into ratings at a measurement level, shared by the CSV and JSON readers.
// Under interval or ratio every rating must be a number. Under nominal or ordinal a column
// of cells that are all numbers ("1", "2.5") becomes numbers (so "2" and "2.0" are one
// category and the order is numeric); otherwise every rating stays a category name.

import type { Level, Rating } from "../types";
import { AgreementFileError } from "./errors";

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

export function isNumeric(cell: Rating): boolean {
  return typeof cell === "number" ? Number.isFinite(cell) : NUMBER.test(cell.trim());
}

/** Ratings with numbers as numbers when the level or the data call for it; `where(u, r)` names a cell. */
export function ratingsAtLevel(
  cells: (Rating | null)[][],
  level: Level,
  where: (unit: number, rater: number) => string,
): (Rating | null)[][] {
  const metric = level === "interval" || level === "ratio";
  let allNumeric = true;
  cells.forEach((row, u) =>
    row.forEach((cell, r) => {
      if (cell === null || isNumeric(cell)) return;
      allNumeric = false;
      if (metric) throw new AgreementFileError(`${where(u, r)}: "${String(cell)}" is not a number, but --level ${level} needs numbers`);
    }),
  );
  if (!allNumeric) return cells.map((row) => row.map((cell) => (cell === null ? null : String(cell))));
  return cells.map((row) => row.map((cell) => (cell === null ? null : Number(cell))));
}

/** Declared categories in the same form as the ratings (numbers when all are numeric). */
export function categoriesLike(categories: readonly Rating[], ratings: (Rating | null)[][]): Rating[] {
  const numericRatings = ratings.every((row) => row.every((c) => c === null || typeof c === "number"));
  if (numericRatings && categories.every(isNumeric)) return categories.map(Number);
  return categories.map(String);
}

export function checkUnitCount(units: number, what: string): void {
  if (units === 0) throw new AgreementFileError(`${what} has no ratings`);
  if (units === 1) throw new AgreementFileError(`${what} has only one unit; agreement needs at least two`);
}
