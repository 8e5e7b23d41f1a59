// The project's appraisal checklists: the built-in CASP and the team's own, each version
// immutable; the lead creates one, publishes a new version by editing it, and chooses the
// checklist new appraisals are given against. Anyone in the project may read them: the
// appraisal screen renders a rating from the definition of the version it was given against.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { ChecklistDefinitionSchema, ChecklistSchema } from "@concord/shared/appraisal/checklist";
import { chooseChecklist, createChecklist, currentChecklist, listChecklists, publishVersion, readChecklistVersion } from "../commands/checklists";
import type { AppEnv } from "../env";
import { errors } from "../errors";
import { authorizeProject, requireUser } from "../policies";
import { namesOf } from "./threads";
import { IdParam, errorResponses, json } from "./schemas";

const Person = z.object({ id: z.string(), name: z.string() });
const KeyParams = z.object({
  projectId: z.string().openapi({ param: { name: "projectId", in: "path" } }),
  key: z.string().max(40, "Not a checklist key.").openapi({ param: { name: "key", in: "path" } }),
});
const VersionParams = KeyParams.extend({
  version: z.coerce.number({ error: "The version is a whole number." }).int("The version is a whole number.").min(1).max(1_000_000).openapi({ param: { name: "version", in: "path" }, type: "integer" }),
});
// The shared schemas are plain zod (shared/ knows nothing of OpenAPI): documented as they are.
const Definition = ChecklistDefinitionSchema.meta({
  description: "A checklist as a team writes it (the server gives the version): questions with their answers (most to least met) and prompts, and optionally its scoring (points per answer key, the questions counted, grade bands highest first).",
});
const ChecklistAnswer = z.object({ checklist: ChecklistSchema.meta({ description: "One version of a checklist, with its key and version" }) });
const SummarySchema = z
  .object({
    key: z.string(),
    name: z.string().openapi({ description: "The latest version's name" }),
    builtIn: z.boolean(),
    current: z.boolean().openapi({ description: "New appraisals are given against this checklist's latest version" }),
    versions: z.array(z.object({ version: z.number().int(), name: z.string(), createdAt: z.string().nullable(), createdBy: Person.nullable() })),
  })
  .openapi("ChecklistSummary");

const body = { content: { "application/json": { schema: Definition } }, required: true };

export const checklistRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: "get",
      path: "/projects/{projectId}/checklists",
      tags: ["review"],
      summary: "The project's appraisal checklists, the built-in CASP included, with their versions",
      request: { params: IdParam("projectId") },
      responses: { 200: json(z.object({ checklists: z.array(SummarySchema), current: z.object({ key: z.string(), version: z.number().int() }) }), "The checklists"), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId } = c.req.valid("param") as { projectId: string };
      const db = c.var.deps.store.db;
      await authorizeProject(db, projectId, user, "project.read");
      const [checklists, current] = await Promise.all([listChecklists(db, projectId), currentChecklist(db, projectId)]);
      const named = await namesOf(c.var.deps, checklists.flatMap((s) => s.versions.flatMap((v) => (v.createdBy ? [v.createdBy] : []))));
      return c.json(
        {
          checklists: checklists.map((s) => ({ ...s, versions: s.versions.map((v) => ({ ...v, createdBy: v.createdBy ? named(v.createdBy) : null })) })),
          current: { key: current.key, version: current.version },
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/projects/{projectId}/checklists",
      tags: ["review"],
      summary: "Create a checklist of the project's own, as its version 1 (lead only)",
      description: "409 if the project has a checklist with this key already, or it is the built-in one's (`casp-qualitative`). Nothing is stored when the definition is refused.",
      request: { params: IdParam("projectId"), body },
      responses: { 201: json(ChecklistAnswer, "The checklist as stored"), ...errorResponses(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId } = c.req.valid("param") as { projectId: string };
      const db = c.var.deps.store.db;
      await authorizeProject(db, projectId, user, "review.manage");
      return c.json({ checklist: await createChecklist(db, projectId, c.req.valid("json"), user.id) }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/projects/{projectId}/checklists/{key}/versions",
      tags: ["review"],
      summary: "Publish a checklist's next version: the edited definition (lead only)",
      description:
        "The server numbers it latest + 1. Earlier versions are never rewritten: every rating keeps the version it was given against, and its score. If the checklist is the project's choice, new appraisals use this version. The built-in checklist cannot be edited (409): create one of your own from a copy.",
      request: { params: KeyParams, body },
      responses: { 201: json(ChecklistAnswer, "The new version"), ...errorResponses(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId, key } = c.req.valid("param");
      const db = c.var.deps.store.db;
      await authorizeProject(db, projectId, user, "review.manage");
      return c.json({ checklist: await publishVersion(db, projectId, key, c.req.valid("json"), user.id) }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/projects/{projectId}/checklists/{key}/versions/{version}",
      tags: ["review"],
      summary: "One version of a checklist: what a rating given against `key@version` answers",
      request: { params: VersionParams },
      responses: { 200: json(ChecklistAnswer, "The definition"), ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId, key, version } = c.req.valid("param");
      const db = c.var.deps.store.db;
      await authorizeProject(db, projectId, user, "project.read");
      const checklist = await readChecklistVersion(db, projectId, key, version);
      if (!checklist) throw errors.missing(`The project has no version ${version} of a checklist "${key}".`);
      return c.json({ checklist }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/projects/{projectId}/appraisal-checklist",
      tags: ["review"],
      summary: "The checklist a new appraisal is given against: the chosen checklist's latest version",
      request: { params: IdParam("projectId") },
      responses: { 200: json(ChecklistAnswer, "The definition"), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId } = c.req.valid("param") as { projectId: string };
      const db = c.var.deps.store.db;
      await authorizeProject(db, projectId, user, "project.read");
      return c.json({ checklist: await currentChecklist(db, projectId) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/projects/{projectId}/appraisal-checklist",
      tags: ["review"],
      summary: "Choose the checklist new appraisals are given against (lead only)",
      description: "Applies to ratings first saved from now on; a rating already saved keeps the `key@version` it was given against, and its score.",
      request: {
        params: IdParam("projectId"),
        body: { content: { "application/json": { schema: z.strictObject({ key: z.string().min(1).max(40, "Not a checklist key.") }).openapi("AppraisalChecklistChoice") } }, required: true },
      },
      responses: { 200: json(ChecklistAnswer, "The checklist now current"), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId } = c.req.valid("param") as { projectId: string };
      const db = c.var.deps.store.db;
      await authorizeProject(db, projectId, user, "review.manage");
      return c.json({ checklist: await chooseChecklist(db, projectId, c.req.valid("json").key) }, 200);
    },
  );
