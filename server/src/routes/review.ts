// Screening (title and abstract, full text) and appraisal by several raters, blind until
// every assigned rater has submitted: assignments with seeded samples, each rater's own
// rating, what each person may see of an item, the consensus, the agreement before and after
// it, and the project's inclusion and exclusion criteria. Every answer here goes through the
// one visibility rule (review/visibility.ts and @concord/shared's review/items.ts).
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { DECISIONS, STAGES, can, disagreements, ratingTables, readThreads, type ReviewItem, type Stage, type Viewer } from "@concord/shared";
import { MAX_COMMENT_CHARS } from "@concord/shared/appraisal/checklist";
import { readDocument, type DocumentHost } from "../collab/serverWrites";
import {
  assignReviewer,
  raterDocumentName,
  rate,
  readCriteria,
  readItem,
  recordConsensus,
  revealedDocumentName,
  saveCriteria,
  stageChecklist,
  type RatingInput,
} from "../commands/review";
import { threadsName } from "../commands/threads";
import type { AppEnv } from "../env";
import { errors } from "../errors";
import { authorizeProject, requireUser } from "../policies";
import { presentAssignment, presentReviewItem } from "../presenters";
import { stageQuestions } from "../review/questions";
import { readAssignments, readPairedItems, readStageItems } from "../review/stageItems";
import { reviewViewer } from "../review/visibility";
import { namesOf } from "./threads";
import { IdParam, errorResponses, json } from "./schemas";

/** Generous: agreement over 5,000 screened records takes milliseconds. */
const AGREEMENT_TIMEOUT_MS = 10_000;
const Id = z.string().min(1).max(100, "Not an id.");
const StageSchema = z.enum(STAGES, { error: `The stage must be one of: ${STAGES.join(", ")}.` });
const StageParams = z.object({
  projectId: z.string().openapi({ param: { name: "projectId", in: "path" } }),
  stage: StageSchema.openapi({ param: { name: "stage", in: "path" } }),
});
const ItemParams = StageParams.extend({ recordId: z.string().openapi({ param: { name: "recordId", in: "path" } }) });

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
const CriteriaSchema = z
  .strictObject({
    inclusion: z.array(CriterionSchema).max(100, "At most 100 inclusion criteria."),
    exclusion: z.array(CriterionSchema).max(100, "At most 100 exclusion criteria."),
  })
  .openapi("ReviewCriteria");

const AssignmentBody = z
  .strictObject({
    userId: Id,
    percent: z.number({ error: "The percentage must be a number." }).optional().openapi({ description: "A sample of this percentage of the records at the stage (rounded up), more than 0 and at most 100" }),
    count: z.number({ error: "The count must be a number." }).optional().openapi({ description: "A sample of this many records" }),
    seed: z.number().int("The seed is a whole number.").min(0).max(2 ** 31 - 1).optional().openapi({ description: "Draws the same sample again; a new one is drawn and recorded when absent" }),
  })
  .refine((body) => body.percent === undefined || body.count === undefined, "Give a percentage or a count, not both.")
  .openapi("ReviewAssignmentInput");
const AssignmentSchema = z
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

const RatingBody = z
  .strictObject({
    decision: z.enum(DECISIONS, { error: `The decision must be one of: ${DECISIONS.join(", ")}.` }).optional(),
    reason: Id.optional().openapi({ description: "With an exclusion: the id of one of the project's exclusion criteria (required to submit a full-text exclusion)" }),
    comment: Comment.optional(),
    answers: Answers.optional().openapi({ description: "Appraisal: answer key per checklist question (and per prompt, as `q10.a`)" }),
    comments: Keyed(Comment).optional(),
    submit: z.boolean().optional().openapi({ description: "Submit as your independent answer; the item reveals once every rater has" }),
  })
  .openapi("ReviewRatingInput");
const ConsensusBody = z
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
const ItemSchema = z
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
const ChecklistRef = z
  .object({
    ref: z.string().openapi({ description: "`key@version`: the version answers given now are stored against" }),
    definition: z.record(z.string(), z.unknown()).openapi({ description: "The checklist: questions with hints, answers and prompts, and its scoring" }),
  })
  .nullable()
  .openapi("ReviewChecklist", { description: "The checklist the stage is appraised with; null at the screening stages" });
const Statistics = z.record(z.string(), z.unknown()).nullable();
const AgreementSchema = z
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

function ratingInput(body: z.infer<typeof RatingBody>): RatingInput {
  const submit = body.submit ?? false;
  if (body.decision !== undefined) {
    if (body.answers !== undefined || body.comments !== undefined) throw errors.validation("Send a decision or checklist answers, not both.");
    return { kind: "decision", decision: body.decision, reason: body.reason, comment: body.comment, submit };
  }
  if (body.answers !== undefined) {
    if (body.reason !== undefined || body.comment !== undefined) throw errors.validation("Checklist answers take `comments` per question, not `reason` or `comment`.");
    return { kind: "answers", answers: body.answers, comments: body.comments ?? {}, submit };
  }
  throw errors.validation("Send a decision (include, exclude or maybe) or checklist answers.");
}

async function viewerIn(c: { var: AppEnv["Variables"] }, projectId: string, stage: Stage) {
  const user = requireUser(c.var.user);
  const role = await authorizeProject(c.var.deps.store.db, projectId, user, "project.read");
  return { user, role, viewer: await reviewViewer(c.var.deps.store.db, projectId, stage, { userId: user.id, role }) };
}

const peopleOf = (items: ReviewItem[]) => items.flatMap((item) => [...item.raters, ...(item.consensus ? [item.consensus.decidedBy] : [])]);

/** One item as the viewer may see it, with its record and the live documents they may open. */
async function itemAnswer(host: DocumentHost, where: { projectId: string; stage: Stage }, item: ReviewItem, viewer: Viewer, record?: { id: string; title: string | null }) {
  const { projectId, stage } = where;
  const named = await namesOf(host, peopleOf([item]));
  const own = item.raters.includes(viewer.userId) ? raterDocumentName(projectId, stage, viewer.userId) : null;
  const shown = record ?? (await readItem(host, projectId, stage, item.itemId)).record;
  return { ...presentReviewItem(item, viewer, named), stage, record: shown, collab: { own, revealed: revealedDocumentName(projectId, stage) } };
}

export const reviewRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: "get",
      path: "/projects/{projectId}/criteria",
      tags: ["review"],
      summary: "The project's inclusion and exclusion criteria",
      request: { params: IdParam("projectId") },
      responses: { 200: json(CriteriaSchema.extend({ updatedAt: z.string().nullable(), updatedBy: z.string().nullable() }), "The criteria"), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId } = c.req.valid("param") as { projectId: string };
      await authorizeProject(c.var.deps.store.db, projectId, user, "project.read");
      return c.json(await readCriteria(c.var.deps, projectId), 200);
    },
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/projects/{projectId}/criteria",
      tags: ["review"],
      summary: "Replace the project's inclusion and exclusion criteria (lead only)",
      description: "Each criterion has an id (a full-text exclusion names one as its reason), its text and keywords the screening screen highlights.",
      request: { params: IdParam("projectId"), body: { content: { "application/json": { schema: CriteriaSchema } }, required: true } },
      responses: { 200: json(CriteriaSchema.extend({ updatedAt: z.string().nullable(), updatedBy: z.string().nullable() }), "The criteria"), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId } = c.req.valid("param") as { projectId: string };
      await authorizeProject(c.var.deps.store.db, projectId, user, "review.manage");
      await saveCriteria(c.var.deps, projectId, c.req.valid("json"), user.id);
      return c.json(await readCriteria(c.var.deps, projectId), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/projects/{projectId}/stages/{stage}/assignments",
      tags: ["review"],
      summary: "Assign a reviewer to a stage: a seeded random sample (percent or count) or every record (lead only)",
      description:
        "The sample is drawn from the records at the stage (title_abstract: every original record; full_text: those included or left at maybe at title and abstract; appraisal: those included at full text) with `seed`, or a new seed that is recorded: the same records, the same size and the same seed give the same sample. A percentage rounds up (10% of 42 is 5). The lead who assigns is assigned every record too, if not yet. 409 if the person is already assigned at the stage.",
      request: { params: StageParams, body: { content: { "application/json": { schema: AssignmentBody } }, required: true } },
      responses: { 201: json(z.object({ assignments: z.array(AssignmentSchema) }), "Every assignment at the stage"), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId, stage } = c.req.valid("param");
      const host = c.var.deps;
      await authorizeProject(host.store.db, projectId, user, "review.manage");
      const assignments = await assignReviewer(host, projectId, stage, c.req.valid("json"), user.id);
      const named = await namesOf(host, assignments.flatMap((a) => [a.userId, a.assignedBy]));
      return c.json({ assignments: assignments.map((a) => presentAssignment(a, named)) }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/projects/{projectId}/stages/{stage}/assignments",
      tags: ["review"],
      summary: "Who rates which records at the stage, with each sample's seed",
      request: { params: StageParams },
      responses: { 200: json(z.object({ assignments: z.array(AssignmentSchema) }), "Assignments"), ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId, stage } = c.req.valid("param");
      const host = c.var.deps;
      await authorizeProject(host.store.db, projectId, user, "project.read");
      const assignments = await readAssignments(host.store.db, projectId, stage);
      const named = await namesOf(host, assignments.flatMap((a) => [a.userId, a.assignedBy]));
      return c.json({ assignments: assignments.map((a) => presentAssignment(a, named)) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/projects/{projectId}/stages/{stage}/items",
      tags: ["review"],
      summary: "The stage's items as you may see them: yours to rate first",
      request: { params: StageParams, query: z.object({ mine: z.enum(["true", "false"]).optional().openapi({ description: "Only the items you are assigned" }) }) },
      responses: { 200: json(z.object({ items: z.array(ItemSchema.omit({ record: true })), checklist: ChecklistRef }), "Items, and the checklist they are appraised with"), ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { projectId, stage } = c.req.valid("param");
      const { viewer } = await viewerIn(c, projectId, stage);
      const host = c.var.deps;
      let items = await readStageItems(host.store.db, projectId, stage);
      if (c.req.valid("query").mine === "true") items = items.filter((item) => item.raters.includes(viewer.userId));
      const named = await namesOf(host, peopleOf(items));
      const collab = { own: raterDocumentName(projectId, stage, viewer.userId), revealed: revealedDocumentName(projectId, stage) };
      return c.json(
        { items: items.map((item) => ({ ...presentReviewItem(item, viewer, named), stage, collab: { ...collab, own: item.raters.includes(viewer.userId) ? collab.own : null } })), checklist: await stageChecklist(host.store.db, projectId, stage) },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/projects/{projectId}/stages/{stage}/items/{recordId}",
      tags: ["review"],
      summary: "One item as you may see it",
      description:
        "A rater sees only their own decision, answers and comments until every assigned rater has submitted (then the item is revealed), the lead too when rating. A lead who is not rating at the stage sees everyone's work as it comes when the project allows watching blind work (PATCH /projects/{projectId}/settings).",
      request: { params: ItemParams },
      responses: { 200: json(ItemSchema.extend({ checklist: ChecklistRef }), "The item, and the checklist it is appraised with"), ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { projectId, stage, recordId } = c.req.valid("param");
      const { viewer } = await viewerIn(c, projectId, stage);
      const host = c.var.deps;
      const { item, record } = await readItem(host, projectId, stage, recordId);
      if (!item) throw errors.missing("Nobody is assigned to rate this record at this stage.");
      return c.json({ ...(await itemAnswer(host, { projectId, stage }, item, viewer, record)), checklist: await stageChecklist(host.store.db, projectId, stage, item?.work.find((w) => w.rater === viewer.userId)?.checklist) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/projects/{projectId}/stages/{stage}/items/{recordId}/rating",
      tags: ["review"],
      summary: "Save, or submit, your own rating of an item",
      description:
        "Screening: `{decision: include | exclude | maybe, reason?, comment?}` (a full-text exclusion needs `reason`, the id of one of the project's exclusion criteria). Appraisal: `{answers: {q1: 'yes', …, 'q10.a': 'no'}, comments: {q1: '…'}}` against the checklist version the rating was first saved against (the project's current appraisal checklist for a new rating: GET /projects/{projectId}/appraisal-checklist); an answer to a question that version lacks is refused (400). `submit: true` makes it your independent answer; once every rater has submitted the item reveals. A change after reveal is kept as a revision beside the independent answer, never over it. 403 if you are not assigned to the record.",
      request: { params: ItemParams, body: { content: { "application/json": { schema: RatingBody } }, required: true } },
      responses: { 200: json(ItemSchema, "The item as you may now see it"), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { projectId, stage, recordId } = c.req.valid("param");
      const user = requireUser(c.var.user);
      const host = c.var.deps;
      const role = await authorizeProject(host.store.db, projectId, user, "document.edit");
      const item = await rate(host, projectId, stage, recordId, user.id, ratingInput(c.req.valid("json")));
      const viewer = await reviewViewer(host.store.db, projectId, stage, { userId: user.id, role });
      return c.json(await itemAnswer(host, { projectId, stage }, item, viewer), 200);
    },
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/projects/{projectId}/stages/{stage}/items/{recordId}/consensus",
      tags: ["review"],
      summary: "Record the consensus on a revealed item (its raters or a lead)",
      description:
        "Screening: `{decision, reason?, note?}`; appraisal: `{answers: {question: answer}, note?}` for the questions settled. Refused (409) before the item is revealed. The independent answers stay as submitted; who recorded the consensus and when is kept.",
      request: { params: ItemParams, body: { content: { "application/json": { schema: ConsensusBody } }, required: true } },
      responses: { 200: json(ItemSchema, "The item"), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { projectId, stage, recordId } = c.req.valid("param");
      const user = requireUser(c.var.user);
      const host = c.var.deps;
      const role = await authorizeProject(host.store.db, projectId, user, "discussion.write");
      const body = c.req.valid("json");
      const note = body.note ?? "";
      let input: Parameters<typeof recordConsensus>[5];
      if (body.decision !== undefined && body.answers === undefined) input = { kind: "decision", decision: body.decision, reason: body.reason, note };
      else if (body.answers !== undefined && body.decision === undefined && body.reason === undefined) input = { kind: "answers", answers: body.answers, note };
      else throw errors.validation("Send the agreed decision (with its reason), or the agreed checklist answers.");
      const viewer = await reviewViewer(host.store.db, projectId, stage, { userId: user.id, role });
      const item = await recordConsensus(host, projectId, stage, recordId, { userId: user.id, mayManage: can(role, "review.manage") }, input);
      return c.json(await itemAnswer(host, { projectId, stage }, item, viewer), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/projects/{projectId}/stages/{stage}/agreement",
      tags: ["review"],
      summary: "Agreement at the stage before and after consensus, with every disagreement",
      description:
        "Computed in the worker pool from the revealed items only (an item nobody else may see yet never counts), over each item's decision (screening) or each scored checklist question (appraisal). `before` uses the independent answers as submitted; `after` the consensus where one was recorded.",
      request: { params: StageParams },
      responses: { 200: json(AgreementSchema, "The agreement"), ...errorResponses(400, 401, 404, 422, 503) },
    }),
    async (c) => {
      const { projectId, stage } = c.req.valid("param");
      await viewerIn(c, projectId, stage);
      const host = c.var.deps;
      const { items, progress } = await readPairedItems(host.store.db, projectId, stage);
      const compared = await stageQuestions(host.store.db, projectId, stage, items);
      const questions = compared.all;
      // Each checklist question on its own too; a screening stage has its one question only.
      const perQuestion = questions.length > 1 ? questions.map((question) => ({ question, ...ratingTables(items, (item) => (compared.of(item).includes(question) ? [question] : [])) })) : [];
      const tables = { ...ratingTables(items, compared.of), perQuestion };
      const [report, threads] = await Promise.all([
        host.workers.run("reviewAgreement", tables, { timeoutMs: AGREEMENT_TIMEOUT_MS, what: "Computing agreement" }),
        readDocument(host, threadsName(projectId), readThreads),
      ]);
      const threadOf = new Map<string, string>();
      for (const thread of threads) {
        const { anchor } = thread;
        if (anchor.kind === "ratingDisagreement" && anchor.stage === stage) threadOf.set(`${anchor.recordId} ${anchor.question ?? "decision"}`, thread.id);
      }
      const disputed = items.map((item) => ({ item, questions: disagreements(item, compared.of(item)) })).filter((d) => d.questions.length > 0);
      const titles = new Map(
        disputed.length === 0
          ? []
          : (await host.store.db.selectFrom("records").select(["id", "title"]).where("id", "in", disputed.map((d) => d.item.itemId)).execute()).map((r) => [r.id, r.title]),
      );
      const named = await namesOf(host, peopleOf(items));
      return c.json(
        {
          stage,
          questions,
          ...report,
          items: { ...progress, disagreeing: disputed.length },
          disagreements: disputed.flatMap(({ item, questions: differing }) =>
            differing.map((question) => {
              const agreed = item.consensus?.answers[question];
              return {
                recordId: item.itemId,
                title: titles.get(item.itemId) ?? null,
                question,
                answers: item.work.map((w) => ({
                  rater: named(w.rater),
                  answer: w.answers[question] ?? null,
                  reason: question === "decision" ? (w.answers.reason ?? null) : null,
                  comment: w.comments[question] ?? null,
                })),
                consensus: agreed === undefined ? null : { answer: agreed, decidedBy: named(item.consensus!.decidedBy), decidedAt: item.consensus!.decidedAt },
                threadId: threadOf.get(`${item.itemId} ${question}`) ?? null,
              };
            }),
          ),
        },
        200,
      );
    },
  );
