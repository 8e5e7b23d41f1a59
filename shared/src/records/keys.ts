// The forms of a title and an author that deduplication compares: case, accents,
// punctuation, markup and a trailing full stop (Ovid adds one) must not make two copies of
// the same paper look different.

/** Lowercase letters and digits, accents removed; other characters become single spaces. */
export function comparableText(text: string): string {
  return text
    .replace(/<\/?[a-z][^>]*>/gi, " ")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The title as deduplication sees it: comparable text without spaces. */
export function titleKey(title: string | null): string {
  return title ? comparableText(title).replace(/ /g, "") : "";
}

const INITIALS = /^(?:\p{Lu}\.?-?)+$/u;

/**
 * The first author's surname, comparable: "Trindade, Ines A" and "Trindade I.A." and
 * "Liu R." (Embase, surname first without a comma) give the surname; "Ines Trindade"
 * (given names first) gives the last word.
 */
export function surnameKey(authors: readonly string[]): string {
  const first = authors[0]?.trim();
  if (!first) return "";
  let surname: string;
  if (first.includes(",")) surname = first.slice(0, first.indexOf(","));
  else {
    const words = first.split(/\s+/);
    const last = words[words.length - 1]!;
    surname = words.length > 1 && INITIALS.test(last) ? words.slice(0, -1).join(" ") : last;
  }
  return comparableText(surname).replace(/ /g, "");
}
