// Authorisation checks used by every route: who may see and do what in a project.
import { can, type Permission, type Role } from "@concord/shared";
import type { Kysely } from "kysely";
import type { User } from "./auth/identify";
import { errors } from "./errors";
import { selectDocuments } from "./store/documentRows";
import type { DatabaseSchema } from "./store/schema";

export function requireUser(user: User | null): User {
  if (!user) throw errors.unauthenticated();
  return user;
}

export async function roleIn(db: Kysely<DatabaseSchema>, projectId: string, userId: string): Promise<Role | null> {
  const row = await db
    .selectFrom("memberships")
    .select("role")
    .where("project_id", "=", projectId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row?.role ?? null;
}

/**
 * The caller's role in a project, checked against `permission`. A non-member gets 404,
 * not 403, so project ids can't be probed.
 */
export async function authorizeProject(
  db: Kysely<DatabaseSchema>,
  projectId: string,
  user: User,
  permission: Permission,
): Promise<Role> {
  const role = await roleIn(db, projectId, user.id);
  if (!role) throw errors.notFound("The project");
  if (!can(role, permission)) throw errors.forbidden();
  return role;
}

/** The document and the caller's role in its project, checked against `permission`. */
export async function authorizeDocument(
  db: Kysely<DatabaseSchema>,
  documentId: string,
  user: User,
  permission: Permission,
) {
  const document = await selectDocuments(db).where("documents.id", "=", documentId).executeTakeFirst();
  const role = document ? await roleIn(db, document.project_id, user.id) : null;
  if (!document || !role) throw errors.notFound("The document");
  if (!can(role, permission)) throw errors.forbidden();
  return { document, role };
}
