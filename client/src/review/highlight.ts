// Splits a record's text around the criteria's keywords so the screening screen can mark
// them: whole words or phrases, any case, the longest keyword first where two overlap.

export type Part = { text: string; keyword: boolean };

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function highlightParts(text: string, keywords: readonly string[]): Part[] {
  const words = [...new Set(keywords.map((k) => k.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (words.length === 0 || text === "") return text === "" ? [] : [{ text, keyword: false }];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${words.map(escape).join("|")})(?![\\p{L}\\p{N}])`, "giu");
  const parts: Part[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), keyword: false });
    parts.push({ text: match[0], keyword: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), keyword: false });
  return parts;
}
