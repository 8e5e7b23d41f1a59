// Recognises speaker turns in plain-text transcripts ("I: …", "P: …", "Interviewer: …",
// "Dr Ahmed: …") so they are kept as structure rather than as text that happens to
// start with a label.

/** A block of a transcript: a speaker turn with its paragraphs, or a paragraph outside any turn. */
export type TranscriptBlock =
  | { type: "turn"; speaker: string; paragraphs: string[] }
  | { type: "paragraph"; text: string };

// A label is short (at most four words), starts with a letter or digit, and holds no
// sentence punctuation, so "Note: the recorder stopped." in the middle of a turn is a
// label only when it stands at the start of a line like any other.
// A colon directly followed by a digit is a clock time ("10:30"), not a label's colon.
const TURN_LINE = /^\s*([\p{L}\p{N}][\p{L}\p{N}.'’\- ]{0,39}?)\s*:(?!\d)\s*(.*)$/u;
const MAX_LABEL_WORDS = 4;

/** Returns the speaker label and the rest of the line, or null when the line opens no turn. */
export function matchTurnLine(line: string): { speaker: string; rest: string } | null {
  const match = TURN_LINE.exec(line);
  if (!match) return null;
  const speaker = match[1]!.trim();
  if (speaker.split(/\s+/).length > MAX_LABEL_WORDS) return null;
  return { speaker, rest: match[2]!.trim() };
}

/** Splits transcript text into speaker turns and free paragraphs. Blank lines are dropped. */
export function parseTranscript(text: string): TranscriptBlock[] {
  const blocks: TranscriptBlock[] = [];
  let current: Extract<TranscriptBlock, { type: "turn" }> | null = null;
  for (const rawLine of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = rawLine.trim();
    if (line === "") continue;
    const turn = matchTurnLine(line);
    if (turn) {
      current = { type: "turn", speaker: turn.speaker, paragraphs: turn.rest ? [turn.rest] : [] };
      blocks.push(current);
    } else if (current) {
      current.paragraphs.push(line);
    } else {
      blocks.push({ type: "paragraph", text: line });
    }
  }
  for (const block of blocks) {
    if (block.type === "turn" && block.paragraphs.length === 0) block.paragraphs.push("");
  }
  return blocks;
}
