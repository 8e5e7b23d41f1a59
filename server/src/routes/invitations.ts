// Invitation links that carry a role: single-use unless the lead allows more, listed and
// revocable by the project's leads, never for the lead role.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { acceptInvitation, createInvitation, findInvitation, listActiveInvitations, revokeInvitation } from "../commands/projects";
import type { AppEnv } from "../env";
import { authorizeProject, requireUser } from "../policies";
import { presentInvitation } from "../presenters";
import { IdParam, LinkRoleSchema, RoleSchema, errorResponses, json } from "./schemas";

/** More than a workshop's worth of people on one link is a mailing list: add them by email. */
const MAX_USES_LIMIT = 100;

const InvitationSummary = z
  .object({
    id: z.string(),
    role: RoleSchema,
    maxUses: z.number().int(),
    uses: z.number().int(),
    createdBy: z.object({ id: z.string(), name: z.string() }),
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .openapi("InvitationSummary");
const Invitation = InvitationSummary.extend({ url: z.string(), token: z.string() }).openapi("Invitation");

const CreateInvitation = z.object({
  role: LinkRoleSchema,
  maxUses: z
    .number()
    .int("The number of people must be a whole number.")
    .min(1, "A link must let at least one person in.")
    .max(MAX_USES_LIMIT, `A link can let in at most ${MAX_USES_LIMIT} people; add more by email or with another link.`)
    .default(1)
    .openapi({ description: "How many people may join through the link (default 1: single-use)." }),
});

export const invitationRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: "post",
      path: "/projects/{projectId}/invitations",
      tags: ["projects"],
      summary: "Create an invitation link for a role other than lead (lead only); single-use unless maxUses says more",
      request: {
        params: IdParam("projectId"),
        body: { content: { "application/json": { schema: CreateInvitation } }, required: true },
      },
      responses: { 201: json(Invitation, "The invitation link (its secret is shown only now)"), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId } = c.req.valid("param") as { projectId: string };
      const db = c.var.deps.store.db;
      await authorizeProject(db, projectId, user, "project.manageMembers");
      const { token, row } = await createInvitation(db, projectId, c.req.valid("json"), user.id);
      // The configured public address, never the request's Host header (which the caller picks).
      const url = new URL(`/invite/${token}`, c.var.deps.publicUrl()).toString();
      return c.json({ ...presentInvitation({ ...row, created_by_name: user.name }), url, token }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/projects/{projectId}/invitations",
      tags: ["projects"],
      summary: "The project's invitation links that can still be used (lead only)",
      request: { params: IdParam("projectId") },
      responses: {
        200: json(z.object({ invitations: z.array(InvitationSummary) }), "Active links, newest first"),
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId } = c.req.valid("param") as { projectId: string };
      const db = c.var.deps.store.db;
      await authorizeProject(db, projectId, user, "project.manageMembers");
      return c.json({ invitations: (await listActiveInvitations(db, projectId)).map(presentInvitation) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/projects/{projectId}/invitations/{invitationId}",
      tags: ["projects"],
      summary: "Revoke an invitation link (lead only); nobody else can join through it",
      request: { params: IdParam("projectId").merge(IdParam("invitationId")) },
      responses: { 204: { description: "Revoked" }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId, invitationId } = c.req.valid("param") as { projectId: string; invitationId: string };
      const db = c.var.deps.store.db;
      await authorizeProject(db, projectId, user, "project.manageMembers");
      await revokeInvitation(db, projectId, invitationId);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/invitations/{token}",
      tags: ["projects"],
      summary: "What an invitation link is for",
      request: { params: IdParam("token") },
      responses: {
        200: json(z.object({ projectId: z.string(), projectTitle: z.string(), role: RoleSchema }), "The invitation"),
        ...errorResponses(404, 410),
      },
    }),
    async (c) => {
      const { token } = c.req.valid("param") as { token: string };
      const invitation = await findInvitation(c.var.deps.store.db, token);
      return c.json({ projectId: invitation.project_id, projectTitle: invitation.title, role: invitation.role }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/invitations/{token}/accept",
      tags: ["projects"],
      summary: "Join the project as the signed-in user (uses up one of the link's uses)",
      request: { params: IdParam("token") },
      responses: {
        200: json(z.object({ projectId: z.string(), role: RoleSchema }), "Joined"),
        ...errorResponses(401, 403, 404, 410),
      },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { token } = c.req.valid("param") as { token: string };
      return c.json(await acceptInvitation(c.var.deps.store.db, token, user.id), 200);
    },
  );
