// Duplicates among a project's records: the pairs deduplication was not sure of, to confirm
// or reject, and marking or restoring a duplicate by hand. Nothing is deleted either way.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { decidePair, markDuplicate } from "../commands/records";
import type { AppEnv } from "../env";
import { authorizeProject, requireUser } from "../policies";
import { presentRecord, presentRecordPair } from "../presenters";
import { PairSchema, RecordSchema } from "./recordSchemas";
import { IdParam, errorResponses, json } from "./schemas";

const PairParams = z.object({
  projectId: z.string().openapi({ param: { name: "projectId", in: "path" } }),
  pairId: z.string().openapi({ param: { name: "pairId", in: "path" } }),
});
const RecordParams = z.object({
  projectId: z.string().openapi({ param: { name: "projectId", in: "path" } }),
  recordId: z.string().openapi({ param: { name: "recordId", in: "path" } }),
});
const StatusQuery = z.object({
  status: z.enum(["open", "confirmed", "rejected", "all"]).default("open").openapi({ param: { name: "status", in: "query" } }),
});
const Decision = z.object({ decision: z.enum(["confirmed", "rejected"], { error: "decision: say \"confirmed\" (they are the same work) or \"rejected\" (two works)." }) }).openapi("PairDecision");
const MarkBody = z
  .object({
    of: z.string().nullable().openapi({ description: "The record this one duplicates (its original is used), or null to restore it as an original" }),
  })
  .openapi("DuplicateMark");

export const recordDuplicateRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: "get",
      path: "/projects/{projectId}/records/duplicate-pairs",
      tags: ["records"],
      summary: "Pairs of similar records (titles at similarity ≥ 0.9, years at most one apart), open ones by default",
      request: { params: IdParam("projectId"), query: StatusQuery },
      responses: { 200: json(z.object({ pairs: z.array(PairSchema) }), "Pairs, most similar first"), ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId } = c.req.valid("param") as { projectId: string };
      const { status } = c.req.valid("query");
      const db = c.var.deps.store.db;
      await authorizeProject(db, projectId, user, "project.read");
      let query = db.selectFrom("record_pairs").selectAll().where("project_id", "=", projectId);
      if (status !== "all") query = query.where("status", "=", status);
      const pairs = await query.orderBy("similarity", "desc").orderBy("created_at").orderBy("id").execute();
      return c.json({ pairs: pairs.map(presentRecordPair) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/projects/{projectId}/records/duplicate-pairs/{pairId}",
      tags: ["records"],
      summary: "Confirm a pair as duplicates (the later record is marked) or reject it (two works; a confirmation is undone)",
      request: { params: PairParams, body: { content: { "application/json": { schema: Decision } }, required: true } },
      responses: { 200: json(PairSchema, "The pair as decided"), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId, pairId } = c.req.valid("param");
      const store = c.var.deps.store;
      await authorizeProject(store.db, projectId, user, "document.create");
      const pair = await decidePair(store, { projectId, pairId, decision: c.req.valid("json").decision, by: user.id });
      return c.json(presentRecordPair(pair), 200);
    },
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/projects/{projectId}/records/{recordId}/duplicate-of",
      tags: ["records"],
      summary: "Mark a record as a duplicate of another, or restore it (`of`: null)",
      request: { params: RecordParams, body: { content: { "application/json": { schema: MarkBody } }, required: true } },
      responses: { 200: json(RecordSchema, "The record"), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId, recordId } = c.req.valid("param");
      const store = c.var.deps.store;
      await authorizeProject(store.db, projectId, user, "document.create");
      const record = await markDuplicate(store, { projectId, recordId, of: c.req.valid("json").of });
      return c.json(presentRecord(record), 200);
    },
  );
