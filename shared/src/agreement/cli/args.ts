// Command-line arguments of `pnpm agreement <file>`: pure parsing, no process access.

import type { ItemOptions, Level, WeightBasis } from "../types";

export const USAGE = `usage: pnpm agreement <file> [options]

  <file>                 CSV (unit id, then one column per rater), JSON {"raters": [[...], ...]}
                         or JSON {"length": N, "segments": [{coder, code, start, end}, ...]}
  --level L              nominal (default), ordinal, interval or ratio
  --weights W            linear or quadratic (weighted kappa, AC2)
  --weight-basis B       value (default: numeric category values) or rank (category order)
  --categories a,b,c     the full ordered category set
  --bootstrap N          bootstrap resamples for alpha's interval
  --seed S               bootstrap seed
  --json                 print one JSON object instead of a table`;

/** A command line that cannot be run; exit status 2. */
export class CliUsageError extends Error {
  override readonly name = "CliUsageError";
}

export interface CliArgs {
  file: string;
  json: boolean;
  options: ItemOptions;
  categories?: string[];
}

const LEVELS: readonly Level[] = ["nominal", "ordinal", "interval", "ratio"];
const BASES: readonly WeightBasis[] = ["value", "rank"];
const WITH_VALUE = new Set(["--level", "--weights", "--weight-basis", "--categories", "--bootstrap", "--seed"]);

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliUsageError(`${option} must be one of ${allowed.join(", ")}; got "${value}"`);
}

function wholeNumber(option: string, value: string, min: number): number {
  const n = Number(value);
  if (!/^-?\d+$/.test(value) || n < min) throw new CliUsageError(`${option} must be a whole number${min > 0 ? ` of at least ${min}` : ""}; got "${value}"`);
  return n;
}

/** Parses argv (without node and script). Throws CliUsageError. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const options: ItemOptions = {};
  let file: string | undefined;
  let json = false;
  let categories: string[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) {
      if (file !== undefined) throw new CliUsageError(`one input file only; got "${file}" and "${arg}"`);
      file = arg;
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name === "--json") {
      if (eq > 0) throw new CliUsageError("--json takes no value");
      json = true;
      continue;
    }
    if (!WITH_VALUE.has(name)) throw new CliUsageError(`unknown option ${name}`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith("--"))) throw new CliUsageError(`${name} needs a value`);
    if (name === "--level") options.level = oneOf(name, value, LEVELS);
    else if (name === "--weights") options.weights = oneOf(name, value, ["linear", "quadratic"] as const);
    else if (name === "--weight-basis") options.weightBasis = oneOf(name, value, BASES);
    else if (name === "--bootstrap") options.bootstrap = wholeNumber(name, value, 2);
    else if (name === "--seed") options.seed = wholeNumber(name, value, Number.MIN_SAFE_INTEGER);
    else {
      categories = value.split(",").map((c) => c.trim());
      if (categories.some((c) => c === "")) throw new CliUsageError("--categories has an empty name");
    }
  }
  if (file === undefined) throw new CliUsageError("no input file given");
  return categories ? { file, json, options, categories } : { file, json, options };
}
