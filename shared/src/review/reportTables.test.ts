import { describe, expect, it } from "vitest";
import { CASP_QUALITATIVE } from "../appraisal/casp";
import { demoCaspAnswers } from "../appraisal/demoAppraisals";
import { appraisalScoringTable, studyCharacteristicsTable, tableCsv } from "./reportTables";

const papers = Array.from({ length: 12 }, (_, paper) => ({ label: String(paper + 1), answers: demoCaspAnswers(paper) }));

describe("the appraisal scoring table", () => {
  it("reproduces the thesis's Table 5: points per question, totals and grades", () => {
    const table = appraisalScoringTable(CASP_QUALITATIVE, papers);
    expect(table.header).toEqual(["Question", ...papers.map((p) => p.label)]);
    expect(table.rows[2]).toEqual(["3", "1", "1", ".5", "1", "1", "1", ".5", "1", "1", "1", "1", "1"]);
    expect(table.rows[9]).toEqual(["Total", "7", "7", "6.5", "7.5", "7.5", "7", "5.5", "9", "9", "9", "8", "8"]);
    expect(table.rows[10]).toEqual(["Grade", "B", "B", "B", "B", "B", "B", "B", "A", "A", "A", "B", "B"]);
    expect(table.note).toContain("Can't tell .5");
  });

  it("leaves a question not answered yet blank, with no grade", () => {
    const table = appraisalScoringTable(CASP_QUALITATIVE, [{ label: "1", answers: { q1: "yes" } }]);
    expect(table.rows[1]).toEqual(["2", ""]);
    expect(table.rows.at(-1)).toEqual(["Grade", ""]);
  });
});

describe("the study-characteristics table", () => {
  it("has one row per study in the thesis's column order, missing fields blank, the quality column named for the checklist", () => {
    const table = studyCharacteristicsTable([{ fields: { authors: "Hale et al (2019) UK", analysis: "IPA" }, appraisal: "7 (B)" }], "JBI checklist for qualitative research");
    expect(table.header).toEqual(["Study", "Authors and country", "Title", "Aims", "Sample", "Setting", "Data collection", "Analysis", "Key concepts", "Quality (JBI checklist for qualitative research)"]);
    expect(table.rows).toEqual([["1", "Hale et al (2019) UK", "", "", "", "", "", "IPA", "", "7 (B)"]]);
  });
});

describe("CSV of a table", () => {
  it("quotes commas, quotes and line breaks, and defuses formulas", () => {
    const csv = tableCsv({ title: "t", header: ["a", "b"], rows: [["x, y", 'say "hi"'], ["=HYPERLINK(1)", "two\nlines"]] });
    expect(csv).toBe('a,b\r\n"x, y","say ""hi"""\r\n\'=HYPERLINK(1),"two\nlines"\r\n');
  });
});
