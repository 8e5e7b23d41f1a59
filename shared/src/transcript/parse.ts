// Recognises speaker turns in plain-text transcripts so they are kept as structure rather
// than as text that happens to start with a label. The labels transcribers write:
//   I: …   P: …   INTERVIEWER: …   Dr Amal Osei: …   Participant 3 (Alex): …
//   [Interviewer] …   [P]: …   00:03:12 P: …   [00:03:12] P: …   (00:03) P: …   Alex [00:03:12]: …
// A line without a label belongs to the turn before it, as a further paragraph: that is how
// a long answer split into paragraphs reads. The parser cannot tell that from a line whose
// label was forgotten, so such lines are reported (`unlabelled`) for the person to check.

/** A block of a transcript: a speaker turn with its paragraphs, or a paragraph outside any turn. */
export type TranscriptBlock =
  | { type: "turn"; speaker: string; paragraphs: string[] }
  | { type: "paragraph"; text: string };

/**
 * A block with where it came from, for a preview: its first line (1-based); for a turn, the
 * line of each paragraph (`lines[i]` for `paragraphs[i]`) and any timestamp before the label.
 */
export type ParsedBlock =
  | { type: "turn"; speaker: string; paragraphs: string[]; line: number; lines: number[]; time?: string }
  | { type: "paragraph"; text: string; line: number };

// A label is short (at most four words), starts with a letter or digit, and holds no
// sentence punctuation, so "Note: the recorder stopped." in the middle of a turn is a
// label only when it stands at the start of a line like any other. It may carry a
// pseudonym in brackets: "Participant 3 (Alex)".
const NAME = String.raw`[\p{L}\p{N}][\p{L}\p{N}.'’\- ]{0,39}?(?:\s*\([\p{L}\p{N}][\p{L}\p{N}.'’\- ]{0,39}\))?`;
// A clock time, bare or in brackets. A colon directly followed by a digit is a clock time
// ("10:30"), never a label's colon.
const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;
const STAMP = String.raw`(?:\[(${TIME})\]|\((${TIME})\)|(${TIME}))`;
const STAMP_AFTER = String.raw`(?:\s*(?:\[(${TIME})\]|\((${TIME})\)))?`;
// "Alex:", "Alex [00:03:12]:"; then "[Alex]", "[Alex]:", "[Alex] 00:03:12".
const COLON_LABEL = new RegExp(String.raw`^(?:${STAMP}\s*)?(${NAME})${STAMP_AFTER}\s*:(?!\d)\s*(.*)$`, "u");
const BRACKET_LABEL = new RegExp(String.raw`^(?:${STAMP}\s*)?\[(${NAME})\]\s*(?:${STAMP}\s*$)?(:(?!\d))?\s*(.*)$`, "u");
const MAX_LABEL_WORDS = 4;
// Without a colon, "[Laughs] Yes." is a transcriber's note, not a speaker: a bracketed
// label needs a capital or a digit and must not be one of the usual notes.
const CAPITALISED = /^[\p{Lu}\p{N}]/u;
const TRANSCRIBER_NOTE =
  /^(?:laugh\w*|paus\w*|inaudible|unclear|indistinct|cross-?talk|overlap\w*|sigh\w*|cough\w*|silen\w*|redacted|removed|break|interrupt\w*|end|start|beginning|recording|audio|name|place|sound|noise|phone\w*|long|short|both|all|music|tape)\b/iu;

/** Returns the speaker label, the rest of the line and any timestamp, or null when the line opens no turn. */
export function matchTurnLine(line: string): { speaker: string; rest: string; time?: string } | null {
  const trimmed = line.trim();
  const colon = COLON_LABEL.exec(trimmed);
  if (colon) {
    const [, t1, t2, t3, name, t4, t5, rest] = colon;
    return label(name!, rest!, t1 ?? t2 ?? t3 ?? t4 ?? t5);
  }
  const bracket = BRACKET_LABEL.exec(trimmed);
  if (bracket) {
    const [, t1, t2, t3, name, t4, t5, t6, colonMark, rest] = bracket;
    if (!colonMark && (!CAPITALISED.test(name!) || TRANSCRIBER_NOTE.test(name!))) return null;
    return label(name!, rest!, t1 ?? t2 ?? t3 ?? t4 ?? t5 ?? t6);
  }
  return null;
}

function label(name: string, rest: string, time: string | undefined) {
  const speaker = name.trim().replace(/\s+/gu, " ");
  if (speaker.replace(/\(.*\)/u, "").trim().split(" ").length > MAX_LABEL_WORDS) return null;
  return { speaker, rest: rest.trim(), ...(time ? { time } : {}) };
}

/**
 * Splits transcript text into speaker turns and free paragraphs. Blank lines are dropped;
 * a line with no label is a further paragraph of the turn before it (the first line after
 * a label standing alone is the turn's first paragraph). Timestamps are read but not
 * stored: the editor's speaker turn has no attribute for them, so `writeTranscript`
 * ignores `time`; the preview says they are left out.
 */
export function parseTranscript(text: string): ParsedBlock[] {
  const blocks: ParsedBlock[] = [];
  let current: Extract<ParsedBlock, { type: "turn" }> | null = null;
  text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .forEach((rawLine, index) => {
      const line = rawLine.trim();
      if (line === "") return;
      const turn = matchTurnLine(line);
      if (turn) {
        const at = index + 1;
        current = { type: "turn", speaker: turn.speaker, paragraphs: [], line: at, lines: [] };
        if (turn.rest) {
          current.paragraphs.push(turn.rest);
          current.lines.push(at);
        }
        if (turn.time) current.time = turn.time;
        blocks.push(current);
      } else if (current) {
        current.paragraphs.push(line);
        current.lines.push(index + 1);
      } else {
        blocks.push({ type: "paragraph", text: line, line: index + 1 });
      }
    });
  for (const block of blocks) {
    if (block.type === "turn" && block.paragraphs.length === 0) {
      block.paragraphs.push("");
      block.lines.push(block.line);
    }
  }
  return blocks;
}
