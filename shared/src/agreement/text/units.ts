// How a text is cut into units for agreement. Offsets are UTF-16 code units.
//
// - character: every position of the text, whitespace included (as NVivo counts).
// - word: a run of letters or digits, with inner apostrophes or hyphens ("don't",
//   "self-harm"); punctuation and whitespace belong to no word.
// - sentence: text up to and including a run of . ! ? or …, or up to a line break (a
//   transcript line ends a sentence); trimmed of surrounding whitespace; a piece with no
//   letter or digit is not a sentence. Abbreviations ("Dr.") do end a sentence: a known
//   simplification.
// - turn: a line that opens with a speaker label ("P: …", as in the Concord plain-text
//   form) together with the lines that follow it up to the next label; a line before the
//   first label is a unit of its own. Blank lines belong to no turn.

import { matchTurnLine } from "../../transcript/parse";
import type { Span } from "./intervals";

export type TextUnit = "character" | "word" | "sentence" | "turn";

export const TEXT_UNITS: readonly TextUnit[] = ["character", "word", "sentence", "turn"];

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const SENTENCE = /[^.!?…]+(?:[.!?…]+["'”’)\]]*|$)|[.!?…]+/gu;
const HAS_WORD = /[\p{L}\p{N}]/u;

/** Lines of the text with their offsets; a line excludes its \n or \r\n. */
export function lines(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === "\n") {
      const end = i > start && text[i - 1] === "\r" ? i - 1 : i;
      out.push({ start, end });
      start = i + 1;
    }
  }
  return out;
}

/** Trims whitespace off both ends of text[start, end). */
function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

export function words(text: string): Span[] {
  return [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

export function sentences(text: string): Span[] {
  const out: Span[] = [];
  for (const line of lines(text)) {
    const body = text.slice(line.start, line.end);
    for (const m of body.matchAll(SENTENCE)) {
      if (!HAS_WORD.test(m[0])) continue;
      out.push(trimSpan(text, line.start + m.index, line.start + m.index + m[0].length));
    }
  }
  return out;
}

export function turns(text: string): Span[] {
  const out: Span[] = [];
  let open: Span | null = null;
  for (const line of lines(text)) {
    const trimmed = trimSpan(text, line.start, line.end);
    if (trimmed.start === trimmed.end) continue;
    if (matchTurnLine(text.slice(line.start, line.end))) {
      open = trimmed;
      out.push(open);
    } else if (open) {
      open.end = trimmed.end;
    } else {
      out.push(trimmed);
    }
  }
  return out;
}

/** The units of `text` at a level other than character, in text order, disjoint. */
export function textUnits(text: string, unit: Exclude<TextUnit, "character">): Span[] {
  if (unit === "word") return words(text);
  if (unit === "sentence") return sentences(text);
  return turns(text);
}
