// Migration 008_blind_coding.
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

export const migration008 = (): Migration => ({
  async up(db: Kysely<unknown>) {
    // One blind round per transcript: who codes it independently, when it started and was
    // revealed (revealed_by null with revealed_at set: every coder marked it done).
    await db.schema
      .createTable("blind_codings")
      .addColumn("document_id", "text", (c) => c.primaryKey().references("documents.id").onDelete("cascade"))
      .addColumn("started_by", "text", (c) => c.notNull().references("users.id"))
      .addColumn("started_at", "text", (c) => c.notNull())
      .addColumn("revealed_by", "text", (c) => c.references("users.id"))
      .addColumn("revealed_at", "text")
      .execute();
    await db.schema
      .createTable("blind_coders")
      .addColumn("document_id", "text", (c) => c.notNull().references("blind_codings.document_id").onDelete("cascade"))
      .addColumn("coder_id", "text", (c) => c.notNull().references("users.id"))
      .addColumn("done_at", "text")
      .addPrimaryKeyConstraint("blind_coders_pk", ["document_id", "coder_id"])
      .execute();
    // Whether a lead who is not one of the coders may watch the coding and its agreement during the blind phase.
    await db.schema.alterTable("projects").addColumn("lead_may_watch_blind_coding", "integer", (c) => c.notNull().defaultTo(0)).execute();
    // The coded segments and the text they index at reveal and after the latest settling,
    // so the agreement at both moments can be shown later at any unit and threshold.
    await db.schema
      .createTable("agreement_snapshots")
      .addColumn("document_id", "text", (c) => c.notNull().references("documents.id").onDelete("cascade"))
      .addColumn("moment", "text", (c) => c.notNull())
      .addColumn("taken_at", "text", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("segments", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("agreement_snapshots_pk", ["document_id", "moment"])
      .execute();
    // Who settled which disagreement, how and when.
    await db.schema
      .createTable("disagreement_settlements")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("document_id", "text", (c) => c.notNull().references("documents.id").onDelete("cascade"))
      .addColumn("coding_ids", "text", (c) => c.notNull())
      .addColumn("action", "text", (c) => c.notNull())
      .addColumn("kept_coding_id", "text")
      .addColumn("note", "text", (c) => c.notNull())
      .addColumn("settled_by", "text", (c) => c.notNull().references("users.id"))
      .addColumn("settled_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("disagreement_settlements_document").on("disagreement_settlements").column("document_id").execute();
  },
});
