// Input checks shared by every coded-text statistic. Offsets are UTF-16 code units, as in
// JavaScript strings and the Yjs text the editor holds.

import { AgreementInputError } from "../errors";
import type { Segment } from "../types";

/**
 * Coded-text input that cannot be analysed; `index` is the offending segment's position.
 * An AgreementInputError, so the server and CLI handle one error family.
 */
export class TextAgreementInputError extends AgreementInputError {
  constructor(
    message: string,
    readonly index?: number,
  ) {
    super(message);
    this.name = "TextAgreementInputError";
  }
}

/** The most coders the bitmask sweeps (one bit per coder) can hold. */
export const MAX_CODERS = 30;

/** Coders and codes of a checked input, in first-seen order unless declared. */
export interface CheckedSegments {
  coders: string[];
  codes: string[];
}

export interface CoderOptions {
  /**
   * Every coder who took part, including one who coded nothing: their silence is data.
   * Defaults to the coders seen in the segments.
   */
  coders?: string[];
}

/** Throws TextAgreementInputError unless every segment lies in [0, length] with start < end. */
export function checkSegments(length: number, segments: readonly Segment[], options: CoderOptions = {}): CheckedSegments {
  if (!Number.isInteger(length) || length < 1) {
    throw new TextAgreementInputError(`The text length must be a positive whole number, not ${String(length)}.`);
  }
  const coders = new Set(options.coders ?? []);
  const codes = new Set<string>();
  segments.forEach((segment, index) => {
    const { coder, code, start, end } = segment;
    const where = `Segment ${index + 1} (coder "${coder}", code "${code}")`;
    if (typeof coder !== "string" || coder === "") throw new TextAgreementInputError(`Segment ${index + 1} has no coder.`, index);
    if (typeof code !== "string" || code === "") throw new TextAgreementInputError(`Segment ${index + 1} has no code.`, index);
    if (!Number.isInteger(start) || !Number.isInteger(end)) {
      throw new TextAgreementInputError(`${where}: start and end must be whole numbers.`, index);
    }
    if (start < 0 || end > length) {
      throw new TextAgreementInputError(`${where}: [${start}, ${end}) lies outside the text [0, ${length}).`, index);
    }
    if (start >= end) throw new TextAgreementInputError(`${where}: start ${start} is not before end ${end}.`, index);
    if (options.coders && !coders.has(coder)) {
      throw new TextAgreementInputError(`${where}: coder "${coder}" is not among the declared coders.`, index);
    }
    coders.add(coder);
    codes.add(code);
  });
  if (coders.size > MAX_CODERS) {
    throw new TextAgreementInputError(`At most ${MAX_CODERS} coders can be compared at once; found ${coders.size}.`);
  }
  if (coders.size < 2) {
    throw new TextAgreementInputError(
      `Agreement needs at least two coders; found ${coders.size === 0 ? "none" : `only "${[...coders][0]}"`}.`,
    );
  }
  return { coders: [...coders], codes: [...codes] };
}
