// Working a review stage — screening (title and abstract, full text) and appraisal by several
// raters, blind until every assigned rater has submitted: each rater's own rating, what each
// person may see of an item, the consensus, the agreement before and after it. Setting a stage
// up (criteria, assignments) is in reviewSetup.ts. Every answer here goes through the one
// visibility rule (review/visibility.ts and @concord/shared's review/items.ts).
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { can, disagreements, ratingTables, readThreads, type ReviewItem, type Stage, type Viewer } from "@concord/shared";
import { readDocument, type DocumentHost } from "../collab/serverWrites";
import {
  raterDocumentName,
  rate,
  readItem,
  recordConsensus,
  revealedDocumentName,
  stageChecklist,
  type RatingInput,
} from "../commands/review";
import { threadsName } from "../commands/threads";
import type { AppEnv } from "../env";
import { errors } from "../errors";
import { authorizeProject, requireUser } from "../policies";
import { presentReviewItem } from "../presenters";
import { stageQuestions } from "../review/questions";
import { readPairedItems, readStageItems } from "../review/stageItems";
import { reviewViewer } from "../review/visibility";
import { namesOf } from "./threads";
import { AgreementSchema, ChecklistRef, ConsensusBody, ItemParams, ItemSchema, RatingBody, StageParams } from "./reviewSchemas";
import { errorResponses, json } from "./schemas";

/** Generous: agreement over 5,000 screened records takes milliseconds. */
const AGREEMENT_TIMEOUT_MS = 10_000;

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
      path: "/projects/{projectId}/stages/{stage}/items",
      tags: ["review"],
      summary: "The stage's items as you may see them: yours to rate first",
      request: { params: StageParams, query: z.object({ mine: z.enum(["true", "false"]).optional().openapi({ description: "Only the items you are assigned" }) }) },
      responses: {
        200: json(
          z.object({
            items: z.array(ItemSchema.omit({ record: true })),
            checklist: ChecklistRef,
            collab: z.object({ revealed: z.string() }).openapi({ description: "The stage's revealed document, to watch even while the stage has no items (a record marked not retrieved or restored changes it too)" }),
          }),
          "Items, the checklist they are appraised with, and the stage's live document",
        ),
        ...errorResponses(400, 401, 404),
      },
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
        { items: items.map((item) => ({ ...presentReviewItem(item, viewer, named), stage, collab: { ...collab, own: item.raters.includes(viewer.userId) ? collab.own : null } })), checklist: await stageChecklist(host.store.db, projectId, stage),
          collab: { revealed: collab.revealed },
        },
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
