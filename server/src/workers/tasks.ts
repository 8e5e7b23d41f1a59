// What runs in the worker threads (see pool.ts): parsing uploaded files, deduplicating
// records and computing agreement, the kinds of work whose cost depends on what a caller sends. Each task
// validates its own input so the main thread never parses or computes anything heavy, and
// answers with a result or a message for the person — never throws for bad input, because
// an error's class does not survive the trip between threads.
import mammoth from "mammoth";
import { AgreementInputError } from "@concord/shared/agreement/errors";
import { checkAgreementLimits } from "@concord/shared/agreement/limits";
import { CliUsageError, agreementReport, parseArgs, readAgreementBody } from "@concord/shared/agreement/cli/index";
import { importRecordsFile, deduplicate, type DedupeKeys, type DedupeResult, type KnownRecord, type RecordsImport } from "@concord/shared/records/index";
import { ZipLimitError, checkZip } from "../files/zipLimits";

/** A task's answer; `limit` marks input refused for its size rather than its content. */
export type TaskResult<T> = { ok: true; value: T } | { ok: false; message: string; limit?: true };

/** The text of a .docx file, after checking the archive against the zip limits. */
export async function docxText(bytes: Uint8Array): Promise<TaskResult<string>> {
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
export function agreement(input: { json: string; argv: string[] }): TaskResult<unknown> {
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
export function recordsImport(input: { bytes: Uint8Array; fileName: string; known: KnownRecord[] }): TaskResult<RecordsImport> {
  return { ok: true, value: importRecordsFile(input.bytes, input.fileName, input.known) };
}

/** Records added by hand, deduplicated against the project's. */
export function recordsDedupe(input: { known: KnownRecord[]; incoming: DedupeKeys[] }): TaskResult<DedupeResult> {
  return { ok: true, value: deduplicate(input.known, input.incoming) };
}
