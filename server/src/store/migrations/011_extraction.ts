// Migration 011_extraction.
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

export const migration011 = (): Migration => ({
  async up(db: Kysely<unknown>) {
    // What the team extracted from each included study for the study-characteristics table,
    // as one JSON object of field → text, so that adding a field is not a migration; who last
    // changed it and when, shown beside the form.
    await db.schema
      .createTable("study_extractions")
      .addColumn("record_id", "text", (c) => c.primaryKey().references("records.id").onDelete("cascade"))
      .addColumn("project_id", "text", (c) => c.notNull().references("projects.id").onDelete("cascade"))
      .addColumn("fields", "text", (c) => c.notNull())
      .addColumn("updated_by", "text", (c) => c.notNull().references("users.id"))
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("study_extractions_project").on("study_extractions").column("project_id").execute();
    // Full texts sought but not obtained (PRISMA 2020's "reports not retrieved"): such a
    // record leaves the full-text stage without being assessed. A row is the mark; deleting
    // it undoes it, and any rating already stored comes back with it.
    await db.schema
      .createTable("reports_not_retrieved")
      .addColumn("record_id", "text", (c) => c.primaryKey().references("records.id").onDelete("cascade"))
      .addColumn("project_id", "text", (c) => c.notNull().references("projects.id").onDelete("cascade"))
      .addColumn("note", "text", (c) => c.notNull())
      .addColumn("marked_by", "text", (c) => c.notNull().references("users.id"))
      .addColumn("marked_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("reports_not_retrieved_project").on("reports_not_retrieved").column("project_id").execute();
  },
});
