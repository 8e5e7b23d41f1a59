// Invitation links that carry a role.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { acceptInvitation, createInvitation, findInvitation } from "../commands/projects";
import type { AppEnv } from "../env";
import { authorizeProject, requireUser } from "../policies";
import { IdParam, RoleSchema, errorResponses, json } from "./schemas";

const Invitation = z
  .object({ url: z.string(), token: z.string(), role: RoleSchema, expiresAt: z.string() })
  .openapi("Invitation");

export const invitationRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: "post",
      path: "/projects/{projectId}/invitations",
      tags: ["projects"],
      summary: "Create an invitation link for a role (lead only)",
      request: {
        params: IdParam("projectId"),
        body: { content: { "application/json": { schema: z.object({ role: RoleSchema }) } }, required: true },
      },
      responses: { 201: json(Invitation, "The invitation link"), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId } = c.req.valid("param") as { projectId: string };
      await authorizeProject(c.var.deps.store.db, projectId, user, "project.manageMembers");
      const invitation = await createInvitation(c.var.deps.store.db, projectId, c.req.valid("json").role, user.id);
      const url = new URL(`/invite/${invitation.token}`, c.req.url).toString();
      return c.json({ url, ...invitation }, 201);
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
      summary: "Join the project as the signed-in user",
      request: { params: IdParam("token") },
      responses: {
        200: json(z.object({ projectId: z.string(), role: RoleSchema }), "Joined"),
        ...errorResponses(401, 404, 410),
      },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { token } = c.req.valid("param") as { token: string };
      return c.json(await acceptInvitation(c.var.deps.store.db, token, user.id), 200);
    },
  );
