// What a transcript will look like once imported, from the same parse the import uses: the
// turns as they will be stored, the speakers found, and the lines that carry no label (kept
// with the turn before them) for the person to check before the transcript is created.
import type { ParsedBlock } from "./parse";

/** New names for speaker labels as found ("I" → "Interviewer"); two labels given one name merge. */
export type SpeakerNames = Record<string, string>;

export interface PreviewParagraph {
  text: string;
  line: number;
  /** The line had no speaker label: it was kept with the turn before it, or outside any turn. */
  unlabelled?: true;
}

export interface PreviewTurn {
  /** The label as written; null for text before the first label. */
  label: string | null;
  /** The speaker as it will be stored (the label, or its new name); null outside any turn. */
  speaker: string | null;
  line: number;
  /** A timestamp written before the label; it is not stored. */
  time?: string;
  paragraphs: PreviewParagraph[];
}

export interface TranscriptPreview {
  turns: PreviewTurn[];
  /** Each label found, in order of first use, with its stored name and how many turns it opens. */
  speakers: { label: string; name: string; turns: number }[];
  unlabelledLines: { line: number; text: string; speaker: string | null }[];
  /** How many turns had a timestamp before their label (left out of the stored text). */
  timestamps: number;
}

/** The name a label is stored under: its new name if one was given, else the label itself. */
export function speakerName(label: string, names: SpeakerNames): string {
  return Object.hasOwn(names, label) ? names[label]!.trim() || label : label;
}

/** The keys of `names` that are not speaker labels found in `blocks`. */
export function unknownSpeakers(blocks: ParsedBlock[], names: SpeakerNames): string[] {
  const found = new Set(blocks.flatMap((b) => (b.type === "turn" ? [b.speaker] : [])));
  return Object.keys(names).filter((label) => !found.has(label));
}

/** The blocks with each turn's speaker renamed. */
export function renameSpeakers(blocks: ParsedBlock[], names: SpeakerNames): ParsedBlock[] {
  return blocks.map((b) => (b.type === "turn" ? { ...b, speaker: speakerName(b.speaker, names) } : b));
}

function previewTurn(block: ParsedBlock, names: SpeakerNames): PreviewTurn {
  if (block.type === "paragraph") {
    return { label: null, speaker: null, line: block.line, paragraphs: [{ text: block.text, line: block.line, unlabelled: true }] };
  }
  return {
    label: block.speaker,
    speaker: speakerName(block.speaker, names),
    line: block.line,
    ...(block.time ? { time: block.time } : {}),
    // Every paragraph after a turn's first comes from a line without a label.
    paragraphs: block.paragraphs.map((text, i) => ({ text, line: block.lines[i]!, ...(i > 0 ? { unlabelled: true as const } : {}) })),
  };
}

/** The preview of parsed blocks (from `parseTranscript`) under the given speaker names. */
export function previewTranscript(blocks: ParsedBlock[], names: SpeakerNames = {}): TranscriptPreview {
  const turns = blocks.map((block) => previewTurn(block, names));
  const speakers = new Map<string, { label: string; name: string; turns: number }>();
  for (const turn of turns) {
    if (turn.label === null) continue;
    const entry = speakers.get(turn.label) ?? { label: turn.label, name: turn.speaker!, turns: 0 };
    entry.turns += 1;
    speakers.set(turn.label, entry);
  }
  return {
    turns,
    speakers: [...speakers.values()],
    unlabelledLines: turns.flatMap((turn) =>
      turn.paragraphs.filter((p) => p.unlabelled).map((p) => ({ line: p.line, text: p.text, speaker: turn.speaker })),
    ),
    timestamps: turns.filter((turn) => turn.time).length,
  };
}
