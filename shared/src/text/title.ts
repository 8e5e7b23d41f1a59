// The one rule for short texts people give things — project and document titles, token
// names, people's names — used by the server to refuse them and by the client to say why
// before sending. A title is shown to everyone in the project, so it must not be able to
// hide (nothing visible), disguise itself (text direction reversed), break a line or a
// terminal (control characters), or be stored differently from what was typed (a broken
// surrogate becomes U+FFFD in UTF-8). Pure: no I/O.

export type TitleProblem = "empty" | "too_long" | "control" | "bidi" | "broken";

export type TitleCheck = { ok: true; value: string } | { ok: false; problem: TitleProblem; message: string };

/** C0 and C1 controls (NUL, line breaks, tab, escape, DEL…). */
const CONTROL = /\p{Cc}/u;
/**
 * Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder the text
 * around them ("Trojan Source"). The marks U+200E/U+200F/U+061C, which only nudge
 * neighbouring punctuation in mixed Arabic/Hebrew and Latin text, stay allowed.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/**
 * What shows nothing on screen: white space, format characters (zero-width space and
 * joiners, soft hyphen, byte-order mark…) and the Hangul and Braille blanks.
 */
const INVISIBLE = /[\p{White_Space}\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]/gu;
const EDGE_INVISIBLE = /^[\p{White_Space}\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]+|[\p{White_Space}\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]+$/gu;

/**
 * Checks a title and returns it normalised (NFC, invisible characters trimmed from both
 * ends), or the problem in plain words. `what` names the field in the message
 * ("The project title"), `max` is its length in characters.
 */
export function checkTitle(raw: string, what: string, max: number): TitleCheck {
  if (LONE_SURROGATE.test(raw)) {
    return { ok: false, problem: "broken", message: `${what} contains a broken character. Retype it and try again.` };
  }
  if (CONTROL.test(raw)) {
    return { ok: false, problem: "control", message: `${what} cannot contain control characters such as line breaks, tabs or NUL.` };
  }
  if (BIDI_CONTROL.test(raw)) {
    return {
      ok: false,
      problem: "bidi",
      message: `${what} cannot contain characters that change the direction of the text around them (bidirectional overrides).`,
    };
  }
  const value = raw.normalize("NFC").replace(EDGE_INVISIBLE, "");
  if (value.replace(INVISIBLE, "") === "") {
    return { ok: false, problem: "empty", message: `${what} needs at least one visible character.` };
  }
  if ([...value].length > max) {
    return { ok: false, problem: "too_long", message: `${what} can be at most ${max} characters long.` };
  }
  return { ok: true, value };
}

/** The limits each kind of title has, shared by the server's checks and the client's forms. */
export const TITLE_LIMITS = {
  project: { what: "The project title", max: 200 },
  document: { what: "The transcript title", max: 300 },
  tokenName: { what: "The token name", max: 120 },
  personName: { what: "Your name", max: 120 },
  recordTitle: { what: "The record's title", max: 2_000 },
  /** The database a file of records came from ("Scopus", "PsycINFO via Ovid", "Hand search"). */
  recordSource: { what: "The source", max: 100 },
} as const;
