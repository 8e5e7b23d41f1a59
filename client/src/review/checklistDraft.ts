// A checklist as the editor holds it: one list of answers for every question (with the points
// each earns), the questions (with whether they count towards the score) and the grade bands.
// Hints, prompts and screening flags of a question are carried over as they were: the editor
// changes only what it shows. Pure: no I/O; the server checks the result with the same schema.
import type { Checklist, ChecklistDefinition, Question } from "../api/types";

export interface DraftAnswer {
  key: string;
  label: string;
  points: string;
}
export interface DraftQuestion {
  key: string;
  label: string;
  counted: boolean;
  /** The rest of the question as it was (hints, prompts, screening); absent for a new one. */
  kept?: Question;
}
export interface Draft {
  key: string;
  name: string;
  answers: DraftAnswer[];
  questions: DraftQuestion[];
  grades: { grade: string; min: string; description: string }[];
}

/** A key from a label: lowercase letters, digits and dashes, unique among `taken`. */
export function keyFrom(label: string, taken: Iterable<string>, fallback: string): string {
  const base = label.toLowerCase().normalize("NFD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 36) || fallback;
  const used = new Set(taken);
  let key = base;
  for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
  return key;
}

/** The draft of an existing checklist's next version, or (with `copyAs`) of a new checklist copied from it. */
export function draftOf(checklist: Checklist, copyAs?: { key: string; name: string }): Draft {
  const options = checklist.questions.find((q) => q.answers.length > 0)?.answers ?? [];
  const points = checklist.scoring?.points ?? {};
  const counted = new Set(checklist.scoring?.counted ?? []);
  return {
    key: copyAs?.key ?? checklist.key,
    name: copyAs?.name ?? checklist.name,
    answers: options.map((o) => ({ key: o.key, label: o.label, points: String(points[o.key] ?? 0) })),
    questions: checklist.questions.map((q) => ({ key: q.key, label: q.label, counted: counted.has(q.key), kept: q })),
    grades: (checklist.scoring?.grades ?? []).map((g) => ({ grade: g.grade, min: String(g.min), description: g.description })),
  };
}

export const BLANK_DRAFT: Draft = {
  key: "",
  name: "",
  answers: [
    { key: "yes", label: "Yes", points: "1" },
    { key: "unclear", label: "Unclear", points: "0.5" },
    { key: "no", label: "No", points: "0" },
  ],
  questions: [{ key: "q1", label: "", counted: true }],
  grades: [
    { grade: "High", min: "1", description: "Most criteria met" },
    { grade: "Low", min: "0", description: "Few criteria met" },
  ],
};

/** The definition the server is sent; the version is the server's to give. */
export function definitionOf(draft: Draft): ChecklistDefinition {
  const answers = draft.answers.map((a) => ({ key: a.key, label: a.label.trim() }));
  const counted = draft.questions.filter((q) => q.counted).map((q) => q.key);
  return {
    key: draft.key,
    name: draft.name.trim(),
    questions: draft.questions.map((q) => {
      // A question recorded through its prompts alone (CASP's 10) keeps having no answers of its own.
      const promptsOnly = q.kept !== undefined && q.kept.answers.length === 0 && q.kept.prompts.length > 0 && !q.counted;
      return { ...(q.kept ?? {}), key: q.key, label: q.label.trim(), answers: promptsOnly ? [] : answers };
    }),
    ...(counted.length > 0
      ? {
          scoring: {
            points: Object.fromEntries(draft.answers.map((a) => [a.key, Number(a.points)])),
            counted,
            grades: draft.grades.map((g) => ({ grade: g.grade.trim(), min: Number(g.min), description: g.description.trim() })),
          },
        }
      : {}),
  };
}
