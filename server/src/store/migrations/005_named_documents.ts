// Collaborative documents other than transcripts (a coder's layer, the codebook) are
// stored in the same snapshot and log tables, keyed by their document NAME
// (@concord/shared documentName.ts): a transcript's name is its id, so existing rows keep
// their meaning, but the foreign key to documents has to go. SQLite cannot drop a
// constraint, so both tables are rebuilt with their data and column names unchanged.
// Which layers exist, and which layer holds each coding, are indexed in tables of their own.
import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { Migration } from "kysely/migration";
import type { Dialect } from "./dialect";

export const migration005 = (dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    if (dialect === "postgres") {
      await sql`ALTER TABLE doc_snapshots DROP CONSTRAINT IF EXISTS doc_snapshots_document_id_fkey`.execute(db);
      await sql`ALTER TABLE doc_updates DROP CONSTRAINT IF EXISTS doc_updates_document_id_fkey`.execute(db);
    } else {
      await sql`CREATE TABLE doc_snapshots_005 (document_id text PRIMARY KEY, state blob NOT NULL, last_seq bigint NOT NULL, updated_at text NOT NULL)`.execute(db);
      await sql`INSERT INTO doc_snapshots_005 SELECT document_id, state, last_seq, updated_at FROM doc_snapshots`.execute(db);
      await sql`DROP TABLE doc_snapshots`.execute(db);
      await sql`ALTER TABLE doc_snapshots_005 RENAME TO doc_snapshots`.execute(db);
      // AUTOINCREMENT keeps seq growing past deleted rows, as before: compaction relies on it.
      await sql`CREATE TABLE doc_updates_005 (seq integer PRIMARY KEY AUTOINCREMENT, document_id text NOT NULL, data blob NOT NULL, created_at text NOT NULL)`.execute(db);
      await sql`INSERT INTO doc_updates_005 (seq, document_id, data, created_at) SELECT seq, document_id, data, created_at FROM doc_updates`.execute(db);
      await sql`DROP TABLE doc_updates`.execute(db);
      await sql`ALTER TABLE doc_updates_005 RENAME TO doc_updates`.execute(db);
      await db.schema.createIndex("doc_updates_document_seq").on("doc_updates").columns(["document_id", "seq"]).execute();
    }
    await db.schema
      .createTable("coding_layers")
      .addColumn("document_id", "text", (c) => c.notNull().references("documents.id").onDelete("cascade"))
      .addColumn("coder_id", "text", (c) => c.notNull().references("users.id"))
      .addColumn("created_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("coding_layers_pk", ["document_id", "coder_id"])
      .execute();
    await db.schema
      .createTable("codings")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("document_id", "text", (c) => c.notNull().references("documents.id").onDelete("cascade"))
      .addColumn("coder_id", "text", (c) => c.notNull().references("users.id"))
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("codings_document").on("codings").column("document_id").execute();
  },
});
