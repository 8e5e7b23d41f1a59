// Blind double coding of a transcript: the lead names the coders, each codes in their own
// layer seeing no one else's work (coding/visibility.ts), and the lead reveals it — or it
// reveals itself once every coder has marked it done. Reveal moves the codes the coders made
// meanwhile from their layers into the codebook and keeps the coded text of the moment, so
// the agreement at reveal can be shown beside the agreement after settling.
import { adoptCodes, buildDocumentName, can, clearBlindCodes, readBlindCodes, readBlindLineage } from "@concord/shared";
import { changeAccess, closeConnections, closeLayerConnections, closeTextConnections } from "../collab/access";
import { writeDocument, readDocument, type DocumentHost } from "../collab/serverWrites";
import { blindDocumentsOf, readBlindRound, type BlindRound } from "../coding/blindRecord";
import { listLayers } from "../coding/layers";
import { announceCollabChanged } from "../collab/notices";
import { refusalsAsErrors } from "../coding/problems";
import { errors } from "../errors";
import { codebookName, layerName } from "./codebook";
import { codedText, keepSnapshot } from "./codedSegments";

/**
 * Tells everyone with the transcript open, on every process, that its round changed: the
 * round's document (which only the server writes) notes when. What changed — who is done,
 * whether it is revealed — is read from GET …/blind, which every member may read anyway.
 */
async function noteRoundChanged(host: DocumentHost, documentId: string): Promise<void> {
  await writeDocument(host, buildDocumentName({ kind: "round", documentId }), (doc) => doc.getMap("round").set("changedAt", new Date().toISOString()));
}

/** Starts blind coding of a transcript by `coderIds` (members who may edit). */
export async function startBlindCoding(host: DocumentHost, document: { id: string; projectId: string }, coderIds: string[], by: string): Promise<BlindRound> {
  const db = host.store.db;
  const members = await db.selectFrom("memberships").select(["user_id", "role"]).where("project_id", "=", document.projectId).where("user_id", "in", coderIds).execute();
  const roles = new Map(members.map((member) => [member.user_id, member.role]));
  const outsider = coderIds.find((id) => !roles.has(id));
  if (outsider) throw errors.validation("Every coder must be a member of this project; one of them is not.", { coderId: outsider });
  const cannotCode = coderIds.find((id) => !can(roles.get(id)!, "document.edit"));
  if (cannotCode) throw errors.validation("Every coder must be a member whose role includes coding (viewers cannot code).", { coderId: cannotCode });
  const startedAt = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom("blind_codings").select(["revealed_at"]).where("document_id", "=", document.id).executeTakeFirst();
    if (existing) {
      throw errors.conflict(existing.revealed_at ? "This transcript has already been coded blind and revealed." : "This transcript is already being coded blind.");
    }
    await trx.insertInto("blind_codings").values({ document_id: document.id, started_by: by, started_at: startedAt, revealed_by: null, revealed_at: null }).execute();
    await trx.insertInto("blind_coders").values(coderIds.map((coderId) => ({ document_id: document.id, coder_id: coderId, done_at: null }))).execute();
  });
  // Who may open which layer changed: every layer connection of the transcript authenticates afresh.
  closeLayerConnections(host.hocuspocus, [document.id]);
  // The coders' cursors on the text stop being relayed (PresenceExtension): its connections authenticate afresh too.
  closeTextConnections(host.hocuspocus, [document.id]);
  await announceCollabChanged(host.hocuspocus, db, { documentId: document.id });
  await noteRoundChanged(host, document.id);
  return (await readBlindRound(db, document.id))!;
}

/** Reveals a blind round: by the lead (`by`), or automatically (null) when every coder is done. */
export async function revealBlindCoding(host: DocumentHost, document: { id: string; projectId: string }, by: string | null): Promise<BlindRound> {
  const db = host.store.db;
  const revealedAt = new Date().toISOString();
  const updated = await db
    .updateTable("blind_codings")
    .set({ revealed_at: revealedAt, revealed_by: by })
    .where("document_id", "=", document.id)
    .where("revealed_at", "is", null)
    .executeTakeFirst();
  if ((updated.numUpdatedRows ?? 0n) === 0n) throw errors.conflict("This transcript is not being coded blind, so there is nothing to reveal.");
  const round = (await readBlindRound(db, document.id))!;
  await adoptBlindCodes(host, document, round.startedBy);
  await keepSnapshot(host, document.id, "reveal", await codedText(host, document.id, round.coders.map((coder) => coder.id)));
  // The coders' cursors may be relayed again once their text connections authenticate afresh.
  closeTextConnections(host.hocuspocus, [document.id]);
  await announceCollabChanged(host.hocuspocus, db, { documentId: document.id });
  await noteRoundChanged(host, document.id);
  return round;
}

/**
 * Moves the codes made in each layer of the transcript during the blind phase into the
 * codebook (with their ids, so codings need no change) with the steps they took meanwhile
 * (renames are simply their names now; raises, deletes and restores go to the lineage), then
 * empties them from the layer. A code its coder deleted joins deleted, its codings kept.
 */
async function adoptBlindCodes(host: DocumentHost, document: { id: string; projectId: string }, by: string): Promise<void> {
  for (const layer of await listLayers(host.store.db, { documentId: document.id })) {
    const name = layerName(document.id, layer.coderId);
    const { codes, steps } = await readDocument(host, name, (doc) => ({ codes: readBlindCodes(doc), steps: readBlindLineage(doc) }));
    if (codes.length === 0) continue;
    const at = new Date().toISOString();
    await refusalsAsErrors(() =>
      writeDocument(host, codebookName(document.projectId), (doc) => adoptCodes(doc, codes, { by, at, memo: "Made during blind coding; taken into the codebook at reveal." }, steps)),
    );
    await writeDocument(host, name, clearBlindCodes);
  }
}

/** A coder marks their blind coding of the transcript done; the last one to do so reveals it. */
export async function markBlindCodingDone(host: DocumentHost, document: { id: string; projectId: string }, coderId: string): Promise<BlindRound> {
  const db = host.store.db;
  const round = await readBlindRound(db, document.id);
  if (!round || round.revealedAt) throw errors.conflict("This transcript is not being coded blind.");
  if (!round.coders.some((coder) => coder.id === coderId)) throw errors.forbidden("Only the coders named for this blind coding can mark it done.");
  await db.updateTable("blind_coders").set({ done_at: new Date().toISOString() }).where("document_id", "=", document.id).where("coder_id", "=", coderId).where("done_at", "is", null).execute();
  const pending = await db.selectFrom("blind_coders").select("coder_id").where("document_id", "=", document.id).where("done_at", "is", null).executeTakeFirst();
  if (pending) {
    await noteRoundChanged(host, document.id);
    return (await readBlindRound(db, document.id))!;
  }
  try {
    return await revealBlindCoding(host, document, null);
  } catch (error) {
    // Two coders finishing at once: the other's request revealed it.
    if ((error as { status?: number }).status === 409) return (await readBlindRound(db, document.id))!;
    throw error;
  }
}

/** Sets whether a lead who is not coding may watch blind coding in the project. */
export async function setLeadMayWatch(host: DocumentHost, projectId: string, allowed: boolean): Promise<void> {
  await host.store.db.updateTable("projects").set({ lead_may_watch_blind_coding: allowed ? 1 : 0 }).where("id", "=", projectId).execute();
  const blind = await blindDocumentsOf(host.store.db, projectId);
  if (!allowed) {
    // A watching lead's layer sockets close; reconnecting, they are refused the coders' layers.
    const affected = new Set(blind);
    closeConnections(host.hocuspocus, ({ address, user }) => address.kind === "layer" && affected.has(address.documentId) && user.id !== address.coderId);
    // The same setting lets a lead who is not rating watch the raters' documents of screening and appraisal.
    changeAccess(host.hocuspocus, { kind: "review", projectId });
  }
  for (const documentId of blind) await announceCollabChanged(host.hocuspocus, host.store.db, { documentId });
}
