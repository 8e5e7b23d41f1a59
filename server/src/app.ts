// The HTTP application: /api (JSON, validated, documented at /api/openapi.json) and the
// built client. Middleware order is the policy: security headers on every response, then
// for /api limit the body, identify the caller, refuse cross-site writes, then route.
import fs from "node:fs";
import path from "node:path";
import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { MAX_UPLOAD_BYTES } from "@concord/shared";
import { RECORD_LIMITS } from "@concord/shared/records/index";
import type { AppDeps, AppEnv } from "./env";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ApiError, errors } from "./errors";

const STATUS_CODES: Record<number, string> = { 400: "bad_request", 413: "too_large", 415: "unsupported_media_type" };
import { identify } from "./middleware/identify";
import { csrf } from "./middleware/csrf";
import { securityHeaders } from "./middleware/securityHeaders";
import { authRoutes } from "./routes/auth";
import { tokenRoutes } from "./routes/tokens";
import { emailLinkRoutes } from "./routes/emailLinks";
import { projectRoutes } from "./routes/projects";
import { invitationRoutes } from "./routes/invitations";
import { documentRoutes } from "./routes/documents";
import { agreementRoutes } from "./routes/agreement";
import { codeRoutes } from "./routes/codes";
import { codingRoutes } from "./routes/codings";
import { threadRoutes } from "./routes/threads";
import { recordDuplicateRoutes } from "./routes/recordDuplicates";
import { recordRoutes, tooLargeMessage } from "./routes/records";
import { blindRoutes } from "./routes/blindCoding";
import { documentAgreementRoutes } from "./routes/documentAgreement";
import { healthRoutes } from "./routes/health";
import { checklistRoutes } from "./routes/checklists";
import { reviewRoutes } from "./routes/review";
import { reviewSetupRoutes } from "./routes/reviewSetup";
import { reviewReportRoutes } from "./routes/reviewReports";
import { extractionRoutes } from "./routes/extraction";
import { clientFiles } from "./clientFiles";

export interface AppOptions {
  /** Directory of the built client to serve at `/`; omitted in API-only tests. */
  clientDir?: string;
}

const RECORDS_IMPORT = /^\/api\/projects\/[^/]+\/records\/import$/;

function apiApp(deps: AppDeps) {
  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const first = result.error.issues[0];
        const where = first?.path.length ? `${first.path.join(".")}: ` : "";
        throw errors.validation(`${where}${first?.message ?? "Invalid request."}`, result.error.issues);
      }
    },
  });
  const uploadLimit = bodyLimit({
    maxSize: MAX_UPLOAD_BYTES + 64 * 1024,
    onError: () => {
      throw errors.tooLarge(`Requests may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
    },
  });
  // A database's export of a few thousand records with abstracts is larger than any transcript.
  const recordsLimit = bodyLimit({
    maxSize: RECORD_LIMITS.fileBytes + 64 * 1024,
    onError: () => {
      throw errors.tooLarge(tooLargeMessage());
    },
  });
  api.use((c, next) => (RECORDS_IMPORT.test(c.req.path) ? recordsLimit : uploadLimit)(c, next));
  // Answers are compressed for clients that accept it: a transcript's text and a project's
  // listings shrink to a third, which is what the consultant on mobile data waits for.
  api.use(compress());
  api.use(async (c, next) => {
    c.set("deps", deps);
    await next();
  });
  api.use(identify());
  api.use(csrf());
  api.route("/", authRoutes(deps.signInAttempts));
  api.route("/", emailLinkRoutes);
  api.route("/", tokenRoutes);
  api.route("/", projectRoutes);
  api.route("/", invitationRoutes);
  api.route("/", documentRoutes);
  api.route("/", codeRoutes);
  api.route("/", codingRoutes);
  api.route("/", threadRoutes);
  api.route("/", blindRoutes);
  api.route("/", documentAgreementRoutes);
  api.route("/", agreementRoutes);
  // Before recordRoutes, whose /records/{recordId} would otherwise take /records/duplicate-pairs.
  api.route("/", recordDuplicateRoutes);
  api.route("/", recordRoutes);
  api.route("/", reviewSetupRoutes);
  api.route("/", reviewRoutes);
  api.route("/", checklistRoutes);
  api.route("/", reviewReportRoutes);
  api.route("/", extractionRoutes);
  api.route("/", healthRoutes);
  api.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: { title: "Concord API", version: "0.1.0", description: "Real-time co-production workspace for qualitative research." },
  });
  api.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  api.openAPIRegistry.registerComponent("securitySchemes", "session", { type: "apiKey", in: "cookie", name: "concord_session" });
  return api;
}

export function createApp(deps: AppDeps, options: AppOptions = {}) {
  const app = new OpenAPIHono<AppEnv>();
  app.use(securityHeaders(deps));
  app.route("/api", apiApp(deps));
  app.all("/api/*", () => {
    throw new ApiError(404, "not_found", "No such API route.");
  });
  app.onError((error, c) => {
    if (error instanceof ApiError) {
      return c.json({ error: { code: error.code, message: error.message, details: error.details } }, error.status);
    }
    if (error instanceof HTTPException) {
      // Raised by Hono itself (malformed JSON, wrong content type…): keep its status and words.
      const status = error.status as ContentfulStatusCode;
      return c.json({ error: { code: STATUS_CODES[status] ?? "http_error", message: error.message } }, status);
    }
    console.error("Unhandled error on", c.req.method, c.req.path, error);
    return c.json({ error: { code: "internal", message: "Something went wrong on the server." } }, 500);
  });
  const clientDir = options.clientDir;
  if (clientDir && fs.existsSync(path.join(clientDir, "index.html"))) app.route("/", clientFiles(clientDir));
  return app;
}
