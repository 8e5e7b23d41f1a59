// The review's reports for the write-up: the PRISMA 2020 flow diagram (SVG, PNG, and its
// counts as JSON), the appraisal scores and study-characteristics tables (DOCX, XLSX, CSV)
// and each screening stage's decisions (CSV). Drawn from settled outcomes only (see
// review/reports.ts), so any member may fetch them without seeing blind work.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { STAGES, type Stage } from "@concord/shared";
import { prismaInconsistencies, prismaSvg } from "@concord/shared/review/prisma";
import { tableCsv, type ReportTable } from "@concord/shared/review/reportTables";
import { readCriteria } from "../commands/review";
import type { AppEnv } from "../env";
import { TABLE_MEDIA_TYPES } from "../exports/tableFormats";
import { authorizeProject, requireUser } from "../policies";
import { decisionsTable } from "../review/decisionsCsv";
import { reviewPrismaCounts, reviewTables } from "../review/reports";
import { readStageItems } from "../review/stageItems";
import { reviewViewer } from "../review/visibility";
import { namesOf } from "./threads";
import { errorResponses, json } from "./schemas";

/** Drawing or writing a file of a review of thousands of records takes well under a second. */
const FILE_TIMEOUT_MS = 20_000;
const ProjectParam = z.object({ projectId: z.string().openapi({ param: { name: "projectId", in: "path" } }) });
const FILES = ["appraisal-scores.docx", "appraisal-scores.xlsx", "appraisal-scores.csv", "study-characteristics.docx", "study-characteristics.xlsx", "study-characteristics.csv"] as const;
const STAGE_LABELS: Record<Stage, string> = { title_abstract: "Title and abstract screening", full_text: "Full-text screening", appraisal: "Quality appraisal" };

const Count = z.object({ label: z.string(), n: z.number().int() });
const PrismaSchema = z
  .object({
    counts: z.object({
      main: z.object({
        databases: z.array(Count),
        registers: z.number().int(),
        duplicatesRemoved: z.number().int(),
        markedIneligibleByAutomation: z.number().int(),
        removedForOtherReasons: z.number().int(),
        screened: z.number().int(),
        screenedExcluded: z.number().int(),
        sought: z.number().int(),
        notRetrieved: z.number().int(),
        assessed: z.number().int(),
        excludedWithReasons: z.array(Count),
      }),
      other: z
        .object({ identified: z.array(Count), sought: z.number().int(), notRetrieved: z.number().int(), assessed: z.number().int(), excludedWithReasons: z.array(Count) })
        .nullable()
        .openapi({ description: "Records added by hand (grey literature, reference lists), the template's second path; null when there are none" }),
      studiesIncluded: z.number().int(),
      reportsIncluded: z.number().int(),
    }),
    inconsistencies: z.array(z.string()).openapi({ description: "Where the counts do not add up yet (records awaiting a decision), in plain words" }),
  })
  .openapi("PrismaCounts");

async function member(c: { var: AppEnv["Variables"] }, projectId: string) {
  const user = requireUser(c.var.user);
  const role = await authorizeProject(c.var.deps.store.db, projectId, user, "project.read");
  return { user, role };
}

const download = (name: string) => ({ "content-disposition": `attachment; filename="${name}"` });

export const reviewReportRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: "get",
      path: "/projects/{projectId}/prisma",
      tags: ["review"],
      summary: "The PRISMA 2020 flow diagram's counts, from every stage's settled outcomes",
      request: { params: ProjectParam },
      responses: { 200: json(PrismaSchema, "The counts"), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const { projectId } = c.req.valid("param");
      await member(c, projectId);
      const counts = await reviewPrismaCounts(c.var.deps, projectId);
      return c.json({ counts, inconsistencies: prismaInconsistencies(counts) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/projects/{projectId}/prisma.svg",
      tags: ["review"],
      summary: "The PRISMA 2020 flow diagram as SVG",
      request: { params: ProjectParam },
      responses: { 200: { description: "SVG", content: { "image/svg+xml": { schema: z.string() } } }, ...errorResponses(401, 404) },
    }),
    async (c) => {
      const { projectId } = c.req.valid("param");
      await member(c, projectId);
      const svg = prismaSvg(await reviewPrismaCounts(c.var.deps, projectId));
      return c.body(svg, 200, { "content-type": "image/svg+xml; charset=utf-8" });
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/projects/{projectId}/prisma.png",
      tags: ["review"],
      summary: "The PRISMA 2020 flow diagram as PNG (twice the SVG's size, for print)",
      request: { params: ProjectParam },
      responses: { 200: { description: "PNG", content: { "image/png": { schema: z.string().openapi({ format: "binary" }) } } }, ...errorResponses(401, 404, 422, 503) },
    }),
    async (c) => {
      const { projectId } = c.req.valid("param");
      await member(c, projectId);
      const svg = prismaSvg(await reviewPrismaCounts(c.var.deps, projectId));
      const png = await c.var.deps.workers.run("svgToPng", { svg }, { timeoutMs: FILE_TIMEOUT_MS, what: "Drawing the PRISMA diagram" });
      return c.body(new Uint8Array(png), 200, { "content-type": "image/png", ...download("prisma-2020.png") });
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/projects/{projectId}/reports/{file}",
      tags: ["review"],
      summary: "A table for the write-up: the appraisal scores per included study (Table 5's shape) or the study characteristics (Table 4's), as DOCX, XLSX or CSV",
      description: "Studies are those included at full text, numbered in the order records are listed, the same in both tables; answers are the consensus, or those every rater gave alike.",
      request: {
        params: ProjectParam.extend({ file: z.enum(FILES, { error: `The file must be one of: ${FILES.join(", ")}.` }).openapi({ param: { name: "file", in: "path" } }) }),
      },
      responses: {
        200: {
          description: "The file",
          content: {
            [TABLE_MEDIA_TYPES.docx]: { schema: z.string().openapi({ format: "binary" }) },
            [TABLE_MEDIA_TYPES.xlsx]: { schema: z.string().openapi({ format: "binary" }) },
            "text/csv": { schema: z.string() },
          },
        },
        ...errorResponses(400, 401, 404, 422, 503),
      },
    }),
    async (c) => {
      const { projectId, file } = c.req.valid("param");
      await member(c, projectId);
      const tables = await reviewTables(c.var.deps, projectId);
      const [name, format] = file.split(".") as ["appraisal-scores" | "study-characteristics", "docx" | "xlsx" | "csv"];
      return tableFile(c.var.deps, name === "appraisal-scores" ? tables.appraisal : tables.studies, format, file);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/projects/{projectId}/stages/{stage}/decisions.csv",
      tags: ["review"],
      summary: "A stage's decisions as CSV: one row per record and rater, as the caller may see them",
      request: {
        params: ProjectParam.extend({ stage: z.enum(STAGES, { error: `The stage must be one of: ${STAGES.join(", ")}.` }).openapi({ param: { name: "stage", in: "path" } }) }),
      },
      responses: { 200: { description: "CSV", content: { "text/csv": { schema: z.string() } } }, ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { projectId, stage } = c.req.valid("param");
      const { user, role } = await member(c, projectId);
      const host = c.var.deps;
      const [viewer, items, criteria] = await Promise.all([
        reviewViewer(host.store.db, projectId, stage, { userId: user.id, role }),
        readStageItems(host.store.db, projectId, stage),
        readCriteria(host, projectId),
      ]);
      const ids = items.map((item) => item.itemId);
      const rows = ids.length === 0 ? [] : await host.store.db.selectFrom("records").select(["id", "title", "year", "source"]).where("id", "in", ids).execute();
      const records = new Map(rows.map((r) => [r.id, { ...r, year: r.year === null ? null : Number(r.year) }]));
      const names = await namesOf(host, items.flatMap((item) => item.raters));
      const reasons = new Map([...criteria.inclusion, ...criteria.exclusion].map((cr) => [cr.id, cr.text]));
      const table = decisionsTable(STAGE_LABELS[stage], items, records, viewer, (id) => names(id).name, (id) => reasons.get(id) ?? id);
      return c.body(tableCsv(table), 200, { "content-type": "text/csv; charset=utf-8", ...download(`${stage}-decisions.csv`) });
    },
  );

async function tableFile(host: AppEnv["Variables"]["deps"], table: ReportTable, format: "docx" | "xlsx" | "csv", name: string) {
  const headers = download(name);
  if (format === "csv") return new Response(tableCsv(table), { status: 200, headers: { "content-type": "text/csv; charset=utf-8", ...headers } });
  const bytes = await host.workers.run("reportTableFile", { table, format }, { timeoutMs: FILE_TIMEOUT_MS, what: "Writing the table" });
  return new Response(new Uint8Array(bytes), { status: 200, headers: { "content-type": TABLE_MEDIA_TYPES[format], ...headers } });
}
