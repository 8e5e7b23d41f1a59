// Bibliographic records (issue 9): every imported or hand-added record, never deleted —
// a duplicate points at its original; each import with its source label, for the PRISMA
// diagram's per-database counts; near-duplicate pairs waiting for a person's decision.
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

export const migration006 = (): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("record_imports")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("project_id", "text", (c) => c.notNull().references("projects.id").onDelete("cascade"))
      .addColumn("source", "text", (c) => c.notNull())
      .addColumn("file_name", "text", (c) => c.notNull())
      .addColumn("format", "text", (c) => c.notNull())
      .addColumn("records", "integer", (c) => c.notNull())
      .addColumn("duplicates", "integer", (c) => c.notNull())
      .addColumn("flagged", "integer", (c) => c.notNull())
      .addColumn("near_pairs", "integer", (c) => c.notNull())
      .addColumn("added_by", "text", (c) => c.notNull().references("users.id"))
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("records")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("project_id", "text", (c) => c.notNull().references("projects.id").onDelete("cascade"))
      .addColumn("import_id", "text", (c) => c.references("record_imports.id").onDelete("cascade"))
      .addColumn("position", "integer", (c) => c.notNull())
      .addColumn("source", "text", (c) => c.notNull())
      .addColumn("type", "text")
      .addColumn("title", "text")
      .addColumn("authors", "text", (c) => c.notNull())
      .addColumn("year", "integer")
      .addColumn("journal", "text")
      .addColumn("volume", "text")
      .addColumn("issue", "text")
      .addColumn("pages", "text")
      .addColumn("doi", "text")
      .addColumn("abstract", "text")
      .addColumn("keywords", "text", (c) => c.notNull())
      .addColumn("database", "text")
      .addColumn("raw", "text", (c) => c.notNull())
      .addColumn("flags", "text", (c) => c.notNull())
      .addColumn("title_key", "text", (c) => c.notNull())
      .addColumn("author_key", "text", (c) => c.notNull())
      .addColumn("duplicate_of", "text", (c) => c.references("records.id").onDelete("set null"))
      .addColumn("duplicate_reason", "text")
      .addColumn("added_by", "text", (c) => c.notNull().references("users.id"))
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("records_project").on("records").columns(["project_id", "created_at", "position"]).execute();
    await db.schema.createIndex("records_project_doi").on("records").columns(["project_id", "doi"]).execute();
    await db.schema.createIndex("records_duplicate_of").on("records").column("duplicate_of").execute();
    await db.schema
      .createTable("record_pairs")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("project_id", "text", (c) => c.notNull().references("projects.id").onDelete("cascade"))
      .addColumn("record_a", "text", (c) => c.notNull().references("records.id").onDelete("cascade"))
      .addColumn("record_b", "text", (c) => c.notNull().references("records.id").onDelete("cascade"))
      .addColumn("similarity", "real", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("decided_by", "text", (c) => c.references("users.id"))
      .addColumn("decided_at", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addUniqueConstraint("record_pairs_records", ["record_a", "record_b"])
      .execute();
    await db.schema.createIndex("record_pairs_project").on("record_pairs").columns(["project_id", "status"]).execute();
  },
});
