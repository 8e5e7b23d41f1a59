// Codes a blind coder makes wait in their layer; at reveal the codebook adopts them with
// their ids (codings need no change), records each as created, and never keeps a parent
// it does not hold.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { adoptCodes, buildCode, CodebookError, createCode, deleteCode, readCodes, readLineage, restoreCode, updateCode } from "./codebook";
import { addBlindCode, clearBlindCodes, findBlindCode, readBlindCodes, readBlindLineage, readCodings } from "./layer";

const actor = { by: "coder-a", at: "2026-12-02T10:00:00.000Z" };

describe("codes held in a blind coder's layer", () => {
  it("are kept apart from the codings, found by id, and cleared", () => {
    const layer = new Y.Doc();
    const code = addBlindCode(layer, buildCode({ id: "held", name: "Impostor feelings", level: "initial" }, actor, 0), 10);
    expect(findBlindCode(layer, "held")).toEqual(code);
    expect(readBlindCodes(layer)).toEqual([code]);
    expect(readCodings(layer)).toEqual([]);
    clearBlindCodes(layer);
    expect(readBlindCodes(layer)).toEqual([]);
  });

  it("are refused, with nothing changed, when the codebook has no room left", () => {
    const layer = new Y.Doc();
    addBlindCode(layer, buildCode({ id: "one", name: "One", level: "initial" }, actor, 0), 1);
    expect(() => addBlindCode(layer, buildCode({ id: "two", name: "Two", level: "initial" }, actor, 1), 1)).toThrow(CodebookError);
    expect(readBlindCodes(layer).map((c) => c.id)).toEqual(["one"]);
  });

  it("join the codebook at reveal with their ids and a 'create' entry each; an unknown parent is dropped, a known one kept", () => {
    const codebook = new Y.Doc();
    createCode(codebook, { id: "existing", name: "Self-doubt", level: "focused" }, { by: "lead", at: actor.at });
    const held = [
      buildCode({ id: "child", name: "Fraud", level: "initial", parentId: "existing" }, actor, 1),
      buildCode({ id: "orphan", name: "Lost parent", level: "initial", parentId: "gone" }, actor, 2),
      buildCode({ id: "nested", name: "Under a held code", level: "initial", parentId: "child" }, actor, 3),
    ];
    adoptCodes(codebook, held, { by: "lead", at: "2026-12-02T12:00:00.000Z", memo: "At reveal" });
    const codes = new Map(readCodes(codebook).map((c) => [c.id, c]));
    expect(codes.get("child")).toMatchObject({ parentId: "existing", createdBy: "coder-a" });
    expect(codes.get("orphan")!.parentId).toBeNull();
    expect(codes.get("nested")!.parentId).toBe("child");
    expect(readLineage(codebook).filter((e) => e.op === "create").map((e) => e.into[0])).toEqual(["child", "orphan", "nested"]);
    // Adopting again (a retried reveal) adds nothing twice.
    adoptCodes(codebook, held, { by: "lead", at: actor.at });
    expect(readCodes(codebook)).toHaveLength(4);
    expect(readLineage(codebook)).toHaveLength(3);
  });

  it("are changed in place in the layer, a codebook parent vouched for by the caller, and their steps follow them into the codebook", () => {
    const layer = new Y.Doc();
    addBlindCode(layer, buildCode({ id: "held", name: "Fraud", level: "initial" }, actor, 0), 10);
    addBlindCode(layer, buildCode({ id: "inner", name: "Inner", level: "initial", parentId: "held" }, actor, 1), 10);
    const inCodebook = (id: string) => id === "existing";
    expect(() => updateCode(layer, "held", { parentId: "elsewhere" }, actor, inCodebook)).toThrow(/does not exist/);
    expect(() => updateCode(layer, "held", { parentId: "inner" }, actor, inCodebook)).toThrow(/under itself/);
    updateCode(layer, "held", { name: "Feeling a fraud", level: "focused", parentId: "existing" }, actor, inCodebook);
    // A restored code keeps a parent the caller vouches for, though the layer does not hold it.
    deleteCode(layer, "held", actor);
    restoreCode(layer, "held", actor, inCodebook);
    deleteCode(layer, "inner", actor);
    expect(findBlindCode(layer, "held")).toMatchObject({ name: "Feeling a fraud", level: "focused", parentId: "existing", deletedAt: null });
    expect(readBlindLineage(layer).map((e) => e.op)).toEqual(["raise", "delete", "restore", "delete"]);

    const codebook = new Y.Doc();
    createCode(codebook, { id: "existing", name: "Self-doubt", level: "focused" }, { by: "lead", at: actor.at });
    adoptCodes(codebook, readBlindCodes(layer), { by: "lead", at: "2026-12-02T12:00:00.000Z" }, readBlindLineage(layer));
    expect(readLineage(codebook).map((e) => [e.op, ...e.into])).toEqual([["create", "held"], ["create", "inner"], ["raise", "held"], ["delete"], ["restore", "held"], ["delete"]]);
    expect(readCodes(codebook).find((c) => c.id === "inner")!.deletedAt).not.toBeNull();
    clearBlindCodes(layer);
    expect(readBlindLineage(layer)).toEqual([]);
  });
});
