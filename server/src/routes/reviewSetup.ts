// Setting up a review stage: the project's inclusion and exclusion criteria, and who rates
// which records (the lead every record; a second reviewer a seeded sample or every record).
// The work done at a stage — ratings, consensus, agreement — is in review.ts.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { assignReviewer, readCriteria, saveCriteria } from "../commands/review";
import type { AppEnv } from "../env";
import { authorizeProject, requireUser } from "../policies";
import { presentAssignment } from "../presenters";
import { readAssignments } from "../review/stageItems";
import { AssignmentBody, AssignmentSchema, CriteriaSchema, StageParams } from "./reviewSchemas";
import { IdParam, errorResponses, json } from "./schemas";
import { namesOf } from "./threads";

export const reviewSetupRoutes = new OpenAPIHono<AppEnv>()
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
  );
