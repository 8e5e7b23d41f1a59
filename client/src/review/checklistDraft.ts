// A checklist as the editor holds it: one list of answers for every question (with the points
// each earns), the questions (with whether they count towards the score, their hints, and
// their unscored prompts, each with answers of its own) and the grade bands. A question's
// screening flag is carried over as it was: the editor changes only what it shows. Pure: no
// I/O; the result is checked with the shared schema here and again by the server.
import { ChecklistDefinitionSchema } from "@concord/shared/appraisal/checklist";
import type { Checklist, ChecklistDefinition, Question } from "../api/types";

export interface DraftAnswer {
  key: string;
  label: string;
  points: string;
}
/** An answer a prompt offers; a new one has no key until saved, when it is made from the label. */
export interface DraftOption {
  key: string;
  label: string;
}
/** A Yes/No-style sub-question, recorded as `question.prompt` and never scored. */
export interface DraftPrompt {
  key: string;
  label: string;
  answers: DraftOption[];
}
export interface DraftQuestion {
  key: string;
  label: string;
  counted: boolean;
  /** What to consider, shown beside the question, in order. */
  hints: string[];
  prompts: DraftPrompt[];
  /** The rest of the question as it was (its screening flag, whether it had answers of its own); absent for a new one. */
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
    questions: checklist.questions.map((q) => ({
      key: q.key,
      label: q.label,
      counted: counted.has(q.key),
      hints: [...q.hints],
      prompts: q.prompts.map((p) => ({ key: p.key, label: p.label, answers: p.answers.map((a) => ({ ...a })) })),
      kept: q,
    })),
    grades: (checklist.scoring?.grades ?? []).map((g) => ({ grade: g.grade, min: String(g.min), description: g.description })),
  };
}

/** A new question, keyed after the ones `taken`, with no hints or prompts yet. */
export function newQuestion(taken: readonly string[]): DraftQuestion {
  return { key: keyFrom(`q${taken.length + 1}`, taken, "q"), label: "", counted: true, hints: [], prompts: [] };
}

/** A new prompt keyed by the next free letter (CASP's 10A–10C are a, b, c), answered Yes or No. */
export function newPrompt(taken: readonly string[]): DraftPrompt {
  const letter = "abcdefghij".split("").find((l) => !taken.includes(l));
  return { key: letter ?? keyFrom("prompt", taken, "prompt"), label: "", answers: [{ key: "yes", label: "Yes" }, { key: "no", label: "No" }] };
}

/** The list with the entry at `index` replaced by `value`. */
export const replaceAt = <T,>(list: readonly T[], index: number, value: T): T[] => list.map((x, i) => (i === index ? value : x));

/** The list with the entry at `index` swapped with the one before it. */
export function moveUp<T>(list: readonly T[], index: number): T[] {
  if (index <= 0 || index >= list.length) return [...list];
  const moved = [...list];
  [moved[index - 1], moved[index]] = [moved[index]!, moved[index - 1]!];
  return moved;
}

/** A prompt as the checklist stores it: a new answer gets a key made from its label. */
function promptOf(prompt: DraftPrompt) {
  const taken = prompt.answers.map((a) => a.key).filter((key) => key !== "");
  return {
    key: prompt.key.trim(),
    label: prompt.label.trim(),
    answers: prompt.answers.map((a) => {
      const key = a.key || keyFrom(a.label, taken, "answer");
      if (!a.key) taken.push(key);
      return { key, label: a.label.trim() };
    }),
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
  questions: [newQuestion([])],
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
      // A question recorded through its prompts alone (CASP's 10) keeps having no answers of its own, while it has prompts.
      const promptsOnly = q.kept?.answers.length === 0 && q.prompts.length > 0 && !q.counted;
      return { ...(q.kept ?? {}), key: q.key, label: q.label.trim(), hints: q.hints.map((h) => h.trim()), answers: promptsOnly ? [] : answers, prompts: q.prompts.map(promptOf) };
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

/** Where in the checklist a problem is, in the editor's words: "question 3, prompt 1, key". */
function placeOf(path: readonly PropertyKey[]): string {
  const named: Record<string, string> = { questions: "question", hints: "hint", prompts: "prompt", answers: "answer", grades: "grade" };
  const words: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const part = String(path[i]);
    const index = path[i + 1];
    if (named[part] && typeof index === "number") {
      words.push(`${named[part]} ${index + 1}`);
      i++;
    } else if (part !== "scoring") words.push(part);
  }
  return words.join(", ");
}

/** What the shared schema finds wrong with a definition, each with where it is; empty when the server would accept it. */
export function definitionProblems(definition: ChecklistDefinition): string[] {
  const parsed = ChecklistDefinitionSchema.safeParse(definition);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const place = placeOf(issue.path);
    return place ? `${place[0]!.toUpperCase()}${place.slice(1)}: ${issue.message}` : issue.message;
  });
}
