// A project's bibliographic records: importing an export, listing, reading one, adding one
// by hand. Importing and adding are for those who may add sources (lead, supervisor); every
// member may read.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { RECORD_LIMITS } from "@concord/shared/records/index";
import { addRecordByHand, importRecords } from "../commands/records";
import type { AppEnv } from "../env";
import { errors } from "../errors";
import { authorizeProject, requireUser } from "../policies";
import { presentRecord, presentRecordDetail, presentRecordImport } from "../presenters";
import { ImportResultSchema, RecordDetailSchema, RecordInputSchema, RecordSchema, SourceSchema } from "./recordSchemas";
import { IdParam, errorResponses, json } from "./schemas";

const MB = 1024 * 1024;

const ImportForm = z.object({
  file: z.any().openapi({ type: "string", format: "binary", description: "A RIS (.ris, .txt), PubMed (.nbib), Web of Science plain-text or CSV export" }),
  source: SourceSchema.optional(),
});

const RecordParams = z.object({
  projectId: z.string().openapi({ param: { name: "projectId", in: "path" } }),
  recordId: z.string().openapi({ param: { name: "recordId", in: "path" } }),
});

const ImportsSchema = z.object({
  imports: z.array(
    z.object({ id: z.string(), source: z.string(), fileName: z.string(), format: z.string(), records: z.number().int(), duplicates: z.number().int(), flagged: z.number().int(), nearDuplicates: z.number().int(), addedBy: z.string(), createdAt: z.string() }),
  ),
  sources: z
    .array(z.object({ source: z.string(), records: z.number().int(), duplicates: z.number().int() }))
    .openapi({ description: "Per source as things stand now (records marked or restored since an import count as they are now): what the PRISMA diagram's identification box counts" }),
});

export const recordRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: "post",
      path: "/projects/{projectId}/records/import",
      tags: ["records"],
      summary: "Import a file of records exported from a database",
      description:
        `RIS (Scopus, Ovid, Web of Science, CINAHL, EndNote, Zotero), PubMed/MEDLINE (.nbib), Web of Science plain text or CSV; the format is read from the content. ` +
        `At most ${RECORD_LIMITS.fileBytes / MB} MB and ${RECORD_LIMITS.records.toLocaleString("en")} records. Every record is kept: one that lacks a title or has an unreadable year is stored and listed in \`flagged\`. ` +
        "Duplicates (same DOI, or same title, year and first author) are marked, not dropped; similar records become pairs to confirm or reject. " +
        "A file that is empty or not an export is refused (415 for a binary file, 422 for no records) and nothing is stored.",
      request: { params: IdParam("projectId"), body: { content: { "multipart/form-data": { schema: ImportForm } }, required: true } },
      responses: { 201: json(ImportResultSchema, "What the import stored"), ...errorResponses(400, 401, 403, 404, 413, 415, 422, 503) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId } = c.req.valid("param") as { projectId: string };
      const { store, workers } = c.var.deps;
      await authorizeProject(store.db, projectId, user, "document.create");
      const form = c.req.valid("form") as z.infer<typeof ImportForm>;
      if (!(form.file instanceof File)) throw errors.validation("Attach the exported file as the `file` field.");
      if (form.file.size > RECORD_LIMITS.fileBytes) throw errors.tooLarge(tooLargeMessage());
      const result = await importRecords(store, workers, {
        projectId,
        source: form.source,
        fileName: form.file.name,
        bytes: new Uint8Array(await form.file.arrayBuffer()),
        addedBy: user.id,
      });
      const { file, ...counts } = result;
      return c.json({ ...counts, format: file.format, database: file.database, skippedLines: file.skippedLines, windows1252: file.windows1252 }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/projects/{projectId}/records",
      tags: ["records"],
      summary: "The project's records, duplicates included and marked, in the order they came in",
      request: { params: IdParam("projectId") },
      responses: { 200: json(z.object({ records: z.array(RecordSchema) }), "Records"), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId } = c.req.valid("param") as { projectId: string };
      const db = c.var.deps.store.db;
      await authorizeProject(db, projectId, user, "project.read");
      const rows = await db.selectFrom("records").selectAll().where("project_id", "=", projectId).orderBy("created_at").orderBy("position").orderBy("id").execute();
      return c.json({ records: rows.map((row) => presentRecord(row)) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/projects/{projectId}/records/imports",
      tags: ["records"],
      summary: "The files imported, and records and duplicates per source",
      request: { params: IdParam("projectId") },
      responses: { 200: json(ImportsSchema, "Imports and counts per source"), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId } = c.req.valid("param") as { projectId: string };
      const db = c.var.deps.store.db;
      await authorizeProject(db, projectId, user, "project.read");
      const imports = await db.selectFrom("record_imports").selectAll().where("project_id", "=", projectId).orderBy("created_at").execute();
      const sources = await db
        .selectFrom("records")
        .select((eb) => ["source", eb.fn.countAll<number>().as("records"), eb.fn.count<number>("duplicate_of").as("duplicates")])
        .where("project_id", "=", projectId)
        .groupBy("source")
        .orderBy("source")
        .execute();
      return c.json(
        { imports: imports.map(presentRecordImport), sources: sources.map((s) => ({ source: s.source, records: Number(s.records), duplicates: Number(s.duplicates) })) },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/projects/{projectId}/records/{recordId}",
      tags: ["records"],
      summary: "One record, with every tag its file gave",
      request: { params: RecordParams },
      responses: { 200: json(RecordDetailSchema, "The record"), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId, recordId } = c.req.valid("param");
      const db = c.var.deps.store.db;
      await authorizeProject(db, projectId, user, "project.read");
      const row = await db.selectFrom("records").selectAll().where("project_id", "=", projectId).where("id", "=", recordId).executeTakeFirst();
      if (!row) throw errors.missing("There is no such record in this project.");
      return c.json(presentRecordDetail(row), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/projects/{projectId}/records",
      tags: ["records"],
      summary: "Add a record by hand (grey literature, a reference list, a hand search)",
      description: "Checked for duplicates like an import: `duplicateOf` says if it copies a record already there.",
      request: { params: IdParam("projectId"), body: { content: { "application/json": { schema: RecordInputSchema } }, required: true } },
      responses: { 201: json(RecordSchema.extend({ nearDuplicates: z.number().int() }), "The new record"), ...errorResponses(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId } = c.req.valid("param") as { projectId: string };
      const { store, workers } = c.var.deps;
      await authorizeProject(store.db, projectId, user, "document.create");
      const { source, ...fields } = c.req.valid("json");
      const { row, nearDuplicates } = await addRecordByHand(store, workers, { projectId, source, fields: { ...fields, doi: fields.doi || null }, addedBy: user.id });
      return c.json({ ...presentRecord(row), nearDuplicates }, 201);
    },
  );

export function tooLargeMessage(): string {
  return `A file of records may be at most ${RECORD_LIMITS.fileBytes / MB} MB. Export the search in smaller parts (most databases export a few thousand records at a time) and import each.`;
}
