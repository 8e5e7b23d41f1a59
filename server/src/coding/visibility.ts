// Who may see and make which codings: the ONE policy used by document connections
// (onAuthenticate: which layer documents a socket may open), the REST routes (codings,
// codes, segments, threads, agreement) and the `collab` listings. Everything that reveals a
// coder's work asks here, so blind coding is a rule in this file rather than a check in
// every route.
//
// Outside blind coding every member who may read a document may see every layer of it, and
// members with `document.edit` code (each in their own layer). While a transcript is coded
// blind (coding/blindRecord.ts) a viewer sees only their own layer — and the codes and
// threads that live in it — unless they are a lead who is not one of the coders and the
// project lets such a lead watch; only the named coders code. On reveal every layer is seen.
import { can, type Role } from "@concord/shared";
import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../store/schema";
import { isBlind, readBlindRound, type BlindRound } from "./blindRecord";

export interface CodingViewer {
  userId: string;
  role: Role;
}

export interface CodingVisibility {
  /** Whether the viewer may add codings (to their own layer) on this document. */
  mayCode: boolean;
  /** Whether the viewer may see the layer of `coderId`: open its document, list its codings, codes and threads. */
  maySeeLayer(coderId: string): boolean;
  /** Whether the viewer may see every coder's work, and so figures computed from all of it (agreement). */
  maySeeAll: boolean;
  /** The round while it is blind (not yet revealed); null otherwise. */
  blind: BlindRound | null;
}

/** The visibility rule for a viewer, given the document's blind round (or null). */
export function visibilityFor(viewer: CodingViewer, round: BlindRound | null): CodingVisibility {
  const reads = can(viewer.role, "project.read");
  const edits = can(viewer.role, "document.edit");
  if (!isBlind(round)) return { mayCode: edits, maySeeLayer: () => reads, maySeeAll: reads, blind: null };
  const isCoder = round.coders.some((coder) => coder.id === viewer.userId);
  const watches = !isCoder && round.leadMayWatch && can(viewer.role, "coding.blind");
  return {
    mayCode: edits && isCoder,
    maySeeLayer: (coderId) => reads && (watches || coderId === viewer.userId),
    maySeeAll: reads && watches,
    blind: round,
  };
}

/** What `viewer` may see of the coding of one document. */
export async function codingVisibility(db: Kysely<DatabaseSchema>, viewer: CodingViewer, documentId: string): Promise<CodingVisibility> {
  return visibilityFor(viewer, await readBlindRound(db, documentId));
}

/** The visibility of each document a viewer asks about, each read once. */
export function visibilityCache(db: Kysely<DatabaseSchema>, viewer: CodingViewer): (documentId: string) => Promise<CodingVisibility> {
  const known = new Map<string, Promise<CodingVisibility>>();
  return (documentId) => {
    let visibility = known.get(documentId);
    if (!visibility) known.set(documentId, (visibility = codingVisibility(db, viewer, documentId)));
    return visibility;
  };
}
