// Codings of a transcript: made by the caller in their own layer, listed as offsets into
// the current text (GET /api/documents/{documentId}/text).
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { changeCodingNote, deleteCoding, locateCoding, makeCoding, placeCodings, visibleLayers, type Placement } from "../commands/codings";
import { codingVisibility } from "../coding/visibility";
import type { AppEnv } from "../env";
import type { User } from "../auth/identify";
import type { DocumentHost } from "../collab/serverWrites";
import { errors } from "../errors";
import { authorizeDocument, requireUser } from "../policies";
import { presentCoding } from "../presenters";
import { CodingNoteBody, CodingSchema, NewCodingBody } from "./codingSchemas";
import { IdParam, errorResponses, json } from "./schemas";

function placementOf(body: z.infer<typeof NewCodingBody>): Placement {
  const offsets = body.start !== undefined || body.end !== undefined;
  if (offsets === (body.anchor !== undefined)) throw errors.validation("Give either start and end (offsets into the text) or an anchor, not both.");
  if (body.anchor) return { anchor: { start: Buffer.from(body.anchor.start, "base64"), end: Buffer.from(body.anchor.end, "base64") } };
  if (body.start === undefined || body.end === undefined) throw errors.validation("Give both start and end.");
  return { start: body.start, end: body.end };
}

/**
 * The caller's own coding, by id. A coding in a layer the caller may not see (a blind
 * coder's) is as missing as one that does not exist; someone else's visible coding is 403.
 */
async function ownCoding(host: DocumentHost, user: User, codingId: string, refusal: string) {
  const coding = await locateCoding(host, codingId);
  if (!coding) throw errors.missing("There is no such coding.");
  const { role } = await authorizeDocument(host.store.db, coding.documentId, user, "project.read");
  if (!(await codingVisibility(host.store.db, { userId: user.id, role }, coding.documentId)).maySeeLayer(coding.coderId)) throw errors.missing("There is no such coding.");
  if (coding.coderId !== user.id) throw errors.forbidden(refusal);
  return coding;
}

export const codingRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: "post",
      path: "/documents/{documentId}/codings",
      tags: ["codings"],
      summary: "Code a span of the transcript: the caller is the coder",
      request: { params: IdParam("documentId"), body: { content: { "application/json": { schema: NewCodingBody } }, required: true } },
      responses: { 201: json(CodingSchema, "The new coding"), ...errorResponses(400, 401, 403, 404, 413) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { documentId } = c.req.valid("param") as { documentId: string };
      const host = c.var.deps;
      const { document, role } = await authorizeDocument(host.store.db, documentId, user, "project.read");
      if (!(await codingVisibility(host.store.db, { userId: user.id, role }, documentId)).mayCode) throw errors.forbidden("Your role in this project does not include coding.");
      const body = c.req.valid("json");
      const coding = await makeCoding(host, {
        documentId,
        projectId: document.project_id,
        codeId: body.codeId,
        placement: placementOf(body),
        note: body.note ?? "",
        coder: { id: user.id, name: user.name },
      });
      return c.json(presentCoding(coding), 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/documents/{documentId}/codings",
      tags: ["codings"],
      summary: "The codings of this transcript you may see, placed in its current text",
      request: { params: IdParam("documentId") },
      responses: { 200: json(z.object({ codings: z.array(CodingSchema) }), "Codings in text order"), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { documentId } = c.req.valid("param") as { documentId: string };
      const host = c.var.deps;
      const { role } = await authorizeDocument(host.store.db, documentId, user, "project.read");
      const visibility = await codingVisibility(host.store.db, { userId: user.id, role }, documentId);
      const layers = await visibleLayers(host, { documentId }, (layer) => visibility.maySeeLayer(layer.coderId));
      return c.json({ codings: (await placeCodings(host, layers)).map(presentCoding) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/codings/{codingId}",
      tags: ["codings"],
      summary: "Remove one of your codings",
      request: { params: IdParam("codingId") },
      responses: { 204: { description: "Removed" }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { codingId } = c.req.valid("param") as { codingId: string };
      const host = c.var.deps;
      const coding = await ownCoding(host, user, codingId, "Only the person who made a coding can remove it.");
      await deleteCoding(host, coding);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/codings/{codingId}",
      tags: ["codings"],
      summary: "Change the note of one of your codings",
      description: "Everyone who may see the coding's layer sees the new note live. Only the coder who made the coding may change it (403); a coding you may not see is 404.",
      request: { params: IdParam("codingId"), body: { content: { "application/json": { schema: CodingNoteBody } }, required: true } },
      responses: { 200: json(CodingSchema, "The coding with its new note"), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { codingId } = c.req.valid("param") as { codingId: string };
      const host = c.var.deps;
      const coding = await ownCoding(host, user, codingId, "Only the person who made a coding can change its note.");
      return c.json(presentCoding(await changeCodingNote(host, coding, c.req.valid("json").note)), 200);
    },
  );
