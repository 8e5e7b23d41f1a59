import { describe, expect, it } from "vitest";
import { CASP_QUALITATIVE } from "./casp";
import { demoCaspAnswers as answersOfPaper } from "./demoAppraisals";
import { ChecklistSchema, appraisalProblems, scoreAppraisal, type ChecklistInput } from "./checklist";

// DOMAIN.md, Table 5 of the thesis: totals and grades of papers 1–12.
const TOTALS = [7, 7, 6.5, 7.5, 7.5, 7, 5.5, 9, 9, 9, 8, 8];
const GRADES = ["B", "B", "B", "B", "B", "B", "B", "A", "A", "A", "B", "B"];

describe("the CASP qualitative checklist", () => {
  it("reproduces the thesis's totals and grades for all twelve papers", () => {
    const scores = TOTALS.map((_, paper) => scoreAppraisal(CASP_QUALITATIVE, answersOfPaper(paper))!);
    expect(scores.map((s) => s.total)).toEqual(TOTALS);
    expect(scores.map((s) => s.grade?.grade)).toEqual(GRADES);
    expect(scores.every((s) => s.max === 9)).toBe(true);
  });

  it("has ten questions, two of them screening, and records 10A–10C without scoring them", () => {
    expect(CASP_QUALITATIVE.questions).toHaveLength(10);
    expect(CASP_QUALITATIVE.questions.filter((q) => q.screening).map((q) => q.key)).toEqual(["q1", "q2"]);
    const withPrompts = { ...answersOfPaper(7), "q10.a": "yes", "q10.b": "no", "q10.c": "yes" };
    expect(appraisalProblems(CASP_QUALITATIVE, { answers: withPrompts, comments: { q10: "Useful for practice." } })).toEqual([]);
    expect(scoreAppraisal(CASP_QUALITATIVE, withPrompts)!.total).toBe(9);
  });

  it("grades only a complete appraisal and says what is unanswered", () => {
    const partial = scoreAppraisal(CASP_QUALITATIVE, { q1: "yes", q2: "yes" })!;
    expect(partial).toMatchObject({ total: 2, grade: null });
    expect(partial.unanswered).toEqual(["q3", "q4", "q5", "q6", "q7", "q8", "q9"]);
  });

  it("names answers to questions the checklist lacks and answers it does not offer", () => {
    const problems = appraisalProblems(CASP_QUALITATIVE, {
      answers: { q11: "yes", q3: "partly", "q10.d": "yes", "q1.a.b": "yes" },
      comments: { q12: "?", q4: "x".repeat(5_001) },
    });
    expect(problems).toEqual([
      '"q11" is not a question of CASP qualitative studies checklist.',
      "\"partly\" is not an answer to \"q3\"; choose one of Yes, Can't tell, No.",
      'Question "q10" of CASP qualitative studies checklist has no prompt "d".',
      '"q1.a.b" is not a question of CASP qualitative studies checklist.',
      '"q12" is not a question of CASP qualitative studies checklist.',
      'The comment on "q4" is longer than 5,000 characters.',
    ]);
  });
});

describe("checklists defined by a team", () => {
  const own: ChecklistInput = {
    key: "our-jbi",
    version: 2,
    name: "JBI qualitative (our scoring)",
    questions: [
      { key: "c1", label: "Congruity between philosophy and methodology?", answers: [{ key: "yes", label: "Yes" }, { key: "unclear", label: "Unclear" }, { key: "no", label: "No" }] },
      { key: "c2", label: "Congruity between methodology and question?", answers: [{ key: "yes", label: "Yes" }, { key: "no", label: "No" }] },
    ],
    scoring: {
      points: { yes: 2, unclear: 1 },
      counted: ["c1", "c2"],
      grades: [
        { grade: "High", min: 3, description: "High quality" },
        { grade: "Low", min: 0, description: "Low quality" },
      ],
    },
  };

  it("score with their own points and bands", () => {
    const checklist = ChecklistSchema.parse(own);
    expect(scoreAppraisal(checklist, { c1: "unclear", c2: "yes" })).toMatchObject({ total: 3, max: 4, grade: { grade: "High" } });
    expect(scoreAppraisal(checklist, { c1: "no", c2: "yes" })).toMatchObject({ total: 2, grade: { grade: "Low" } });
  });

  it("may have no scoring at all", () => {
    expect(scoreAppraisal(ChecklistSchema.parse({ ...own, scoring: undefined }), { c1: "yes" })).toBeNull();
  });

  it("are refused with the reason when they contradict themselves", () => {
    const messages = (input: unknown) => {
      const result = ChecklistSchema.safeParse(input);
      return result.success ? [] : result.error.issues.map((i) => i.message);
    };
    expect(messages({ ...own, questions: [own.questions[0], own.questions[0]] })).toContain('Two questions share the key "c1".');
    expect(messages({ ...own, scoring: { ...own.scoring, counted: ["c9"] } })).toContain('The scoring counts "c9", which is not a question of the checklist.');
    expect(messages({ ...own, scoring: { ...own.scoring, grades: [...own.scoring!.grades].reverse() } })).toContain(
      "List the grades from the highest band down, each with a lower minimum.",
    );
    expect(messages({ ...own, questions: [{ key: "c1", label: "Nothing to record" }], scoring: undefined })).toContain(
      'Question "c1" needs answers or prompts to record.',
    );
    expect(messages({ ...own, key: "Our JBI!" })).toContain("Use lowercase letters, digits, - and _ for keys.");
    const yesNo = [
      { key: "yes", label: "Yes" },
      { key: "no", label: "No" },
    ];
    const prompted = (prompts: unknown[]) => ({ ...own, questions: [...own.questions, { key: "c3", label: "Valuable?", prompts }] });
    expect(messages(prompted([{ key: "a", label: "For practice?", answers: yesNo }, { key: "a", label: "For policy?", answers: yesNo }]))).toContain('Two prompts of question "c3" share the key "a".');
    expect(messages(prompted([{ key: "a", label: "For practice?", answers: [yesNo[0], yesNo[0]] }]))).toContain('Question "c3" offers two answers with the same key.');
    expect(messages(prompted([{ key: "a", label: "For practice?", answers: yesNo }, { key: "b", label: "For policy?", answers: yesNo }]))).toEqual([]);
  });
});
