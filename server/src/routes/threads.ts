// Discussion threads on a span of a transcript, a code, a coding or a disagreement between
// coders: started, replied to, resolved and reopened here; read live from the project's
// threads document (listed in GET /api/projects/{projectId} `collab`).
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { STAGES, THREAD_LIMITS, can, checkMessageBody, type Role, type Thread } from "@concord/shared";
import type { User } from "../auth/identify";
import { visibilityCache } from "../coding/visibility";
import {
  listThreads,
  locateThread,
  maySeeHome,
  openThread,
  placeThreads,
  readPlacedThread,
  replyToThread,
  resolveThread,
  type AnchorInput,
  type Participant,
} from "../commands/threads";
import type { AppEnv } from "../env";
import { errors } from "../errors";
import { authorizeProject, requireUser, roleIn } from "../policies";
import { presentThread } from "../presenters";
import type { DocumentHost } from "../collab/serverWrites";
import { IdParam, errorResponses, json } from "./schemas";

const Id = z.string().min(1).max(100, "Not an id.");
const Base64 = z.string().max(2_000).regex(/^[A-Za-z0-9+/]+=*$/, "Positions are base64-encoded Yjs relative positions.");

const MessageBody = z
  .string()
  .max(THREAD_LIMITS.bodyChars * 4, `A message can be at most ${THREAD_LIMITS.bodyChars.toLocaleString("en")} characters long.`)
  .superRefine((raw, ctx) => {
    const checked = checkMessageBody(raw);
    if (!checked.ok) ctx.addIssue({ code: "custom", message: checked.message });
  })
  .overwrite((raw) => {
    const checked = checkMessageBody(raw);
    return checked.ok ? checked.value : raw;
  })
  .openapi({ description: "Plain text with line breaks; trimmed and normalised to NFC." });

const Mentions = z
  .array(Id)
  .max(THREAD_LIMITS.mentions, `A message can mention at most ${THREAD_LIMITS.mentions} people.`)
  .optional()
  .openapi({ description: "User ids of the members @mentioned in the message" });

const AnchorBody = z
  .union([
    z.strictObject({ documentId: Id, start: z.number().int().min(0), end: z.number().int().min(0) }).openapi({
      description: "A span of a transcript: offsets into GET /api/documents/{documentId}/text",
    }),
    z.strictObject({ documentId: Id, position: z.strictObject({ start: Base64, end: Base64 }) }).openapi({
      description: "A span of a transcript as Yjs relative positions made in the caller's copy (what the browser sends)",
    }),
    z.strictObject({ codeId: Id }),
    z.strictObject({ codingId: Id }),
    z.strictObject({
      disagreement: z.strictObject({ documentId: Id, codingIds: z.array(Id).min(2, "A disagreement is between at least two codings.").max(20) }),
    }),
    z.strictObject({
      ratingDisagreement: z.strictObject({ stage: z.enum(STAGES), recordId: Id, question: z.string().max(60).optional() }),
    }).openapi({ description: "A disagreement between the raters of a revealed screening or appraisal item (question: the checklist question; absent for a screening decision)" }),
  ])
  .openapi("ThreadAnchorInput");

const Person = z.object({ id: z.string(), name: z.string() });
const MessageSchema = z
  .object({ id: z.string(), author: Person, body: z.string(), mentions: z.array(Person), createdAt: z.string() })
  .openapi("ThreadMessage");
const ThreadSchema = z
  .object({
    id: z.string(),
    anchor: z.record(z.string(), z.unknown()).openapi({
      description:
        "{kind: 'span', documentId, start, end, text, orphaned} | {kind: 'code', codeId} | {kind: 'coding', documentId, codingId} | {kind: 'codingDisagreement', documentId, codingIds} | {kind: 'ratingDisagreement', stage, recordId, question?}",
    }),
    createdBy: Person,
    createdAt: z.string(),
    resolved: z.object({ by: Person, at: z.string() }).nullable(),
    messages: z.array(MessageSchema),
  })
  .openapi("Thread");

function anchorInput(body: z.infer<typeof AnchorBody>): AnchorInput {
  if ("position" in body) {
    return { documentId: body.documentId, position: { start: Buffer.from(body.position.start, "base64"), end: Buffer.from(body.position.end, "base64") } };
  }
  return body;
}

function participant(host: DocumentHost, user: User, role: Role, projectId: string): Participant {
  const visibility = visibilityCache(host.store.db, { userId: user.id, role });
  return {
    userId: user.id,
    projectId,
    maySeeLayer: async (documentId, coderId) => (await visibility(documentId)).maySeeLayer(coderId),
    isBlind: async (documentId) => (await visibility(documentId)).blind !== null,
  };
}

/** Names for people by id, including people who have since left the project. */
export async function namesOf(host: DocumentHost, ids: Iterable<string>) {
  const wanted = [...new Set(ids)];
  const rows = wanted.length === 0 ? [] : await host.store.db.selectFrom("users").select(["id", "name"]).where("id", "in", wanted).execute();
  const names = new Map(rows.map((row) => [row.id, row.name]));
  return (id: string) => ({ id, name: names.get(id) ?? "A former member" });
}

const peopleIn = (threads: Thread[]) =>
  threads.flatMap((t) => [t.createdBy, ...(t.resolved ? [t.resolved.by] : []), ...t.messages.flatMap((m) => [m.author, ...m.mentions])]);

/** The thread behind an id and the caller's role in its project; 404 to anyone outside it. */
async function threadFor(host: DocumentHost, threadId: string, user: User) {
  const thread = await locateThread(host, threadId);
  const role = thread ? await roleIn(host.store.db, thread.projectId, user.id) : null;
  // A thread on blind work the caller may not see is, to them, no thread at all.
  if (!thread || !role || !(await maySeeHome(participant(host, user, role, thread.projectId), thread.home))) throw errors.missing("There is no such thread.");
  if (!can(role, "discussion.write")) throw errors.forbidden("Your role in this project lets you read the discussion but not take part in it.");
  return { thread, role };
}

export const threadRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: "post",
      path: "/projects/{projectId}/threads",
      tags: ["threads"],
      summary: "Start a discussion thread on a span, a code, a coding or a disagreement",
      request: {
        params: IdParam("projectId"),
        body: { content: { "application/json": { schema: z.object({ anchor: AnchorBody, body: MessageBody, mentions: Mentions }) } }, required: true },
      },
      responses: { 201: json(ThreadSchema, "The new thread"), ...errorResponses(400, 401, 403, 404, 413) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId } = c.req.valid("param") as { projectId: string };
      const host = c.var.deps;
      const role = await authorizeProject(host.store.db, projectId, user, "discussion.write");
      const { anchor, body, mentions } = c.req.valid("json");
      const thread = await openThread(host, participant(host, user, role, projectId), anchorInput(anchor), { body, mentions: mentions ?? [] });
      const [placed] = await placeThreads(host, [thread]);
      return c.json(presentThread(thread, placed!.span, await namesOf(host, peopleIn([thread]))), 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/projects/{projectId}/threads",
      tags: ["threads"],
      summary: "The project's threads you may see, oldest first",
      request: {
        params: IdParam("projectId"),
        query: z.object({
          documentId: Id.optional().openapi({ description: "Only threads anchored on this transcript" }),
          stage: z.enum(STAGES).optional().openapi({ description: "Only threads on the raters' disagreements at this review stage" }),
        }),
      },
      responses: { 200: json(z.object({ threads: z.array(ThreadSchema) }), "Threads, span anchors placed in the current text"), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId } = c.req.valid("param") as { projectId: string };
      const { documentId, stage } = c.req.valid("query");
      const host = c.var.deps;
      const role = await authorizeProject(host.store.db, projectId, user, "project.read");
      let listed = await listThreads(host, participant(host, user, role, projectId));
      if (documentId) listed = listed.filter(({ thread }) => "documentId" in thread.anchor && thread.anchor.documentId === documentId);
      if (stage) listed = listed.filter(({ thread }) => thread.anchor.kind === "ratingDisagreement" && thread.anchor.stage === stage);
      const named = await namesOf(host, peopleIn(listed.map((entry) => entry.thread)));
      return c.json({ threads: listed.map(({ thread, span }) => presentThread(thread, span, named)) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/threads/{threadId}/replies",
      tags: ["threads"],
      summary: "Reply to a thread (a resolved thread opens again)",
      request: {
        params: IdParam("threadId"),
        body: { content: { "application/json": { schema: z.object({ body: MessageBody, mentions: Mentions }) } }, required: true },
      },
      responses: { 201: json(MessageSchema, "The reply"), ...errorResponses(400, 401, 403, 404, 413) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { threadId } = c.req.valid("param") as { threadId: string };
      const host = c.var.deps;
      const { thread, role } = await threadFor(host, threadId, user);
      const { body, mentions } = c.req.valid("json");
      const added = await replyToThread(host, participant(host, user, role, thread.projectId), thread, { body, mentions: mentions ?? [] });
      const named = await namesOf(host, [added.author, ...added.mentions]);
      return c.json({ ...added, author: named(added.author), mentions: added.mentions.map(named) }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/threads/{threadId}",
      tags: ["threads"],
      summary: "Resolve a thread, or open it again",
      request: {
        params: IdParam("threadId"),
        body: { content: { "application/json": { schema: z.strictObject({ resolved: z.boolean() }) } }, required: true },
      },
      responses: { 200: json(ThreadSchema, "The thread"), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { threadId } = c.req.valid("param") as { threadId: string };
      const host = c.var.deps;
      const { thread, role } = await threadFor(host, threadId, user);
      await resolveThread(host, participant(host, user, role, thread.projectId), thread, c.req.valid("json").resolved);
      const placed = await readPlacedThread(host, thread);
      if (!placed) throw errors.missing("There is no such thread.");
      return c.json(presentThread(placed.thread, placed.span, await namesOf(host, peopleIn([placed.thread]))), 200);
    },
  );
