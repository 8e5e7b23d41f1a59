// Migration 010_checklists.
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

export const migration010 = (): Migration => ({
  async up(db: Kysely<unknown>) {
    // A project's own appraisal checklists (JBI, MMAT, the review's own), one row per version.
    // A row is never updated: editing a checklist inserts the next version, so answers given
    // against an earlier one keep the questions and scoring they were given against.
    await db.schema
      .createTable("review_checklists")
      .addColumn("project_id", "text", (c) => c.notNull().references("projects.id").onDelete("cascade"))
      .addColumn("key", "text", (c) => c.notNull())
      .addColumn("version", "integer", (c) => c.notNull())
      .addColumn("definition", "text", (c) => c.notNull())
      .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
      .addColumn("created_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("review_checklists_pk", ["project_id", "key", "version"])
      .execute();
    // The checklist new appraisals are given against, by key (its latest version applies);
    // null is the built-in CASP qualitative checklist, which needs no row.
    await db.schema.alterTable("projects").addColumn("appraisal_checklist", "text").execute();
  },
});
