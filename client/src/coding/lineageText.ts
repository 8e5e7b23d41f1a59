// One step of the codebook's history in words: which codes became which. The entry names codes
// by id; a name comes from the live codebook, and a code no longer in it is still told of.
import type { LineageEntry } from "@concord/shared/coding/codebook";

export type NameOf = (codeId: string) => string;

export function lineageText(entry: LineageEntry, nameOf: NameOf): string {
  const [first = ""] = entry.from;
  switch (entry.op) {
    case "create":
      return `${nameOf(entry.into[0] ?? "")} created`;
    case "merge":
      return `${nameOf(first)} merged into ${nameOf(entry.into[0] ?? "")}`;
    case "split":
      return `${nameOf(entry.into.find((id) => id !== first) ?? "")} split off from ${nameOf(first)}`;
    case "raise":
      return `${nameOf(first)} raised a level`;
    case "delete":
      return `${nameOf(first)} deleted`;
    case "restore":
      return `${nameOf(first)} restored`;
  }
}

/** The entries that concern `codeId`, newest first. */
export function lineageOf(entries: readonly LineageEntry[], codeId: string): LineageEntry[] {
  return entries.filter((e) => e.from.includes(codeId) || e.into.includes(codeId)).reverse();
}
