// `pnpm agreement <file> [options]`: reads the file, prints the report, sets the exit status
// (0 ok, 2 bad input or usage). Everything else is in run.ts.

import { readFileSync } from "node:fs";
import { runCli } from "./run";

const result = runCli(process.argv.slice(2), (path) => readFileSync(path, "utf8"));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
