// Projects, memberships and invitation links.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { ROLE_LABELS, type LinkRole, type Role } from "@concord/shared";
import { hashSecret, newSecret } from "../auth/secrets";
import { errors } from "../errors";
import { roleIn } from "../policies";
import type { DatabaseSchema } from "../store/schema";
import { findUserByEmail, normaliseEmail } from "./accounts";

const INVITATION_DAYS = 14;

export async function createProject(db: Kysely<DatabaseSchema>, title: string, creatorId: string) {
  const project = { id: randomUUID(), title, created_by: creatorId, created_at: new Date().toISOString() };
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
  if (!user) throw errors.missing("No Concord account uses that email address.");
  const existing = await roleIn(db, projectId, user.id);
  if (existing) throw errors.conflict(`${user.name} is already a member (${ROLE_LABELS[existing]}).`);
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
  if (!role) throw errors.missing("That person is not a member of this project.");
  return role;
}

/** Changes a member's role; a project always keeps at least one lead. A lead who stops being one loses their links. */
export async function changeRole(db: Kysely<DatabaseSchema>, projectId: string, userId: string, role: Role) {
  const before = await currentRole(db, projectId, userId);
  if (before === "lead" && role !== "lead" && (await leadCount(db, projectId)) === 1) {
    throw errors.conflict("A project needs a lead researcher: make someone else lead first.");
  }
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("memberships").set({ role }).where("project_id", "=", projectId).where("user_id", "=", userId).execute();
    if (before === "lead" && role !== "lead") await revokeInvitationsBy(trx, projectId, userId);
  });
  const members = await listMembers(db, projectId);
  return members.find((m) => m.user_id === userId)!;
}

/** Removes a member from a project, with the links they made; the last lead cannot be removed. */
export async function removeMember(db: Kysely<DatabaseSchema>, projectId: string, userId: string): Promise<void> {
  const role = await currentRole(db, projectId, userId);
  if (role === "lead" && (await leadCount(db, projectId)) === 1) {
    throw errors.conflict("A project needs a lead researcher: make someone else lead first.");
  }
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("memberships").where("project_id", "=", projectId).where("user_id", "=", userId).execute();
    await revokeInvitationsBy(trx, projectId, userId);
  });
}

/**
 * Revokes the links a member made in a project, for when they stop being a lead: a link
 * speaks with its maker's authority, and a removed co-lead's links must not keep admitting
 * people (or the co-lead themself).
 */
async function revokeInvitationsBy(db: Kysely<DatabaseSchema>, projectId: string, userId: string): Promise<void> {
  await db
    .updateTable("invitations")
    .set({ revoked_at: new Date().toISOString() })
    .where("project_id", "=", projectId)
    .where("created_by", "=", userId)
    .where("revoked_at", "is", null)
    .execute();
}

/** Creates an invitation link secret for a role; up to `maxUses` people who open it join. */
export async function createInvitation(
  db: Kysely<DatabaseSchema>,
  projectId: string,
  input: { role: LinkRole; maxUses: number },
  creatorId: string,
) {
  const token = newSecret();
  const now = new Date();
  const row = {
    id: randomUUID(),
    token_hash: hashSecret(token),
    project_id: projectId,
    role: input.role,
    created_by: creatorId,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + INVITATION_DAYS * 24 * 3600 * 1000).toISOString(),
    max_uses: input.maxUses,
    use_count: 0,
    revoked_at: null,
  };
  await db.insertInto("invitations").values(row).execute();
  return { token, row };
}

/** The links of a project that still admit someone: not revoked, not expired, not used up. */
export async function listActiveInvitations(db: Kysely<DatabaseSchema>, projectId: string) {
  return db
    .selectFrom("invitations")
    .innerJoin("users", "users.id", "invitations.created_by")
    .selectAll("invitations")
    .select(["users.name as created_by_name"])
    .where("invitations.project_id", "=", projectId)
    .where("invitations.revoked_at", "is", null)
    .where("invitations.expires_at", ">", new Date().toISOString())
    .whereRef("invitations.use_count", "<", "invitations.max_uses")
    .orderBy("invitations.created_at", "desc")
    .execute();
}

/** Revokes one link of a project; revoking it again changes nothing. */
export async function revokeInvitation(db: Kysely<DatabaseSchema>, projectId: string, invitationId: string): Promise<void> {
  const invitation = await db
    .selectFrom("invitations")
    .select("revoked_at")
    .where("id", "=", invitationId)
    .where("project_id", "=", projectId)
    .executeTakeFirst();
  if (!invitation) throw errors.missing("This project has no invitation link with that id.");
  if (invitation.revoked_at) return;
  await db.updateTable("invitations").set({ revoked_at: new Date().toISOString() }).where("id", "=", invitationId).execute();
}

/** The link a secret belongs to, if it can still be used; otherwise the reason, in plain words. */
export async function findInvitation(db: Kysely<DatabaseSchema>, token: string) {
  const invitation = await db
    .selectFrom("invitations")
    .innerJoin("projects", "projects.id", "invitations.project_id")
    .select([
      "invitations.id",
      "invitations.project_id",
      "invitations.role",
      "invitations.expires_at",
      "invitations.max_uses",
      "invitations.use_count",
      "invitations.revoked_at",
      "projects.title",
    ])
    .where("invitations.token_hash", "=", hashSecret(token))
    .executeTakeFirst();
  if (!invitation) throw errors.invitationInvalid();
  if (invitation.revoked_at) throw errors.gone("This invitation link has been withdrawn. Ask the lead researcher for a new one.");
  if (invitation.expires_at < new Date().toISOString()) throw errors.gone("This invitation has expired; ask the lead researcher for a new link.");
  if (invitation.use_count >= invitation.max_uses) {
    throw errors.gone("This invitation link has already been used. Ask the lead researcher for a new one.");
  }
  return invitation;
}

/**
 * Joins the project an invitation is for, using up one of its uses. An existing member
 * keeps their current role (and uses nothing up); someone who joined through this link
 * before and was removed since is refused, since the lead decided they should leave.
 */
export async function acceptInvitation(db: Kysely<DatabaseSchema>, token: string, userId: string) {
  return db.transaction().execute(async (trx) => {
    const invitation = await findInvitation(trx, token);
    const existing = await roleIn(trx, invitation.project_id, userId);
    if (existing) return { projectId: invitation.project_id, role: existing };
    const usedBefore = await trx
      .selectFrom("invitation_acceptances")
      .select("user_id")
      .where("invitation_id", "=", invitation.id)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    if (usedBefore) {
      throw errors.forbidden("You were removed from this project after joining through this link. Ask the lead researcher to add you again.");
    }
    // Counted under a condition, so two people racing for the last use cannot both get in.
    const counted = await trx
      .updateTable("invitations")
      .set((eb) => ({ use_count: eb("use_count", "+", 1) }))
      .where("id", "=", invitation.id)
      .whereRef("use_count", "<", "max_uses")
      .executeTakeFirst();
    if (Number(counted.numUpdatedRows) !== 1) {
      throw errors.gone("This invitation link has already been used. Ask the lead researcher for a new one.");
    }
    const now = new Date().toISOString();
    await trx.insertInto("invitation_acceptances").values({ invitation_id: invitation.id, user_id: userId, accepted_at: now }).execute();
    await trx
      .insertInto("memberships")
      .values({ project_id: invitation.project_id, user_id: userId, role: invitation.role, created_at: now })
      .execute();
    return { projectId: invitation.project_id, role: invitation.role };
  });
}

/**
 * Adds an account only if its address is confirmed, else returns null (when Concord sends
 * email): whoever registered an address first must not receive memberships meant for its owner.
 */
export async function addConfirmedMember(db: Kysely<DatabaseSchema>, projectId: string, email: string, role: Role) {
  const user = await findUserByEmail(db, email);
  return user?.email_verified_at ? addMember(db, projectId, email, role) : null;
}
