// RIS as the databases really write it (Scopus, Ovid, Web of Science, CINAHL/EBSCO, EndNote,
// Zotero). A record runs from `TY  -` to `ER  -`. What the specification does not say, and
// exports do anyway:
// - untagged lines continue the value before them (Scopus's cited references run over
//   hundreds; Web of Science's citation counts over three): they are appended, never dropped;
// - text outside records (Ovid numbers each record "1." and follows it with an `NL` line and
//   a link) is skipped and counted;
// - blank lines may stand inside a record, so records are never split on blank lines;
// - a record may lack its `ER` line: it ends where the next `TY` begins, and is flagged;
// - the value separator is sometimes one space short (`TY - JOUR`, `ER  -` with nothing after).
import { TaggedRecordBuilder, textLines, type TaggedRecord } from "./tagged";

const TAG_LINE = /^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$/;

/** The tags of the RIS specification (RefMan 2011). Others are kept, and noted as unknown. */
export const RIS_TAGS = new Set(
  (
    "TY A1 A2 A3 A4 AB AD AN AU AV BT C1 C2 C3 C4 C5 C6 C7 C8 CA CN CP CT CY DA DB DO DP ED EP ET ID IS J1 J2 JA JF JO " +
    "KW L1 L2 L3 L4 LA LB LK M1 M2 M3 N1 N2 NV OP PB PP PY RI RN RP SE SN SP ST T1 T2 T3 TA TI TT U1 U2 U3 U4 U5 UR VL VO Y1 Y2 ER"
  ).split(" "),
);

/** The reference types of the specification (`TY` values). */
export const RIS_TYPES = new Set(
  (
    "ABST ADVS AGGR ANCIENT ART BILL BLOG BOOK CASE CHAP CHART CLSWK COMP CONF CPAPER CTLG DATA DBASE DICT EBOOK ECHAP EDBOOK EJOUR " +
    "ELEC ENCYC EQUA FIGURE GEN GOVDOC GRANT HEAR ICOMM INPR JFULL JOUR LEGAL MANSCPT MAP MGZN MPCT MULTI MUSIC NEWS PAMP PAT PCOMM " +
    "RPRT SER SLIDE SOUND STAND STAT THES UNBILL UNPB VIDEO WEB"
  ).split(" "),
);

export interface RisRead {
  records: TaggedRecord[];
  skippedLines: number;
}

/** Whether a text holds at least one RIS record start. */
export function looksLikeRis(lines: readonly string[]): boolean {
  return lines.some((line) => /^TY {1,2}-/.test(line));
}

export function readRis(text: string): RisRead {
  const builder = new TaggedRecordBuilder();
  let skippedLines = 0;
  textLines(text).forEach((line, index) => {
    const tagged = TAG_LINE.exec(line.trimEnd());
    if (tagged) {
      const tag = tagged[1]!;
      const value = (tagged[2] ?? "").trim();
      if (tag === "TY") {
        builder.start(index + 1);
        builder.add(tag, value);
      } else if (tag === "ER") {
        if (builder.open) builder.finish(true);
        else skippedLines++;
      } else if (builder.open) builder.add(tag, value);
      else skippedLines++;
      return;
    }
    if (line.trim() === "") return;
    // Continuations keep their line break: they are lists (references, keywords) as often as prose.
    if (!(builder.open && builder.continueValue(line.trim(), "\n"))) skippedLines++;
  });
  builder.finish(false);
  return { records: builder.records, skippedLines };
}
