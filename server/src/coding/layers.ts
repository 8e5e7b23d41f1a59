// Which coders have a layer on which transcript (the coding_layers table), and telling the
// people who have a transcript open when a new layer appears, so their page fetches the
// `collab` listing again: a Hocuspocus stateless message `{"type":"collab-changed"}` on the
// transcript's own document.
import type { Kysely } from "kysely";
import type { Hocuspocus } from "@hocuspocus/server";
import { buildDocumentName } from "@concord/shared";
import type { DatabaseSchema } from "../store/schema";
import type { ConnectionContext } from "../collab/context";
import { readBlindRound } from "./blindRecord";
import { visibilityFor } from "./visibility";

export interface Layer {
  documentId: string;
  coderId: string;
  coderName: string;
}

/** The stateless message sent on a transcript's document when the documents beside it change. */
export const COLLAB_CHANGED = JSON.stringify({ type: "collab-changed" });

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
  if ((inserted.numInsertedOrUpdatedRows ?? 0n) === 0n || !hocuspocus) return;
  // While the transcript is coded blind even the news that a coder began is theirs: only
  // the connections that may see the new layer hear of it.
  const round = await readBlindRound(db, documentId);
  announceCollabChanged(hocuspocus, documentId, (context) => visibilityFor({ userId: context.user.id, role: context.role }, round).maySeeLayer(coderId));
}

/**
 * Tells the people who have a transcript open (those `to` picks, by default all) that the
 * documents beside it, or who may open them, changed.
 */
export function announceCollabChanged(hocuspocus: Hocuspocus | undefined, documentId: string, to: (context: ConnectionContext) => boolean = () => true): void {
  const document = hocuspocus?.documents.get(buildDocumentName({ kind: "text", documentId }));
  for (const connection of document?.getConnections() ?? []) {
    const context = connection.context as ConnectionContext | undefined;
    if (context?.user && to(context)) connection.sendStateless(COLLAB_CHANGED);
  }
}
