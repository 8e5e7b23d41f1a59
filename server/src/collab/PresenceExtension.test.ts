import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { presenceFor } from "./PresenceExtension";

const user = { id: "u-1", name: "Jo Mensah" };

describe("presenceFor", () => {
  it("keeps the editor's cursor, as y-prosemirror sends it and as JSON", () => {
    const doc = new Y.Doc();
    const text = doc.getXmlFragment("default");
    const position = Y.createRelativePositionFromTypeIndex(text, 0, -1);
    const fromEditor = JSON.parse(JSON.stringify({ anchor: position, head: position }));
    expect(presenceFor(user, { user: { color: "#1d4ed8" }, cursor: fromEditor }).cursor).toEqual(fromEditor);
    const asJson = { anchor: Y.relativePositionToJSON(position), head: Y.relativePositionToJSON(position) };
    expect(presenceFor(user, { cursor: asJson }).cursor).toEqual(asJson);
  });

  it("takes the name and id from the server, and a colour only if it is one", () => {
    expect(presenceFor(user, { user: { id: "someone-else", name: "Priya", color: "red" }, extra: "x" })).toEqual({
      user: { id: "u-1", name: "Jo Mensah", color: "#475467" },
      cursor: null,
    });
    expect(presenceFor(user, { user: { color: "#B42318" } }).user).toEqual({ ...user, color: "#B42318" });
  });

  it("drops a cursor that is not a pair of relative positions", () => {
    for (const cursor of ["x", { anchor: { type: "x" }, head: {} }, { anchor: {}, head: {}, more: 1 }, { anchor: { tname: "a".repeat(500) }, head: {} }]) {
      expect(presenceFor(user, { cursor }).cursor).toBeNull();
    }
  });
});
