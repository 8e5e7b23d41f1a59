// Who may see whose work at a review stage: the ONE policy for the review routes and the
// review documents' connections (AuthExtension). The rule itself is @concord/shared's
// review/items.ts (a rater sees only their own work until the item reveals); this file adds
// who may watch: a lead (review.manage) who is not assigned at the stage, when the project
// lets a lead who is not rating watch blind work (the same setting as for blind coding).
import { can, type Role, type Stage, type Viewer } from "@concord/shared";
import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../store/schema";

/** The review viewer behind a member: whether they may watch every rater's work at the stage. */
export async function reviewViewer(db: Kysely<DatabaseSchema>, projectId: string, stage: Stage, viewer: { userId: string; role: Role }): Promise<Viewer> {
  if (!can(viewer.role, "review.manage")) return { userId: viewer.userId, mayWatch: false };
  const [project, assigned] = await Promise.all([
    db.selectFrom("projects").select("lead_may_watch_blind_coding").where("id", "=", projectId).executeTakeFirst(),
    db.selectFrom("review_assignments").select("user_id").where("project_id", "=", projectId).where("stage", "=", stage).where("user_id", "=", viewer.userId).executeTakeFirst(),
  ]);
  return { userId: viewer.userId, mayWatch: Number(project?.lead_may_watch_blind_coding ?? 0) === 1 && !assigned };
}

/** Whether the viewer may open the document of `raterId`'s own work at the stage. */
export function mayOpenRaterDocument(viewer: Viewer, raterId: string): boolean {
  return viewer.userId === raterId || viewer.mayWatch;
}
