// What runs in the worker threads (see pool.ts): parsing uploaded files and computing
// agreement, the two kinds of work whose cost depends on what a caller sends. Each task
// validates its own input so the main thread never parses or computes anything heavy, and
// answers with a result or a message for the person — never throws for bad input, because
// an error's class does not survive the trip between threads.
import mammoth from "mammoth";
import { AgreementInputError } from "@concord/shared/agreement/errors";
import { checkAgreementLimits } from "@concord/shared/agreement/limits";
import { CliUsageError, agreementReport, parseArgs, readAgreementBody } from "@concord/shared/agreement/cli/index";
import { documentAgreement, type DocumentAgreementOptions, type DocumentAgreementReport, type IdentifiedSegment } from "@concord/shared/agreement/text/index";
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

/** A transcript's coded text, as the agreement of a blind round is computed from it. */
export interface CodedTextInput {
  text: string;
  segments: IdentifiedSegment[];
}

/**
 * GET /api/documents/{documentId}/agreement's work: the agreement of the coded text now and,
 * when kept, at reveal and after the latest settling, each at the same unit and threshold.
 */
export function documentAgreementReports(input: {
  current: CodedTextInput;
  kept: Partial<Record<"reveal" | "settled", CodedTextInput>>;
  options: DocumentAgreementOptions;
}): TaskResult<{ current: DocumentAgreementReport; kept: Partial<Record<"reveal" | "settled", DocumentAgreementReport>> }> {
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
