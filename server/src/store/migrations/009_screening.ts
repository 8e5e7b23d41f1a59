// Migration 009_screening.
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

export const migration009 = (): Migration => ({
  async up(db: Kysely<unknown>) {
    // The project's inclusion and exclusion criteria, edited as one list (JSON): a full-text
    // exclusion names one by id, and the screening screen highlights their keywords.
    await db.schema
      .createTable("review_criteria")
      .addColumn("project_id", "text", (c) => c.primaryKey().references("projects.id").onDelete("cascade"))
      .addColumn("criteria", "text", (c) => c.notNull())
      .addColumn("updated_by", "text", (c) => c.notNull().references("users.id"))
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    // Who rates which records at a stage: all of them, or a sample drawn with a recorded seed
    // from the records at the stage then (pool_size of them), whose ids are kept.
    await db.schema
      .createTable("review_assignments")
      .addColumn("project_id", "text", (c) => c.notNull().references("projects.id").onDelete("cascade"))
      .addColumn("stage", "text", (c) => c.notNull())
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
      .addColumn("mode", "text", (c) => c.notNull())
      .addColumn("size", "real")
      .addColumn("seed", "integer")
      .addColumn("pool_size", "integer", (c) => c.notNull())
      .addColumn("record_ids", "text")
      .addColumn("assigned_by", "text", (c) => c.notNull().references("users.id"))
      .addColumn("assigned_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("review_assignments_pk", ["project_id", "stage", "user_id"])
      .execute();
    // Each rater's work on an item: the independent answers (fixed once the item reveals)
    // and, apart from them, any answers they changed after reveal.
    await db.schema
      .createTable("review_ratings")
      .addColumn("project_id", "text", (c) => c.notNull().references("projects.id").onDelete("cascade"))
      .addColumn("stage", "text", (c) => c.notNull())
      .addColumn("record_id", "text", (c) => c.notNull().references("records.id").onDelete("cascade"))
      .addColumn("rater_id", "text", (c) => c.notNull().references("users.id"))
      .addColumn("answers", "text", (c) => c.notNull())
      .addColumn("comments", "text", (c) => c.notNull())
      .addColumn("checklist", "text")
      .addColumn("submitted_at", "text")
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addColumn("revised_answers", "text")
      .addColumn("revised_at", "text")
      .addPrimaryKeyConstraint("review_ratings_pk", ["stage", "record_id", "rater_id"])
      .execute();
    await db.schema.createIndex("review_ratings_project").on("review_ratings").columns(["project_id", "stage"]).execute();
    // The agreed answers of a revealed item, who recorded them and when.
    await db.schema
      .createTable("review_consensus")
      .addColumn("project_id", "text", (c) => c.notNull().references("projects.id").onDelete("cascade"))
      .addColumn("stage", "text", (c) => c.notNull())
      .addColumn("record_id", "text", (c) => c.notNull().references("records.id").onDelete("cascade"))
      .addColumn("answers", "text", (c) => c.notNull())
      .addColumn("note", "text", (c) => c.notNull())
      .addColumn("decided_by", "text", (c) => c.notNull().references("users.id"))
      .addColumn("decided_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("review_consensus_pk", ["stage", "record_id"])
      .execute();
    await db.schema.createIndex("review_consensus_project").on("review_consensus").columns(["project_id", "stage"]).execute();
  },
});
