// Schema migrations, applied in order on start. Written with Kysely's schema builder so
// PostgreSQL can run the same list; only the autoincrement column differs by dialect.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";
import { sql } from "kysely";
import * as Y from "yjs";
import { summarizeTranscript } from "@concord/shared";

export type Dialect = "sqlite" | "postgres";

/** The tables 002 reads and writes, as they are at that point (not as schema.ts has them later). */
interface InvitationsAt002 {
  invitations: { token_hash: string; id: string; project_id: string; role: string; created_by: string; revoked_at: string | null };
  memberships: { project_id: string; user_id: string; role: string };
}

/** The tables 004 reads and writes, as they are at that point. */
interface DocumentsAt004 {
  documents: { id: string; created_by: string; words: number; participant: string | null; last_changed_by: string | null };
  doc_snapshots: { document_id: string; state: Uint8Array };
  doc_updates: { seq: number; document_id: string; data: Uint8Array };
}

export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    "001_foundation": {
      async up(db: Kysely<unknown>) {
        const blob = dialect === "postgres" ? "bytea" : "blob";
        await db.schema
          .createTable("users")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("email", "text", (c) => c.notNull().unique())
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("password_hash", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("sessions")
          .addColumn("token_hash", "text", (c) => c.primaryKey())
          .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
          .addColumn("created_at", "text", (c) => c.notNull())
          .addColumn("expires_at", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("api_tokens")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("token_hash", "text", (c) => c.notNull().unique())
          .addColumn("created_at", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("projects")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("title", "text", (c) => c.notNull())
          .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
          .addColumn("created_at", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("memberships")
          .addColumn("project_id", "text", (c) => c.notNull().references("projects.id").onDelete("cascade"))
          .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
          .addColumn("role", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("memberships_pk", ["project_id", "user_id"])
          .execute();
        await db.schema
          .createTable("invitations")
          .addColumn("token_hash", "text", (c) => c.primaryKey())
          .addColumn("project_id", "text", (c) => c.notNull().references("projects.id").onDelete("cascade"))
          .addColumn("role", "text", (c) => c.notNull())
          .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
          .addColumn("created_at", "text", (c) => c.notNull())
          .addColumn("expires_at", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("documents")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("project_id", "text", (c) => c.notNull().references("projects.id").onDelete("cascade"))
          .addColumn("title", "text", (c) => c.notNull())
          .addColumn("kind", "text", (c) => c.notNull())
          .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
          .addColumn("created_at", "text", (c) => c.notNull())
          .addColumn("updated_at", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("doc_snapshots")
          .addColumn("document_id", "text", (c) => c.primaryKey().references("documents.id").onDelete("cascade"))
          .addColumn("state", sql.raw(blob), (c) => c.notNull())
          .addColumn("last_seq", "bigint", (c) => c.notNull())
          .addColumn("updated_at", "text", (c) => c.notNull())
          .execute();
        let updates = db.schema.createTable("doc_updates");
        updates =
          dialect === "postgres"
            ? updates.addColumn("seq", "bigserial", (c) => c.primaryKey())
            : updates.addColumn("seq", "integer", (c) => c.primaryKey().autoIncrement());
        await updates
          .addColumn("document_id", "text", (c) => c.notNull().references("documents.id").onDelete("cascade"))
          .addColumn("data", sql.raw(blob), (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .execute();
        await db.schema.createIndex("doc_updates_document_seq").on("doc_updates").columns(["document_id", "seq"]).execute();
        await db.schema.createIndex("memberships_user").on("memberships").column("user_id").execute();
        await db.schema.createIndex("documents_project").on("documents").column("project_id").execute();
        await db.schema
          .createTable("settings")
          .addColumn("key", "text", (c) => c.primaryKey())
          .addColumn("value", "text", (c) => c.notNull())
          .execute();
      },
    },
    // Invitation links become single-use by default, listable and revocable by id, and
    // remember who accepted them, so a removed member cannot walk back in through the link.
    "002_invitations": {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable("invitations").addColumn("id", "text", (c) => c.notNull().defaultTo("")).execute();
        await db.schema.alterTable("invitations").addColumn("max_uses", "integer", (c) => c.notNull().defaultTo(1)).execute();
        await db.schema.alterTable("invitations").addColumn("use_count", "integer", (c) => c.notNull().defaultTo(0)).execute();
        await db.schema.alterTable("invitations").addColumn("revoked_at", "text").execute();
        const raw = db as Kysely<InvitationsAt002>;
        for (const { token_hash } of await raw.selectFrom("invitations").select("token_hash").execute()) {
          await raw.updateTable("invitations").set({ id: randomUUID() }).where("token_hash", "=", token_hash).execute();
        }
        await db.schema.createIndex("invitations_id").on("invitations").column("id").unique().execute();
        await db.schema.createIndex("invitations_project").on("invitations").column("project_id").execute();
        // Links made before this rule: a lead link, or one whose maker is no longer a lead, is revoked.
        const now = new Date().toISOString();
        await raw
          .updateTable("invitations")
          .set({ revoked_at: now })
          .where((eb) =>
            eb.or([
              eb("role", "=", "lead"),
              eb.not(
                eb.exists(
                  eb
                    .selectFrom("memberships")
                    .select("memberships.user_id")
                    .whereRef("memberships.project_id", "=", "invitations.project_id")
                    .whereRef("memberships.user_id", "=", "invitations.created_by")
                    .where("memberships.role", "=", "lead"),
                ),
              ),
            ]),
          )
          .execute();
        await db.schema
          .createTable("invitation_acceptances")
          .addColumn("invitation_id", "text", (c) => c.notNull().references("invitations.id").onDelete("cascade"))
          .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
          .addColumn("accepted_at", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("invitation_acceptances_pk", ["invitation_id", "user_id"])
          .execute();
      },
    },
    "003_credentials": {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable("users").addColumn("email_verified_at", "text").execute();
        // Tokens made before tokens could expire get the default lifetime from today.
        await db.schema.alterTable("api_tokens").addColumn("expires_at", "text").execute();
        await db.schema.alterTable("api_tokens").addColumn("last_used_at", "text").execute();
        const in90Days = new Date(Date.now() + 90 * 24 * 3600 * 1000).toISOString();
        await (db as Kysely<{ api_tokens: { expires_at: string | null } }>)
          .updateTable("api_tokens")
          .set({ expires_at: in90Days })
          .execute();
        await db.schema.createIndex("api_tokens_user").on("api_tokens").column("user_id").execute();
        await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();
        await db.schema
          .createTable("email_links")
          .addColumn("token_hash", "text", (c) => c.primaryKey())
          .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
          .addColumn("purpose", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .addColumn("expires_at", "text", (c) => c.notNull())
          .execute();
      },
    },
    // What the project overview lists for each transcript, kept in its row (see summary.ts in
    // @concord/shared). Existing transcripts are summarised once here from their stored state;
    // who changed them last is not known from before, so it starts as their creator.
    "004_document_activity": {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable("documents").addColumn("words", "integer", (c) => c.notNull().defaultTo(0)).execute();
        await db.schema.alterTable("documents").addColumn("participant", "text").execute();
        await db.schema.alterTable("documents").addColumn("last_changed_by", "text", (c) => c.references("users.id")).execute();
        const raw = db as Kysely<DocumentsAt004>;
        for (const { id, created_by } of await raw.selectFrom("documents").select(["id", "created_by"]).execute()) {
          const doc = new Y.Doc();
          const snapshot = await raw.selectFrom("doc_snapshots").select("state").where("document_id", "=", id).executeTakeFirst();
          const updates = await raw.selectFrom("doc_updates").select("data").where("document_id", "=", id).orderBy("seq").execute();
          for (const data of [...(snapshot ? [snapshot.state] : []), ...updates.map((u) => u.data)]) {
            try {
              Y.applyUpdate(doc, new Uint8Array(data));
            } catch {
              // An unreadable entry is skipped, as loading the document skips it.
            }
          }
          const { words, participant } = summarizeTranscript(doc);
          doc.destroy();
          await raw.updateTable("documents").set({ words, participant, last_changed_by: created_by }).where("id", "=", id).execute();
        }
      },
    },
    // Collaborative documents other than transcripts (a coder's layer, the codebook) are
    // stored in the same snapshot and log tables, keyed by their document NAME
    // (@concord/shared documentName.ts): a transcript's name is its id, so existing rows keep
    // their meaning, but the foreign key to documents has to go. SQLite cannot drop a
    // constraint, so both tables are rebuilt with their data and column names unchanged.
    // Which layers exist, and which layer holds each coding, are indexed in tables of their own.
    "005_named_documents": {
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
    },
    // Bibliographic records (issue 9): every imported or hand-added record, never deleted —
    // a duplicate points at its original; each import with its source label, for the PRISMA
    // diagram's per-database counts; near-duplicate pairs waiting for a person's decision.
    "006_records": {
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
    },
    "007_threads": {
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
    },
    "008_blind_coding": {
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
    },
    "009_screening": {
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
    },
  };
}
