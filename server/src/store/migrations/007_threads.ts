// Migration 007_threads.
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

export const migration007 = (): Migration => ({
  async up(db: Kysely<unknown>) {
    // Which document holds each thread (the thread itself lives there), so a reply or a
    // resolve finds it by id and a project's threads are listed without opening documents.
    await db.schema
      .createTable("threads")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("project_id", "text", (c) => c.notNull().references("projects.id").onDelete("cascade"))
      .addColumn("home", "text", (c) => c.notNull())
      .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("threads_project").on("threads").column("project_id").execute();
  },
});
