// Blind double coding of a transcript: the lead names the coders and reveals; each coder
// marks their coding done (the last one reveals it); the project says whether a lead who is
// not coding may watch. What each person may see meanwhile is coding/visibility.ts's rule.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { markBlindCodingDone, revealBlindCoding, setLeadMayWatch, startBlindCoding } from "../commands/blindCoding";
import { readBlindRound } from "../coding/blindRecord";
import type { AppEnv } from "../env";
import { errors } from "../errors";
import { authorizeDocument, authorizeProject, requireUser } from "../policies";
import { presentBlindRound } from "../presenters";
import { IdParam, errorResponses, json } from "./schemas";

const Id = z.string().min(1).max(100, "Not an id.");

const BlindRoundSchema = z
  .object({
    documentId: z.string(),
    status: z.enum(["blind", "revealed"]),
    coders: z.array(z.object({ id: z.string(), name: z.string(), done: z.boolean(), doneAt: z.string().nullable() })),
    startedBy: z.string(),
    startedAt: z.string(),
    revealedAt: z.string().nullable(),
    revealedBy: z.string().nullable(),
    revealedAutomatically: z.boolean().openapi({ description: "Revealed because every coder marked it done" }),
    leadMayWatch: z.boolean(),
  })
  .openapi("BlindRound");

const StartBody = z
  .strictObject({
    coders: z
      .array(Id)
      .min(2, "Blind double coding needs at least two coders.")
      .max(20, "At most 20 people can code one transcript blind.")
      .refine((ids) => new Set(ids).size === ids.length, "Each coder can be named only once."),
  })
  .openapi("StartBlindCoding");

const SettingsSchema = z
  .strictObject({
    leadMayWatchBlindCoding: z.boolean().openapi({
      description: "Whether a lead who is not one of the coders may watch blind coding (the codings and the agreement) as it happens",
    }),
  })
  .openapi("ProjectSettings");

/** The transcript's round, or a 404 that says it was never coded blind. */
async function roundOf(db: Parameters<typeof readBlindRound>[0], documentId: string) {
  const round = await readBlindRound(db, documentId);
  if (!round) throw errors.missing("This transcript has not been coded blind.");
  return round;
}

export const blindRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: "get",
      path: "/documents/{documentId}/blind",
      tags: ["blind coding"],
      summary: "The transcript's blind round: its coders, who is done, whether it is revealed",
      request: { params: IdParam("documentId") },
      responses: { 200: json(BlindRoundSchema, "The round"), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { documentId } = c.req.valid("param") as { documentId: string };
      const db = c.var.deps.store.db;
      await authorizeDocument(db, documentId, user, "project.read");
      return c.json(presentBlindRound(await roundOf(db, documentId)), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/documents/{documentId}/blind",
      tags: ["blind coding"],
      summary: "Switch the transcript to blind double coding by the named coders (lead only)",
      description:
        "Coders are members whose role includes coding; the lead may be one. Until reveal no coder receives another's codings, the codes they make meanwhile, threads on them or any agreement figure — nor does anyone else, unless the project lets a lead who is not coding watch. Open layer connections are closed and reauthorised. 409 if the transcript was already coded blind.",
      request: { params: IdParam("documentId"), body: { content: { "application/json": { schema: StartBody } }, required: true } },
      responses: { 201: json(BlindRoundSchema, "The round, begun"), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { documentId } = c.req.valid("param") as { documentId: string };
      const host = c.var.deps;
      const { document } = await authorizeDocument(host.store.db, documentId, user, "coding.blind");
      const round = await startBlindCoding(host, { id: documentId, projectId: document.project_id }, c.req.valid("json").coders, user.id);
      return c.json(presentBlindRound(round), 201);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/documents/{documentId}/reveal",
      tags: ["blind coding"],
      summary: "Reveal the blind coding: every layer appears to everyone, and agreement can be shown (lead only)",
      description: "The codes the coders made during the blind phase join the codebook. 409 if the transcript is not being coded blind.",
      request: { params: IdParam("documentId") },
      responses: { 200: json(BlindRoundSchema, "The round, revealed"), ...errorResponses(401, 403, 404, 409) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { documentId } = c.req.valid("param") as { documentId: string };
      const host = c.var.deps;
      const { document } = await authorizeDocument(host.store.db, documentId, user, "coding.blind");
      return c.json(presentBlindRound(await revealBlindCoding(host, { id: documentId, projectId: document.project_id }, user.id)), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/documents/{documentId}/done",
      tags: ["blind coding"],
      summary: "Mark your blind coding of the transcript done; when every coder has, it is revealed",
      request: { params: IdParam("documentId") },
      responses: { 200: json(BlindRoundSchema, "The round"), ...errorResponses(401, 403, 404, 409) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { documentId } = c.req.valid("param") as { documentId: string };
      const host = c.var.deps;
      const { document } = await authorizeDocument(host.store.db, documentId, user, "document.edit");
      return c.json(presentBlindRound(await markBlindCodingDone(host, { id: documentId, projectId: document.project_id }, user.id)), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/projects/{projectId}/settings",
      tags: ["blind coding"],
      summary: "The project's settings",
      request: { params: IdParam("projectId") },
      responses: { 200: json(SettingsSchema, "The settings"), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId } = c.req.valid("param") as { projectId: string };
      const db = c.var.deps.store.db;
      await authorizeProject(db, projectId, user, "project.read");
      const project = await db.selectFrom("projects").select("lead_may_watch_blind_coding").where("id", "=", projectId).executeTakeFirstOrThrow();
      return c.json({ leadMayWatchBlindCoding: Number(project.lead_may_watch_blind_coding) === 1 }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/projects/{projectId}/settings",
      tags: ["blind coding"],
      summary: "Change the project's settings (lead only)",
      description: "Turning watching off closes a watching lead's connections to the coders' layers at once.",
      request: { params: IdParam("projectId"), body: { content: { "application/json": { schema: SettingsSchema } }, required: true } },
      responses: { 200: json(SettingsSchema, "The settings"), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId } = c.req.valid("param") as { projectId: string };
      const host = c.var.deps;
      await authorizeProject(host.store.db, projectId, user, "coding.blind");
      const { leadMayWatchBlindCoding } = c.req.valid("json");
      await setLeadMayWatch(host, projectId, leadMayWatchBlindCoding);
      return c.json({ leadMayWatchBlindCoding }, 200);
    },
  );
