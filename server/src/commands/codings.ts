// Codings: made by the caller in their own layer of a transcript, anchored against the
// server's live copy of the transcript, and read back as offsets into the current text.
import { randomUUID } from "node:crypto";
import {
  addCoding,
  anchorRange,
  buildDocumentName,
  checkAnchor,
  findBlindCode,
  findCode,
  liveCode,
  readCodings,
  removeCoding,
  resolveAnchor,
  setCodingNote,
  transcriptTextMap,
  type Anchor,
  type LayerCoding,
  type ResolvedRange,
} from "@concord/shared";
import { readDocument, writeDocument, type DocumentHost } from "../collab/serverWrites";
import { listLayers, registerLayer, type Layer } from "../coding/layers";
import { refusalsAsErrors } from "../coding/problems";
import { codebookName, layerName } from "./codebook";

export interface PlacedCoding extends ResolvedRange {
  id: string;
  codeId: string;
  documentId: string;
  coder: { id: string; name: string };
  text: string;
  note: string;
  createdAt: string;
}

export type Placement = { start: number; end: number } | { anchor: { start: Uint8Array; end: Uint8Array } };

export interface NewCoding {
  documentId: string;
  projectId: string;
  codeId: string;
  placement: Placement;
  note: string;
  coder: { id: string; name: string };
}

const textName = (documentId: string) => buildDocumentName({ kind: "text", documentId });

/**
 * Refuses a code the coder may not use: one missing from the codebook or deleted — unless it
 * is a code they made themselves while coding this transcript blind, held in their layer.
 */
async function usableCode(host: DocumentHost, input: NewCoding): Promise<void> {
  const known = await readDocument(host, codebookName(input.projectId), (doc) => findCode(doc, input.codeId) !== undefined);
  const layer = layerName(input.documentId, input.coder.id);
  // A held code its coder deleted is refused as a deleted code of the codebook is.
  if (!known && (await readDocument(host, layer, (doc) => findBlindCode(doc, input.codeId) && liveCode(doc, input.codeId)))) return;
  await readDocument(host, codebookName(input.projectId), (doc) => liveCode(doc, input.codeId));
}

/** Makes a coding in the coder's layer; resolves once it is durable. */
export async function makeCoding(host: DocumentHost, input: NewCoding): Promise<PlacedCoding> {
  return refusalsAsErrors(async () => {
    await usableCode(host, input);
    const { anchor, range, text } = await readDocument(host, textName(input.documentId), (doc) => {
      const map = transcriptTextMap(doc);
      const { placement } = input;
      if ("anchor" in placement) {
        const checked = checkAnchor(doc, map, placement.anchor.start, placement.anchor.end);
        return { ...checked, text: map.text.slice(checked.range.start, checked.range.end) };
      }
      const made = anchorRange(map, placement.start, placement.end);
      const range = resolveAnchor(doc, map, made);
      return { anchor: made, range, text: map.text.slice(range.start, range.end) };
    });
    const id = randomUUID();
    const createdAt = new Date().toISOString();
    const db = host.store.db;
    // The index row first: a coding the index cannot find could never be deleted by id.
    await db.insertInto("codings").values({ id, document_id: input.documentId, coder_id: input.coder.id, created_at: createdAt }).execute();
    try {
      await writeDocument(host, layerName(input.documentId, input.coder.id), (doc) => addCoding(doc, id, { codeId: input.codeId, anchor, note: input.note, createdAt }));
    } catch (error) {
      await db.deleteFrom("codings").where("id", "=", id).execute();
      throw error;
    }
    await registerLayer(db, host.hocuspocus, input.documentId, input.coder.id);
    return { id, codeId: input.codeId, documentId: input.documentId, coder: input.coder, ...range, text, note: input.note, createdAt };
  });
}

/** Places a layer's codings in the current text of its transcript. */
function place(layer: Layer, codings: LayerCoding[], doc: Parameters<typeof transcriptTextMap>[0], map: ReturnType<typeof transcriptTextMap>): PlacedCoding[] {
  return codings.map((coding) => {
    const anchor: Anchor = { start: coding.start, end: coding.end };
    const range = resolveAnchor(doc, map, anchor);
    return {
      id: coding.id,
      codeId: coding.codeId,
      documentId: layer.documentId,
      coder: { id: layer.coderId, name: layer.coderName },
      ...range,
      text: map.text.slice(range.start, range.end),
      note: coding.note,
      createdAt: coding.createdAt,
    };
  });
}

/**
 * The codings of the given layers (`keep` filters them, e.g. by code), placed in the current
 * text of each transcript, in text order. Each transcript is read once.
 */
export async function placeCodings(host: DocumentHost, layers: Layer[], keep: (coding: LayerCoding) => boolean = () => true): Promise<PlacedCoding[]> {
  const byDocument = new Map<string, Layer[]>();
  for (const layer of layers) byDocument.set(layer.documentId, [...(byDocument.get(layer.documentId) ?? []), layer]);
  const placed: PlacedCoding[] = [];
  for (const [documentId, documentLayers] of byDocument) {
    const codings = await Promise.all(documentLayers.map((layer) => readDocument(host, layerName(documentId, layer.coderId), (doc) => readCodings(doc).filter(keep))));
    if (codings.every((list) => list.length === 0)) continue;
    await readDocument(host, textName(documentId), (doc) => {
      const map = transcriptTextMap(doc);
      documentLayers.forEach((layer, i) => placed.push(...place(layer, codings[i]!, doc, map)));
    });
  }
  return placed.sort((a, b) => a.documentId.localeCompare(b.documentId) || a.start - b.start || a.end - b.end || a.id.localeCompare(b.id));
}

/** The layers of a document (or a project) the visibility rule lets through. */
export async function visibleLayers(host: DocumentHost, of: { documentId: string } | { projectId: string }, maySee: (layer: Layer) => boolean): Promise<Layer[]> {
  return (await listLayers(host.store.db, of)).filter(maySee);
}

/** Where a coding lives, by its id; undefined when there is no such coding. */
export function locateCoding(host: DocumentHost, codingId: string) {
  return host.store.db
    .selectFrom("codings")
    .innerJoin("documents", "documents.id", "codings.document_id")
    .select(["codings.id", "codings.document_id as documentId", "codings.coder_id as coderId", "documents.project_id as projectId"])
    .where("codings.id", "=", codingId)
    .executeTakeFirst();
}

/** Removes a coding from its layer, then from the index. */
export async function deleteCoding(host: DocumentHost, coding: { id: string; documentId: string; coderId: string }): Promise<void> {
  await writeDocument(host, layerName(coding.documentId, coding.coderId), (doc) => removeCoding(doc, coding.id));
  await host.store.db.deleteFrom("codings").where("id", "=", coding.id).execute();
}

/** Replaces a coding's note in its layer: everyone with the layer open sees it at once. */
export async function changeCodingNote(host: DocumentHost, coding: { id: string; documentId: string; coderId: string }, note: string): Promise<PlacedCoding> {
  await writeDocument(host, layerName(coding.documentId, coding.coderId), (doc) => setCodingNote(doc, coding.id, note));
  const layers = await visibleLayers(host, { documentId: coding.documentId }, (layer) => layer.coderId === coding.coderId);
  return (await placeCodings(host, layers, (c) => c.id === coding.id))[0]!;
}
