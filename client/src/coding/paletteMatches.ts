// Which codes the quick-code palette offers for what the coder has typed, best first. Coders
// type the start of a code's name ("feel"), the start of a later word ("unworth"), or its
// initials ("fu" for "Feeling unworthy"); accents and case never matter. With nothing typed,
// the codes used most recently come first, then the rest by name.

export interface PaletteCode {
  id: string;
  name: string;
}

/** Lowercase without accents, so "café" is found by "cafe". */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Lower is better; null: not a match at all. */
function rank(name: string, query: string): number | null {
  if (name === query) return 0;
  if (name.startsWith(query)) return 1;
  const words = name.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.some((word) => word.startsWith(query))) return 2;
  if (name.includes(query)) return 3;
  if (isSubsequence(words.map((w) => w[0]).join(""), query)) return 4;
  return null;
}

function isSubsequence(text: string, query: string): boolean {
  let at = 0;
  for (const char of text) if (char === query[at]) at++;
  return at === query.length;
}

const byName = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

export function paletteMatches<T extends PaletteCode>(codes: readonly T[], typed: string, recentIds: readonly string[] = []): T[] {
  const query = fold(typed.trim());
  if (query === "") {
    const recent = recentIds.map((id) => codes.find((code) => code.id === id)).filter((code): code is T => code !== undefined);
    const rest = codes.filter((code) => !recentIds.includes(code.id)).sort((a, b) => byName.compare(a.name, b.name));
    return [...recent, ...rest];
  }
  return codes
    .map((code) => ({ code, rank: rank(fold(code.name), query) }))
    .filter((entry): entry is { code: T; rank: number } => entry.rank !== null)
    .sort((a, b) => a.rank - b.rank || byName.compare(a.code.name, b.code.name))
    .map((entry) => entry.code);
}

/** Whether the typed text names an existing code exactly, so "create a code" need not be offered. */
export function namesExisting(codes: readonly PaletteCode[], typed: string): boolean {
  const query = fold(typed.trim());
  return codes.some((code) => fold(code.name) === query);
}
