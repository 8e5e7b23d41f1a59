// What the project overview lists for each transcript, kept in its row (see summary.ts in
// @concord/shared). Existing transcripts are summarised once here from their stored state;
// who changed them last is not known from before, so it starts as their creator.
import type { Kysely } from "kysely";
import * as Y from "yjs";
import { summarizeTranscript } from "@concord/shared";
import type { Migration } from "kysely/migration";

/** The tables 004 reads and writes, as they are at that point. */
interface DocumentsAt004 {
  documents: { id: string; created_by: string; words: number; participant: string | null; last_changed_by: string | null };
  doc_snapshots: { document_id: string; state: Uint8Array };
  doc_updates: { seq: number; document_id: string; data: Uint8Array };
}

export const migration004 = (): Migration => ({
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
});
