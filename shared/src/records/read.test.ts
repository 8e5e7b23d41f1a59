import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { readRecordsFile } from "./read";
import { RECORD_LIMITS, RecordsFileError, type BibRecord, type FlagCode } from "./types";

/** A fixture written for these tests (fixtures/), read as an upload of that name. */
function readFixture(name: string) {
  return readRecordsFile(new Uint8Array(fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url))), name);
}

const codes = (record: BibRecord): FlagCode[] => record.flags.map((f) => f.code);
const bytes = (text: string) => new TextEncoder().encode(text);

describe("RIS", () => {
  it("reads a Scopus-style export, appending untagged continuation lines to the value before them", () => {
    const file = readFixture("scopus-style.ris");
    expect(file).toMatchObject({ format: "ris", database: "Scopus", skippedLines: 0 });
    expect(file.records).toHaveLength(3);
    const [first, second] = file.records;
    expect(first).toMatchObject({
      type: "JOUR",
      title: "Peer support workers in community mental health teams: A qualitative study of role clarity",
      authors: ["Okafor, N.", "Lindqvist, M.", "Patel, R.K."],
      year: 2021,
      journal: "Journal of Mental Health Practice",
      volume: "31",
      issue: "4",
      pages: "211-224",
      doi: "10.5555/jmhp.2021.0412",
      keywords: ["Peer support", "Role clarity", "Community mental health"],
      flags: [],
    });
    // The references run over three untagged lines: all kept, none taken for a tag or dropped.
    const references = first!.raw.N1!.find((n) => n.startsWith("References:"))!;
    expect(references.split("\n")).toHaveLength(4);
    expect(references).toContain("Dufresne, A., What peers do (2020)");
    expect(first!.raw.N1).toHaveLength(2);
    expect(second!.title).toBe("Exercise, sleep and mood–anxiety symptoms in nursing staff: a longitudinal cohort");
    expect(second!.authors).toEqual(["Brennan, S.", "Müller, K."]);
  });

  it("reads an Ovid export: skips the numbering and links outside records, strips DOI URLs given twice", () => {
    const file = readFixture("ovid-style.ris");
    expect(file.records).toHaveLength(2);
    // "1.", "NL  - …" and "Link to the Ovid Full Text…" after each record (the blank lines do not count).
    expect(file.skippedLines).toBe(6);
    const [first, second] = file.records;
    expect(first).toMatchObject({
      title: "Trusted autonomy and job satisfaction among inpatient mental health nurses.",
      authors: ["Achterberg, Lotte M", "O'Donnell, Siobhan", "Nakamura, Ken"],
      year: 2018,
      journal: "Journal of Psychiatric Nursing Research",
      doi: "10.5555/cpp.1001",
      // "SP  - No" / "EP  - Specified" is Ovid's way of saying it has no pages.
      pages: null,
    });
    expect(first!.abstract).toMatch(/^Nurses on acute wards/);
    expect(first!.raw.DO).toEqual(["http://dx.doi.org/10.5555/CPP.1001", "http://dx.doi.org/10.5555/CPP.1001"]);
    expect(first!.raw.M1).toHaveLength(2);
    expect(codes(first!)).toEqual(["year_tidied", "unknown_tags"]);
    expect(first!.flags[0]!.message).toBe("Year read as 2018 from “2018//”.");
    expect(first!.flags[1]!.message).toMatch(/: AI\.$/);
    expect(second).toMatchObject({ doi: "10.5555/cpp.2002", pages: "15-29", volume: "7", issue: "2" });
  });

  it("reads a file with a byte-order mark and CRLF, a blank line inside a record and a last record without ER", () => {
    const file = readFixture("windows-notes.ris");
    expect(file.records.map((r) => r.title)).toEqual([
      "Team integration in early intervention services",
      null,
      "Staff interactions on the ward: a service evaluation",
      "Notes with “curly quotes”, é, ß, € and ÿ",
    ]);
    expect(file.records[0]!.type).toBe("GEN");
    expect(file.records[0]!.raw.N1).toEqual(["First note.", "Second note."]);
    // The blank line does not split the record: the note after it and the year stay with it.
    expect(file.records[2]).toMatchObject({ year: 2017, raw: { N1: ["A blank line follows, inside the record.", "And the record goes on after it."] } });
    expect(file.records[3]!.raw.N1).toEqual(['"Quoted notes."', "None"]);
    expect(codes(file.records[1]!)).toContain("missing_title");
    expect(file.records[1]!.flags.find((f) => f.code === "missing_title")!.severity).toBe("check");
    expect(codes(file.records[3]!)).toEqual(["no_end"]);
    expect(JSON.stringify(file.records)).not.toContain("\r");
  });

  it("keeps records with odd values and flags each field: unreadable year, not-a-DOI, two DOIs, unknown type, missing ER", () => {
    const [unreadable, slashes, untitled, season] = readFixture("odd-values.ris").records;
    expect(unreadable).toMatchObject({ title: "A year nobody can read", year: null, doi: null });
    expect(unreadable!.flags.map((f) => [f.field, f.code, f.severity])).toEqual([
      ["PY", "year_unreadable", "check"],
      ["DO", "doi_unreadable", "check"],
    ]);
    expect(unreadable!.raw.PY).toEqual(["10 15"]);
    expect(slashes).toMatchObject({ year: 2017, doi: "10.5555/abc.123", type: "Journal Article" });
    expect(codes(slashes!)).toEqual(["year_tidied", "several_dois", "unknown_type"]);
    // "TY - JOUR" (one space short) starts a record; "TI  -" is empty; the next TY begins before any ER.
    expect(untitled).toMatchObject({ title: null, authors: ["Sato, H."], year: 2019 });
    expect(codes(untitled!)).toEqual(["missing_title", "no_end"]);
    expect(season).toMatchObject({ title: "Spring issue, year after the season", year: 2021 });
  });

  it("reads CINAHL (EBSCO) and EndNote exports: DOI from a doi.org link, authors in one line, a leading blank line", () => {
    const [cinahl] = readFixture("cinahl.ris").records;
    expect(cinahl).toMatchObject({ year: 2020, doi: "10.5555/jcmhn.2020.45", database: "cinahl", journal: "Journal of Child Mental Health Nursing", pages: "45-52" });
    const endnote = readFixture("endnote.ris");
    expect(endnote.records).toHaveLength(1);
    expect(endnote.records[0]).toMatchObject({ authors: ["Okafor, N.", "Lindqvist, M."], pages: "211-224", journal: "J Ment Health Pract", doi: "10.5555/jmhp.2021.0412" });
  });
});

describe("PubMed (.nbib)", () => {
  it("reads MEDLINE tags, joining wrapped lines and taking the DOI from LID/AID, not the PII", () => {
    const file = readFixture("pubmed.nbib");
    expect(file).toMatchObject({ format: "medline", database: "PubMed" });
    const [first, second] = file.records;
    expect(first).toMatchObject({
      title: "Peer connection and wellbeing in newly qualified mental health nurses: a mixed methods study.",
      authors: ["Achterberg, Lotte M", "Nakamura, Ken"],
      year: 2019,
      journal: "Journal of psychosomatic research",
      volume: "119",
      pages: "26-33",
      doi: "10.5555/jpr.2019.02.002",
      type: "Journal Article",
    });
    expect(first!.abstract).toBe("Newly qualified nurses described peer connection as what kept them in post. This study combined a survey with interviews.");
    expect(first!.keywords).toEqual(["peer support", "retention", "Humans", "*Nurses/psychology"]);
    expect(second).toMatchObject({ year: 2020, doi: "10.5555/pw.2020.1" });
  });
});

describe("Web of Science plain text", () => {
  it("reads the field-tagged format, whose continuation lines are list items for authors and wrapped prose for titles", () => {
    const file = readFixture("wos-plain.txt");
    expect(file).toMatchObject({ format: "wos", database: "Web of Science" });
    expect(file.records).toHaveLength(2);
    expect(file.records[0]).toMatchObject({
      title: "Peer support workers in community mental health teams: a qualitative study of role clarity",
      authors: ["Okafor, Nkechi", "Lindqvist, Maja"],
      journal: "JOURNAL OF MENTAL HEALTH PRACTICE",
      pages: "211-224",
      doi: "10.5555/jmhp.2021.0412",
      keywords: ["Peer support", "Role clarity", "Community mental health"],
    });
    expect(file.records[1]).toMatchObject({ year: 2018, authors: ["Iversen, T"], flags: [] });
  });
});

describe("CSV", () => {
  it("reads a Scopus CSV with a BOM, CRLF, quoted commas and line breaks, skipping empty rows and keeping an untitled one", () => {
    const file = readFixture("scopus.csv");
    expect(file).toMatchObject({ format: "csv", database: "Scopus" });
    const [first, second, untitled] = file.records;
    expect(file.records).toHaveLength(3);
    expect(first).toMatchObject({
      authors: ["Okafor N.", "Lindqvist M.", "Patel R.K."],
      year: 2021,
      journal: "Journal of Mental Health Practice",
      pages: "211-224",
      doi: "10.5555/jmhp.2021.0412",
      keywords: ["Peer support", "Role clarity"],
      type: "Article",
      abstract: "Peer support workers bring lived experience, and questions, into teams.",
    });
    expect(first!.raw["Author full names"]).toEqual(["Okafor, Nkechi; Lindqvist, Maja; Patel, Ravi K."]);
    expect(second).toMatchObject({ authors: ["Haddad F."], abstract: "An abstract that runs\nover two lines.", doi: null });
    expect(untitled).toMatchObject({ title: null, year: 2022 });
    expect(codes(untitled!)).toEqual(["missing_title"]);
  });

  it("reads semicolon-separated CSV with other header names, keeping unknown columns", () => {
    const [first, grey] = readFixture("semicolon.csv").records;
    expect(first).toMatchObject({ authors: ["Achterberg, Lotte M", "O'Donnell, Siobhan"], year: 2018, doi: "10.5555/cpp.1001" });
    expect(grey).toMatchObject({ title: "Grey literature: a staff wellbeing survey", authors: ["NHS Example Trust"], journal: null });
    expect(grey!.raw["Reviewer notes"]).toEqual(["from the trust website"]);
  });

  it("refuses a CSV with no title or DOI column, naming what it found", () => {
    expect(() => readRecordsFile(bytes("name,age\nAlex,40\n"), "people.csv")).toThrow(/no column Concord knows as a title or a DOI \(its first line names: name, age\)/);
  });
});

describe("whole files that hold no records", () => {
  const refused = (input: Uint8Array, name: string) => {
    try {
      readRecordsFile(input, name);
    } catch (error) {
      expect(error).toBeInstanceOf(RecordsFileError);
      return (error as RecordsFileError).message;
    }
    throw new Error("was not refused");
  };

  it("refuses an empty file, or one of only blank lines", () => {
    expect(refused(new Uint8Array(), "search.ris")).toMatch(/^This file is empty\./);
    expect(refused(bytes("\uFEFF\r\n  \r\n"), "search.ris")).toMatch(/^This file is empty\./);
  });

  it("refuses binary files, naming the common mistakes", () => {
    expect(refused(bytes("%PDF-1.7\n…"), "search.ris")).toMatch(/is a PDF/);
    expect(refused(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "search.ris")).toMatch(/zip archive \(an Excel or Word file is one\)/);
    expect(refused(new Uint8Array([0x54, 0x59, 0x20, 0x20, 0x2d, 0x20, 0, 0, 0x01, 0x02]), "search.ris")).toMatch(/not a text export/);
  });

  it("refuses text that holds no records, and formats it does not read, saying what to export instead", () => {
    expect(refused(bytes("Dear colleague,\nplease find the search attached.\n"), "search.ris")).toMatch(/No records were found in this file.*Export the records/);
    expect(refused(bytes("%0 Journal Article\n%T A title\n"), "x.enw")).toMatch(/EndNote's own tagged format/);
    expect(refused(bytes("@article{key,\n title={A}\n}\n"), "x.bib")).toMatch(/BibTeX/);
  });

  it("refuses a file over the record limit, as a limit", () => {
    const text = "TY  - JOUR\nTI  - A\nER  - \n".repeat(RECORD_LIMITS.records + 1);
    let error: unknown;
    try {
      readRecordsFile(bytes(text), "huge.ris");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RecordsFileError);
    expect((error as RecordsFileError).limit).toBe(true);
    expect((error as RecordsFileError).message).toMatch(/more than 50,000 records/);
  });

  it("reads UTF-16 (EndNote on Windows) and Windows-1252 text", () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[..."TY  - JOUR\r\nTI  - Zoë\r\nER  - \r\n"].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(readRecordsFile(utf16, "a.ris").records[0]!.title).toBe("Zoë");
    const latin = new Uint8Array([...bytes("TY  - JOUR\nTI  - Caf"), 0xe9, ...bytes("\nER  - \n")]);
    const file = readRecordsFile(latin, "a.ris");
    expect(file.windows1252).toBe(true);
    expect(file.records[0]!.title).toBe("Café");
  });
});
