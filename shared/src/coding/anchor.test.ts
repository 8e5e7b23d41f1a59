import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { parseTranscript } from "../transcript/parse";
import { transcriptTextMap } from "../transcript/textMap";
import { NODE, TRANSCRIPT_FIELD, writeTranscript } from "../transcript/ydoc";
import { anchorOffsets, AnchorError, checkAnchor, resolveAnchor, type Anchor } from "./anchor";

const TEXT = "I: Tell me about your work.\nP: I coordinate the clinic.\nMostly the rota.";

function transcript(text = TEXT): Y.Doc {
  const doc = new Y.Doc();
  writeTranscript(doc, parseTranscript(text));
  return doc;
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Exchanges what each side has that the other lacks, as two synced providers would. */
function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function covered(doc: Y.Doc, anchor: Anchor): string {
  const map = transcriptTextMap(doc);
  const range = resolveAnchor(doc, map, anchor);
  return map.text.slice(range.start, range.end);
}

/** The XmlText of the n-th paragraph in document order. */
function paragraphText(doc: Y.Doc, n: number): Y.XmlText {
  return transcriptTextMap(doc).runs.map((run) => run.node).filter((node, i, all) => all.indexOf(node) === i)[n]!;
}

const at = (word: string, text = TEXT) => [text.indexOf(word), text.indexOf(word) + word.length] as const;

describe("coding anchors", () => {
  it("resolve to the offsets they were made from", () => {
    const doc = transcript();
    for (const word of ["Tell", "coordinate the clinic", "clinic.\nMostly", "work.\nP: I", TEXT.slice(3)]) {
      const anchor = anchorOffsets(doc, ...at(word));
      expect(covered(doc, anchor)).toBe(word);
      expect(resolveAnchor(doc, transcriptTextMap(doc), anchor)).toEqual({ start: at(word)[0], end: at(word)[1], orphaned: false });
    }
  });

  it("stay on the same words while someone else edits before, inside and after them at the same moment", () => {
    const coder = transcript();
    const editor = copyOf(coder);
    const anchor = anchorOffsets(coder, ...at("coordinate the clinic"));
    // Concurrently: the editor inserts before the words, inside them, and rewrites the first turn.
    const text = paragraphText(editor, 1); // "I coordinate the clinic."
    editor.transact(() => {
      text.insert("I coordinate the".length, " busy");
      text.insert(2, "now ");
      text.insert(0, "Well, ");
      paragraphText(editor, 0).delete(0, 5);
    });
    sync(coder, editor);
    for (const doc of [coder, editor]) expect(covered(doc, anchor)).toBe("coordinate the busy clinic");
  });

  it("do not stretch when text is typed right at either edge", () => {
    const doc = transcript();
    const anchor = anchorOffsets(doc, ...at("coordinate"));
    const text = paragraphText(doc, 1);
    text.insert("I coordinate".length, "d");
    text.insert(2, "co-");
    expect(covered(doc, anchor)).toBe("coordinate");
  });

  it("snap a position inside a speaker label into the turn's text", () => {
    const doc = transcript();
    const labelStart = TEXT.indexOf("P: I");
    const anchor = anchorOffsets(doc, labelStart + 1, TEXT.indexOf(" the clinic"));
    expect(covered(doc, anchor)).toBe("I coordinate");
    // Ending inside the next label ends with the previous line's text.
    expect(covered(doc, anchorOffsets(doc, 3, labelStart + 2))).toBe("Tell me about your work.");
  });

  it("refuse a range outside the text, reversed, empty or holding only a label", () => {
    const doc = transcript();
    const problem = (start: number, end: number) => {
      try {
        anchorOffsets(doc, start, end);
        return null;
      } catch (error) {
        return (error as AnchorError).problem;
      }
    };
    expect(problem(-1, 4)).toBe("out_of_range");
    expect(problem(0, TEXT.length + 1)).toBe("out_of_range");
    expect(problem(1.5, 4)).toBe("out_of_range");
    expect(problem(8, 4)).toBe("reversed");
    expect(problem(4, 4)).toBe("reversed");
    const label = TEXT.indexOf("P: ");
    expect(problem(label, label + 3)).toBe("empty");
    expect(problem(TEXT.indexOf("\n"), TEXT.indexOf("\n") + 1)).toBe("empty");
  });

  it("become orphaned, not lost, when every word they covered is deleted", () => {
    const doc = transcript();
    const anchor = anchorOffsets(doc, ...at("coordinate"));
    paragraphText(doc, 1).delete(1, " coordinate".length);
    const map = transcriptTextMap(doc);
    const range = resolveAnchor(doc, map, anchor);
    expect(range.orphaned).toBe(true);
    expect(range.start).toBe(range.end);
    expect(map.text.slice(0, range.start).endsWith("P: I")).toBe(true);
  });

  it("become orphaned when the whole turn holding them is removed, and shrink when part of a span goes", () => {
    const doc = transcript();
    const inTurn = anchorOffsets(doc, ...at("coordinate"));
    const spanning = anchorOffsets(doc, ...at("work.\nP: I coordinate the clinic.\nMostly"));
    doc.getXmlFragment(TRANSCRIPT_FIELD).delete(1, 1); // the participant's turn
    expect(resolveAnchor(doc, transcriptTextMap(doc), inTurn).orphaned).toBe(true);
    expect(covered(doc, spanning)).toBe("work.");
  });

  it("read y-prosemirror's positions between blocks (child indexes of elements and the fragment)", () => {
    const doc = transcript();
    const fragment = doc.getXmlFragment(TRANSCRIPT_FIELD);
    const turn = fragment.get(1) as Y.XmlElement;
    const anchor: Anchor = {
      start: [Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(fragment, 1))],
      end: [Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(turn, 1, -1))],
    };
    expect(covered(doc, anchor)).toBe("I coordinate the clinic.");
    // The end of the document: the whole of the last paragraph.
    const toEnd: Anchor = {
      start: [Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(turn, 1))],
      end: [Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(fragment, fragment.length, 0))],
    };
    expect(covered(doc, toEnd)).toBe("Mostly the rota.");
  });

  it("check an anchor a client sent: readable and pointing into this transcript", () => {
    const doc = transcript();
    const map = transcriptTextMap(doc);
    const good = anchorOffsets(doc, ...at("Tell"));
    const checked = checkAnchor(doc, map, good.start[0]!, good.end[0]!);
    expect(checked.range).toEqual({ start: 3, end: 7, orphaned: false });
    expect(checked.anchor).toEqual(good);
    const other = Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(doc.getText("notes"), 0));
    const unknown = Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(new Y.Doc().getText("x"), 0));
    const problem = (anchor: { start: Uint8Array; end: Uint8Array }) => {
      try {
        checkAnchor(doc, map, anchor.start, anchor.end);
        return null;
      } catch (error) {
        return (error as AnchorError).problem;
      }
    };
    const [start, end] = [good.start[0]!, good.end[0]!];
    expect(problem({ start: new Uint8Array([255, 255, 255]), end })).toBe("unreadable");
    expect(problem({ start: other, end })).toBe("elsewhere");
    expect(problem({ start, end: unknown })).toBe("elsewhere");
    expect(problem({ start: end, end: start })).toBe("empty");
  });

  it("make a client's end stick to the last word, whichever way its position associated", () => {
    const doc = transcript();
    const map = transcriptTextMap(doc);
    // "coordinate": the end as y-prosemirror makes it, associating with the character after it.
    const text = paragraphText(doc, 1); // "I coordinate the clinic."
    const start = Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, 2, 0));
    const end = Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, "I coordinate".length, 0));
    const { anchor } = checkAnchor(doc, map, start, end);
    expect(covered(doc, anchor)).toBe("coordinate");
    // Someone types right after the word and right before it: the coding covers the word alone still.
    text.insert("I coordinate".length, "d");
    text.insert(2, "co-");
    expect(covered(doc, anchor)).toBe("coordinate");
  });
});

describe("the transcript's text map", () => {
  it("is the text GET /text returns, with formatting, line breaks inside paragraphs and trailing space", () => {
    const doc = transcript("I: Hello   \nP: Fine.");
    const fragment = doc.getXmlFragment(TRANSCRIPT_FIELD);
    const paragraph = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).format(0, 2, { bold: {} });
    const list = new Y.XmlElement("bulletList");
    const item = new Y.XmlElement("listItem");
    const inList = new Y.XmlElement(NODE.paragraph);
    inList.insert(0, [new Y.XmlText("one"), new Y.XmlElement("hardBreak"), new Y.XmlText("two")]);
    item.insert(0, [inList]);
    list.insert(0, [item]);
    fragment.insert(fragment.length, [list]);
    const map = transcriptTextMap(doc);
    expect(map.text).toBe("I: Hello\nP: Fine.\nonetwo");
    for (const run of map.runs) expect(map.text.slice(run.start, run.start + run.text.length)).toBe(run.text);
    const anchor = anchorOffsets(doc, map.text.indexOf("etw"), map.text.indexOf("etw") + 3);
    expect(covered(doc, anchor)).toBe("etw");
  });
});
