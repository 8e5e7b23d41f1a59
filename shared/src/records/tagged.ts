// What the line-tagged formats (RIS, MEDLINE, Web of Science plain text) have in common: a
// record is a list of tags with their values in file order, and a value may go on over
// untagged lines. Each format's reader fills one of these per record.
import { RECORD_LIMITS, RecordsFileError, type RawTags } from "./types";

export interface TaggedRecord {
  tags: RawTags;
  /** The file line (from 1) the record starts on. */
  line: number;
  /** False when the file gave no end line (RIS `ER`, WoS `ER`) for it. */
  ended: boolean;
}

/** Builds records line by line and holds the file to the record limit. */
export class TaggedRecordBuilder {
  readonly records: TaggedRecord[] = [];
  private current: TaggedRecord | null = null;
  private lastTag: string | null = null;

  get open(): boolean {
    return this.current !== null;
  }

  /** The tag the last value was given under, in the open record. */
  get lastTagName(): string | null {
    return this.lastTag;
  }

  start(line: number): void {
    if (this.current) this.finish(false);
    if (this.records.length >= RECORD_LIMITS.records) {
      throw new RecordsFileError(
        `This file holds more than ${RECORD_LIMITS.records.toLocaleString("en")} records, more than one import may bring in. Export the search in smaller parts and import each.`,
        "too_many",
      );
    }
    this.current = { tags: {}, line, ended: false };
    this.lastTag = null;
  }

  add(tag: string, value: string): void {
    if (!this.current) return;
    (this.current.tags[tag] ??= []).push(value);
    this.lastTag = tag;
  }

  /** Appends an untagged line to the value before it, joined by `separator`. False outside a value. */
  continueValue(text: string, separator: string): boolean {
    const values = this.current && this.lastTag ? this.current.tags[this.lastTag] : undefined;
    if (!values || values.length === 0) return false;
    const last = values.length - 1;
    values[last] = values[last] === "" ? text : `${values[last]}${separator}${text}`;
    return true;
  }

  finish(ended: boolean): void {
    if (!this.current) return;
    this.current.ended = ended;
    this.records.push(this.current);
    this.current = null;
    this.lastTag = null;
  }
}

/** Lines of a text whatever its line endings (CRLF from Windows, LF, or old Mac CR). */
export function textLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
