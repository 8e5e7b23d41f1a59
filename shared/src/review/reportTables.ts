// The tables a review's write-up needs, as plain rows and columns that every export format
// (DOCX, XLSX, CSV) writes the same way: the quality appraisal scoring table (one column per
// paper, one row per scored question, then the total and grade — the thesis's Table 5) and
// the study-characteristics table (one row per included study — its Table 4). Pure: no I/O.
import { scoreAppraisal, type Checklist } from "../appraisal/checklist";

export interface ReportTable {
  title: string;
  header: string[];
  rows: string[][];
  /** A line under the table: what the numbers mean. */
  note?: string;
}

export interface AppraisedPaper {
  /** How the paper is named in the table's header, e.g. its number in the review. */
  label: string;
  /** The agreed answers (the consensus where the paper was double rated). */
  answers: Record<string, string>;
  /** The checklist version the paper was appraised against, when not the table's. */
  checklist?: Checklist;
}

/** Points as the write-up prints them: 1, .5, 0. */
function points(value: number): string {
  const text = String(Math.round(value * 100) / 100);
  return text.startsWith("0.") ? text.slice(1) : text;
}

/**
 * Table 5's shape: scored questions down, papers across, a paper's total and grade at the
 * foot. Each paper is scored with the checklist version it was appraised against; a question
 * only another version counts gets its own row, marked "–" for the papers whose version lacks it.
 */
export function appraisalScoringTable(checklist: Checklist, papers: AppraisedPaper[]): ReportTable {
  const scoring = checklist.scoring;
  // A team may define a checklist that records answers without scoring them.
  if (!scoring) return { title: `${checklist.name}: scores per paper`, header: ["Question"], rows: [], note: `${checklist.name} has no scoring: its answers are recorded, not scored.` };
  const checklistOf = (paper: AppraisedPaper) => paper.checklist ?? checklist;
  const questionNumber = (key: string) => {
    const index = checklist.questions.findIndex((q) => q.key === key);
    return index >= 0 ? String(index + 1) : key;
  };
  const counted = [...new Set([scoring, ...papers.map((paper) => checklistOf(paper).scoring)].flatMap((s) => s?.counted ?? []))];
  const scores = papers.map((paper) => scoreAppraisal(checklistOf(paper), paper.answers));
  const rows = counted.map((key) => [
    questionNumber(key),
    ...papers.map((paper) => {
      const own = checklistOf(paper).scoring;
      if (!own?.counted.includes(key)) return "–";
      return paper.answers[key] === undefined ? "" : points(own.points[paper.answers[key]!] ?? 0);
    }),
  ]);
  rows.push(["Total", ...scores.map((score) => (score ? points(score.total) : "–"))]);
  rows.push(["Grade", ...scores.map((score) => score?.grade?.grade ?? "")]);
  const bands = scoring.grades.map((g) => `${g.grade}: ${g.description}`).join("; ");
  const others = papers.filter((paper) => paper.checklist && (paper.checklist.key !== checklist.key || paper.checklist.version !== checklist.version));
  const otherVersions = [...new Set(others.map((paper) => `${paper.checklist!.name} (version ${paper.checklist!.version})`))].map(
    (name) => ` Appraised with ${name}: ${others.filter((paper) => `${paper.checklist!.name} (version ${paper.checklist!.version})` === name).map((paper) => paper.label).join(", ")}.`,
  );
  return {
    title: `${checklist.name}: scores per paper`,
    header: ["Question", ...papers.map((paper) => paper.label)],
    rows,
    note: `Points per answer: ${Object.entries(scoring.points)
      .map(([answer, value]) => `${checklist.questions[0]?.answers.find((o) => o.key === answer)?.label ?? answer} ${points(value)}`)
      .join(", ")}. Grades: ${bands}. A blank cell is a question not answered yet.${otherVersions.join("")}`,
  };
}

/** The extraction fields of the study-characteristics table, in the thesis's order. */
export const STUDY_FIELDS = [
  { key: "authors", label: "Authors and country" },
  { key: "title", label: "Title" },
  { key: "aims", label: "Aims" },
  { key: "sample", label: "Sample" },
  { key: "setting", label: "Setting" },
  { key: "dataCollection", label: "Data collection" },
  { key: "analysis", label: "Analysis" },
  { key: "keyConcepts", label: "Key concepts" },
] as const;

export type StudyField = (typeof STUDY_FIELDS)[number]["key"];

export interface IncludedStudy {
  fields: Partial<Record<StudyField, string>>;
  /** The appraisal's total and grade, e.g. "7 (B)"; empty until appraised. */
  appraisal: string;
}

/**
 * Table 4's shape: one row per included study, numbered as in the scoring table; the quality
 * column is named for the checklist the studies were appraised with (`checklistName`).
 */
export function studyCharacteristicsTable(studies: IncludedStudy[], checklistName: string): ReportTable {
  return {
    title: "Characteristics of the included studies",
    header: ["Study", ...STUDY_FIELDS.map((f) => f.label), `Quality (${checklistName})`],
    rows: studies.map((study, index) => [String(index + 1), ...STUDY_FIELDS.map((f) => study.fields[f.key] ?? ""), study.appraisal]),
  };
}

/** RFC 4180 CSV, with a formula-looking cell defused so a spreadsheet never runs it. */
export function tableCsv(table: ReportTable): string {
  const cell = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [table.header, ...table.rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}
