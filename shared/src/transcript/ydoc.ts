// How a transcript lives in Yjs. The text is the Y.XmlFragment named `default`, Tiptap's
// default field, in y-prosemirror's layout (an element per node, named for its node type,
// attributes for node attributes, Y.XmlText for text), so any Yjs client can read it and
// the Tiptap editor binds to it unchanged.
import * as Y from "yjs";
import type { TranscriptBlock } from "./parse";

export const TRANSCRIPT_FIELD = "default";
/** Node type names shared with the editor's schema (client/src/editor/SpeakerTurn.ts). */
export const NODE = { turn: "speakerTurn", paragraph: "paragraph" } as const;

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement(NODE.paragraph);
  if (text) element.insert(0, [new Y.XmlText(text)]);
  return element;
}

/** Appends the blocks to the document's transcript field in one transaction. */
export function writeTranscript(doc: Y.Doc, blocks: TranscriptBlock[]): void {
  const fragment = doc.getXmlFragment(TRANSCRIPT_FIELD);
  doc.transact(() => {
    const elements = blocks.map((block) => {
      if (block.type === "paragraph") return paragraph(block.text);
      const turn = new Y.XmlElement(NODE.turn);
      turn.setAttribute("speaker", block.speaker);
      turn.insert(0, block.paragraphs.map(paragraph));
      return turn;
    });
    fragment.insert(fragment.length, elements);
  });
}

function textOf(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) {
    // toDelta, not toString: toString renders marks as XML tags.
    return (node.toDelta() as { insert: unknown }[])
      .map((op) => (typeof op.insert === "string" ? op.insert : ""))
      .join("");
  }
  if (node instanceof Y.XmlElement) return node.toArray().map(textOf).join("");
  return "";
}

function linesOf(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string[] {
  if (!(node instanceof Y.XmlElement)) return [textOf(node)];
  if (node.nodeName === NODE.turn) {
    const speaker = node.getAttribute("speaker") ?? "";
    const paragraphs = node.toArray().map(textOf);
    const [first = "", ...rest] = paragraphs;
    return [`${speaker}: ${first}`.trimEnd(), ...rest];
  }
  if (node.nodeName === NODE.paragraph) return [textOf(node)];
  return node.toArray().flatMap(linesOf);
}

/** The transcript as plain text: one line per turn or paragraph, turns as "Speaker: text". */
export function readTranscriptText(doc: Y.Doc): string {
  return doc.getXmlFragment(TRANSCRIPT_FIELD).toArray().flatMap(linesOf).join("\n");
}
