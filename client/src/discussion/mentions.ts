// @mentions in a message: "@Name" in the text for a member picked from the list. The ids
// sent are those of the picked members whose "@Name" is still in the text when it is sent,
// so deleting the words un-mentions the person.
import type { Person } from "../api/types";

/** The text after an "@" the caret is in, or null when the caret is not in a mention being typed. */
export function mentionQuery(text: string, caret: number): { at: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([^\s@]{0,30})$/u.exec(before);
  if (!match) return null;
  return { at: caret - match[2]!.length - 1, query: match[2]! };
}

/** Members whose name starts a word with `query` (case and accents ignored). */
export function matchingPeople(people: Person[], query: string): Person[] {
  const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const wanted = fold(query);
  return people.filter((person) => fold(person.name).split(/\s+/).some((word) => word.startsWith(wanted)) || fold(person.name).startsWith(wanted));
}

/** The text with `@query` at `at` replaced by the person's "@Name ", and where the caret goes. */
export function insertMention(text: string, at: number, queryLength: number, person: Person): { text: string; caret: number } {
  const inserted = `@${person.name} `;
  return { text: text.slice(0, at) + inserted + text.slice(at + 1 + queryLength), caret: at + inserted.length };
}

/** The picked people still named in the text. */
export function mentionedIn(text: string, picked: Person[]): string[] {
  return [...new Set(picked.filter((person) => text.includes(`@${person.name}`)).map((person) => person.id))];
}

export type BodyPart = { text: string; mention?: Person };

/** A message's text cut into plain runs and the "@Name" of each person it mentions. */
export function splitMentions(body: string, mentions: Person[]): BodyPart[] {
  // Longest names first, so "@Jo Mensah" wins over "@Jo".
  const names = [...mentions].sort((a, b) => b.name.length - a.name.length);
  const parts: BodyPart[] = [];
  let rest = body;
  while (rest) {
    let best: { index: number; person: Person } | null = null;
    for (const person of names) {
      const index = rest.indexOf(`@${person.name}`);
      if (index >= 0 && (!best || index < best.index)) best = { index, person };
    }
    if (!best) {
      parts.push({ text: rest });
      break;
    }
    if (best.index > 0) parts.push({ text: rest.slice(0, best.index) });
    parts.push({ text: `@${best.person.name}`, mention: best.person });
    rest = rest.slice(best.index + best.person.name.length + 1);
  }
  return parts;
}
