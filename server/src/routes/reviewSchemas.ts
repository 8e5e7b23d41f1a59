// The shapes of the review routes (reviewSetup.ts, review.ts): criteria, assignments, a rating,
// a consensus, an item as a viewer may see it, and the agreement. Validation and the OpenAPI
// document both come from them, so the caps stated here are the caps enforced.
import { z } from "@hono/zod-openapi";
import { DECISIONS, STAGES } from "@concord/shared";
import { MAX_COMMENT_CHARS } from "@concord/shared/appraisal/checklist";

const Id = z.string().min(1).max(100, "Not an id.");
const StageSchema = z.enum(STAGES, { error: `The stage must be one of: ${STAGES.join(", ")}.` });
export const StageParams = z.object({
  projectId: z.string().openapi({ param: { name: "projectId", in: "path" } }),
  stage: StageSchema.openapi({ param: { name: "stage", in: "path" } }),
});
export const ItemParams = StageParams.extend({ recordId: z.string().openapi({ param: { name: "recordId", in: "path" } }) });

const Person = z.object({ id: z.string(), name: z.string() });
const Note = z.string().max(2_000, "A note may be at most 2000 characters.");
const Comment = z.string().max(MAX_COMMENT_CHARS, `A comment may be at most ${MAX_COMMENT_CHARS} characters.`);
/** Answers or comments keyed by question: at most 200 of them. */
const Keyed = (value: z.ZodString) =>
  z.record(z.string().max(60, "A question key is at most 60 characters."), value).refine((o) => Object.keys(o).length <= 200, "At most 200 answers.");
const Answers = Keyed(z.string().max(60, "An answer key is at most 60 characters."));

const CriterionSchema = z.strictObject({
  id: Id.regex(/^[A-Za-z0-9_-]+$/, "A criterion's id is letters, digits, - and _."),
  text: z.string().trim().min(1, "A criterion needs some text.").max(1_000, "A criterion may be at most 1000 characters."),
  keywords: z.array(z.string().trim().min(1).max(80, "A keyword may be at most 80 characters.")).max(50, "At most 50 keywords per criterion.").default([]),
});
export const CriteriaSchema = z
  .strictObject({
    inclusion: z.array(CriterionSchema).max(100, "At most 100 inclusion criteria."),
    exclusion: z.array(CriterionSchema).max(100, "At most 100 exclusion criteria."),
  })
  .openapi("ReviewCriteria");

export const AssignmentBody = z
  .strictObject({
    userId: Id,
    percent: z.number({ error: "The percentage must be a number." }).optional().openapi({ description: "A sample of this percentage of the records at the stage (rounded up), more than 0 and at most 100" }),
    count: z.number({ error: "The count must be a number." }).optional().openapi({ description: "A sample of this many records" }),
    seed: z.number().int("The seed is a whole number.").min(0).max(2 ** 31 - 1).optional().openapi({ description: "Draws the same sample again; a new one is drawn and recorded when absent" }),
  })
  .refine((body) => body.percent === undefined || body.count === undefined, "Give a percentage or a count, not both.")
  .openapi("ReviewAssignmentInput");
export const AssignmentSchema = z
  .object({
    user: Person,
    mode: z.enum(["all", "percent", "count"]),
    percent: z.number().nullable(),
    count: z.number().nullable(),
    seed: z.number().int().nullable(),
    poolSize: z.number().int().openapi({ description: "Records at the stage when the sample was drawn" }),
    recordIds: z.array(z.string()).nullable().openapi({ description: "The sample, in the records' order; null for every record" }),
    assignedBy: Person,
    assignedAt: z.string(),
  })
  .openapi("ReviewAssignment");

export const RatingBody = z
  .strictObject({
    decision: z.enum(DECISIONS, { error: `The decision must be one of: ${DECISIONS.join(", ")}.` }).optional(),
    reason: Id.optional().openapi({ description: "With an exclusion: the id of one of the project's exclusion criteria (required to submit a full-text exclusion)" }),
    comment: Comment.optional(),
    answers: Answers.optional().openapi({ description: "Appraisal: answer key per checklist question (and per prompt, as `q10.a`)" }),
    comments: Keyed(Comment).optional(),
    submit: z.boolean().optional().openapi({ description: "Submit as your independent answer; the item reveals once every rater has" }),
  })
  .openapi("ReviewRatingInput");
export const ConsensusBody = z
  .strictObject({
    decision: z.enum(DECISIONS, { error: `The decision must be one of: ${DECISIONS.join(", ")}.` }).optional(),
    reason: Id.optional(),
    answers: Answers.optional(),
    note: Note.optional(),
  })
  .openapi("ReviewConsensusInput");

const WorkSchema = z.object({
  rater: Person,
  answers: z.record(z.string(), z.string()),
  comments: z.record(z.string(), z.string()),
  submitted: z.boolean(),
  submittedAt: z.string().nullable(),
  revised: z.object({ answers: z.record(z.string(), z.string()), at: z.string() }).nullable().openapi({ description: "Answers changed after reveal, kept apart from the independent ones" }),
  checklist: z
    .string()
    .nullable()
    .openapi({ description: "Appraisal: the checklist version (`key@version`) these answers were given against, fixed when first saved (GET /projects/{projectId}/checklists/{key}/versions/{version}); null for screening" }),
});
export const ItemSchema = z
  .object({
    recordId: z.string(),
    stage: StageSchema,
    record: z.object({ id: z.string(), title: z.string().nullable() }),
    raters: z.array(Person),
    revealed: z.boolean(),
    work: z.array(WorkSchema).openapi({ description: "The work you may see: your own, and everyone's once the item reveals" }),
    consensus: z.object({ answers: z.record(z.string(), z.string()), decidedBy: Person, decidedAt: z.string() }).nullable(),
    collab: z.object({ own: z.string().nullable(), revealed: z.string() }).openapi({ description: "Live documents: your own work at the stage, and the stage's revealed items" }),
  })
  .openapi("ReviewItem");
export const ChecklistRef = z
  .object({
    ref: z.string().openapi({ description: "`key@version`: the version answers given now are stored against" }),
    definition: z.record(z.string(), z.unknown()).openapi({ description: "The checklist: questions with hints, answers and prompts, and its scoring" }),
  })
  .nullable()
  .openapi("ReviewChecklist", { description: "The checklist the stage is appraised with; null at the screening stages" });
const Statistics = z.record(z.string(), z.unknown()).nullable();
export const AgreementSchema = z
  .object({
    stage: StageSchema,
    questions: z.array(z.string()),
    before: Statistics.openapi({ description: "The agreement engine's report of the independent answers (percent_agreement, cohen_kappa, gwet_ac1, krippendorff_alpha, confusion_matrix, …); null with `reason` before any item is revealed" }),
    after: Statistics.openapi({ description: "The same with each settled answer replaced by the consensus" }),
    reason: z.string().nullable(),
    per_question: z
      .array(z.object({ question: z.string(), before: Statistics, after: Statistics, reason: z.string().nullable() }))
      .openapi({ description: "Appraisal: the same report for each scored checklist question alone (`before.n_units` is the items rated on it); empty at a screening stage" }),
    items: z.object({ assigned: z.number().int(), revealed: z.number().int(), withConsensus: z.number().int(), disagreeing: z.number().int() }),
    disagreements: z.array(
      z.object({
        recordId: z.string(),
        title: z.string().nullable(),
        question: z.string(),
        answers: z.array(z.object({ rater: Person, answer: z.string().nullable(), reason: z.string().nullable(), comment: z.string().nullable() })),
        consensus: z.object({ answer: z.string(), decidedBy: Person, decidedAt: z.string() }).nullable(),
        threadId: z.string().nullable().openapi({ description: "The discussion thread on this disagreement, if one was started" }),
      }),
    ),
  })
  .openapi("ReviewAgreement");
