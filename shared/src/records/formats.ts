// Which tags feed which field, per tagged format. RIS is written differently by every
// database (Ovid: T1, A1, N2, JF, Y1; Scopus: TI, AU, AB, T2, PY), so each field lists its
// tags best first.
import { pagesFrom } from "./fields";
import { allOf, buildRecord, firstOf, taggedOf } from "./normalise";
import { RIS_TAGS, RIS_TYPES } from "./ris";
import type { TaggedRecord } from "./tagged";
import type { BibRecord, RawTags, RecordFlag } from "./types";

/** Authors written one per line, or several in one value separated by semicolons. */
function splitAuthors(values: string[]): string[] {
  return values.flatMap((value) => value.split(/\n|;/)).filter((a) => a.trim() !== "");
}

/** URLs that are DOIs (Zotero and EndNote sometimes give the DOI only as its link). */
function doiLinks(raw: RawTags, tags: readonly string[]) {
  return taggedOf(raw, tags).filter(({ value }) => /doi\.org\/10\./i.test(value));
}

function risDatabase(raw: RawTags): string | undefined {
  const named = firstOf(raw, ["DB", "DP"]);
  if (named) return named;
  if (raw.AN?.some((an) => an.startsWith("WOS:"))) return "Web of Science";
  if (allOf(raw, ["UR", "L2"]).some((url) => /ovid/i.test(url))) return "Ovid";
  return undefined;
}

function endFlag(record: TaggedRecord): RecordFlag[] {
  if (record.ended) return [];
  return [{ field: "ER", code: "no_end", severity: "check", message: "The record had no end line (ER) before the next one began or the file ended: check that it is complete." }];
}

export function risRecord(record: TaggedRecord): BibRecord {
  const raw = record.tags;
  const flags: RecordFlag[] = [];
  const unknown = Object.keys(raw).filter((tag) => !RIS_TAGS.has(tag));
  if (unknown.length > 0) {
    flags.push({ field: "tags", code: "unknown_tags", severity: "note", message: `Tags outside the RIS specification were kept as they are: ${unknown.join(", ")}.` });
  }
  const type = firstOf(raw, ["TY"])?.trim();
  if (type && !RIS_TYPES.has(type)) {
    flags.push({ field: "TY", code: "unknown_type", severity: "note", message: `“${type}” is not a RIS reference type; it was kept as it is.` });
  }
  return buildRecord(
    {
      type,
      title: firstOf(raw, ["TI", "T1", "CT", "BT", "ST"]),
      authors: splitAuthors(allOf(raw, ["AU", "A1"])),
      years: taggedOf(raw, ["PY", "Y1", "DA"]),
      journal: firstOf(raw, ["JF", "T2", "JO", "JA", "J2", "J1"]),
      volume: firstOf(raw, ["VL", "VO"]),
      issue: firstOf(raw, ["IS"]),
      pages: pagesFrom(firstOf(raw, ["SP"]), firstOf(raw, ["EP"])),
      dois: [...taggedOf(raw, ["DO"]), ...doiLinks(raw, ["UR", "L2", "L3"])],
      abstract: firstOf(raw, ["AB", "N2"]),
      keywords: allOf(raw, ["KW"]),
      database: risDatabase(raw),
    },
    raw,
    [...flags, ...endFlag(record)],
  );
}

export function medlineRecord(record: TaggedRecord): BibRecord {
  const raw = record.tags;
  return buildRecord(
    {
      type: firstOf(raw, ["PT"]),
      title: firstOf(raw, ["TI", "BTI"]),
      authors: allOf(raw, raw.FAU ? ["FAU"] : ["AU"]),
      years: taggedOf(raw, ["DP", "DEP"]),
      journal: firstOf(raw, ["JT", "TA"]),
      volume: firstOf(raw, ["VI"]),
      issue: firstOf(raw, ["IP"]),
      pages: pagesFrom(firstOf(raw, ["PG"]), undefined),
      // LID and AID list every identifier with its kind in brackets: "10.1002/cpp.2398 [doi]", "S0022-… [pii]".
      dois: taggedOf(raw, ["LID", "AID"]).filter(({ value }) => /\[doi\]\s*$/i.test(value)),
      abstract: firstOf(raw, ["AB"]),
      keywords: allOf(raw, ["OT", "MH"]),
      database: "PubMed",
    },
    raw,
  );
}

export function wosRecord(record: TaggedRecord): BibRecord {
  const raw = record.tags;
  return buildRecord(
    {
      type: firstOf(raw, ["DT", "PT"]),
      title: firstOf(raw, ["TI"]),
      authors: splitAuthors(allOf(raw, raw.AF ? ["AF"] : ["AU"])),
      years: taggedOf(raw, ["PY", "EA", "PD"]),
      journal: firstOf(raw, ["SO"]),
      volume: firstOf(raw, ["VL"]),
      issue: firstOf(raw, ["IS"]),
      pages: pagesFrom(firstOf(raw, ["BP", "AR"]), firstOf(raw, ["EP"])),
      dois: taggedOf(raw, ["DI"]),
      abstract: firstOf(raw, ["AB"]),
      keywords: allOf(raw, ["DE", "ID"]),
      database: "Web of Science",
    },
    raw,
    endFlag(record),
  );
}
