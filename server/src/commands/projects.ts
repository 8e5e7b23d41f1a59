// Projects, memberships and invitation links.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Role } from "@concord/shared";
import { hashSecret, newSecret } from "../auth/secrets";
import { errors } from "../errors";
import { roleIn } from "../policies";
import type { DatabaseSchema } from "../store/schema";
import { findUserByEmail, normaliseEmail } from "./accounts";

const INVITATION_DAYS = 14;

export async function createProject(db: Kysely<DatabaseSchema>, title: string, creatorId: string) {
  const project = { id: randomUUID(), title: title.trim(), created_by: creatorId, created_at: new Date().toISOString() };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("projects").values(project).execute();
    await trx
      .insertInto("memberships")
      .values({ project_id: project.id, user_id: creatorId, role: "lead", created_at: project.created_at })
      .execute();
  });
  return project;
}

export async function listMembers(db: Kysely<DatabaseSchema>, projectId: string) {
  return db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(["memberships.user_id", "users.name", "users.email", "memberships.role"])
    .where("memberships.project_id", "=", projectId)
    .orderBy("memberships.created_at")
    .execute();
}

/** Adds an existing account to a project. */
export async function addMember(db: Kysely<DatabaseSchema>, projectId: string, email: string, role: Role) {
  const user = await db.selectFrom("users").select(["id", "name", "email"]).where("email", "=", normaliseEmail(email)).executeTakeFirst();
  if (!user) throw errors.notFound("An account with that email");
  const existing = await roleIn(db, projectId, user.id);
  if (existing) throw errors.conflict(`${user.name} is already a member (${existing}).`);
  await db
    .insertInto("memberships")
    .values({ project_id: projectId, user_id: user.id, role, created_at: new Date().toISOString() })
    .execute();
  return { user_id: user.id, name: user.name, email: user.email, role };
}

async function leadCount(db: Kysely<DatabaseSchema>, projectId: string): Promise<number> {
  const row = await db
    .selectFrom("memberships")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("project_id", "=", projectId)
    .where("role", "=", "lead")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function currentRole(db: Kysely<DatabaseSchema>, projectId: string, userId: string): Promise<Role> {
  const role = await roleIn(db, projectId, userId);
  if (!role) throw errors.notFound("That member");
  return role;
}

/** Changes a member's role; a project always keeps at least one lead. */
export async function changeRole(db: Kysely<DatabaseSchema>, projectId: string, userId: string, role: Role) {
  const before = await currentRole(db, projectId, userId);
  if (before === "lead" && role !== "lead" && (await leadCount(db, projectId)) === 1) {
    throw errors.conflict("A project needs a lead researcher: make someone else lead first.");
  }
  await db.updateTable("memberships").set({ role }).where("project_id", "=", projectId).where("user_id", "=", userId).execute();
  const members = await listMembers(db, projectId);
  return members.find((m) => m.user_id === userId)!;
}

/** Removes a member from a project; the last lead cannot be removed. */
export async function removeMember(db: Kysely<DatabaseSchema>, projectId: string, userId: string): Promise<void> {
  const role = await currentRole(db, projectId, userId);
  if (role === "lead" && (await leadCount(db, projectId)) === 1) {
    throw errors.conflict("A project needs a lead researcher: make someone else lead first.");
  }
  await db.deleteFrom("memberships").where("project_id", "=", projectId).where("user_id", "=", userId).execute();
}

/** Creates an invitation link secret for a role; anyone signed in who opens it joins. */
export async function createInvitation(db: Kysely<DatabaseSchema>, projectId: string, role: Role, creatorId: string) {
  const token = newSecret();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 3600 * 1000).toISOString();
  await db
    .insertInto("invitations")
    .values({ token_hash: hashSecret(token), project_id: projectId, role, created_by: creatorId, created_at: now.toISOString(), expires_at: expiresAt })
    .execute();
  return { token, role, expiresAt };
}

export async function findInvitation(db: Kysely<DatabaseSchema>, token: string) {
  const invitation = await db
    .selectFrom("invitations")
    .innerJoin("projects", "projects.id", "invitations.project_id")
    .select(["invitations.project_id", "invitations.role", "invitations.expires_at", "projects.title"])
    .where("invitations.token_hash", "=", hashSecret(token))
    .executeTakeFirst();
  if (!invitation) throw errors.invitationInvalid();
  if (invitation.expires_at < new Date().toISOString()) throw errors.gone("This invitation has expired; ask the lead researcher for a new link.");
  return invitation;
}

/** Joins the project an invitation is for. An existing member keeps their current role. */
export async function acceptInvitation(db: Kysely<DatabaseSchema>, token: string, userId: string) {
  const invitation = await findInvitation(db, token);
  const existing = await roleIn(db, invitation.project_id, userId);
  if (existing) return { projectId: invitation.project_id, role: existing };
  await db
    .insertInto("memberships")
    .values({ project_id: invitation.project_id, user_id: userId, role: invitation.role, created_at: new Date().toISOString() })
    .execute();
  return { projectId: invitation.project_id, role: invitation.role };
}

/**
 * Adds an account only if its address is confirmed, else returns null (when Concord sends
 * email): whoever registered an address first must not receive memberships meant for its owner.
 */
export async function addConfirmedMember(db: Kysely<DatabaseSchema>, projectId: string, email: string, role: Role) {
  const user = await findUserByEmail(db, email);
  return user?.email_verified_at ? addMember(db, projectId, email, role) : null;
}
