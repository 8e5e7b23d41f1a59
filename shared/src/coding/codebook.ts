// The project's codebook as a Yjs document: `codes` (id → code) and `lineage`, the record of
// every merge, split, raise, delete and restore — which codes became which, when, by whom —
// the trail a viva examiner asks for. Only the server writes it (server/src/collab/serverWrites.ts);
// every function here checks first and changes after, so a refused change changes nothing.
import * as Y from "yjs";
import { defaultCodeColor } from "./colors";
import { CODE_LEVELS, CODING_LIMITS, type CodeLevel } from "./limits";

export interface Code {
  id: string;
  name: string;
  description: string;
  color: string;
  level: CodeLevel;
  parentId: string | null;
  createdBy: string;
  createdAt: string;
  /** Set while the code is deleted (soft: it can be restored) or once merged away. */
  deletedAt: string | null;
  /** The code this one was merged into, if it was. */
  mergedInto: string | null;
}

export type LineageOp = "create" | "merge" | "split" | "raise" | "delete" | "restore";

export interface LineageEntry {
  op: LineageOp;
  from: string[];
  into: string[];
  at: string;
  by: string;
  memo?: string;
}

export type CodebookProblem = "unknown" | "deleted" | "cycle" | "self" | "descendant" | "too_many" | "not_deleted" | "merged";

export class CodebookError extends Error {
  constructor(
    readonly problem: CodebookProblem,
    message: string,
  ) {
    super(message);
  }
}

/** Who does a change, and when. */
export interface Actor {
  by: string;
  at: string;
  memo?: string;
}

const codesOf = (doc: Y.Doc) => doc.getMap<Code>("codes");
const lineageOf = (doc: Y.Doc) => doc.getArray<LineageEntry>("lineage");

export function readCodes(doc: Y.Doc): Code[] {
  return [...codesOf(doc).values()];
}

export function readLineage(doc: Y.Doc): LineageEntry[] {
  return lineageOf(doc).toArray();
}

export function findCode(doc: Y.Doc, id: string): Code | undefined {
  return codesOf(doc).get(id);
}

/** The code, present and not deleted, or the reason it cannot be used. */
export function liveCode(doc: Y.Doc, id: string, what = "The code"): Code {
  const code = findCode(doc, id);
  if (!code) throw new CodebookError("unknown", `${what} does not exist in this project's codebook.`);
  if (code.deletedAt) throw new CodebookError("deleted", `${what} "${code.name}" has been ${code.mergedInto ? "merged into another code" : "deleted"}.`);
  return code;
}

/** Whether `ancestorId` is `id` or above it in the tree of parents. */
function isAncestorOrSelf(doc: Y.Doc, ancestorId: string, id: string): boolean {
  const seen = new Set<string>();
  for (let current: string | null = id; current && !seen.has(current); current = findCode(doc, current)?.parentId ?? null) {
    if (current === ancestorId) return true;
    seen.add(current);
  }
  return false;
}

function record(doc: Y.Doc, op: LineageOp, from: string[], into: string[], actor: Actor): void {
  lineageOf(doc).push([{ op, from, into, at: actor.at, by: actor.by, ...(actor.memo ? { memo: actor.memo } : {}) }]);
}

export interface NewCode {
  id: string;
  name: string;
  level: CodeLevel;
  parentId?: string | null;
  color?: string;
  description?: string;
}

/**
 * Whether a code outside `doc` is known live (a code of the codebook, as the parent of a code
 * a blind coder holds in their layer): the caller checked it where it lives.
 */
export type LiveElsewhere = (codeId: string) => boolean;

const nowhereElse: LiveElsewhere = () => false;

function checkParent(doc: Y.Doc, parentId: string | null | undefined, liveElsewhere: LiveElsewhere = nowhereElse): void {
  if (parentId && !liveElsewhere(parentId)) liveCode(doc, parentId, "The parent code");
}

export function createCode(doc: Y.Doc, input: NewCode, actor: Actor): Code {
  const codes = codesOf(doc);
  checkRoom(codes.size, 1);
  checkParent(doc, input.parentId);
  const code = buildCode(input, actor, codes.size);
  codes.set(code.id, code);
  return code;
}

function checkRoom(size: number, adding: number): void {
  if (size + adding > CODING_LIMITS.codesPerProject) {
    throw new CodebookError("too_many", `A codebook can hold at most ${CODING_LIMITS.codesPerProject.toLocaleString("en")} codes.`);
  }
}

/** A new code as stored; `index` picks its default colour from the palette. */
export function buildCode(input: NewCode, actor: Actor, index: number): Code {
  return {
    id: input.id,
    name: input.name,
    description: input.description ?? "",
    color: input.color ?? defaultCodeColor(index),
    level: input.level,
    parentId: input.parentId ?? null,
    createdBy: actor.by,
    createdAt: actor.at,
    deletedAt: null,
    mergedInto: null,
  };
}

/**
 * Takes codes made elsewhere (a blind coder's, kept in their layer until reveal) into the
 * codebook with their ids, so codings using them need no change, and records each as
 * created in the lineage, followed by `history`: the steps they took where they were kept
 * (raised, deleted, restored). A parent that is neither in the codebook nor among them is
 * dropped (the code goes to the top level) rather than left dangling.
 */
export function adoptCodes(doc: Y.Doc, adopted: readonly Code[], actor: Actor, history: readonly LineageEntry[] = []): void {
  const codes = codesOf(doc);
  const fresh = adopted.filter((code) => !codes.has(code.id));
  checkRoom(codes.size, fresh.length);
  const incoming = new Set(fresh.map((code) => code.id));
  for (const code of fresh) {
    const parentKnown = code.parentId !== null && (incoming.has(code.parentId) || codes.has(code.parentId));
    codes.set(code.id, { ...code, parentId: parentKnown ? code.parentId : null });
  }
  for (const code of fresh) record(doc, "create", [], [code.id], actor);
  const kept = history.filter((entry) => [...entry.from, ...entry.into].every((id) => incoming.has(id)));
  if (kept.length > 0) lineageOf(doc).push(kept.map((entry) => ({ ...entry })));
}

export type CodeChanges = Partial<Pick<Code, "name" | "description" | "color" | "level" | "parentId">>;

/**
 * Renames, recolours, re-levels or moves a code; a move under itself or a descendant is
 * refused. The new parent is looked for in `doc` unless `liveElsewhere` vouches for it.
 */
export function updateCode(doc: Y.Doc, id: string, changes: CodeChanges, actor: Actor, liveElsewhere: LiveElsewhere = nowhereElse): Code {
  const code = liveCode(doc, id);
  if (changes.parentId !== undefined && changes.parentId !== null) {
    checkParent(doc, changes.parentId, liveElsewhere);
    if (isAncestorOrSelf(doc, id, changes.parentId)) {
      throw new CodebookError("cycle", `"${code.name}" cannot be placed under itself or under one of the codes inside it.`);
    }
  }
  const updated: Code = { ...code, ...changes };
  codesOf(doc).set(id, updated);
  // A move up the grounded-theory chain (initial → focused → category → concept) is part of the trail.
  if (CODE_LEVELS.indexOf(updated.level) > CODE_LEVELS.indexOf(code.level)) record(doc, "raise", [id], [id], actor);
  return updated;
}

/**
 * Merges `fromId` into `intoId`: the survivor keeps its name; the merged code's children move
 * under the survivor. The caller moves the codings (they live in the layers).
 */
export function mergeCode(doc: Y.Doc, fromId: string, intoId: string, actor: Actor): Code {
  const from = liveCode(doc, fromId);
  const into = liveCode(doc, intoId, "The code to merge into");
  if (fromId === intoId) throw new CodebookError("self", "A code cannot be merged into itself.");
  if (isAncestorOrSelf(doc, fromId, intoId)) {
    throw new CodebookError("descendant", `"${from.name}" cannot be merged into "${into.name}", which is inside it. Move "${into.name}" out first.`);
  }
  const codes = codesOf(doc);
  for (const child of codes.values()) if (child.parentId === fromId) codes.set(child.id, { ...child, parentId: intoId });
  codes.set(fromId, { ...from, deletedAt: actor.at, mergedInto: intoId });
  record(doc, "merge", [fromId], [intoId], actor);
  return into;
}

/** Splits a new code off `fromId`, at its level and under its parent; the caller moves the chosen codings. */
export function splitCode(doc: Y.Doc, fromId: string, input: Omit<NewCode, "level"> & { level?: CodeLevel }, actor: Actor): Code {
  const from = liveCode(doc, fromId);
  const code = createCode(doc, { ...input, level: input.level ?? from.level, parentId: input.parentId === undefined ? from.parentId : input.parentId }, actor);
  record(doc, "split", [fromId], [fromId, code.id], actor);
  return code;
}

/** Deletes a code softly: its codings stay, and it can be restored. */
export function deleteCode(doc: Y.Doc, id: string, actor: Actor): Code {
  const code = liveCode(doc, id);
  const deleted = { ...code, deletedAt: actor.at };
  codesOf(doc).set(id, deleted);
  record(doc, "delete", [id], [], actor);
  return deleted;
}

/**
 * Undoes a delete. A merged code is not restored this way: its codings now belong to the
 * survivor. Its parent is looked for in `doc` unless `liveElsewhere` vouches for it.
 */
export function restoreCode(doc: Y.Doc, id: string, actor: Actor, liveElsewhere: LiveElsewhere = nowhereElse): Code {
  const code = findCode(doc, id);
  if (!code) throw new CodebookError("unknown", "The code does not exist in this project's codebook.");
  if (!code.deletedAt) throw new CodebookError("not_deleted", `"${code.name}" is not deleted.`);
  if (code.mergedInto) {
    throw new CodebookError("merged", `"${code.name}" was merged into another code; split its codings out of that code instead.`);
  }
  // Its parent may have gone meanwhile: it comes back at the top rather than under a deleted code.
  const parent = code.parentId ? findCode(doc, code.parentId) : undefined;
  const parentLive = code.parentId !== null && (liveElsewhere(code.parentId) || (parent !== undefined && !parent.deletedAt));
  const restored = { ...code, deletedAt: null, parentId: parentLive ? code.parentId : null };
  codesOf(doc).set(id, restored);
  record(doc, "restore", [id], [id], actor);
  return restored;
}
