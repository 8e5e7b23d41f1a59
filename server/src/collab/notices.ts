// Notices to the people who have a transcript open that the documents beside it changed (a
// coder's layer appeared, a blind round began or was revealed, watching was turned on or
// off): a Hocuspocus stateless message `{"type":"collab-changed"}` on the transcript's own
// document, after which the page fetches its `collab` listing again. Connections live on
// every process, so a notice is sent here and relayed to the others (redis/processBus.ts),
// each deciding for its own connections who may hear it.
import type { Hocuspocus } from "@hocuspocus/server";
import type { Kysely } from "kysely";
import { z } from "zod";
import { buildDocumentName } from "@concord/shared";
import { readBlindRound } from "../coding/blindRecord";
import { visibilityFor } from "../coding/visibility";
import type { DatabaseSchema } from "../store/schema";
import type { ConnectionContext } from "./context";

/** The stateless message sent on a transcript's document when the documents beside it change. */
export const COLLAB_CHANGED = JSON.stringify({ type: "collab-changed" });

export const CollabNoticeSchema = z.strictObject({
  documentId: z.string().max(100),
  /**
   * The coder whose layer is new: while the transcript is coded blind even the news that a
   * coder began is theirs, so only the connections that may see that layer hear of it.
   */
  newLayerOf: z.string().max(100).optional(),
});
export type CollabNotice = z.infer<typeof CollabNoticeSchema>;

const relays = new WeakMap<Hocuspocus, (notice: CollabNotice) => void>();

/** Sends every notice of `hocuspocus` to `relay` as well (the other processes). */
export function relayCollabNotices(hocuspocus: Hocuspocus, relay: (notice: CollabNotice) => void): void {
  relays.set(hocuspocus, relay);
}

/** Sends a notice to this process's connections only (one that came from another process). */
export async function applyCollabNotice(hocuspocus: Hocuspocus, db: Kysely<DatabaseSchema>, notice: CollabNotice): Promise<void> {
  const document = hocuspocus.documents.get(buildDocumentName({ kind: "text", documentId: notice.documentId }));
  const connections = document?.getConnections() ?? [];
  if (connections.length === 0) return;
  let hears = (_context: ConnectionContext) => true;
  if (notice.newLayerOf !== undefined) {
    const round = await readBlindRound(db, notice.documentId);
    const coderId = notice.newLayerOf;
    hears = (context) => visibilityFor({ userId: context.user.id, role: context.role }, round).maySeeLayer(coderId);
  }
  for (const connection of connections) {
    const context = connection.context as ConnectionContext | undefined;
    if (context?.user && hears(context)) connection.sendStateless(COLLAB_CHANGED);
  }
}

/** Tells the people who have the transcript open, on every process, that the documents beside it changed. */
export async function announceCollabChanged(hocuspocus: Hocuspocus | undefined, db: Kysely<DatabaseSchema>, notice: CollabNotice): Promise<void> {
  if (!hocuspocus) return;
  relays.get(hocuspocus)?.(notice);
  await applyCollabNotice(hocuspocus, db, notice);
}
