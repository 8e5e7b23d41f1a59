// Per-study extraction for the study-characteristics table, and full texts marked as not
// retrieved for the PRISMA diagram. Every member reads both; those who may edit documents
// fill in extraction fields; only a lead marks a report as not retrieved (it changes what
// the screening counts, like assigning reviewers does).
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { STUDY_FIELDS, type StudyField } from "@concord/shared/review/reportTables";
import type { AppEnv } from "../env";
import { authorizeProject, requireUser } from "../policies";
import { readExtraction, readExtractions, saveExtraction, type Extraction, type IncludedRecord } from "../review/extraction";
import { listNotRetrieved, markNotRetrieved, unmarkNotRetrieved, type NotRetrieved } from "../review/retrieval";
import { namesOf } from "./threads";
import { IdParam, errorResponses, json } from "./schemas";

/** About a page of text: a thesis table's cell is a few sentences at most. */
export const EXTRACTION_FIELD_MAX = 2000;
const NOTE_MAX = 1000;

const RecordParams = z.object({
  projectId: z.string().openapi({ param: { name: "projectId", in: "path" } }),
  recordId: z.string().openapi({ param: { name: "recordId", in: "path" } }),
});
const Person = z.object({ id: z.string(), name: z.string() });
const fieldText = (label: string) => z.string().max(EXTRACTION_FIELD_MAX, { error: `${label}: at most ${EXTRACTION_FIELD_MAX} characters.` }).openapi({ description: label });
const fieldShape = Object.fromEntries(STUDY_FIELDS.map((f) => [f.key, fieldText(f.label)])) as Record<StudyField, ReturnType<typeof fieldText>>;
const FieldsSchema = z.object(fieldShape).openapi("ExtractionFields");
const StudySchema = z
  .object({
    recordId: z.string(),
    number: z.number().int().openapi({ description: "The study's number in the report tables" }),
    fields: FieldsSchema.openapi({ description: "Every field as the tables print it: what was typed, else (authors, title) what the record says" }),
    updatedBy: Person.nullable().openapi({ description: "Who last saved a field; null while nothing has been typed" }),
    updatedAt: z.string().nullable(),
  })
  .openapi("StudyExtraction");
const SaveBody = z
  .strictObject(fieldShape, { error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown field: ${issue.keys.join(", ")}. The fields are ${STUDY_FIELDS.map((f) => f.key).join(", ")}.` : undefined) })
  .partial()
  .refine((fields) => Object.keys(fields).length > 0, { error: "Give at least one field to save." })
  .openapi("ExtractionInput", { description: "The fields to save; fields left out stay as they are, an empty text clears one" });
const NotRetrievedSchema = z.object({ recordId: z.string(), note: z.string(), markedBy: Person, markedAt: z.string() }).openapi("ReportNotRetrieved");
const MarkBody = z.strictObject({ note: z.string().trim().max(NOTE_MAX, { error: `The note may be at most ${NOTE_MAX} characters.` }).default("") }).openapi("NotRetrievedInput");

type Names = Awaited<ReturnType<typeof namesOf>>;
const presentStudy = (entry: { study: IncludedRecord; extraction: Extraction }, number: number, names: Names) => ({
  recordId: entry.study.id,
  number,
  fields: entry.extraction.fields,
  updatedBy: entry.extraction.updatedBy ? names(entry.extraction.updatedBy) : null,
  updatedAt: entry.extraction.updatedAt,
});
const presentMark = (mark: NotRetrieved, names: Names) => ({ recordId: mark.recordId, note: mark.note, markedBy: names(mark.markedBy), markedAt: mark.markedAt });

export const extractionRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: "get",
      path: "/projects/{projectId}/extraction",
      tags: ["review"],
      summary: "Every study included at full text with its extraction fields, numbered as in the report tables",
      request: { params: IdParam("projectId") },
      responses: { 200: json(z.object({ studies: z.array(StudySchema) }), "The included studies"), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const { projectId } = c.req.valid("param") as { projectId: string };
      const host = c.var.deps;
      await authorizeProject(host.store.db, projectId, requireUser(c.var.user), "project.read");
      const entries = await readExtractions(host.store.db, projectId);
      const names = await namesOf(host, entries.flatMap((e) => (e.extraction.updatedBy ? [e.extraction.updatedBy] : [])));
      return c.json({ studies: entries.map((entry, i) => presentStudy(entry, i + 1, names)) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/projects/{projectId}/extraction/{recordId}",
      tags: ["review"],
      summary: "One included study's extraction fields",
      request: { params: RecordParams },
      responses: { 200: json(StudySchema, "The study"), ...errorResponses(401, 404, 409) },
    }),
    async (c) => {
      const { projectId, recordId } = c.req.valid("param");
      const host = c.var.deps;
      await authorizeProject(host.store.db, projectId, requireUser(c.var.user), "project.read");
      return c.json(await presentOne(host, await readExtraction(host.store.db, projectId, recordId)), 200);
    },
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/projects/{projectId}/extraction/{recordId}",
      tags: ["review"],
      summary: "Save some of an included study's extraction fields (members who may edit)",
      description: `Fields: ${STUDY_FIELDS.map((f) => `\`${f.key}\` (${f.label})`).join(", ")}; each at most ${EXTRACTION_FIELD_MAX} characters. 409 for a record not included at full text.`,
      request: { params: RecordParams, body: { content: { "application/json": { schema: SaveBody } }, required: true } },
      responses: { 200: json(StudySchema, "The study as saved"), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { projectId, recordId } = c.req.valid("param");
      const user = requireUser(c.var.user);
      const host = c.var.deps;
      await authorizeProject(host.store.db, projectId, user, "document.edit");
      const saved = await saveExtraction(host.store, projectId, recordId, c.req.valid("json") as Partial<Record<StudyField, string>>, user.id);
      return c.json(await presentOne(host, saved), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/projects/{projectId}/not-retrieved",
      tags: ["review"],
      summary: "The full texts sought but not retrieved",
      request: { params: IdParam("projectId") },
      responses: { 200: json(z.object({ reports: z.array(NotRetrievedSchema) }), "Reports not retrieved"), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const { projectId } = c.req.valid("param") as { projectId: string };
      const host = c.var.deps;
      await authorizeProject(host.store.db, projectId, requireUser(c.var.user), "project.read");
      const marks = await listNotRetrieved(host.store.db, projectId);
      const names = await namesOf(host, marks.map((m) => m.markedBy));
      return c.json({ reports: marks.map((m) => presentMark(m, names)) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/projects/{projectId}/not-retrieved/{recordId}",
      tags: ["review"],
      summary: "Mark a record at full text as not retrieved, with an optional note (lead only)",
      description: "The record leaves full-text screening without being assessed, and PRISMA counts it as not retrieved. 409 for a record not at full text, or one a rater has already assessed there.",
      request: { params: RecordParams, body: { content: { "application/json": { schema: MarkBody } }, required: true } },
      responses: { 200: json(NotRetrievedSchema, "The mark"), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { projectId, recordId } = c.req.valid("param");
      const user = requireUser(c.var.user);
      const host = c.var.deps;
      await authorizeProject(host.store.db, projectId, user, "review.manage");
      const mark = await markNotRetrieved(host, projectId, recordId, c.req.valid("json").note, user.id);
      return c.json(presentMark(mark, await namesOf(host, [mark.markedBy])), 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/projects/{projectId}/not-retrieved/{recordId}",
      tags: ["review"],
      summary: "Undo: the record is back at full text, to be assessed (lead only)",
      request: { params: RecordParams },
      responses: { 204: { description: "Undone" }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const { projectId, recordId } = c.req.valid("param");
      const host = c.var.deps;
      await authorizeProject(host.store.db, projectId, requireUser(c.var.user), "review.manage");
      await unmarkNotRetrieved(host, projectId, recordId);
      return c.body(null, 204);
    },
  );

async function presentOne(host: AppEnv["Variables"]["deps"], entry: { study: IncludedRecord; extraction: Extraction; number: number }) {
  return presentStudy(entry, entry.number, await namesOf(host, entry.extraction.updatedBy ? [entry.extraction.updatedBy] : []));
}
