// JSON input, from a file or from the body of POST /api/agreement: the same shapes and the
// same output as `pnpm agreement --json`.
//   {"raters": [[...], [...]], "categories": [...]}      one array per rater, null = missing
//   {"length": N, "segments": [{coder, code, start, end}], "coders"?: [...], "domains"?: {code: domain}}

import { z } from "zod";
import { itemAgreement } from "../item";
import { unitizedAgreement } from "../text";
import type { ItemOptions, ItemReport, Level, RatingTable, UnitizedInput, UnitizingReport } from "../types";
import { AgreementFileError } from "./errors";
import { categoriesLike, checkUnitCount, ratingsAtLevel } from "./ratings";

const rating = z.union([z.string(), z.number(), z.null()], { error: "a rating must be a category name, a number, or null for a missing rating" });

export const ratersBodySchema = z.object({
  raters: z.array(z.array(rating)).min(2, "agreement needs at least two raters"),
  categories: z.array(z.union([z.string(), z.number()])).optional(),
});

export const segmentsBodySchema = z.object({
  length: z.number().int().positive(),
  segments: z.array(
    z.object({
      coder: z.string().min(1),
      code: z.string().min(1),
      start: z.number().int().nonnegative(),
      end: z.number().int().positive(),
    }),
  ),
  coders: z.array(z.string().min(1)).optional(),
  domains: z.record(z.string(), z.string()).optional(),
});

export type AgreementInput =
  | { kind: "items"; table: RatingTable }
  | { kind: "unitized"; input: UnitizedInput; coders?: string[]; domains?: Record<string, string> };

function describePath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i > 0 ? "." : ""}${String(p)}`)).join("") || "the body";
}

function parseWith<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new AgreementFileError(`${describePath(issue.path)}: ${issue.message}`);
}

/** Validates a parsed JSON body into a rating table or a unitizing input. Throws AgreementFileError. */
export function readAgreementBody(body: unknown, level: Level = "nominal", categories?: readonly string[]): AgreementInput {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new AgreementFileError('expected a JSON object with "raters" (ratings) or "length" and "segments" (coded text)');
  }
  if (!("raters" in body) && ("segments" in body || "length" in body)) {
    const { length, segments, coders, domains } = parseWith(segmentsBodySchema, body);
    return { kind: "unitized", input: { length, segments }, ...(coders ? { coders } : {}), ...(domains ? { domains } : {}) };
  }
  const { raters, categories: declared } = parseWith(ratersBodySchema, body);
  const units = raters[0]!.length;
  raters.forEach((r, i) => {
    if (r.length !== units) throw new AgreementFileError(`raters[${i}] has ${r.length} ratings but raters[0] has ${units}`);
  });
  checkUnitCount(units, "the data");
  const cells = Array.from({ length: units }, (_, u) => raters.map((r) => r[u]!));
  const ratings = ratingsAtLevel(cells, level, (u, r) => `raters[${r}][${u}] (rater ${r + 1}, unit ${u + 1})`);
  const table: RatingTable = {
    unitIds: Array.from({ length: units }, (_, u) => String(u + 1)),
    raterIds: raters.map((_, r) => `rater ${r + 1}`),
    ratings,
  };
  const order = categories ?? declared;
  if (order) table.categories = categoriesLike(order, ratings);
  return { kind: "items", table };
}

/** Computes the report for a validated input. */
export function agreementReport(input: AgreementInput, options: ItemOptions = {}): ItemReport | UnitizingReport {
  if (input.kind === "items") return itemAgreement(input.table, options);
  const { coders, domains } = input;
  return unitizedAgreement(input.input, { ...(coders ? { coders } : {}), ...(domains ? { domains } : {}) });
}

/** The handler of POST /api/agreement: a parsed JSON body in, the CLI's `--json` object out. */
export function agreementFromJson(body: unknown, options: ItemOptions = {}): ItemReport | UnitizingReport {
  return agreementReport(readAgreementBody(body, options.level ?? "nominal"), options);
}
