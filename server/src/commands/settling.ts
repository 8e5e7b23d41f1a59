// Settling a disagreement after reveal, as the team decides in discussion: keep one coding
// (the others go), keep both (each stands; the disagreement is closed), merge them into one
// coding over all their words, or drop them all. Who settled what and when is recorded, and
// the coded text after settling is kept beside the one at reveal (agreement_snapshots).
import { randomUUID } from "node:crypto";
import { anchorRange, buildDocumentName, reanchorCoding, transcriptTextMap } from "@concord/shared";
import { readDocument, writeDocument, type DocumentHost } from "../collab/serverWrites";
import { listLayers } from "../coding/layers";
import { refusalsAsErrors } from "../coding/problems";
import { errors } from "../errors";
import type { DisagreementSettlementsTable } from "../store/schema";
import { layerName } from "./codebook";
import { codedText, keepSnapshot } from "./codedSegments";
import { deleteCoding, locateCoding, placeCodings } from "./codings";

export type SettleAction = DisagreementSettlementsTable["action"];

export interface Settling {
  codingIds: string[];
  action: SettleAction;
  /** The coding that stays: required to keep one or to merge, refused otherwise. */
  keep?: string;
  note: string;
}

/** The key a disagreement is known by: its codings' ids, sorted, joined with "+" (as documentAgreement makes it). */
export const disagreementKey = (codingIds: readonly string[]) => [...new Set(codingIds)].sort().join("+");

/** Settles a disagreement between codings of `documentId`; `coders` are the round's (whose coded text is kept). */
export async function settleDisagreement(host: DocumentHost, documentId: string, coders: string[], input: Settling, by: string) {
  const ids = [...new Set(input.codingIds)];
  const needsKeep = input.action === "keep_one" || input.action === "merge";
  if (needsKeep && (input.keep === undefined || !ids.includes(input.keep))) throw errors.validation("Say which of the codings stays (keep), one of codingIds.");
  if (!needsKeep && input.keep !== undefined) throw errors.validation(`"keep" goes only with keep_one or merge.`);
  if (input.action === "merge" && ids.length < 2) throw errors.validation("Merging needs at least two codings.");
  // Checked first: settling may have removed some of the codings since.
  const key = disagreementKey(ids);
  const db = host.store.db;
  const earlier = await db.selectFrom("disagreement_settlements").select("id").where("document_id", "=", documentId).where("coding_ids", "=", JSON.stringify(key.split("+"))).executeTakeFirst();
  if (earlier) throw errors.conflict("This disagreement has already been settled.");
  const codings: NonNullable<Awaited<ReturnType<typeof locateCoding>>>[] = [];
  for (const id of ids) {
    const coding = await locateCoding(host, id);
    if (!coding || coding.documentId !== documentId) throw errors.validation("Those codings are not all on this transcript.", { codingId: id });
    codings.push(coding);
  }

  if (input.action === "merge") {
    const layers = (await listLayers(db, { documentId })).filter((layer) => codings.some((c) => c.coderId === layer.coderId));
    const placed = (await placeCodings(host, layers, (coding) => ids.includes(coding.id))).filter((c) => !c.orphaned && c.end > c.start);
    if (placed.length === 0) throw errors.conflict("The words of these codings have all been deleted, so there is nothing to merge them over.");
    const start = Math.min(...placed.map((c) => c.start));
    const end = Math.max(...placed.map((c) => c.end));
    const anchor = await refusalsAsErrors(() => readDocument(host, buildDocumentName({ kind: "text", documentId }), (doc) => anchorRange(transcriptTextMap(doc), start, end)));
    const kept = codings.find((c) => c.id === input.keep)!;
    await writeDocument(host, layerName(documentId, kept.coderId), (doc) => reanchorCoding(doc, kept.id, anchor));
  }
  const going = input.action === "keep_both" ? [] : codings.filter((c) => input.action === "drop" || c.id !== input.keep);
  for (const coding of going) await deleteCoding(host, coding);

  const row = {
    id: randomUUID(),
    document_id: documentId,
    coding_ids: JSON.stringify(key.split("+")),
    action: input.action,
    kept_coding_id: input.keep ?? null,
    note: input.note,
    settled_by: by,
    settled_at: new Date().toISOString(),
  };
  await db.insertInto("disagreement_settlements").values(row).execute();
  await keepSnapshot(host, documentId, "settled", await codedText(host, documentId, coders));
  return row;
}

/** The settlements of a transcript, oldest first, with the settler's name. */
export function listSettlements(host: DocumentHost, documentId: string) {
  return host.store.db
    .selectFrom("disagreement_settlements")
    .innerJoin("users", "users.id", "disagreement_settlements.settled_by")
    .selectAll("disagreement_settlements")
    .select("users.name as settled_by_name")
    .where("document_id", "=", documentId)
    .orderBy("settled_at")
    .orderBy("id")
    .execute();
}
