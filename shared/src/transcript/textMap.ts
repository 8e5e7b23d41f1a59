// The transcript's plain text together with where each piece of it lives in the Yjs
// document, so offsets in the text that GET /api/documents/:id/text returns can be turned
// into positions in the document and back (coding anchors, shared/src/coding/anchor.ts).
// readTranscriptText is this map's text, so the two can never disagree.
//
// The text: one line per turn or paragraph, turns as "Speaker: text" (trailing white space
// of a turn's first line trimmed), other containers (lists, quotes) contributing the lines
// of what they hold. Iterative, so a stored state nested arbitrarily deep can still be read.
import * as Y from "yjs";
import { NODE, TRANSCRIPT_FIELD } from "./ydoc";

/** A stretch of characters of one Y.XmlText: `text` starts at `index` in the XmlText and at `start` in the plain text. */
export interface TextRun {
  node: Y.XmlText;
  index: number;
  start: number;
  text: string;
}

export interface TranscriptTextMap {
  text: string;
  /** The runs in text order; the characters between them are labels and line breaks. */
  runs: TextRun[];
  /** For each XmlText in the transcript, the plain-text offset where it begins and ends. */
  spans: Map<Y.XmlText, { start: number; end: number }>;
}

type XmlNode = Y.XmlElement | Y.XmlText | Y.XmlHook;

/** Pushes nodes so they pop in document order (a loop: spreading a huge list overflows the stack). */
function pushInOrder(stack: XmlNode[], nodes: XmlNode[]): void {
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]!);
}

/** Pieces of one line: literal strings (labels) or runs of an XmlText, offsets not yet known. */
type Piece = string | { node: Y.XmlText; index: number; text: string };

/** The runs of an XmlText: its string inserts, skipping embeds (which count 1 in its index). */
function runsOf(node: Y.XmlText, into: Piece[]): void {
  let index = 0;
  for (const op of node.toDelta() as { insert: unknown }[]) {
    if (typeof op.insert === "string") {
      if (op.insert) into.push({ node, index, text: op.insert });
      index += op.insert.length;
    } else index += 1;
  }
}

/** The pieces of a node's text in document order, and every XmlText met (empty ones too). */
function piecesOf(node: XmlNode, into: Piece[], texts: Y.XmlText[]): void {
  const pending: XmlNode[] = [node];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next instanceof Y.XmlText) {
      texts.push(next);
      runsOf(next, into);
    } else if (next instanceof Y.XmlElement) pushInOrder(pending, next.toArray());
  }
}

/** Drops trailing white space from a line's pieces, as `trimEnd` does to the joined line. */
function trimEndPieces(pieces: Piece[]): void {
  while (pieces.length > 0) {
    const last = pieces[pieces.length - 1]!;
    const text = typeof last === "string" ? last : last.text;
    const trimmed = text.trimEnd();
    if (trimmed.length > 0) {
      pieces[pieces.length - 1] = typeof last === "string" ? trimmed : { ...last, text: trimmed };
      return;
    }
    pieces.pop();
  }
}

class MapBuilder {
  private readonly parts: string[] = [];
  private offset = 0;
  private lines = 0;
  readonly runs: TextRun[] = [];
  readonly spans = new Map<Y.XmlText, { start: number; end: number }>();

  /** Appends one line; `texts` are the XmlTexts it holds (their spans end up within it). */
  line(pieces: Piece[], texts: Y.XmlText[]): void {
    if (this.lines++ > 0) this.append("\n");
    const lineStart = this.offset;
    const firstRun = this.runs.length;
    for (const piece of pieces) {
      if (typeof piece === "string") this.append(piece);
      else {
        this.runs.push({ ...piece, start: this.offset });
        this.append(piece.text);
      }
    }
    const lineRuns = this.runs.slice(firstRun);
    for (const node of texts) {
      const own = lineRuns.filter((run) => run.node === node);
      const start = own[0]?.start ?? this.positionOfEmpty(lineStart, pieces);
      const last = own[own.length - 1];
      this.spans.set(node, { start, end: last ? last.start + last.text.length : start });
    }
  }

  /** Where an XmlText with no characters sits: at the end of the line's label, if any. */
  private positionOfEmpty(lineStart: number, pieces: Piece[]): number {
    return typeof pieces[0] === "string" ? lineStart + pieces[0].length : lineStart;
  }

  private append(text: string): void {
    this.parts.push(text);
    this.offset += text.length;
  }

  build(): TranscriptTextMap {
    return { text: this.parts.join(""), runs: this.runs, spans: this.spans };
  }
}

/** A turn's lines: "Speaker: first paragraph" (trimmed at its end), then its further paragraphs. */
function turnLines(turn: Y.XmlElement, builder: MapBuilder): void {
  const speaker = turn.getAttribute("speaker") ?? "";
  const [first, ...rest] = turn.toArray();
  const pieces: Piece[] = [`${speaker}: `];
  const texts: Y.XmlText[] = [];
  if (first) piecesOf(first, pieces, texts);
  trimEndPieces(pieces);
  builder.line(pieces, texts);
  for (const paragraph of rest) blockLine(paragraph, builder);
}

function blockLine(node: XmlNode, builder: MapBuilder): void {
  const pieces: Piece[] = [];
  const texts: Y.XmlText[] = [];
  piecesOf(node, pieces, texts);
  builder.line(pieces, texts);
}

/** Maps the transcript's plain text onto the document. */
export function transcriptTextMap(doc: Y.Doc): TranscriptTextMap {
  const builder = new MapBuilder();
  const pending: XmlNode[] = [];
  pushInOrder(pending, doc.getXmlFragment(TRANSCRIPT_FIELD).toArray());
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (!(node instanceof Y.XmlElement) || node.nodeName === NODE.paragraph) blockLine(node, builder);
    else if (node.nodeName === NODE.turn) turnLines(node, builder);
    else pushInOrder(pending, node.toArray());
  }
  return builder.build();
}

/** The transcript as plain text (what GET /api/documents/:id/text returns). */
export function readTranscriptText(doc: Y.Doc): string {
  return transcriptTextMap(doc).text;
}
