// Who may see and make which codings: the ONE policy used by document connections
// (onAuthenticate: which layer documents a socket may open), the REST routes (codings,
// codes, segments) and the `collab` listings. Everything that reveals a coder's work asks
// here, so blind coding is one more rule in this file rather than a check in every route.
//
// Today every member who may read a document may see every layer of it, and members with
// `document.edit` code (each in their own layer). Blind mode adds, per document: the named
// coders, whether the codings are revealed, and whether a non-coding lead may watch; then
// `maySeeLayer` answers false for another coder's layer before reveal, and `maySeeCode` false
// for a code another blind coder created during the blind phase.
import { can, type Role } from "@concord/shared";
import type { Code } from "@concord/shared";

export interface CodingViewer {
  userId: string;
  role: Role;
}

export interface CodingVisibility {
  /** Whether the viewer may add codings (to their own layer) on this document. */
  mayCode: boolean;
  /** Whether the viewer may see the layer of `coderId`: open its document, list its codings. */
  maySeeLayer(coderId: string): boolean;
  /** Whether the viewer may see a code of the codebook. */
  maySeeCode(code: Pick<Code, "createdBy">): boolean;
}

/** What `viewer` may see of the coding of one document (or, with `documentId` null, of the project's codebook). */
export async function codingVisibility(viewer: CodingViewer, _documentId: string | null): Promise<CodingVisibility> {
  return {
    mayCode: can(viewer.role, "document.edit"),
    maySeeLayer: () => can(viewer.role, "project.read"),
    maySeeCode: () => can(viewer.role, "project.read"),
  };
}
