import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CodebookError, createCode, deleteCode, mergeCode, readCodes, readLineage, restoreCode, splitCode, updateCode, type Code } from "./codebook";
import { addCoding, readCodings, recode } from "./layer";

const actor = { by: "lead", at: "2026-12-02T10:00:00.000Z" };
const anchor = { start: [new Uint8Array([1])], end: [new Uint8Array([2])] };

function codebook() {
  const doc = new Y.Doc();
  const make = (id: string, parentId: string | null = null, level: Code["level"] = "initial") =>
    createCode(doc, { id, name: id, level, parentId }, actor);
  make("feeling-unworthy");
  make("comparing-self", null);
  make("self-doubt", null, "focused");
  updateCode(doc, "feeling-unworthy", { parentId: "self-doubt" }, actor);
  make("impostor", "feeling-unworthy");
  return doc;
}

/** Runs a change that must be refused; returns the problem and checks nothing changed. */
function refused(doc: Y.Doc, change: () => void): string {
  const before = Y.encodeStateAsUpdate(doc);
  try {
    change();
  } catch (error) {
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    return (error as CodebookError).problem;
  }
  throw new Error("the change was not refused");
}

describe("the codebook", () => {
  it("refuses a cycle of parents, and a parent that does not exist or is deleted", () => {
    const doc = codebook();
    expect(refused(doc, () => updateCode(doc, "self-doubt", { parentId: "impostor" }, actor))).toBe("cycle");
    expect(refused(doc, () => updateCode(doc, "self-doubt", { parentId: "self-doubt" }, actor))).toBe("cycle");
    expect(refused(doc, () => updateCode(doc, "self-doubt", { parentId: "nope" }, actor))).toBe("unknown");
    deleteCode(doc, "comparing-self", actor);
    expect(refused(doc, () => updateCode(doc, "impostor", { parentId: "comparing-self" }, actor))).toBe("deleted");
    expect(refused(doc, () => createCode(doc, { id: "x", name: "x", level: "initial", parentId: "comparing-self" }, actor))).toBe("deleted");
  });

  it("refuses merging a code into itself, into one inside it, or into a deleted code", () => {
    const doc = codebook();
    expect(refused(doc, () => mergeCode(doc, "self-doubt", "self-doubt", actor))).toBe("self");
    expect(refused(doc, () => mergeCode(doc, "self-doubt", "impostor", actor))).toBe("descendant");
    deleteCode(doc, "comparing-self", actor);
    expect(refused(doc, () => mergeCode(doc, "impostor", "comparing-self", actor))).toBe("deleted");
  });

  it("merges: the merged code's children move to the survivor, and the lineage says who did what", () => {
    const doc = codebook();
    mergeCode(doc, "feeling-unworthy", "comparing-self", { ...actor, memo: "Same idea" });
    const codes = Object.fromEntries(readCodes(doc).map((c) => [c.id, c]));
    expect(codes["impostor"]!.parentId).toBe("comparing-self");
    expect(codes["feeling-unworthy"]).toMatchObject({ deletedAt: actor.at, mergedInto: "comparing-self" });
    expect(readLineage(doc).at(-1)).toEqual({ op: "merge", from: ["feeling-unworthy"], into: ["comparing-self"], at: actor.at, by: "lead", memo: "Same idea" });
    expect(refused(doc, () => restoreCode(doc, "feeling-unworthy", actor))).toBe("merged");
  });

  it("records raising a code up the chain, and deletes softly with undo", () => {
    const doc = codebook();
    expect(readLineage(doc).map((e) => e.op)).toEqual([]);
    updateCode(doc, "comparing-self", { level: "focused" }, actor);
    updateCode(doc, "comparing-self", { name: "Comparing self to other professionals" }, actor);
    deleteCode(doc, "comparing-self", actor);
    expect(refused(doc, () => deleteCode(doc, "comparing-self", actor))).toBe("deleted");
    restoreCode(doc, "comparing-self", actor);
    expect(readCodes(doc).find((c) => c.id === "comparing-self")).toMatchObject({ deletedAt: null, level: "focused" });
    expect(readLineage(doc).map((e) => e.op)).toEqual(["raise", "delete", "restore"]);
    expect(refused(doc, () => restoreCode(doc, "comparing-self", actor))).toBe("not_deleted");
  });

  it("splits: a new code beside the old one, and every coding stays, on one code or the other", () => {
    const doc = codebook();
    const layer = new Y.Doc();
    for (const id of ["a", "b", "c"]) addCoding(layer, id, { codeId: "impostor", anchor, note: "", createdAt: actor.at });
    const split = splitCode(doc, "impostor", { id: "fraud", name: "Feeling like a fraud" }, actor);
    expect(split).toMatchObject({ parentId: "feeling-unworthy", level: "initial" });
    expect(recode(layer, split.id, { ids: new Set(["b", "zzz"]) })).toBe(1);
    expect(Object.fromEntries(readCodings(layer).map((c) => [c.id, c.codeId]))).toEqual({ a: "impostor", b: "fraud", c: "impostor" });
    expect(readLineage(doc).at(-1)).toMatchObject({ op: "split", from: ["impostor"], into: ["impostor", "fraud"] });
    // A merge back moves every coding of the merged code.
    mergeCode(doc, "fraud", "impostor", actor);
    expect(recode(layer, "impostor", { fromCodeId: "fraud" })).toBe(1);
    expect(readCodings(layer).map((c) => c.codeId)).toEqual(["impostor", "impostor", "impostor"]);
  });
});
