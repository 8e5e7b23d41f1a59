// Bytes of an uploaded export → text. Reference managers on Windows write a byte-order mark,
// EndNote can write UTF-16, and older exports are Windows-1252; a PDF, a Word file or a zip
// sent by mistake is told apart from text and refused in words that say what to do instead.
import { RecordsFileError } from "./types";

const EXPORT_HINT = "Export the records from the database as RIS (.ris), PubMed (.nbib), Web of Science plain text or CSV, and import that file.";

/** Magic numbers of files people send instead of an export, and what to call them. */
const KNOWN_BINARIES: [bytes: number[], what: string][] = [
  [[0x25, 0x50, 0x44, 0x46], "a PDF"],
  [[0x50, 0x4b, 0x03, 0x04], "a zip archive (an Excel or Word file is one)"],
  [[0xd0, 0xcf, 0x11, 0xe0], "an old Office file (.xls or .doc)"],
  [[0x1f, 0x8b], "a gzip archive"],
  [[0x89, 0x50, 0x4e, 0x47], "a PNG image"],
  [[0xff, 0xd8, 0xff], "a JPEG image"],
];

/** More control characters than this share of the text means it is not a text export. */
const MAX_CONTROL_SHARE = 0.01;

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function notText(what = "not a text export"): RecordsFileError {
  return new RecordsFileError(`This file is ${what}, so it holds no records Concord can read. ${EXPORT_HINT}`, "not_text");
}

/** Control characters other than tab, line breaks and form feed. */
function controlCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || (c >= 127 && c < 160)) count++;
  }
  return count;
}

export interface DecodedText {
  text: string;
  windows1252: boolean;
}

/** The file's text without its byte-order mark; refuses empty and binary files. */
export function decodeRecordsText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new RecordsFileError(`This file is empty. ${EXPORT_HINT}`, "empty");
  let text: string;
  let windows1252 = false;
  if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder("utf-16le").decode(bytes);
  else if (startsWith(bytes, [0xfe, 0xff])) text = new TextDecoder("utf-16be").decode(bytes);
  else {
    const binary = KNOWN_BINARIES.find(([magic]) => startsWith(bytes, magic));
    if (binary) throw notText(binary[1]);
    if (bytes.includes(0)) throw notText();
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder("windows-1252").decode(bytes);
      windows1252 = true;
    }
  }
  text = text.replace(/^\uFEFF/, "");
  if (controlCount(text) > text.length * MAX_CONTROL_SHARE) throw notText();
  if (text.trim() === "") throw new RecordsFileError(`This file is empty. ${EXPORT_HINT}`, "empty");
  return { text, windows1252 };
}

export { EXPORT_HINT };
