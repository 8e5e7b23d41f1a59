// Deduplication of incoming records against a project's records and each other. Nothing is
// ever deleted: a duplicate is pointed at the record it copies (the earliest), and can be
// restored. Two tiers decide on their own:
// 1. the same DOI;
// 2. the same title, year and first author's surname (all compared without case, accents or
//    punctuation) — unless both records carry DOIs and they differ, which makes them two works
//    that need a person to look (a conference abstract and the article that followed).
// Near matches (titles at similarity ≥ 0.9, years at most one apart or unknown) are only
// proposed, as pairs to confirm or reject.
import { comparableText, surnameKey, titleKey } from "./keys";
import { SimilarTitleIndex } from "./similarTitles";

export interface DedupeKeys {
  doi: string | null;
  /** Comparable text of the title (keys.ts); "" when there is none. */
  title: string;
  year: number | null;
  surname: string;
}

/** A record already in the project; `duplicateOf` points at its original when it is a duplicate. */
export interface KnownRecord extends DedupeKeys {
  id: string;
  duplicateOf: string | null;
}

export type RecordRef = { known: string } | { incoming: number };

export type DuplicateReason = "doi" | "title_year_author";

export interface DuplicateMatch {
  of: RecordRef;
  reason: DuplicateReason;
}

export interface NearPair {
  /** The earlier record. */
  a: RecordRef;
  /** The incoming record that resembles it. */
  b: number;
  /** Title similarity, from 0.9 to 1 (1: same title, but different DOIs). */
  similarity: number;
}

export interface DedupeResult {
  /** Per incoming record: what it duplicates, or null when it is new. */
  duplicates: (DuplicateMatch | null)[];
  pairs: NearPair[];
  /**
   * False when titles were so alike (thousands built from a few words) that the near-match
   * search stopped at its budget: exact duplicates are all found; some near ones may not be.
   */
  nearSearchComplete: boolean;
}

export const DEDUPE_OPTIONS = {
  nearSimilarity: 0.9,
  yearSlack: 1,
  /** Pairs proposed for one record at most, the most similar first: a title like "Editorial" matches hundreds. */
  pairsPerRecord: 10,
  /**
   * Candidate titles the near-match search may check in one run. Real titles share few rare
   * trigrams, so 5,000 of them check tens of thousands; this bounds an import's time when
   * titles are nearly all alike.
   */
  nearCandidateBudget: 1_000_000,
} as const;

export function dedupeKeys(record: { doi: string | null; title: string | null; year: number | null; authors: readonly string[] }): DedupeKeys {
  return { doi: record.doi, title: record.title ? comparableText(record.title) : "", year: record.year, surname: surnameKey(record.authors) };
}

function exactKey(keys: DedupeKeys): string | null {
  const title = titleKey(keys.title);
  return title === "" ? null : `${title}|${keys.year ?? ""}|${keys.surname}`;
}

const refKey = (ref: RecordRef) => ("known" in ref ? `k:${ref.known}` : `i:${ref.incoming}`);

export function deduplicate(known: readonly KnownRecord[], incoming: readonly DedupeKeys[]): DedupeResult {
  const byDoi = new Map<string, RecordRef>();
  const byKey = new Map<string, { ref: RecordRef; doi: string | null }>();
  const remember = (keys: DedupeKeys, root: RecordRef) => {
    if (keys.doi && !byDoi.has(keys.doi)) byDoi.set(keys.doi, root);
    const key = exactKey(keys);
    if (key && !byKey.has(key)) byKey.set(key, { ref: root, doi: keys.doi });
  };
  for (const record of known) remember(record, { known: record.duplicateOf ?? record.id });

  const duplicates: (DuplicateMatch | null)[] = [];
  const pairs: NearPair[] = [];
  const paired = new Set<string>();
  incoming.forEach((keys, index) => {
    const sameDoi = keys.doi ? byDoi.get(keys.doi) : undefined;
    const key = exactKey(keys);
    const sameKey = key ? byKey.get(key) : undefined;
    let match: DuplicateMatch | null = null;
    if (sameDoi) match = { of: sameDoi, reason: "doi" };
    else if (sameKey && sameKey.doi && keys.doi && sameKey.doi !== keys.doi) {
      pairs.push({ a: sameKey.ref, b: index, similarity: 1 });
      paired.add(`${refKey(sameKey.ref)}|${index}`);
    } else if (sameKey) match = { of: sameKey.ref, reason: "title_year_author" };
    duplicates.push(match);
    remember(keys, match?.of ?? { incoming: index });
  });

  const near = nearPairs(known, incoming, duplicates, paired);
  pairs.push(...near.pairs);
  return { duplicates, pairs, nearSearchComplete: near.complete };
}

/** The years a record is compared with: its own, the years either side, and unknown; every year when its own is unknown. */
function yearsNear(year: number | null, all: ReadonlySet<number | null>): (number | null)[] {
  if (year === null) return [...all];
  return [null, ...Array.from({ length: 2 * DEDUPE_OPTIONS.yearSlack + 1 }, (_, i) => year - DEDUPE_OPTIONS.yearSlack + i)];
}

/** Near-duplicate pairs among originals, each with at least one incoming record. */
function nearPairs(
  known: readonly KnownRecord[],
  incoming: readonly DedupeKeys[],
  duplicates: (DuplicateMatch | null)[],
  paired: Set<string>,
): { pairs: NearPair[]; complete: boolean } {
  const entries: { ref: RecordRef; keys: DedupeKeys; probe: boolean }[] = [
    ...known.filter((r) => r.duplicateOf === null && r.title !== "").map((r) => ({ ref: { known: r.id }, keys: r, probe: false })),
    ...incoming.flatMap((keys, index) => (duplicates[index] === null && keys.title !== "" ? [{ ref: { incoming: index }, keys, probe: true }] : [])),
  ];
  const index = new SimilarTitleIndex(entries.map((e) => e.keys.title), DEDUPE_OPTIONS.nearSimilarity);
  const yearsSoFar = new Set<number | null>();
  const pairs: NearPair[] = [];
  for (const [t, { ref, keys, probe }] of entries.entries()) {
    if (probe) {
      if (index.checked > DEDUPE_OPTIONS.nearCandidateBudget) return { pairs, complete: false };
      const b = (ref as { incoming: number }).incoming;
      const candidates = index
        .similarTo(t, yearsNear(keys.year, yearsSoFar))
        .map(({ position, similarity }) => ({ ref: entries[position]!.ref, similarity }))
        .filter((c) => !paired.has(`${refKey(c.ref)}|${b}`))
        .sort((x, y) => y.similarity - x.similarity)
        .slice(0, DEDUPE_OPTIONS.pairsPerRecord);
      for (const c of candidates) pairs.push({ a: c.ref, b, similarity: c.similarity });
    }
    index.add(t, keys.year);
    yearsSoFar.add(keys.year);
  }
  return { pairs, complete: true };
}
