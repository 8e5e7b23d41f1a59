// What the project overview shows about a transcript without opening it: how many words it
// holds and whose interview it is. Computed from the Yjs document wherever the server already
// has it in memory (at creation, and when a live document is stored), then kept in the
// documents row, so listing a project never loads anyone's Yjs state.
import * as Y from "yjs";
import { NODE, TRANSCRIPT_FIELD } from "./ydoc";

export interface TranscriptSummary {
  words: number;
  participant: string | null;
}

// Labels that name the researcher's side of the conversation, never the participant.
const INTERVIEWER_LIKE =
  /^(?:i|int|iv|q|interviewer|interviewers|researcher|facilitator|moderator|co-?interviewer|research assistant|ra)(?:\s*\d+)?$/iu;
// Labels that say "the participant" without naming them: a pseudonym must come from elsewhere.
const GENERIC_PARTICIPANT = /^(?:p|r|a|participant|respondent|interviewee|service user|speaker|patient)(?:\s*\d+)?$/iu;
const BRACKETED = /\(([^()]+)\)\s*$/u;

/**
 * A word is a run of characters between spaces holding at least one letter or digit, as word
 * processors count them: "don't" and "twenty-one" are one word each, a lone "—" is none.
 * Speaker labels are not words of the transcript.
 */
export function countWords(text: string): number {
  let words = 0;
  for (const token of text.split(/\s+/u)) if (/[\p{L}\p{N}]/u.test(token)) words++;
  return words;
}

/**
 * The participant's pseudonym from the speaker names: the one speaker whose label is not
 * interviewer-like ("Interviewer", "I", "Researcher 2"…). A label with a pseudonym in brackets
 * gives the pseudonym ("Participant 3 (Alex)" → "Alex"); a generic label ("P", "Participant 3")
 * names nobody. Null when that leaves no name, or more than one (a group interview: the list
 * cannot tell whose it is).
 */
export function participantOf(speakers: Iterable<string>): string | null {
  const names = new Set<string>();
  for (const raw of speakers) {
    const speaker = raw.trim().replace(/\s+/gu, " ");
    if (speaker === "" || INTERVIEWER_LIKE.test(speaker)) continue;
    const bracketed = BRACKETED.exec(speaker)?.[1]?.trim();
    const withoutBrackets = speaker.replace(BRACKETED, "").trim();
    if (INTERVIEWER_LIKE.test(withoutBrackets)) continue;
    const name = bracketed || (GENERIC_PARTICIPANT.test(withoutBrackets) ? "" : withoutBrackets);
    if (name) names.add(name);
  }
  return names.size === 1 ? [...names][0]! : null;
}

/** Words and participant of a transcript document. Walks the tree without recursion (a stored state may nest deeply). */
export function summarizeTranscript(doc: Y.Doc): TranscriptSummary {
  let words = 0;
  const speakers: string[] = [];
  for (const node of doc.getXmlFragment(TRANSCRIPT_FIELD).createTreeWalker(() => true)) {
    if (node instanceof Y.XmlText) {
      const delta = node.toDelta() as { insert: unknown }[];
      words += countWords(delta.map((op) => (typeof op.insert === "string" ? op.insert : " ")).join(""));
    } else if (node instanceof Y.XmlElement && node.nodeName === NODE.turn) {
      const speaker = node.getAttribute("speaker");
      if (typeof speaker === "string") speakers.push(speaker);
    }
  }
  return { words, participant: participantOf(speakers) };
}
