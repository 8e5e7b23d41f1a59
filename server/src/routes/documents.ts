// Documents (transcripts) of a project.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { MAX_TRANSCRIPT_CHARS, TITLE_LIMITS, checkTitle, readTranscriptText } from "@concord/shared";
import { createTranscript, textFromUpload } from "../commands/transcripts";
import type { AppEnv } from "../env";
import { errors } from "../errors";
import { authorizeDocument, authorizeProject, requireUser } from "../policies";
import { presentDocument } from "../presenters";
import { DocumentSchema, IdParam, RoleSchema, TitleSchema, errorResponses, json } from "./schemas";

const Title = TitleSchema("document");
const CreateFromText = z.object({
  title: Title,
  kind: z.literal("transcript"),
  text: z.string().max(MAX_TRANSCRIPT_CHARS, `A transcript may hold at most ${MAX_TRANSCRIPT_CHARS} characters.`),
});
const CreateFromFile = z.object({
  file: z.any().openapi({ type: "string", format: "binary", description: "A .txt (UTF-8) or .docx file" }),
  title: Title.optional(),
});
const DocumentDetail = DocumentSchema.extend({ role: RoleSchema, readOnly: z.boolean() }).openapi("DocumentDetail");

/** A title from the uploaded file's name, held to the same rule as a typed title. */
function titleFromFileName(name: string): string {
  const { what, max } = TITLE_LIMITS.document;
  const checked = checkTitle(name.replace(/\.[^.]+$/, ""), what, max);
  if (checked.ok) return checked.value;
  if (checked.problem === "empty") return "Untitled transcript";
  throw errors.validation(`The file name cannot be used as a title: ${checked.message} Rename the file or give a title.`);
}

export const documentRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: "get",
      path: "/projects/{projectId}/documents",
      tags: ["documents"],
      summary: "The project's documents",
      request: { params: IdParam("projectId") },
      responses: { 200: json(z.object({ documents: z.array(DocumentSchema) }), "Documents"), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId } = c.req.valid("param") as { projectId: string };
      const db = c.var.deps.store.db;
      await authorizeProject(db, projectId, user, "project.read");
      const rows = await db.selectFrom("documents").selectAll().where("project_id", "=", projectId).orderBy("created_at").execute();
      return c.json({ documents: rows.map(presentDocument) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/projects/{projectId}/documents",
      tags: ["documents"],
      summary: "Create a transcript from text, or from an uploaded .txt/.docx file (multipart)",
      description: "Speaker turns (`I:`, `P:`, `Interviewer:`, a name and a colon) are recognised and kept as structure.",
      request: {
        params: IdParam("projectId"),
        body: {
          // Not `required`: each content type's validator then runs only for its own type.
          content: {
            "application/json": { schema: CreateFromText },
            "multipart/form-data": { schema: CreateFromFile },
          },
        },
      },
      responses: { 201: json(DocumentSchema, "The new document"), ...errorResponses(400, 401, 403, 404, 413, 415) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId } = c.req.valid("param") as { projectId: string };
      const store = c.var.deps.store;
      await authorizeProject(store.db, projectId, user, "document.create");
      let title: string;
      let text: string;
      const contentType = c.req.header("content-type") ?? "";
      if (contentType.startsWith("multipart/form-data")) {
        const form = c.req.valid("form");
        if (!("file" in form) || !(form.file instanceof File)) throw errors.validation("Attach the transcript as the `file` field.");
        text = await textFromUpload(form.file.name, new Uint8Array(await form.file.arrayBuffer()));
        title = form.title ?? titleFromFileName(form.file.name);
      } else if (contentType.startsWith("application/json")) {
        const body = c.req.valid("json");
        if (!("text" in body)) throw errors.validation("Send the transcript as `text`.");
        ({ title, text } = body);
      } else {
        throw errors.unsupportedMedia("Send JSON {title, kind, text} or a multipart form with a `file`.");
      }
      const row = await createTranscript(store, { projectId, title, text, createdBy: user.id });
      return c.json(presentDocument(row), 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/documents/{documentId}",
      tags: ["documents"],
      summary: "A document, with your role and whether you may edit it",
      request: { params: IdParam("documentId") },
      responses: { 200: json(DocumentDetail, "The document"), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { documentId } = c.req.valid("param") as { documentId: string };
      const { document, role } = await authorizeDocument(c.var.deps.store.db, documentId, user, "project.read");
      return c.json({ ...presentDocument(document), role, readOnly: role === "viewer" }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/documents/{documentId}/text",
      tags: ["documents"],
      summary: "The document's current plain text, one speaker turn or paragraph per line",
      request: { params: IdParam("documentId") },
      responses: {
        200: { description: "Plain text", content: { "text/plain": { schema: z.string() } } },
        ...errorResponses(401, 404),
      },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { documentId } = c.req.valid("param") as { documentId: string };
      const store = c.var.deps.store;
      await authorizeDocument(store.db, documentId, user, "project.read");
      // The store holds every acknowledged update (they are logged before being applied),
      // so reading it gives the current text whether or not the document is open live.
      const doc = await store.documents.loadDoc(documentId);
      const text = readTranscriptText(doc);
      doc.destroy();
      return c.text(text, 200);
    },
  );
