// Agreement between the coders of a transcript, and settling its disagreements: computed in
// the worker pool from the coded text now, and from the coded text kept at reveal and after
// the latest settling, so the figures at both moments are shown side by side.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { TEXT_UNITS, type TextUnit } from "@concord/shared/agreement/text/index";
import type { Context } from "hono";
import { codedText, readSnapshots } from "../commands/codedSegments";
import { disagreementKey, listSettlements, settleDisagreement } from "../commands/settling";
import { readBlindRound } from "../coding/blindRecord";
import { listLayers } from "../coding/layers";
import { codingVisibility } from "../coding/visibility";
import type { AppEnv } from "../env";
import { errors } from "../errors";
import { authorizeDocument, requireUser } from "../policies";
import { presentSettlement } from "../presenters";
import { IdParam, errorResponses, json } from "./schemas";

/** Generous: a 15,000-word transcript with three coders takes a small fraction of this. */
const AGREEMENT_TIMEOUT_MS = 10_000;
const Id = z.string().min(1).max(100, "Not an id.");

const Query = z.object({
  unit: z
    .enum(TEXT_UNITS as [TextUnit, ...TextUnit[]], { error: `The unit must be one of: ${TEXT_UNITS.join(", ")}.` })
    .optional()
    .openapi({ param: { name: "unit", in: "query" }, description: "What is counted: character (the default), word, sentence or speaker turn" }),
  threshold: z.coerce
    .number({ error: "The threshold must be a number between 0 and 1." })
    .min(0, "The threshold must be a number between 0 and 1.")
    .max(1, "The threshold must be a number between 0 and 1.")
    .optional()
    .openapi({ param: { name: "threshold", in: "query" }, description: "Overlap (intersection / union) two segments need to match, from 0 to 1; default 0.9" }),
});

const Statistics = z.record(z.string(), z.unknown());
const DisagreementSchema = z
  .object({
    key: z.string().openapi({ description: "The codings' ids sorted and joined with '+'" }),
    code: z.string(),
    coders: z.array(z.string()),
    codings: z.array(z.object({ id: z.string(), coder: z.string(), code: z.string(), start: z.number().int(), end: z.number().int(), text: z.string() })),
    overlap: z.number(),
  })
  .openapi("CodingDisagreement");
const SettlementSchema = z
  .object({
    id: z.string(),
    codingIds: z.array(z.string()),
    action: z.enum(["keep_one", "keep_both", "merge", "drop"]),
    kept: z.string().nullable(),
    note: z.string(),
    settledBy: z.object({ id: z.string(), name: z.string() }),
    settledAt: z.string(),
  })
  .openapi("Settlement");
const KeptSchema = z.object({ takenAt: z.string(), per_code: Statistics, overall: Statistics }).nullable();
const ReportSchema = z
  .object({
    unit: z.string(),
    threshold: z.number(),
    coders: z.array(z.string()),
    people: z.array(z.object({ id: z.string(), name: z.string() })),
    n_units: z.number().int(),
    per_code: Statistics.openapi({
      description: "By code id: percent_agreement, cohen_kappa, krippendorff_alpha and coded_units at the unit; u_alpha and boundary_u_alpha; segments (matching at the threshold)",
    }),
    overall: Statistics.openapi({
      description: "The same pooled over codes, with overall_weighted, cu_alpha, and segments.pairs (each pair of coders, with kappa_brennan_prediger)",
    }),
    disagreements: z.array(DisagreementSchema).openapi({ description: "Those not yet settled, in text order; offsets into GET /api/documents/{documentId}/text" }),
    settled: z.array(SettlementSchema),
    at_reveal: KeptSchema,
    after_settling: KeptSchema,
  })
  .openapi("DocumentAgreement");

const SettleBody = z
  .strictObject({
    unit: Query.shape.unit.openapi({ description: "The unit the disagreement was listed at (GET …/agreement's): character by default" }),
    threshold: Query.shape.threshold.openapi({ description: "The overlap threshold it was listed at; default 0.9" }),
    codingIds: z.array(Id).min(1, "Name the codings of the disagreement.").max(20, "A disagreement is between at most 20 codings."),
    action: z.enum(["keep_one", "keep_both", "merge", "drop"], { error: "The action must be one of: keep_one, keep_both, merge, drop." }),
    keep: Id.optional().openapi({ description: "With keep_one or merge: the coding that stays (merge stretches it over all the codings' words)" }),
    note: z.string().max(2_000, "A note may be at most 2000 characters.").optional(),
  })
  .openapi("SettleDisagreement");

/** The coders agreement is computed between: the round's, or everyone with a layer when there was none. */
async function codersOf(c: Context<AppEnv>, documentId: string) {
  const db = c.var.deps.store.db;
  const round = await readBlindRound(db, documentId);
  if (round) return { round, people: round.coders.map(({ id, name }) => ({ id, name })) };
  return { round, people: (await listLayers(db, { documentId })).map((layer) => ({ id: layer.coderId, name: layer.coderName })) };
}

export const documentAgreementRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: "get",
      path: "/documents/{documentId}/agreement",
      tags: ["agreement"],
      summary: "Agreement between the transcript's coders, per code and overall, with every disagreement to settle",
      description:
        "Statistics in the agreement engine's JSON shape, computed off the event loop. Refused (403) to a blind coder before reveal, and to anyone who may not see every coder's work; a lead who is not coding may watch it build up if the project allows.",
      request: { params: IdParam("documentId"), query: Query },
      responses: { 200: json(ReportSchema, "The agreement now, at reveal and after settling"), ...errorResponses(400, 401, 403, 404, 422, 503) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { documentId } = c.req.valid("param") as { documentId: string };
      const { unit = "character", threshold = 0.9 } = c.req.valid("query");
      const host = c.var.deps;
      const { role } = await authorizeDocument(host.store.db, documentId, user, "project.read");
      const visibility = await codingVisibility(host.store.db, { userId: user.id, role }, documentId);
      if (!visibility.maySeeAll) {
        throw errors.forbidden(visibility.blind ? "Agreement is shown once this transcript's blind coding is revealed." : "Your role in this project does not allow this.");
      }
      const { people } = await codersOf(c, documentId);
      const coders = people.map((person) => person.id);
      const [current, kept, settlements] = await Promise.all([codedText(host, documentId, coders), readSnapshots(host, documentId), listSettlements(host, documentId)]);
      const reports = await host.workers.run(
        "documentAgreementReports",
        { current, kept: Object.fromEntries(Object.entries(kept).map(([moment, { text, segments }]) => [moment, { text, segments }])), options: { unit, threshold, coders } },
        { timeoutMs: AGREEMENT_TIMEOUT_MS, what: "Computing agreement" },
      );
      const settledKeys = new Set(settlements.map((row) => disagreementKey(JSON.parse(row.coding_ids) as string[])));
      const summary = (moment: "reveal" | "settled") => {
        const report = reports.kept[moment];
        return report ? { takenAt: kept[moment]!.takenAt, per_code: report.per_code, overall: report.overall } : null;
      };
      return c.json(
        {
          ...reports.current,
          people,
          disagreements: reports.current.disagreements.filter((d) => !settledKeys.has(d.key)),
          settled: settlements.map(presentSettlement),
          at_reveal: summary("reveal"),
          after_settling: summary("settled"),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/documents/{documentId}/disagreements/settle",
      tags: ["agreement"],
      summary: "Settle a disagreement between codings: keep one, keep both, merge into one coding, or drop them",
      description:
        "Only after reveal (409 while the transcript is coded blind), and only a disagreement GET …/agreement lists at the same unit and threshold (409 otherwise). keep_one removes the other codings; merge stretches the kept coding over all their words and removes the rest; drop removes them all; keep_both removes none and closes the disagreement. Who settled it and when is recorded, and the agreement after settling is kept.",
      request: { params: IdParam("documentId"), body: { content: { "application/json": { schema: SettleBody } }, required: true } },
      responses: { 201: json(SettlementSchema, "The settlement"), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { documentId } = c.req.valid("param") as { documentId: string };
      const host = c.var.deps;
      const { role } = await authorizeDocument(host.store.db, documentId, user, "document.edit");
      const visibility = await codingVisibility(host.store.db, { userId: user.id, role }, documentId);
      if (visibility.blind) throw errors.conflict("Disagreements are settled once this transcript's blind coding is revealed.");
      const { people } = await codersOf(c, documentId);
      const body = c.req.valid("json");
      // Only a disagreement the agreement lists now may be settled: not any codings a caller names.
      const coders = people.map((person) => person.id);
      const now = await host.workers.run(
        "documentAgreementReports",
        { current: await codedText(host, documentId, coders), kept: {}, options: { unit: body.unit ?? "character", threshold: body.threshold ?? 0.9, coders } },
        { timeoutMs: AGREEMENT_TIMEOUT_MS, what: "Checking the disagreement" },
      );
      if (!now.current.disagreements.some((d) => d.key === disagreementKey(body.codingIds))) {
        throw errors.conflict("Those codings are not one of this transcript's disagreements now (at that unit and threshold), so nothing was settled.");
      }
      const row = await settleDisagreement(
        host,
        documentId,
        coders,
        { codingIds: body.codingIds, action: body.action, ...(body.keep !== undefined ? { keep: body.keep } : {}), note: body.note ?? "" },
        user.id,
      );
      return c.json(presentSettlement({ ...row, settled_by_name: user.name }), 201);
    },
  );
