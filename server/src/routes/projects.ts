// Projects and their members.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { can, type LinkRole, type Role } from "@concord/shared";
import { addConfirmedMember, addMember, changeRole, createInvitation, createProject, listMembers, removeMember } from "../commands/projects";
import { errors } from "../errors";
import { MailLimitError, type Mailer } from "../mail/mailer";
import { ROLE_NAMES, projectInvitation } from "../mail/messages";
import { closeConnectionsOf } from "../collab/access";
import type { AppEnv } from "../env";
import { authorizeProject, requireUser } from "../policies";
import { presentMember, presentProject } from "../presenters";
import { projectCollab } from "../coding/collabListing";
import { CollabDocumentSchema } from "./codingSchemas";
import { IdParam, MemberSchema, ProjectSchema, RoleSchema, TitleSchema, errorResponses, json } from "./schemas";

const EmailedInvitation = z
  .object({ email: z.string(), role: RoleSchema, expiresAt: z.string() })
  .openapi("EmailedInvitation");

/** Emails an invitation link for `role` to an address with no confirmed account. */
async function emailInvitation(c: Context<AppEnv>, mailer: Mailer, projectId: string, email: string, role: LinkRole) {
  const { store, publicUrl } = c.var.deps;
  const inviter = requireUser(c.var.user);
  const project = await store.db.selectFrom("projects").select("title").where("id", "=", projectId).executeTakeFirstOrThrow();
  const invitation = await createInvitation(store.db, projectId, { role, maxUses: 1 }, inviter.id);
  const link = new URL(`/invite/${invitation.token}`, publicUrl());
  const message = projectInvitation(email, { inviter: inviter.name, projectTitle: project.title, role: ROLE_NAMES[role], link });
  await mailer.send(message).catch((error: unknown) => {
    throw error instanceof MailLimitError ? errors.tooManyEmails() : errors.emailFailed();
  });
  return { email, role, expiresAt: invitation.row.expires_at };
}

/** Routes that change membership are the leads' alone, so they answer as a lead sees it. */
const LEAD = { seesEmails: true };

const ProjectDetail = ProjectSchema.extend({ members: z.array(MemberSchema), collab: z.array(CollabDocumentSchema) }).openapi("ProjectDetail");

/** Making someone a lead hands them the project (they could remove you), so it must be meant. */
const Confirm = z
  .boolean()
  .optional()
  .openapi({ description: "Must be true when the role is lead: a lead can add and remove anyone, including you." });

function requireLeadConfirmation(role: Role, confirm: boolean | undefined): void {
  if (role === "lead" && confirm !== true) {
    throw errors.confirmationRequired(
      "A lead researcher can add and remove anyone in the project, including you. Confirm that you want to make this person a lead.",
    );
  }
}

export const projectRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: "get",
      path: "/projects",
      tags: ["projects"],
      summary: "Projects you are a member of, with your role",
      responses: { 200: json(z.object({ projects: z.array(ProjectSchema) }), "Your projects"), ...errorResponses(401) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const rows = await c.var.deps.store.db
        .selectFrom("projects")
        .innerJoin("memberships", "memberships.project_id", "projects.id")
        .select(["projects.id", "projects.title", "projects.created_at", "memberships.role"])
        .where("memberships.user_id", "=", user.id)
        .orderBy("projects.created_at", "desc")
        .execute();
      return c.json({ projects: rows.map((r) => presentProject(r, r.role)) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/projects",
      tags: ["projects"],
      summary: "Create a project; you become its lead",
      request: { body: { content: { "application/json": { schema: z.object({ title: TitleSchema("project") }) } }, required: true } },
      responses: { 201: json(ProjectSchema, "The new project"), ...errorResponses(400, 401) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const project = await createProject(c.var.deps.store.db, c.req.valid("json").title, user.id);
      return c.json(presentProject(project, "lead"), 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/projects/{projectId}",
      tags: ["projects"],
      summary: "A project with its members",
      request: { params: IdParam("projectId") },
      responses: { 200: json(ProjectDetail, "The project"), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId } = c.req.valid("param") as { projectId: string };
      const db = c.var.deps.store.db;
      const role = await authorizeProject(db, projectId, user, "project.read");
      const project = await db.selectFrom("projects").selectAll().where("id", "=", projectId).executeTakeFirstOrThrow();
      const members = await listMembers(db, projectId);
      const viewer = { seesEmails: can(role, "project.manageMembers") };
      return c.json({ ...presentProject(project, role), members: members.map((m) => presentMember(m, viewer)), collab: projectCollab(projectId) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/projects/{projectId}/members",
      tags: ["projects"],
      summary: "Add an existing account to the project in a role (lead only; a new lead needs confirm: true)",
      request: {
        params: IdParam("projectId"),
        body: { content: { "application/json": { schema: z.object({ email: z.email(), role: RoleSchema, confirm: Confirm }) } }, required: true },
      },
      description:
        "When Concord sends email (`CONCORD_SMTP_URL`), only an account whose address is confirmed is added (201); " +
        "any other address is emailed an invitation link for the role instead (202).",
      responses: {
        201: json(MemberSchema, "The new member"),
        202: json(EmailedInvitation, "No confirmed account has this address: an invitation was emailed to it"),
        ...errorResponses(400, 401, 403, 404, 409, 429, 502),
      },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId } = c.req.valid("param") as { projectId: string };
      const { email, role, confirm } = c.req.valid("json");
      const { store, mailer } = c.var.deps;
      await authorizeProject(store.db, projectId, user, "project.manageMembers");
      requireLeadConfirmation(role, confirm);
      if (!mailer) return c.json(presentMember(await addMember(store.db, projectId, email, role), LEAD), 201);
      const member = await addConfirmedMember(store.db, projectId, email, role);
      if (member) return c.json(presentMember(member, LEAD), 201);
      // No link may make someone a lead: a co-lead is added once their address is confirmed.
      if (role === "lead") throw errors.conflict(`${email} has no confirmed Concord account yet. Ask them to sign up and confirm their address, then make them a lead.`);
      return c.json(await emailInvitation(c, mailer, projectId, email, role), 202);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/projects/{projectId}/members/{userId}",
      tags: ["projects"],
      summary: "Change a member's role (lead only; making a lead needs confirm: true); their open documents reconnect with the new role",
      request: {
        params: IdParam("projectId").merge(IdParam("userId")),
        body: { content: { "application/json": { schema: z.object({ role: RoleSchema, confirm: Confirm }) } }, required: true },
      },
      responses: { 200: json(MemberSchema, "The member"), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId, userId } = c.req.valid("param") as { projectId: string; userId: string };
      const { role, confirm } = c.req.valid("json");
      await authorizeProject(c.var.deps.store.db, projectId, user, "project.manageMembers");
      requireLeadConfirmation(role, confirm);
      const member = await changeRole(c.var.deps.store.db, projectId, userId, role);
      closeConnectionsOf(c.var.deps.hocuspocus, projectId, userId);
      return c.json(presentMember(member, LEAD), 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/projects/{projectId}/members/{userId}",
      tags: ["projects"],
      summary: "Remove a member (lead only); their open documents are closed at once",
      request: { params: IdParam("projectId").merge(IdParam("userId")) },
      responses: { 204: { description: "Removed" }, ...errorResponses(401, 403, 404, 409) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { projectId, userId } = c.req.valid("param") as { projectId: string; userId: string };
      await authorizeProject(c.var.deps.store.db, projectId, user, "project.manageMembers");
      await removeMember(c.var.deps.store.db, projectId, userId);
      closeConnectionsOf(c.var.deps.hocuspocus, projectId, userId);
      return c.body(null, 204);
    },
  );
