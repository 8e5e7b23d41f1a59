// Pure pieces of the agreement command, and the JSON entry the server calls.

export { agreementFromJson, agreementReport, readAgreementBody, ratersBodySchema, segmentsBodySchema, type AgreementInput } from "./fromJson";
export { parseArgs, CliUsageError, USAGE, type CliArgs } from "./args";
export { parseCsv, type ParsedCsv } from "./csv";
export { AgreementFileError } from "./errors";
export { formatItemReport, formatUnitizingReport } from "./format";
export { runCli, type CliResult, type ReadFile } from "./run";
