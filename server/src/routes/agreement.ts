// POST /api/agreement: the agreement engine over HTTP — the same input as a JSON file given
// to `pnpm agreement` and the same output as its `--json`; options are the CLI's flags as
// query parameters (?level=ordinal&weights=quadratic&weight-basis=rank&categories=a,b,c
// &bootstrap=1000&seed=1).
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { AGREEMENT_LIMITS } from "@concord/shared/agreement/limits";
import type { AppEnv } from "../env";
import { errors } from "../errors";
import { requireUser } from "../policies";
import { errorResponses, json } from "./schemas";

/** Generous: the largest input within AGREEMENT_LIMITS takes under two seconds here. */
const AGREEMENT_TIMEOUT_MS = 10_000;

const QUERY_OPTIONS = ["level", "weights", "weight-basis", "categories", "bootstrap", "seed"] as const;

const Query = z.object(
  Object.fromEntries(QUERY_OPTIONS.map((name) => [name, z.string().optional().openapi({ param: { name, in: "query" } })])),
);

// Documented here but parsed and validated in the worker: a 10 MB body takes the main
// thread over a second to parse and check, so the route passes the text on unread. (A plain
// JSON Schema, unlike a zod schema, makes @hono/zod-openapi document without validating.)
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
const BodyDocumentation = z.toJSONSchema(Body, { io: "input" }) as Record<string, unknown>;

const Report = z.record(z.string(), z.unknown()).openapi("AgreementReport", {
  description:
    "For ratings: n_units, n_raters and percent_agreement, cohen_kappa, weighted_kappa, scott_pi, fleiss_kappa, " +
    "krippendorff_alpha, gwet_ac1, gwet_ac2, brennan_prediger, each {value, se, ci} or {value: null, reason}. " +
    "For coded text: u_alpha, cu_alpha, Cu_alpha and per_code (the 2016 forms), and boundary_u_alpha {pooled, per_code}: the 1995/2004 boundary-distance form, for comparison with studies that report it.",
});

export const agreementRoutes = new OpenAPIHono<AppEnv>().openapi(
  createRoute({
    method: "post",
    path: "/agreement",
    tags: ["agreement"],
    summary: "Inter-rater agreement for ratings or coded text",
    description:
      `Computed off the server's event loop, within limits: at most ${AGREEMENT_LIMITS.units.toLocaleString("en")} units, ` +
      `${AGREEMENT_LIMITS.raters} raters, ${AGREEMENT_LIMITS.categories.toLocaleString("en")} distinct categories, ` +
      `${AGREEMENT_LIMITS.bootstrap.toLocaleString("en")} bootstrap resamples; for coded text ` +
      `${AGREEMENT_LIMITS.textLength.toLocaleString("en")} characters, ${AGREEMENT_LIMITS.segments.toLocaleString("en")} segments, ` +
      `${AGREEMENT_LIMITS.codes.toLocaleString("en")} codes and ${AGREEMENT_LIMITS.coders} coders. Beyond them: 400.`,
    request: { query: Query, body: { content: { "application/json": { schema: BodyDocumentation } }, required: true } },
    responses: { 200: json(Report, "Every statistic, or the reason it is undefined"), ...errorResponses(400, 401, 415, 422, 503) },
  }),
  async (c) => {
    requireUser(c.var.user);
    const query = c.req.valid("query") as Record<string, string | undefined>;
    const argv: string[] = [];
    for (const name of QUERY_OPTIONS) if (query[name] !== undefined) argv.push(`--${name}`, query[name]!);
    if (!/^application\/json\b/i.test(c.req.header("content-type") ?? "")) throw errors.unsupportedMedia("Send the data as JSON (content-type: application/json).");
    const report = await c.var.deps.workers.run(
      "agreement",
      { json: await c.req.text(), argv },
      { timeoutMs: AGREEMENT_TIMEOUT_MS, what: "Computing agreement" },
    );
    return c.json(report as Record<string, unknown>, 200);
  },
);
