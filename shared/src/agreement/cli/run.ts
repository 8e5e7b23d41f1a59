// The whole command apart from process I/O: arguments and file text in, output and exit
// status out, so tests run it in-process.

import { AgreementInputError } from "../errors";
import type { ItemReport, UnitizingReport } from "../types";
import { CliUsageError, parseArgs, USAGE } from "./args";
import { parseCsv } from "./csv";
import { AgreementFileError } from "./errors";
import { formatItemReport, formatUnitizingReport } from "./format";
import { agreementReport, readAgreementBody, type AgreementInput } from "./fromJson";

export interface CliResult {
  code: 0 | 2;
  stdout: string;
  stderr: string;
}

/** The file's content, or throws with a message for the user. */
export type ReadFile = (path: string) => string;

/** "position 12" → "line 2, column 5" of the JSON text, when V8 gives a position. */
function jsonSyntaxMessage(text: string, err: SyntaxError): string {
  const at = /position (\d+)/.exec(err.message);
  if (!at) return `invalid JSON: ${err.message}`;
  const before = text.slice(0, Number(at[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return `invalid JSON at line ${line}, column ${column}: ${err.message}`;
}

function isJson(path: string, text: string): boolean {
  return /\.json$/i.test(path) || /^\s*[[{]/.test(text);
}

export function runCli(argv: readonly string[], readFile: ReadFile): CliResult {
  const fail = (message: string): CliResult => ({ code: 2, stdout: "", stderr: `agreement: ${message}\n` });
  let args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (err instanceof CliUsageError) return fail(`${err.message}\n\n${USAGE}`);
    throw err;
  }
  let text: string;
  try {
    text = readFile(args.file);
  } catch (err) {
    return fail(`cannot read ${args.file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const level = args.options.level ?? "nominal";
  // Where a unit / rater index of the item engine's errors lies in the file.
  let locate = (row: number, column: number) => `unit ${row + 1}, rater ${column + 1}`;
  try {
    let input: AgreementInput;
    if (text.trim() === "") throw new AgreementFileError("the file is empty");
    if (isJson(args.file, text)) {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (err) {
        if (err instanceof SyntaxError) throw new AgreementFileError(jsonSyntaxMessage(text, err));
        throw err;
      }
      input = readAgreementBody(body, level, args.categories);
      locate = (row, column) => `raters[${column}][${row}]`;
    } else {
      const { table, lines } = parseCsv(text, level, args.categories);
      input = { kind: "items", table };
      locate = (row, column) => `line ${lines[row] ?? "?"}, column ${column + 2}`;
    }
    const report = agreementReport(input, args.options);
    return { code: 0, stdout: args.json ? `${JSON.stringify(report, null, 2)}\n` : format(report), stderr: "" };
  } catch (err) {
    if (err instanceof AgreementFileError) return fail(`${args.file}: ${err.message}`);
    if (err instanceof AgreementInputError) {
      const where = err.row !== undefined && err.column !== undefined ? ` (${locate(err.row, err.column)})` : "";
      return fail(`${args.file}${where}: ${err.message}`);
    }
    throw err;
  }
}

function format(report: ItemReport | UnitizingReport): string {
  return "per_code" in report ? formatUnitizingReport(report) : formatItemReport(report);
}
