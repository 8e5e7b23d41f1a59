// The category set of a rating table: lookup that treats 1 and "1" as the same category,
// and the numeric reading of category names.
import type { Rating } from "../types";

/** The number a category stands for, or null when it is a name. */
export function numericValue(c: Rating): number | null {
  if (typeof c === "number") return c;
  if (c.trim() === "") return null;
  const v = Number(c);
  return Number.isFinite(v) ? v : null;
}

/** Categories in first-seen order with lookup by value. */
export class CategoryIndex {
  readonly list: Rating[] = [];
  private readonly byNumber = new Map<number, number>();
  private readonly byString = new Map<string, number>();

  add(c: Rating): boolean {
    if (this.find(c) !== undefined) return false;
    const i = this.list.length;
    this.list.push(c);
    if (typeof c === "number") this.byNumber.set(c, i);
    this.byString.set(String(c), i);
    return true;
  }

  /** A number rating matches the category "1" and vice versa. */
  find(c: Rating): number | undefined {
    if (typeof c === "number") return this.byNumber.get(c) ?? this.byString.get(String(c));
    return this.byString.get(c);
  }
}

/** Numeric categories in ascending order as a permutation old index → new index, or null to keep. */
export function numericOrder(list: Rating[]): Int32Array | null {
  const values = list.map(numericValue);
  if (values.some((v) => v === null)) return null;
  const order = list.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  const perm = new Int32Array(list.length);
  order.forEach((oldIndex, newIndex) => {
    perm[oldIndex] = newIndex;
  });
  return perm;
}

