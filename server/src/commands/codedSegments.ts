// The coded segments of a transcript as the agreement engine takes them: each coder's
// codings placed in the current text, with the text itself (units such as words and turns
// are cut from it). Kept at reveal and after settling (agreement_snapshots) so the agreement
// at those moments can be shown later.
import { buildDocumentName, transcriptTextMap } from "@concord/shared";
import { readDocument, type DocumentHost } from "../collab/serverWrites";
import { listLayers } from "../coding/layers";
import { placeCodings } from "./codings";

/** One coding as a segment: `id` is the coding's, so a disagreement can name its codings. */
export interface CodedSegment {
  id: string;
  coder: string;
  code: string;
  start: number;
  end: number;
}

export interface CodedText {
  text: string;
  segments: CodedSegment[];
}

export type SnapshotMoment = "reveal" | "settled";

/** The current coded text of `coderIds`' layers; codings whose words are gone are left out. */
export async function codedText(host: DocumentHost, documentId: string, coderIds: readonly string[]): Promise<CodedText> {
  const wanted = new Set(coderIds);
  const layers = (await listLayers(host.store.db, { documentId })).filter((layer) => wanted.has(layer.coderId));
  const placed = await placeCodings(host, layers);
  const text = await readDocument(host, buildDocumentName({ kind: "text", documentId }), (doc) => transcriptTextMap(doc).text);
  const segments = placed
    .filter((coding) => !coding.orphaned && coding.end > coding.start)
    .map((coding) => ({ id: coding.id, coder: coding.coder.id, code: coding.codeId, start: coding.start, end: coding.end }));
  return { text, segments };
}

/** Keeps the coded text of the moment, replacing an earlier one of the same moment. */
export async function keepSnapshot(host: DocumentHost, documentId: string, moment: SnapshotMoment, coded: CodedText): Promise<void> {
  const row = { document_id: documentId, moment, taken_at: new Date().toISOString(), text: coded.text, segments: JSON.stringify(coded.segments) };
  await host.store.db
    .insertInto("agreement_snapshots")
    .values(row)
    .onConflict((oc) => oc.columns(["document_id", "moment"]).doUpdateSet({ taken_at: row.taken_at, text: row.text, segments: row.segments }))
    .execute();
}

/** The kept coded text of each moment there is one for. */
export async function readSnapshots(host: DocumentHost, documentId: string): Promise<Partial<Record<SnapshotMoment, CodedText & { takenAt: string }>>> {
  const rows = await host.store.db.selectFrom("agreement_snapshots").selectAll().where("document_id", "=", documentId).execute();
  return Object.fromEntries(rows.map((row) => [row.moment, { takenAt: row.taken_at, text: row.text, segments: JSON.parse(row.segments) as CodedSegment[] }]));
}
