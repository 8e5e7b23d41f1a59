import { describe, expect, test } from "vitest";
import { CASP_QUALITATIVE } from "@concord/shared/appraisal/casp";
import { ChecklistDefinitionSchema } from "@concord/shared/appraisal/checklist";
import { BLANK_DRAFT, definitionOf, definitionProblems, draftOf, keyFrom, moveUp, newPrompt, newQuestion, type Draft } from "./checklistDraft";

const caspCopy = () => draftOf(CASP_QUALITATIVE, { key: "our-casp", name: "Our CASP" });
const withQuestion = (draft: Draft, index: number, change: Partial<Draft["questions"][number]>): Draft => ({
  ...draft,
  questions: draft.questions.map((q, i) => (i === index ? { ...q, ...change } : q)),
});

describe("checklist drafts", () => {
  test("a copy of CASP goes back to the same questions, hints, prompts and scoring under its own key", () => {
    const parsed = ChecklistDefinitionSchema.parse(definitionOf(caspCopy()));
    expect(parsed.key).toBe("our-casp");
    expect(parsed.questions).toEqual(CASP_QUALITATIVE.questions);
    expect(parsed.scoring).toEqual(CASP_QUALITATIVE.scoring);
  });

  test("the blank template with a name and a question is a valid definition", () => {
    const draft = { ...BLANK_DRAFT, key: keyFrom("JBI short", ["casp-qualitative"], "checklist"), name: "JBI short", questions: [{ ...newQuestion([]), label: "Congruity?" }] };
    expect(draft.key).toBe("jbi-short");
    expect(definitionProblems(definitionOf(draft))).toEqual([]);
    expect(keyFrom("JBI short", ["jbi-short"], "checklist")).toBe("jbi-short-2");
  });
});

describe("hints and prompts in a draft", () => {
  test("hints are added, edited, reordered and removed in the order the appraiser will read them", () => {
    const draft = caspCopy();
    const [only] = draft.questions[0]!.hints as [string];
    const added = withQuestion(draft, 0, { hints: [only, "  Whether the aims fit a qualitative design.  ", "A third thought"] });
    // The new second hint moved above the first, the third removed.
    const edited = withQuestion(added, 0, { hints: moveUp(added.questions[0]!.hints, 1).slice(0, 2) });
    const saved = ChecklistDefinitionSchema.parse(definitionOf(edited));
    expect(saved.questions[0]!.hints).toEqual(["Whether the aims fit a qualitative design.", only]);
    // The other questions keep theirs.
    expect(saved.questions[1]!.hints).toEqual(CASP_QUALITATIVE.questions[1]!.hints);
  });

  test("a prompt added to a question takes the next letter, Yes/No answers, and a new answer's key from its label", () => {
    const q10 = caspCopy().questions[9]!;
    expect(q10.prompts.map((p) => p.key)).toEqual(["a", "b", "c"]);
    const added = newPrompt(q10.prompts.map((p) => p.key));
    expect(added).toEqual({ key: "d", label: "", answers: [{ key: "yes", label: "Yes" }, { key: "no", label: "No" }] });
    const prompt = { ...added, label: "Are the findings transferable to other settings?", answers: [...added.answers, { key: "", label: "Not discussed" }, { key: "", label: "Not discussed" }] };
    const draft = withQuestion(caspCopy(), 9, { prompts: [...q10.prompts, prompt] });
    const saved = ChecklistDefinitionSchema.parse(definitionOf(draft)).questions[9]!;
    expect(saved.prompts.at(-1)).toEqual({
      key: "d",
      label: "Are the findings transferable to other settings?",
      answers: [
        { key: "yes", label: "Yes" },
        { key: "no", label: "No" },
        { key: "not-discussed", label: "Not discussed" },
        { key: "not-discussed-2", label: "Not discussed" },
      ],
    });
    // Question 10 is still answered through its prompts alone, and still not scored.
    expect(saved.answers).toEqual([]);
  });

  test("prompts are reordered, rekeyed, reworded and removed", () => {
    const q10 = caspCopy().questions[9]!;
    const [a, b, c] = q10.prompts as [Draft["questions"][0]["prompts"][0], Draft["questions"][0]["prompts"][0], Draft["questions"][0]["prompts"][0]];
    const draft = withQuestion(caspCopy(), 9, { prompts: moveUp([a, { ...b, key: "practice", label: "Does it add to practice?" }, c], 1).filter((p) => p !== c) });
    const saved = ChecklistDefinitionSchema.parse(definitionOf(draft)).questions[9]!;
    expect(saved.prompts.map((p) => [p.key, p.label])).toEqual([
      ["practice", "Does it add to practice?"],
      ["a", a.label],
    ]);
  });

  test("a question left with neither prompts nor answers of its own is given the common answers", () => {
    const saved = ChecklistDefinitionSchema.parse(definitionOf(withQuestion(caspCopy(), 9, { prompts: [] }))).questions[9]!;
    expect(saved.prompts).toEqual([]);
    expect(saved.answers.map((o) => o.key)).toEqual(["yes", "cant_tell", "no"]);
  });

  test("the shared schema's problems are named where they are in the editor's words", () => {
    const q10 = caspCopy().questions[9]!;
    const broken = withQuestion(caspCopy(), 9, {
      hints: ["   "],
      prompts: [{ ...q10.prompts[0]!, key: "Not A Key" }, { ...q10.prompts[1]!, answers: [{ key: "yes", label: "Yes" }] }],
    });
    const problems = definitionProblems(definitionOf(broken));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Question 10, hint 1: /),
        "Question 10, prompt 1, key: Use lowercase letters, digits, - and _ for keys.",
        expect.stringMatching(/^Question 10, prompt 2, answers: /),
      ]),
    );
    expect(problems).toHaveLength(3);
    const twoAs = withQuestion(caspCopy(), 9, { prompts: q10.prompts.map((p) => ({ ...p, key: "a" })) });
    expect(definitionProblems(definitionOf(twoAs))).toEqual(['Question 10, prompt 2, key: Two prompts of question "q10" share the key "a".', 'Question 10, prompt 3, key: Two prompts of question "q10" share the key "a".']);
    expect(definitionProblems(definitionOf(caspCopy()))).toEqual([]);
  });

  test("Move up leaves the first entry, and an index off the list, where they are", () => {
    expect(moveUp(["a", "b", "c"], 2)).toEqual(["a", "c", "b"]);
    expect(moveUp(["a", "b"], 0)).toEqual(["a", "b"]);
    expect(moveUp(["a", "b"], 5)).toEqual(["a", "b"]);
  });
});
