// The demo review's appraisals: the CASP points the thesis gave its twelve included papers
// (DOMAIN.md, Table 5: rows are questions 1–9, columns papers 1–12), as answers. The demo
// project is seeded from these, and tests check the scoring and tables reproduce them.
export const DEMO_CASP_POINTS: readonly (readonly number[])[] = [
  [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  [1, 1, 0.5, 1, 1, 1, 0.5, 1, 1, 1, 1, 1],
  [1, 1, 1, 1, 0.5, 1, 1, 1, 1, 1, 1, 1],
  [1, 1, 0.5, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0],
  [0, 0, 1, 0.5, 1, 0, 0, 1, 1, 1, 1, 1],
  [1, 1, 0.5, 1, 1, 1, 0, 1, 1, 1, 1, 1],
  [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
];

const ANSWER_OF_POINTS: Record<number, string> = { 1: "yes", 0.5: "cant_tell", 0: "no" };

/** The CASP answers (q1–q9) that earn paper `paper`'s points (0-based). */
export function demoCaspAnswers(paper: number): Record<string, string> {
  return Object.fromEntries(DEMO_CASP_POINTS.map((row, q) => [`q${q + 1}`, ANSWER_OF_POINTS[row[paper]!]!]));
}
