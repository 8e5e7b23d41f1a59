// How a transcript lives in Yjs. The text is the Y.XmlFragment named `default`, Tiptap's
// default field, in y-prosemirror's layout (an element per node, named for its node type,
// attributes for node attributes, Y.XmlText for text), so any Yjs client can read it and
// the Tiptap editor binds to it unchanged. The plain text is read by textMap.ts.
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
