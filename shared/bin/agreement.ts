// `pnpm agreement <file> [options]`: reads the file, prints the report, sets the exit status
// (0 ok, 2 bad input or usage). Everything else is pure, in src/agreement/cli/run.ts; this
// entry sits outside src/ because src/ does no I/O.

import { readFileSync } from "node:fs";
import { runCli } from "../src/agreement/cli/run";

const result = runCli(process.argv.slice(2), (path) => readFileSync(path, "utf8"));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
