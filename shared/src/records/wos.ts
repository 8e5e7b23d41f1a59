// Web of Science "plain text" (field-tagged) export, which is not RIS though it is often
// saved as .txt or even .ris: `FN Clarivate Analytics Web of Science`, `VR 1.0`, then
// records of two-letter tags and one space (`PT J`, `AU Kassin, SM`) whose values go on over
// lines indented by three spaces, each record closed by a bare `ER`, the file by `EF`.
import { TaggedRecordBuilder, textLines, type TaggedRecord } from "./tagged";

const TAG_LINE = /^([A-Z][A-Z0-9])(?: (.*))?$/;
const CONTINUATION = /^ {3}(.*)$/;
/** Tags with one item per line (authors, addresses, cited references); the rest is wrapped prose. */
const LIST_TAGS = new Set(["AU", "AF", "BA", "BF", "CA", "GP", "BE", "C1", "C3", "CR", "EM", "RI", "OI", "FU"]);

export function looksLikeWos(lines: readonly string[]): boolean {
  const first = lines.find((line) => line.trim() !== "")?.replace(/^\uFEFF/, "") ?? "";
  return /^FN /.test(first) || (/^PT [A-Z]$/.test(first) && lines.some((line) => line === "ER"));
}

export function readWos(text: string): { records: TaggedRecord[]; skippedLines: number } {
  const builder = new TaggedRecordBuilder();
  let skippedLines = 0;
  textLines(text).forEach((raw, index) => {
    const line = raw.trimEnd();
    if (line === "") return;
    const continued = CONTINUATION.exec(line);
    if (continued) {
      // A list tag's continuation is its next item; prose was only wrapped.
      const separator = LIST_TAGS.has(builder.lastTagName ?? "") ? "\n" : " ";
      if (!builder.continueValue(continued[1]!.trim(), separator)) skippedLines++;
      return;
    }
    const tagged = TAG_LINE.exec(line);
    if (!tagged) {
      skippedLines++;
      return;
    }
    const tag = tagged[1]!;
    if (tag === "FN" || tag === "VR" || tag === "EF") return;
    if (tag === "ER") {
      if (builder.open) builder.finish(true);
      return;
    }
    if (tag === "PT" || !builder.open) builder.start(index + 1);
    builder.add(tag, (tagged[2] ?? "").trim());
  });
  builder.finish(false);
  return { records: builder.records, skippedLines };
}
