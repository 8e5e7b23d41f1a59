// The codebook as a tree for the Codes panel: each code under its parent, siblings by name,
// and a search that keeps the codes leading to a match so a match is never shown out of its
// place in the grounded-theory chain.

export interface TreeCode {
  id: string;
  name: string;
  parentId: string | null;
}

export interface TreeRow<T extends TreeCode> {
  code: T;
  depth: number;
  /** Whether the code itself matched the search (an ancestor row is shown only as the way to it). */
  matched: boolean;
}

const byName = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });
const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** The rows of the tree in reading order; with `search`, only matches and their ancestors. */
export function codeTreeRows<T extends TreeCode>(codes: readonly T[], search = ""): TreeRow<T>[] {
  const ids = new Set(codes.map((c) => c.id));
  const children = new Map<string | null, T[]>();
  for (const code of codes) {
    // A parent that is not among the codes (deleted, or not visible) puts the code at the top.
    const parent = code.parentId && ids.has(code.parentId) && code.parentId !== code.id ? code.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), code]);
  }
  for (const list of children.values()) list.sort((a, b) => byName.compare(a.name, b.name));

  const query = fold(search.trim());
  const matches = (code: T) => query === "" || fold(code.name).includes(query);
  const rows: TreeRow<T>[] = [];
  const seen = new Set<string>();
  // Returns whether anything in the subtree matched; rows are added parent first.
  const visit = (code: T, depth: number): boolean => {
    if (seen.has(code.id)) return false; // a cycle in stored data never loops the panel
    seen.add(code.id);
    const at = rows.length;
    rows.push({ code, depth, matched: matches(code) });
    let any = rows[at]!.matched;
    for (const child of children.get(code.id) ?? []) any = visit(child, depth + 1) || any;
    if (!any) rows.splice(at, 1);
    return any;
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  return rows;
}

/** The codes `id` may be moved under: any but itself and those inside it. */
export function possibleParents<T extends TreeCode>(codes: readonly T[], id: string): T[] {
  const inside = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const code of codes) {
      if (code.parentId && inside.has(code.parentId) && !inside.has(code.id)) {
        inside.add(code.id);
        grew = true;
      }
    }
  }
  return codes.filter((code) => !inside.has(code.id)).sort((a, b) => byName.compare(a.name, b.name));
}
