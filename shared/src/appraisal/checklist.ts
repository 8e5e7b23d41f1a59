// Appraisal checklists are data: a team appraises papers with the built-in CASP qualitative
// checklist or defines its own (JBI, MMAT, a checklist of the review's making), each with a
// version, so that editing a checklist makes a new version and never rewrites answers given
// against an earlier one. Scoring is part of the definition because it is a choice of the
// review, not of the checklist: which answers earn how many points, which questions count,
// and where the grade bands lie. Pure: no I/O.
import { z } from "zod";

const Key = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "Use lowercase letters, digits, - and _ for keys.");
const Label = z.string().trim().min(1).max(500);

const AnswerOptionSchema = z.object({ key: Key, label: Label.max(80) });

/** A Yes/No-style sub-question recorded but not scored (CASP's 10A–10C). */
const PromptSchema = z.object({ key: Key, label: Label, answers: z.array(AnswerOptionSchema).min(2).max(10) });

const QuestionSchema = z.object({
  key: Key,
  label: Label,
  /** What to consider, shown beside the question. */
  hints: z.array(Label.max(1_000)).max(20).default([]),
  /** The answers offered, in order from most to least met: the order is the ordinal scale. */
  answers: z.array(AnswerOptionSchema).max(10).default([]),
  prompts: z.array(PromptSchema).max(10).default([]),
  /** A screening question: a paper answered No here is usually not worth appraising further. */
  screening: z.boolean().default(false),
});

const GradeSchema = z.object({
  grade: z.string().trim().min(1).max(20),
  /** The lowest total that earns this grade. */
  min: z.number().finite(),
  description: Label.max(200),
});

const ScoringSchema = z.object({
  /** Points per answer key; an answer without points scores nothing. */
  points: z.record(Key, z.number().finite().min(-100).max(100)).refine((points) => Object.keys(points).length <= 100, "At most 100 answers earn points."),
  /** The questions whose answers are summed. */
  counted: z.array(Key).min(1).max(100),
  /** Highest band first; a total below every band's minimum gets the last band. */
  grades: z.array(GradeSchema).min(1).max(10),
});

const ChecklistShape = z.object({
  key: Key,
  name: Label.max(200),
  /** Who wrote the checklist and under what licence, shown with it. */
  source: Label.max(500).optional(),
  questions: z.array(QuestionSchema).min(1).max(100),
  scoring: ScoringSchema.optional(),
});

function checkConsistent(checklist: z.infer<typeof ChecklistShape>, context: z.RefinementCtx): void {
  const keys = new Set<string>();
  checklist.questions.forEach((question, index) => {
    if (keys.has(question.key)) context.addIssue({ code: "custom", path: ["questions", index, "key"], message: `Two questions share the key "${question.key}".` });
    keys.add(question.key);
    // A prompt's answers are stored as `question.prompt`, and an answer by its key: each must be one of a kind.
    const promptKeys = new Set<string>();
    question.prompts.forEach((prompt, p) => {
      if (promptKeys.has(prompt.key)) context.addIssue({ code: "custom", path: ["questions", index, "prompts", p, "key"], message: `Two prompts of question "${question.key}" share the key "${prompt.key}".` });
      promptKeys.add(prompt.key);
    });
    [question.answers, ...question.prompts.map((prompt) => prompt.answers)].forEach((options) => {
      const answerKeys = new Set(options.map((o) => o.key));
      if (answerKeys.size < options.length) context.addIssue({ code: "custom", path: ["questions", index], message: `Question "${question.key}" offers two answers with the same key.` });
    });
    if (question.answers.length === 0 && question.prompts.length === 0) {
      context.addIssue({ code: "custom", path: ["questions", index], message: `Question "${question.key}" needs answers or prompts to record.` });
    }
  });
  checklist.scoring?.counted.forEach((key, index) => {
    const question = checklist.questions.find((q) => q.key === key);
    if (!question) context.addIssue({ code: "custom", path: ["scoring", "counted", index], message: `The scoring counts "${key}", which is not a question of the checklist.` });
    else if (question.answers.length === 0) {
      context.addIssue({ code: "custom", path: ["scoring", "counted", index], message: `The scoring counts "${key}", which has no answers to score.` });
    }
  });
  const mins = checklist.scoring?.grades.map((g) => g.min) ?? [];
  if (mins.some((min, i) => i > 0 && min >= mins[i - 1]!)) {
    context.addIssue({ code: "custom", path: ["scoring", "grades"], message: "List the grades from the highest band down, each with a lower minimum." });
  }
}

/** A checklist as a team writes it: everything but the version, which the server assigns. */
export const ChecklistDefinitionSchema = ChecklistShape.superRefine(checkConsistent);

export const ChecklistSchema = ChecklistShape.extend({ version: z.number().int().min(1) }).superRefine(checkConsistent);

export type Checklist = z.infer<typeof ChecklistSchema>;
export type ChecklistInput = z.input<typeof ChecklistSchema>;
export type ChecklistDefinition = z.input<typeof ChecklistDefinitionSchema>;
export type Question = Checklist["questions"][number];

/** One rater's appraisal of one paper: an answer key per question (and per prompt, keyed `question.prompt`). */
export interface AppraisalAnswers {
  answers: Record<string, string>;
  comments: Record<string, string>;
}

export const MAX_COMMENT_CHARS = 5_000;

/** The problems of an appraisal against its checklist, in plain words; empty when it is fine. */
export function appraisalProblems(checklist: Checklist, appraisal: AppraisalAnswers): string[] {
  const problems: string[] = [];
  const questions = new Map(checklist.questions.map((q) => [q.key, q]));
  for (const [key, answer] of Object.entries(appraisal.answers)) {
    const [questionKey, promptKey, ...rest] = key.split(".");
    const question = questions.get(questionKey!);
    if (!question || rest.length > 0) {
      problems.push(`"${key}" is not a question of ${checklist.name}.`);
      continue;
    }
    const options = promptKey === undefined ? question.answers : question.prompts.find((p) => p.key === promptKey)?.answers;
    if (!options) problems.push(`Question "${questionKey}" of ${checklist.name} has no prompt "${promptKey}".`);
    else if (!options.some((o) => o.key === answer)) {
      problems.push(`"${answer}" is not an answer to "${key}"; choose one of ${options.map((o) => o.label).join(", ")}.`);
    }
  }
  for (const [key, comment] of Object.entries(appraisal.comments)) {
    if (!questions.has(key)) problems.push(`"${key}" is not a question of ${checklist.name}.`);
    else if ([...comment].length > MAX_COMMENT_CHARS) problems.push(`The comment on "${key}" is longer than ${MAX_COMMENT_CHARS.toLocaleString("en")} characters.`);
  }
  return problems;
}

export interface AppraisalScore {
  /** The sum over the counted questions answered so far. */
  total: number;
  /** The highest total the scoring allows. */
  max: number;
  /** The band of the total; null until every counted question is answered. */
  grade: { grade: string; description: string } | null;
  /** Counted questions not answered yet. */
  unanswered: string[];
}

/** Scores an appraisal with the checklist's scoring; null when the checklist has none. */
export function scoreAppraisal(checklist: Checklist, answers: Record<string, string>): AppraisalScore | null {
  const { scoring } = checklist;
  if (!scoring) return null;
  const pointsOf = (answer: string | undefined) => (answer === undefined ? 0 : (scoring.points[answer] ?? 0));
  let total = 0;
  let max = 0;
  const unanswered: string[] = [];
  for (const key of scoring.counted) {
    const question = checklist.questions.find((q) => q.key === key)!;
    max += Math.max(...question.answers.map((o) => pointsOf(o.key)));
    if (answers[key] === undefined) unanswered.push(key);
    else total += pointsOf(answers[key]);
  }
  // Half points summed in binary floating point stay exact, but a team's own scoring may use
  // thirds: round away the representation error so 8.5 compares as 8.5.
  total = Math.round(total * 1e9) / 1e9;
  const band = scoring.grades.find((g) => total >= g.min) ?? scoring.grades[scoring.grades.length - 1]!;
  return { total, max, grade: unanswered.length === 0 ? { grade: band.grade, description: band.description } : null, unanswered };
}
