// The `collab` listings: which WebSocket documents a caller may open for a transcript or a
// project, so clients and scripts never build names themselves. Filtered by the one
// visibility policy, as onAuthenticate is.
import { buildDocumentName } from "@concord/shared";
import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../store/schema";
import { listLayers } from "./layers";
import { codingVisibility, type CodingViewer } from "./visibility";

export type CollabEntry =
  | { name: string; kind: "text" }
  | { name: string; kind: "layer"; coderId: string }
  | { name: string; kind: "round" }
  | { name: string; kind: "codebook" }
  | { name: string; kind: "threads" };

export async function documentCollab(db: Kysely<DatabaseSchema>, viewer: CodingViewer, documentId: string): Promise<CollabEntry[]> {
  const visibility = await codingVisibility(db, viewer, documentId);
  const layers = (await listLayers(db, { documentId })).filter((layer) => visibility.maySeeLayer(layer.coderId));
  return [
    { name: buildDocumentName({ kind: "text", documentId }), kind: "text" },
    { name: buildDocumentName({ kind: "round", documentId }), kind: "round" },
    ...layers.map((layer) => ({ name: buildDocumentName({ kind: "layer", documentId, coderId: layer.coderId }), kind: "layer" as const, coderId: layer.coderId })),
  ];
}

/** The project-level documents: the codebook and the discussion threads everyone in it may see. */
export function projectCollab(projectId: string): CollabEntry[] {
  return [
    { name: buildDocumentName({ kind: "codebook", projectId }), kind: "codebook" },
    { name: buildDocumentName({ kind: "threads", projectId }), kind: "threads" },
  ];
}
