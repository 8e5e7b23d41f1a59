import { getSchema } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { prosemirrorToYDoc, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { anchorOffsets } from "@concord/shared/coding/anchor";
import { addCoding } from "@concord/shared/coding/layer";
import { TRANSCRIPT_FIELD } from "@concord/shared/transcript/ydoc";
import { readTranscriptText } from "@concord/shared/transcript/textMap";
import { SpeakerTurn } from "../editor/SpeakerTurn";
import { positionAt, textMap } from "../editor/textOffsets";
import { layerCodings, placer } from "./placeCodings";

const schema = getSchema([StarterKit, SpeakerTurn]);

function transcript() {
  const paragraph = (text: string) => schema.nodes.paragraph!.create(null, schema.text(text));
  const pm = schema.nodes.doc!.create(null, [
    schema.nodes.speakerTurn!.create({ speaker: "I" }, [paragraph("How did you start?")]),
    schema.nodes.speakerTurn!.create({ speaker: "P" }, [paragraph("By chance, really."), paragraph("Then it stuck.")]),
  ]);
  return prosemirrorToYDoc(pm, TRANSCRIPT_FIELD);
}

const editorCopy = (doc: Y.Doc) => yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(TRANSCRIPT_FIELD), schema);

function coded(doc: Y.Doc, words: string) {
  const text = readTranscriptText(doc);
  const start = text.indexOf(words);
  const layer = new Y.Doc();
  addCoding(layer, "k1", { codeId: "code", anchor: anchorOffsets(doc, start, start + words.length), note: "", createdAt: "2026-01-01T00:00:00Z" });
  return { start, coding: layerCodings([{ coderId: "coder", doc: layer }])[0]! };
}

describe("placer", () => {
  it("places a coding on its words, in API offsets and editor positions", () => {
    const doc = transcript();
    const { start, coding } = coded(doc, "By chance");
    const placed = placer(doc, editorCopy(doc))(coding);
    const map = textMap(editorCopy(doc));
    expect(placed).toMatchObject({ id: "k1", coderId: "coder", startOffset: start, endOffset: start + 9, orphaned: false });
    expect([placed.from, placed.to]).toEqual([positionAt(map, start), positionAt(map, start + 9)]);
  });

  it("follows its words when text is typed before them", () => {
    const doc = transcript();
    const { coding } = coded(doc, "stuck");
    const text = ((doc.getXmlFragment(TRANSCRIPT_FIELD).get(1) as Y.XmlElement).get(1) as Y.XmlElement).get(0) as Y.XmlText; // "Then it stuck."
    text.insert(0, "And ");
    const placed = placer(doc, editorCopy(doc))(coding);
    expect(readTranscriptText(doc).slice(placed.startOffset, placed.endOffset)).toBe("stuck");
  });

  it("marks a coding orphaned, not dropped, when its words are deleted", () => {
    const doc = transcript();
    const { coding } = coded(doc, "stuck");
    const text = ((doc.getXmlFragment(TRANSCRIPT_FIELD).get(1) as Y.XmlElement).get(1) as Y.XmlElement).get(0) as Y.XmlText; // "Then it stuck."
    text.delete(0, text.length);
    const placed = placer(doc, editorCopy(doc))(coding);
    expect(placed.orphaned).toBe(true);
    expect(placed.from).toBe(placed.to);
  });
});
