// Documents (transcripts) of a project.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { MAX_TRANSCRIPT_CHARS, TITLE_LIMITS, checkTitle, readTranscriptText, type SpeakerNames } from "@concord/shared";
import { createTranscript, textFromUpload, transcriptPreview } from "../commands/transcripts";
import type { AppEnv } from "../env";
import type { WorkerPool } from "../workers/pool";
import { errors } from "../errors";
import { authorizeDocument, authorizeProject, requireUser } from "../policies";
import { presentDocument } from "../presenters";
import { selectDocuments } from "../store/documentRows";
import { documentCollab } from "../coding/collabListing";
import { CollabDocumentSchema } from "./codingSchemas";
import { DocumentSchema, IdParam, RoleSchema, TitleSchema, errorResponses, json } from "./schemas";

const Title = TitleSchema("document");
const MAX_SPEAKER_NAME = 100;
const SpeakerNamesSchema = z
  .record(
    z.string(),
    z
      .string()
      .max(MAX_SPEAKER_NAME, `A speaker's name may be at most ${MAX_SPEAKER_NAME} characters.`)
      // The plain-text form writes a turn as "Speaker: text" on one line.
      .regex(/^[^:\r\n]*$/, "A speaker's name cannot contain a colon or a line break."),
  )
  .openapi("SpeakerNames", {
    description:
      "New names for speaker labels as the preview found them. Two labels given the same name become one speaker; a blank name keeps the label.",
    example: { I: "Interviewer", P: "Alex" },
  });
const CreateFromText = z.object({
  title: Title,
  kind: z.literal("transcript"),
  text: z.string().max(MAX_TRANSCRIPT_CHARS, `A transcript may hold at most ${MAX_TRANSCRIPT_CHARS} characters.`),
  speakers: SpeakerNamesSchema.optional(),
});
const PreviewFromText = CreateFromText.extend({ title: Title.optional(), kind: z.literal("transcript").optional() });
const FromFile = z.object({
  file: z.any().openapi({ type: "string", format: "binary", description: "A .txt (UTF-8) or .docx file" }),
  title: Title.optional(),
  speakers: z.string().optional().openapi({ description: "The speaker names as JSON text, shaped like SpeakerNames" }),
});
const TranscriptBody = <T extends z.ZodType>(json: T) => ({
  // Not `required`: each content type's validator then runs only for its own type.
  content: {
    "application/json": { schema: json },
    "multipart/form-data": { schema: FromFile },
  },
});
const DocumentDetail = DocumentSchema.extend({ role: RoleSchema, readOnly: z.boolean(), collab: z.array(CollabDocumentSchema) }).openapi("DocumentDetail");
const TranscriptPreviewSchema = z
  .object({
    turns: z.array(
      z.object({
        label: z.string().nullable().openapi({ description: "The speaker label as written; null for text before the first label" }),
        speaker: z.string().nullable().openapi({ description: "The speaker as it will be stored" }),
        line: z.number().int().openapi({ description: "The line the turn starts on, counting from 1" }),
        time: z.string().optional().openapi({ description: "A timestamp written with the label; it is not stored" }),
        paragraphs: z.array(
          z.object({
            text: z.string(),
            line: z.number().int(),
            unlabelled: z.literal(true).optional().openapi({ description: "The line had no speaker label and was kept with the turn before it" }),
          }),
        ),
      }),
    ),
    speakers: z.array(z.object({ label: z.string(), name: z.string(), turns: z.number().int() })),
    unlabelledLines: z.array(z.object({ line: z.number().int(), text: z.string(), speaker: z.string().nullable() })),
    timestamps: z.number().int().openapi({ description: "How many turns had a timestamp, left out of the stored text" }),
    characters: z.number().int(),
    limit: z.number().int().openapi({ description: "The most characters a transcript may hold" }),
  })
  .openapi("TranscriptPreview");

/** A title from the uploaded file's name, held to the same rule as a typed title. */
function titleFromFileName(name: string): string {
  const { what, max } = TITLE_LIMITS.document;
  const checked = checkTitle(name.replace(/\.[^.]+$/, ""), what, max);
  if (checked.ok) return checked.value;
  if (checked.problem === "empty") return "Untitled transcript";
  throw errors.validation(`The file name cannot be used as a title: ${checked.message} Rename the file or give a title.`);
}

function speakerNamesFromForm(value: string | undefined): SpeakerNames {
  if (value === undefined || value === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw errors.validation("speakers: send the speaker names as JSON, such as {\"I\": \"Interviewer\"}.");
  }
  const result = SpeakerNamesSchema.safeParse(parsed);
  if (!result.success) throw errors.validation(`speakers: ${result.error.issues[0]?.message ?? "not valid"}`, result.error.issues);
  return result.data;
}

// Hono types each validated body as the union of the route's content types.
type Body = z.infer<typeof FromFile> | { text: string; speakers?: SpeakerNames; title?: string };

/** The transcript text, speaker names and title from either body: JSON text, or a multipart file. */
async function transcriptSource(
  workers: WorkerPool,
  contentType: string,
  form: () => Body,
  json: () => Body,
): Promise<{ text: string; speakers: SpeakerNames; title: string | undefined }> {
  if (contentType.startsWith("multipart/form-data")) {
    const body = form();
    if (!("file" in body) || !(body.file instanceof File)) throw errors.validation("Attach the transcript as the `file` field.");
    const text = await textFromUpload(workers, body.file.name, new Uint8Array(await body.file.arrayBuffer()));
    return { text, speakers: speakerNamesFromForm(body.speakers), title: body.title ?? titleFromFileName(body.file.name) };
  }
  if (contentType.startsWith("application/json")) {
    const body = json();
    if (!("text" in body)) throw errors.validation("Send the transcript as `text`.");
    return { text: body.text, speakers: body.speakers ?? {}, title: body.title };
  }
  throw errors.unsupportedMedia("Send JSON {title, kind, text} or a multipart form with a `file`.");
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
      // Title, then creation time: the order the overview starts in, and stable between requests.
      const rows = await selectDocuments(db)
        .where("documents.project_id", "=", projectId)
        .orderBy("documents.title")
        .orderBy("documents.created_at")
        .orderBy("documents.id")
        .execute();
      return c.json({ documents: rows.map(presentDocument) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/projects/{projectId}/documents/preview",
      tags: ["documents"],
      summary: "Show how a transcript would be imported, without creating it",
      description:
        "Takes the same bodies as creating a transcript (title optional). Answers with the turns as they would be stored, " +
        "the speakers found, the lines without a speaker label (kept with the turn before them) and the character count against the limit.",
      request: { params: IdParam("projectId"), body: TranscriptBody(PreviewFromText) },
      responses: { 200: json(TranscriptPreviewSchema, "The preview"), ...errorResponses(400, 401, 403, 404, 413, 415) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId } = c.req.valid("param") as { projectId: string };
      await authorizeProject(c.var.deps.store.db, projectId, user, "document.create");
      const source = await transcriptSource(c.var.deps.workers, c.req.header("content-type") ?? "", () => c.req.valid("form"), () => c.req.valid("json"));
      return c.json(transcriptPreview(source.text, source.speakers), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/projects/{projectId}/documents",
      tags: ["documents"],
      summary: "Create a transcript from text, or from an uploaded .txt/.docx file (multipart)",
      description:
        "Speaker turns (`I:`, `P:`, `Interviewer:`, `Participant 3 (Alex):`, `[Interviewer]`, with or without a timestamp before them) " +
        "are recognised and kept as structure. `speakers` renames the labels found, as the preview shows.",
      request: { params: IdParam("projectId"), body: TranscriptBody(CreateFromText) },
      responses: { 201: json(DocumentSchema, "The new document"), ...errorResponses(400, 401, 403, 404, 413, 415) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId } = c.req.valid("param") as { projectId: string };
      const store = c.var.deps.store;
      await authorizeProject(store.db, projectId, user, "document.create");
      const { text, speakers, title } = await transcriptSource(
        c.var.deps.workers,
        c.req.header("content-type") ?? "",
        () => c.req.valid("form"),
        () => c.req.valid("json"),
      );
      if (title === undefined) throw errors.validation("title: Give the transcript a title.");
      const row = await createTranscript(store, { projectId, title, text, speakers, createdBy: user.id });
      return c.json(presentDocument({ ...row, last_changed_by_name: user.name }), 201);
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
      const db = c.var.deps.store.db;
      const { document, role } = await authorizeDocument(db, documentId, user, "project.read");
      const collab = await documentCollab(db, { userId: user.id, role }, documentId);
      return c.json({ ...presentDocument(document), role, readOnly: role === "viewer", collab }, 200);
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
