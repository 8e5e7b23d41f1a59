// POST /api/agreement: the agreement engine over HTTP — the same input as a JSON file given
// to `pnpm agreement` and the same output as its `--json`; options are the CLI's flags as
// query parameters (?level=ordinal&weights=quadratic&weight-basis=rank&categories=a,b,c
// &bootstrap=1000&seed=1).
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { AgreementInputError } from "@concord/shared/agreement/errors";
import { CliUsageError, agreementReport, parseArgs, readAgreementBody } from "@concord/shared/agreement/cli/index";
import type { AppEnv } from "../env";
import { errors } from "../errors";
import { requireUser } from "../policies";
import { errorResponses, json } from "./schemas";

const QUERY_OPTIONS = ["level", "weights", "weight-basis", "categories", "bootstrap", "seed"] as const;

const Query = z.object(
  Object.fromEntries(QUERY_OPTIONS.map((name) => [name, z.string().optional().openapi({ param: { name, in: "query" } })])),
);

const Body = z
  .union([
    z.object({
      raters: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
      categories: z.array(z.union([z.string(), z.number()])).optional(),
    }),
    z.object({
      length: z.number().int(),
      segments: z.array(z.object({ coder: z.string(), code: z.string(), start: z.number().int(), end: z.number().int() })),
    }),
  ])
  .openapi("AgreementInput");

const Report = z.record(z.string(), z.unknown()).openapi("AgreementReport", {
  description:
    "For ratings: n_units, n_raters and percent_agreement, cohen_kappa, weighted_kappa, scott_pi, fleiss_kappa, " +
    "krippendorff_alpha, gwet_ac1, gwet_ac2, brennan_prediger, each {value, se, ci} or {value: null, reason}. " +
    "For coded text: u_alpha, cu_alpha, Cu_alpha and per_code.",
});

export const agreementRoutes = new OpenAPIHono<AppEnv>().openapi(
  createRoute({
    method: "post",
    path: "/agreement",
    tags: ["agreement"],
    summary: "Inter-rater agreement for ratings or coded text",
    request: { query: Query, body: { content: { "application/json": { schema: Body } }, required: true } },
    responses: { 200: json(Report, "Every statistic, or the reason it is undefined"), ...errorResponses(400, 401) },
  }),
  async (c) => {
    requireUser(c.var.user);
    const query = c.req.valid("query") as Record<string, string | undefined>;
    const argv = ["request-body"];
    for (const name of QUERY_OPTIONS) if (query[name] !== undefined) argv.push(`--${name}`, query[name]!);
    try {
      const { options, categories } = parseArgs(argv);
      const input = readAgreementBody(c.req.valid("json"), options.level ?? "nominal", categories);
      return c.json({ ...agreementReport(input, options) }, 200);
    } catch (error) {
      if (error instanceof AgreementInputError || error instanceof CliUsageError) throw errors.validation(error.message);
      throw error;
    }
  },
);
