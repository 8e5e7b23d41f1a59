// Finding titles within a given edit similarity of each other among thousands, without
// comparing every pair. Similarity is 1 − (edit distance ÷ the longer length). A pair at
// similarity s ≥ 0.9 differs by at most k = ⌊0.1·max⌋ ≤ ⌊len/9⌋ edits, and each edit
// removes at most q of a title's distinct q-grams, so the two share all but qk of them.
// Ordering every title's q-grams rarest first, two such titles must then share one within
// their first qk + 1 (the prefix filter of similarity joins): only those prefixes are
// indexed, and the candidates found are checked by counting shared q-grams, then exactly.
// q = 4: on 786 real cited titles from one field, 4-grams check a sixth of all pairs where
// trigrams check a third; 5-grams gain little more.

const Q = 4;

function qgrams(text: string): string[] {
  if (text.length <= Q) return [text];
  const grams = new Set<string>();
  for (let i = 0; i + Q <= text.length; i++) grams.add(text.slice(i, i + Q));
  return [...grams];
}

/** Edit distance if it is at most `max`, else `max + 1`; banded, so O(length × max). */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const width = b.length + 1;
  let previous = new Int32Array(width);
  let current = new Int32Array(width);
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    current[0] = i;
    if (from > 1) current[from - 1] = max + 1;
    let rowMin = from === 1 ? i : max + 1;
    for (let j = from; j <= to; j++) {
      const substitution = previous[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      const deletion = j <= i + max - 1 ? previous[j]! + 1 : max + 1;
      const insertion = j > from ? current[j - 1]! + 1 : max + 1;
      const value = Math.min(substitution, deletion, insertion);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (to < b.length) current[to + 1] = max + 1;
    if (rowMin > max) return max + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length]!, max + 1);
}

/** Edit similarity of two titles if it reaches `threshold`, else null. */
export function titleSimilarity(a: string, b: string, threshold: number): number | null {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return null;
  const max = Math.floor((1 - threshold) * longer + 1e-9);
  const distance = boundedEditDistance(a, b, max);
  return distance > max ? null : 1 - distance / longer;
}

/**
 * A fixed list of titles, added to the index one by one (each first asking which earlier
 * ones are similar), in groups: a title is compared only with the groups it names.
 */
export class SimilarTitleIndex {
  /** Per title, its distinct q-grams as ids, ascending: the count filter merges two of these. */
  private readonly grams: Int32Array[];
  /** Per title, its prefix: the rarest qk + 1 q-gram ids. */
  private readonly prefixes: Int32Array[];
  private readonly postings = new Map<number | null, Map<number, number[]>>();
  /** Which probe last saw each title, so a title met under several q-grams is checked once. */
  private readonly seenBy: Int32Array;
  private probes = 0;
  /** Candidates checked so far, over all probes: the work the search has cost. */
  checked = 0;

  constructor(
    private readonly titles: readonly string[],
    private readonly threshold: number,
  ) {
    const ids = new Map<string, number>();
    this.grams = titles.map((title) => {
      const grams = qgrams(title);
      const out = new Int32Array(grams.length);
      grams.forEach((gram, i) => {
        let id = ids.get(gram);
        if (id === undefined) ids.set(gram, (id = ids.size));
        out[i] = id;
      });
      return out.sort();
    });
    const frequency = new Int32Array(ids.size);
    for (const grams of this.grams) for (const id of grams) frequency[id]!++;
    this.prefixes = this.grams.map((grams, t) => {
      const maxEdits = Math.floor((1 - threshold) * (titles[t]!.length / threshold) + 1e-9);
      return grams
        .slice()
        .sort((x, y) => frequency[x]! - frequency[y]! || x - y)
        .slice(0, Q * maxEdits + 1);
    });
    this.seenBy = new Int32Array(titles.length);
  }

  /**
   * Whether two titles share enough q-grams to be within the similarity: each edit removes
   * at most q of a title's distinct q-grams. Far cheaper than the edit distance.
   */
  private enoughShared(a: number, b: number): boolean {
    const maxEdits = Math.floor((1 - this.threshold) * Math.max(this.titles[a]!.length, this.titles[b]!.length) + 1e-9);
    if (Math.abs(this.titles[a]!.length - this.titles[b]!.length) > maxEdits) return false;
    const aGrams = this.grams[a]!;
    const bGrams = this.grams[b]!;
    const needed = Math.max(aGrams.length, bGrams.length) - Q * maxEdits;
    let shared = 0;
    for (let i = 0, j = 0; i < aGrams.length && j < bGrams.length; ) {
      if (aGrams[i] === bGrams[j]) {
        shared++;
        i++;
        j++;
      } else if (aGrams[i]! < bGrams[j]!) i++;
      else j++;
    }
    return shared >= needed;
  }

  /** The titles added to `groups` that are similar to title `t`, with their similarity. */
  similarTo(t: number, groups: readonly (number | null)[]): { position: number; similarity: number }[] {
    const probe = ++this.probes;
    const found: { position: number; similarity: number }[] = [];
    for (const group of groups) {
      const postings = this.postings.get(group);
      if (!postings) continue;
      for (const gram of this.prefixes[t]!) {
        for (const position of postings.get(gram) ?? []) {
          if (this.seenBy[position] === probe) continue;
          this.seenBy[position] = probe;
          this.checked++;
          if (!this.enoughShared(t, position)) continue;
          const similarity = titleSimilarity(this.titles[t]!, this.titles[position]!, this.threshold);
          if (similarity !== null) found.push({ position, similarity });
        }
      }
    }
    return found;
  }

  /** Adds title `t` to a group. */
  add(t: number, group: number | null): void {
    let postings = this.postings.get(group);
    if (!postings) this.postings.set(group, (postings = new Map()));
    for (const gram of this.prefixes[t]!) {
      const list = postings.get(gram);
      if (list) list.push(t);
      else postings.set(gram, [t]);
    }
  }
}
