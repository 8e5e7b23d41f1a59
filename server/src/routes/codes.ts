// The project's codebook: codes, their lineage, merge, split, delete and restore, and each
// code's segments across the project for constant comparison.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { bringBackCode, addCode, changeCode, findVisibleCode, holdBlindCode, mergeCodes, readCodebook, removeCode, splitCodes } from "../commands/codebook";
import { placeCodings, visibleLayers } from "../commands/codings";
import type { Layer } from "../coding/layers";
import { codingVisibility, visibilityCache, type CodingViewer } from "../coding/visibility";
import type { AppDeps, AppEnv } from "../env";
import { errors } from "../errors";
import { authorizeProject, requireUser } from "../policies";
import { presentCode, presentSegment } from "../presenters";
import { CodeChangesBody, CodeSchema, LineageSchema, MergeBody, NewCodeBody, SegmentSchema, SplitBody } from "./codingSchemas";
import { errorResponses, json } from "./schemas";

const CodeParams = z.object({
  projectId: z.string().openapi({ param: { name: "projectId", in: "path" } }),
  codeId: z.string().openapi({ param: { name: "codeId", in: "path" } }),
});
const ProjectParam = z.object({ projectId: z.string().openapi({ param: { name: "projectId", in: "path" } }) });

/**
 * The caller, their role and the host of the documents, for a change to the codebook
 * (document.edit); `editor` says which layers they may see, for codes held with blind work.
 */
async function editor(c: Context<AppEnv>, projectId: string) {
  const user = requireUser(c.var.user);
  const role = await authorizeProject(c.var.deps.store.db, projectId, user, "document.edit");
  const host = c.var.deps;
  return { user, role, host, editor: { userId: user.id, maySee: layerFilter(host, { userId: user.id, role }) } };
}

/** Which layers a viewer may see, by the one visibility policy, each transcript's rule read once. */
function layerFilter(host: AppDeps, viewer: CodingViewer): (layer: Pick<Layer, "documentId" | "coderId">) => Promise<boolean> {
  const visibility = visibilityCache(host.store.db, viewer);
  return async (layer) => (await visibility(layer.documentId)).maySeeLayer(layer.coderId);
}

const codeAction = <B extends z.ZodType>(path: string, summary: string, body: B) =>
  createRoute({
    method: "post",
    path,
    tags: ["codes"],
    summary,
    request: { params: CodeParams, body: { content: { "application/json": { schema: body } }, required: true } },
    responses: { 200: json(CodeSchema, "The code"), ...errorResponses(400, 401, 403, 404, 409, 413) },
  });

export const codeRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: "get",
      path: "/projects/{projectId}/codes",
      tags: ["codes"],
      summary: "The codebook: codes you may see, with counts, and the lineage of merges, splits, raises and deletes",
      request: { params: ProjectParam },
      responses: { 200: json(z.object({ codes: z.array(CodeSchema), lineage: z.array(LineageSchema) }), "The codebook"), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId } = c.req.valid("param");
      const role = await authorizeProject(c.var.deps.store.db, projectId, user, "project.read");
      const { codes, lineage } = await readCodebook(c.var.deps, projectId, layerFilter(c.var.deps, { userId: user.id, role }));
      return c.json({ codes: codes.map(presentCode), lineage }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/projects/{projectId}/codes",
      tags: ["codes"],
      summary: "Add a code",
      request: { params: ProjectParam, body: { content: { "application/json": { schema: NewCodeBody } }, required: true } },
      responses: { 201: json(CodeSchema, "The new code"), ...errorResponses(400, 401, 403, 404, 413) },
    }),
    async (c) => {
      const { projectId } = c.req.valid("param");
      const { user, host, role } = await editor(c, projectId);
      const { documentId, ...input } = c.req.valid("json");
      if (documentId !== undefined) {
        const document = await host.store.db.selectFrom("documents").select("project_id").where("id", "=", documentId).executeTakeFirst();
        if (document?.project_id !== projectId) throw errors.validation("That transcript is not in this project.");
        const { blind } = await codingVisibility(host.store.db, { userId: user.id, role }, documentId);
        if (blind) {
          if (!blind.coders.some((coder) => coder.id === user.id)) throw errors.forbidden("This transcript is being coded blind, and you are not one of its coders.");
          return c.json(presentCode(await holdBlindCode(host, projectId, documentId, input, user.id)), 201);
        }
      }
      return c.json(presentCode(await addCode(host, projectId, input, user.id)), 201);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/projects/{projectId}/codes/{codeId}",
      tags: ["codes"],
      summary: "Rename, recolour, re-level or move a code",
      description:
        "A code made during blind coding (blindDocumentId set) is changed, until reveal, by the coder who made it only, with their blind work; to anyone who may not see that work it does not exist (404).",
      request: { params: CodeParams, body: { content: { "application/json": { schema: CodeChangesBody } }, required: true } },
      responses: { 200: json(CodeSchema, "The code"), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { projectId, codeId } = c.req.valid("param");
      const { host, editor: by } = await editor(c, projectId);
      return c.json(presentCode(await changeCode(host, projectId, codeId, c.req.valid("json"), by)), 200);
    },
  )
  .openapi(codeAction("/projects/{projectId}/codes/{codeId}/merge", "Merge this code into another: its codings, in every layer, move to the survivor. A code made during blind coding is merged only after reveal (409).", MergeBody), async (c) => {
    const { projectId, codeId } = c.req.valid("param");
    const { host, editor: by } = await editor(c, projectId);
    const { into, memo } = c.req.valid("json");
    return c.json(presentCode((await mergeCodes(host, projectId, codeId, into, by, memo)).into), 200);
  })
  .openapi(codeAction("/projects/{projectId}/codes/{codeId}/split", "Split a new code off this one, holding the chosen codings; answers with the new code. A code made during blind coding is split only after reveal (409).", SplitBody), async (c) => {
    const { projectId, codeId } = c.req.valid("param");
    const { host, editor: by } = await editor(c, projectId);
    return c.json(presentCode((await splitCodes(host, projectId, codeId, c.req.valid("json"), by)).code), 200);
  })
  .openapi(
    createRoute({
      method: "post",
      path: "/projects/{projectId}/codes/{codeId}/restore",
      tags: ["codes"],
      summary: "Undo the delete of a code",
      description:
        "A deleted code keeps its codings and can be restored; a merged one cannot (409): split its codings out of the survivor instead. A code made during blind coding is restored, until reveal, by the coder who made it only.",
      request: { params: CodeParams },
      responses: { 200: json(CodeSchema, "The restored code"), ...errorResponses(401, 403, 404, 409) },
    }),
    async (c) => {
      const { projectId, codeId } = c.req.valid("param");
      const { host, editor: by } = await editor(c, projectId);
      return c.json(presentCode(await bringBackCode(host, projectId, codeId, by)), 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/projects/{projectId}/codes/{codeId}",
      tags: ["codes"],
      summary: "Delete a code (softly: its codings stay, and POST …/restore undoes it)",
      description: "A code made during blind coding is deleted, until reveal, by the coder who made it only (and joins the codebook deleted at reveal).",
      request: { params: CodeParams },
      responses: { 200: json(CodeSchema, "The deleted code"), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { projectId, codeId } = c.req.valid("param");
      const { host, editor: by } = await editor(c, projectId);
      return c.json(presentCode(await removeCode(host, projectId, codeId, by)), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/projects/{projectId}/codes/{codeId}/segments",
      tags: ["codes"],
      summary: "Every segment coded with this code across the project's transcripts, as the text is now",
      request: { params: CodeParams },
      responses: { 200: json(z.object({ segments: z.array(SegmentSchema) }), "The segments"), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId, codeId } = c.req.valid("param");
      const host = c.var.deps;
      const role = await authorizeProject(host.store.db, projectId, user, "project.read");
      const maySee = layerFilter(host, { userId: user.id, role });
      if (!(await findVisibleCode(host, projectId, codeId, maySee))) throw errors.missing("This project's codebook has no such code.");
      const layers = [];
      for (const layer of await visibleLayers(host, { projectId }, () => true)) if (await maySee(layer)) layers.push(layer);
      const segments = await placeCodings(host, layers, (coding) => coding.codeId === codeId);
      return c.json({ segments: segments.map(presentSegment) }, 200);
    },
  );
