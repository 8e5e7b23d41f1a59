// Which coders have a layer on which transcript (the coding_layers table), and telling the
// people who have a transcript open when a new layer appears (collab/notices.ts), so their
// page fetches the `collab` listing again.
import type { Kysely } from "kysely";
import type { Hocuspocus } from "@hocuspocus/server";
import type { DatabaseSchema } from "../store/schema";
import { announceCollabChanged } from "../collab/notices";

export interface Layer {
  documentId: string;
  coderId: string;
  coderName: string;
}

/** The layers of one transcript, or of every transcript in a project. */
export function listLayers(db: Kysely<DatabaseSchema>, of: { documentId: string } | { projectId: string }): Promise<Layer[]> {
  let query = db
    .selectFrom("coding_layers")
    .innerJoin("documents", "documents.id", "coding_layers.document_id")
    .innerJoin("users", "users.id", "coding_layers.coder_id")
    .select(["coding_layers.document_id as documentId", "coding_layers.coder_id as coderId", "users.name as coderName"]);
  query = "documentId" in of ? query.where("coding_layers.document_id", "=", of.documentId) : query.where("documents.project_id", "=", of.projectId);
  return query.orderBy("coding_layers.created_at").orderBy("coding_layers.coder_id").execute();
}

/** Records that `coderId` codes `documentId`; tells the transcript's connections when the layer is new. */
export async function registerLayer(db: Kysely<DatabaseSchema>, hocuspocus: Hocuspocus | undefined, documentId: string, coderId: string): Promise<void> {
  const inserted = await db
    .insertInto("coding_layers")
    .values({ document_id: documentId, coder_id: coderId, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.columns(["document_id", "coder_id"]).doNothing())
    .executeTakeFirst();
  if ((inserted.numInsertedOrUpdatedRows ?? 0n) === 0n) return;
  await announceCollabChanged(hocuspocus, db, { documentId, newLayerOf: coderId });
}
