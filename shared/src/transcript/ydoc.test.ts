import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { parseTranscript } from "./parse";
import { readTranscriptText } from "./textMap";
import { NODE, TRANSCRIPT_FIELD, writeTranscript } from "./ydoc";

describe("transcripts in Yjs", () => {
  it("round-trips text through the Tiptap-shaped fragment", () => {
    const doc = new Y.Doc();
    const text = "Notes\nI: How was it?\nP: Fine.\nMostly.";
    writeTranscript(doc, parseTranscript(text));
    expect(readTranscriptText(doc)).toBe(text);
  });

  it("stores turns as speakerTurn elements holding paragraphs, readable by any Yjs client", () => {
    const doc = new Y.Doc();
    writeTranscript(doc, parseTranscript("P: One\nTwo"));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const turn = copy.getXmlFragment(TRANSCRIPT_FIELD).get(0) as Y.XmlElement;
    expect(turn.nodeName).toBe(NODE.turn);
    expect(turn.getAttribute("speaker")).toBe("P");
    expect(turn.toArray().map((p) => (p as Y.XmlElement).nodeName)).toEqual([NODE.paragraph, NODE.paragraph]);
  });

  it("reads text without the markup of formatting marks", () => {
    const doc = new Y.Doc();
    writeTranscript(doc, parseTranscript("P: plain"));
    const paragraph = (doc.getXmlFragment(TRANSCRIPT_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).format(0, 5, { bold: {} });
    expect(readTranscriptText(doc)).toBe("P: plain");
  });
});
