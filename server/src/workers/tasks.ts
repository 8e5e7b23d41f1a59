// What runs in the worker threads (see pool.ts): parsing uploaded files, deduplicating
// records and computing agreement, the kinds of work whose cost depends on what a caller sends. Each task
// validates its own input so the main thread never parses or computes anything heavy, and
// answers with a result or a message for the person — never throws for bad input, because
// an error's class does not survive the trip between threads.
//
// Each task imports what it needs when it first runs: a thread starting for a statistic
// then does not first load the .docx reader and the record parsers (over a second each,
// through the TypeScript loader, on a busy machine).
import type { DedupeKeys, DedupeResult, KnownRecord, RecordsImport } from "@concord/shared/records/index";
import type { ItemReport, RatingTable } from "@concord/shared/agreement/types";
import type { DocumentAgreementOptions, DocumentAgreementReport, IdentifiedSegment } from "@concord/shared/agreement/text/index";

/** A task's answer; `limit` marks input refused for its size rather than its content. */
export type TaskResult<T> = { ok: true; value: T } | { ok: false; message: string; limit?: true };

/** The text of a .docx file, after checking the archive against the zip limits. */
export async function docxText(bytes: Uint8Array): Promise<TaskResult<string>> {
  const [{ default: mammoth }, { ZipLimitError, checkZip }] = await Promise.all([import("mammoth"), import("../files/zipLimits")]);
  try {
    checkZip(bytes);
  } catch (error) {
    if (error instanceof ZipLimitError) return { ok: false, message: error.message, ...(error.limit ? { limit: true } : {}) };
    throw error;
  }
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return { ok: true, value };
  } catch {
    return { ok: false, message: "This .docx file could not be read. Save it again from Word and retry." };
  }
}

/** POST /api/agreement's work: the body's JSON text and the CLI-style options in, the report out. */
export async function agreement(input: { json: string; argv: string[] }): Promise<TaskResult<unknown>> {
  const [{ AgreementInputError }, { checkAgreementLimits }, { CliUsageError, agreementReport, parseArgs, readAgreementBody }] = await Promise.all([
    import("@concord/shared/agreement/errors"),
    import("@concord/shared/agreement/limits"),
    import("@concord/shared/agreement/cli/index"),
  ]);
  let body: unknown;
  try {
    body = JSON.parse(input.json);
  } catch (error) {
    return { ok: false, message: `The body is not valid JSON: ${(error as Error).message}` };
  }
  try {
    const { options, categories } = parseArgs(["request-body", ...input.argv]);
    const parsed = readAgreementBody(body, options.level ?? "nominal", categories);
    checkAgreementLimits(parsed, options);
    return { ok: true, value: agreementReport(parsed, options) };
  } catch (error) {
    if (error instanceof AgreementInputError || error instanceof CliUsageError) {
      return { ok: false, message: error.message };
    }
    throw error;
  }
}

/** An uploaded export read and deduplicated against the project's records (`known`). */
export async function recordsImport(input: { bytes: Uint8Array; fileName: string; known: KnownRecord[] }): Promise<TaskResult<RecordsImport>> {
  const { importRecordsFile } = await import("@concord/shared/records/index");
  return { ok: true, value: importRecordsFile(input.bytes, input.fileName, input.known) };
}

/** Records added by hand, deduplicated against the project's. */
export async function recordsDedupe(input: { known: KnownRecord[]; incoming: DedupeKeys[] }): Promise<TaskResult<DedupeResult>> {
  const { deduplicate } = await import("@concord/shared/records/index");
  return { ok: true, value: deduplicate(input.known, input.incoming) };
}

/** A transcript's coded text, as the agreement of a blind round is computed from it. */
export interface CodedTextInput {
  text: string;
  segments: IdentifiedSegment[];
}

/**
 * GET /api/documents/{documentId}/agreement's work: the agreement of the coded text now and,
 * when kept, at reveal and after the latest settling, each at the same unit and threshold.
 */
export async function documentAgreementReports(input: {
  current: CodedTextInput;
  kept: Partial<Record<"reveal" | "settled", CodedTextInput>>;
  options: DocumentAgreementOptions;
}): Promise<TaskResult<{ current: DocumentAgreementReport; kept: Partial<Record<"reveal" | "settled", DocumentAgreementReport>> }>> {
  const [{ documentAgreement }, { AgreementInputError }] = await Promise.all([
    import("@concord/shared/agreement/text/index"),
    import("@concord/shared/agreement/errors"),
  ]);
  try {
    const kept: Partial<Record<"reveal" | "settled", DocumentAgreementReport>> = {};
    for (const [moment, coded] of Object.entries(input.kept) as ["reveal" | "settled", CodedTextInput][]) {
      kept[moment] = documentAgreement(coded.text, coded.segments, input.options);
    }
    return { ok: true, value: { current: documentAgreement(input.current.text, input.current.segments, input.options), kept } };
  } catch (error) {
    if (error instanceof AgreementInputError) return { ok: false, message: error.message };
    throw error;
  }
}

/**
 * A diagram drawn as PNG from its SVG, at twice its size for print. The fonts come with
 * Concord (DejaVu Sans, from npm) rather than from the machine, so the image is the same on
 * a laptop without fonts as on the server it was tested on.
 */
export async function svgToPng(input: { svg: string }): Promise<TaskResult<Uint8Array>> {
  const [{ Resvg }, { createRequire }] = await Promise.all([import("@resvg/resvg-js"), import("node:module")]);
  const fonts = createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json").replace(/package\.json$/, "ttf/");
  const rendered = new Resvg(input.svg, {
    font: { loadSystemFonts: false, fontFiles: [`${fonts}DejaVuSans.ttf`, `${fonts}DejaVuSans-Bold.ttf`], defaultFontFamily: "DejaVu Sans" },
    fitTo: { mode: "zoom", value: 2 },
  }).render();
  return { ok: true, value: rendered.asPng() };
}

/** A report table written as a Word document or a spreadsheet. */
export async function reportTableFile(input: {
  table: import("@concord/shared/review/reportTables").ReportTable;
  format: import("../exports/tableFormats").TableFormat;
}): Promise<TaskResult<Uint8Array>> {
  const { tableDocx, tableXlsx } = await import("../exports/tableFiles");
  return { ok: true, value: await (input.format === "docx" ? tableDocx(input.table) : tableXlsx(input.table)) };
}

type Tables = { before: RatingTable; after: RatingTable };
type StageAgreement = { before: ItemReport | null; after: ItemReport | null; reason: string | null };

/**
 * GET /api/projects/{projectId}/stages/{stage}/agreement's work: the agreement engine's report
 * of the independent answers (`before`) and of the answers after consensus (`after`), or the
 * reason there is none yet (no revealed item rated by two people); and the same for each
 * checklist question alone (`perQuestion`), where a question's own reason (say, too few items)
 * leaves the others standing.
 */
export async function reviewAgreement(
  input: Tables & { perQuestion?: ({ question: string } & Tables)[] },
): Promise<TaskResult<StageAgreement & { per_question: ({ question: string } & StageAgreement)[] }>> {
  const [{ itemAgreement }, { AgreementInputError }] = await Promise.all([import("@concord/shared/agreement/item/index"), import("@concord/shared/agreement/errors")]);
  const agreementOf = (tables: Tables): StageAgreement => {
    if (tables.before.unitIds.length === 0) return { before: null, after: null, reason: "No item rated by two people has been revealed yet." };
    return { before: itemAgreement(tables.before), after: itemAgreement(tables.after), reason: null };
  };
  try {
    const whole = agreementOf(input);
    const perQuestion = (input.perQuestion ?? []).map(({ question, ...tables }) => {
      try {
        return { question, ...agreementOf(tables) };
      } catch (error) {
        if (error instanceof AgreementInputError) return { question, before: null, after: null, reason: error.message };
        throw error;
      }
    });
    return { ok: true, value: { ...whole, per_question: perQuestion } };
  } catch (error) {
    if (error instanceof AgreementInputError) return { ok: false, message: error.message };
    throw error;
  }
}

/** A document's stored snapshot and logged updates merged into one state (compaction's work). */
export async function mergeDocumentState(input: { parts: Uint8Array[]; documentId: string }): Promise<TaskResult<Uint8Array>> {
  const { mergeHere } = await import("../store/documentState");
  return { ok: true, value: await mergeHere(input.parts, input.documentId) };
}
