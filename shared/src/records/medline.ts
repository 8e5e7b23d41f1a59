// PubMed's MEDLINE format (.nbib, "PubMed" export): a tag of up to four letters padded to
// four, "- ", the value; a value wraps onto lines indented by six spaces; records are
// separated by blank lines and start with `PMID-`.
import { TaggedRecordBuilder, textLines, type TaggedRecord } from "./tagged";

const TAG_LINE = /^([A-Z][A-Z0-9]{1,3}) *- (.*)$/;
const CONTINUATION = /^ {2,}(\S.*)$/;

export function looksLikeMedline(lines: readonly string[]): boolean {
  return lines.some((line) => /^PMID- ?\d/.test(line));
}

export function readMedline(text: string): { records: TaggedRecord[]; skippedLines: number } {
  const builder = new TaggedRecordBuilder();
  let skippedLines = 0;
  textLines(text).forEach((raw, index) => {
    const line = raw.trimEnd();
    if (line === "") {
      builder.finish(true);
      return;
    }
    const tagged = TAG_LINE.exec(line);
    if (tagged) {
      const tag = tagged[1]!;
      if (tag === "PMID" || !builder.open) builder.start(index + 1);
      builder.add(tag, tagged[2]!.trim());
      return;
    }
    const continued = CONTINUATION.exec(line);
    // Wrapped lines are one value broken for width: joined with a space.
    if (!(continued && builder.continueValue(continued[1]!, " "))) skippedLines++;
  });
  builder.finish(true);
  return { records: builder.records, skippedLines };
}
