import { describe, expect, test } from "vitest";
import { CASP_QUALITATIVE } from "@concord/shared/appraisal/casp";
import { ChecklistDefinitionSchema } from "@concord/shared/appraisal/checklist";
import { BLANK_DRAFT, definitionOf, draftOf, keyFrom } from "./checklistDraft";

describe("checklist drafts", () => {
  test("a copy of CASP goes back to the same questions, prompts and scoring under its own key", () => {
    const copy = definitionOf({ ...draftOf(CASP_QUALITATIVE, { key: "our-casp", name: "Our CASP" }) });
    const parsed = ChecklistDefinitionSchema.parse(copy);
    expect(parsed.key).toBe("our-casp");
    expect(parsed.questions).toEqual(CASP_QUALITATIVE.questions);
    expect(parsed.scoring).toEqual(CASP_QUALITATIVE.scoring);
  });

  test("the blank template with a name and a question is a valid definition", () => {
    const draft = { ...BLANK_DRAFT, key: keyFrom("JBI short", ["casp-qualitative"], "checklist"), name: "JBI short", questions: [{ key: "q1", label: "Congruity?", counted: true }] };
    expect(draft.key).toBe("jbi-short");
    expect(ChecklistDefinitionSchema.safeParse(definitionOf(draft)).success).toBe(true);
    expect(keyFrom("JBI short", ["jbi-short"], "checklist")).toBe("jbi-short-2");
  });
});
