// Between the offsets of a transcript's plain text (`GET /api/documents/:id/text`, written by
// readTranscriptText in @concord/shared transcript/ydoc.ts) and positions in the editor's
// ProseMirror document. A span link (`?from=&to=`) and, later, a coding stripe name text by
// plain-text offsets, which stay meaningful outside the editor (exports, agreement, the
// reading copy); the editor needs positions to select and highlight them.
//
// The plain text has one line per textblock, joined by "\n"; a speaker turn's first line is
// "Speaker: text" with its end trimmed. So a label's characters and the line breaks have no
// position of their own: they map to the nearest text.
import type { Node } from "@tiptap/pm/model";
import { NODE } from "@concord/shared/transcript/ydoc";

/** Text characters [textStart, textStart + length) sit at positions [pos, pos + length). */
type Run = { textStart: number; pos: number; length: number };
/** One line of the plain text: where it starts and ends there, and where its block's text starts and ends in the document. */
type Line = { textStart: number; textEnd: number; contentStart: number; contentEnd: number; runs: Run[] };

export type TextMap = { text: string; lines: Line[] };

/** Maps one textblock (at `pos`) to a line starting at `textStart`; `prefix` is a speaker label before it. */
function textblockLine(block: Node, pos: number, textStart: number, prefix: string, trimEnd: boolean): { line: Line; text: string } {
  const contentStart = pos + 1;
  let text = prefix;
  const runs: Run[] = [];
  block.forEach((child, offset) => {
    if (!child.isText || !child.text) return; // inline atoms (a line break) have no plain text
    runs.push({ textStart: textStart + text.length, pos: contentStart + offset, length: child.text.length });
    text += child.text;
  });
  if (trimEnd) {
    const kept = text.trimEnd().length;
    for (const run of runs) run.length = Math.max(0, Math.min(run.length, textStart + kept - run.textStart));
    text = text.slice(0, kept);
  }
  const line = { textStart, textEnd: textStart + text.length, contentStart, contentEnd: pos + block.nodeSize - 1, runs: runs.filter((r) => r.length > 0) };
  return { line, text };
}

/** Reads the document into its plain text and the map between the two, in the order readTranscriptText uses. */
export function textMap(doc: Node): TextMap {
  const lines: Line[] = [];
  const parts: string[] = [];
  let length = 0;
  const add = (block: Node, pos: number, prefix = "", trimEnd = false) => {
    const textStart = parts.length === 0 ? 0 : length + 1;
    const { line, text } = textblockLine(block, pos, textStart, prefix, trimEnd);
    lines.push(line);
    parts.push(text);
    length = textStart + text.length;
  };
  doc.descendants((node, pos) => {
    if (node.type.name === NODE.turn) {
      node.forEach((child, offset, index) => {
        const at = pos + 1 + offset;
        if (index === 0) add(child, at, `${String(node.attrs.speaker ?? "")}: `, true);
        else add(child, at);
      });
      return false;
    }
    if (node.isTextblock) {
      add(node, pos);
      return false;
    }
    return true;
  });
  return { text: parts.join("\n"), lines };
}

/** The position for a plain-text offset: a label's characters go to the start of its text, a line break to the end of the line before. */
export function positionAt(map: TextMap, offset: number): number {
  let line = map.lines[0];
  if (!line) return 0;
  for (const candidate of map.lines) {
    if (candidate.textStart > offset) break;
    line = candidate;
  }
  // The run the character starts; the end of a run only for the offset just after its last character.
  const run =
    line.runs.find((r) => offset >= r.textStart && offset < r.textStart + r.length) ??
    line.runs.find((r) => offset === r.textStart + r.length);
  if (run) return run.pos + (offset - run.textStart);
  const first = line.runs[0];
  if (!first || offset < first.textStart) return line.contentStart;
  return line.contentEnd;
}

/** The plain-text offset for a position; a position between blocks goes to the start of the next line. */
export function offsetAt(map: TextMap, pos: number): number {
  for (const line of map.lines) {
    if (pos > line.contentEnd) continue;
    if (pos < line.contentStart) return line.textStart;
    for (const run of line.runs) {
      if (pos >= run.pos && pos <= run.pos + run.length) return run.textStart + (pos - run.pos);
    }
    // Past the kept text (trimmed spaces, a trailing line break), or an empty block.
    const before = line.runs.filter((run) => run.pos <= pos).at(-1);
    return before ? before.textStart + before.length : (line.runs[0]?.textStart ?? line.textEnd);
  }
  return map.lines.at(-1)?.textEnd ?? 0;
}
