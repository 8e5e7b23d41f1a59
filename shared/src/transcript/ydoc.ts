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

type XmlNode = Y.XmlElement | Y.XmlText | Y.XmlHook;

/** The text of an XmlText without the markup of its marks (toString renders marks as tags). */
function plainText(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === "string" ? op.insert : "")).join("");
}

/** Pushes nodes so they pop in document order (a loop: spreading a huge list overflows the stack). */
function pushInOrder(stack: XmlNode[], nodes: XmlNode[]): void {
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]!);
}

/** All text inside a node, in document order. Iterative: a stored state may nest arbitrarily deep. */
function textOf(node: XmlNode): string {
  const parts: string[] = [];
  const pending: XmlNode[] = [node];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next instanceof Y.XmlText) parts.push(plainText(next));
    else if (next instanceof Y.XmlElement) pushInOrder(pending, next.toArray());
  }
  return parts.join("");
}

/** A turn's lines: "Speaker: first paragraph", then its further paragraphs. */
function turnLines(turn: Y.XmlElement): string[] {
  const speaker = turn.getAttribute("speaker") ?? "";
  const [first = "", ...rest] = turn.toArray().map(textOf);
  return [`${speaker}: ${first}`.trimEnd(), ...rest];
}

/**
 * The transcript as plain text: one line per turn or paragraph, turns as "Speaker: text";
 * other containers (lists, quotes) contribute the lines of what they hold. Iterative, so a
 * stored state nested arbitrarily deep can still be read (and repaired).
 */
export function readTranscriptText(doc: Y.Doc): string {
  const lines: string[] = [];
  const pending: XmlNode[] = [];
  pushInOrder(pending, doc.getXmlFragment(TRANSCRIPT_FIELD).toArray());
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (!(node instanceof Y.XmlElement) || node.nodeName === NODE.paragraph) lines.push(textOf(node));
    else if (node.nodeName === NODE.turn) lines.push(...turnLines(node));
    else pushInOrder(pending, node.toArray());
  }
  return lines.join("\n");
}
