// Creating a transcript: text (pasted, or read from a .txt/.docx upload) → speaker turns,
// renamed as the person chose in the preview → the initial Yjs state, stored together with
// the document row. The preview and the creation parse with the same function, so what the
// preview shows is what is stored.
import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import {
  MAX_TRANSCRIPT_CHARS,
  parseTranscript,
  previewTranscript,
  renameSpeakers,
  summarizeTranscript,
  unknownSpeakers,
  writeTranscript,
  type SpeakerNames,
} from "@concord/shared";
import { errors } from "../errors";
import type { Store } from "../store/store";
import type { WorkerPool } from "../workers/pool";

/** A .docx is unpacked and read in a worker; a real one takes about a second at the largest. */
const DOCX_TIMEOUT_MS = 30_000;

/** Parses the text, refusing text over the limit and new names for speakers it does not have. */
function parseForImport(text: string, speakers: SpeakerNames) {
  if (text.length > MAX_TRANSCRIPT_CHARS) {
    throw errors.tooLarge(`A transcript may hold at most ${MAX_TRANSCRIPT_CHARS.toLocaleString("en")} characters.`);
  }
  const blocks = parseTranscript(text);
  const [unknown] = unknownSpeakers(blocks, speakers);
  if (unknown !== undefined) {
    throw errors.validation(`This transcript has no speaker labelled “${unknown}”. Preview it again and rename the speakers it shows.`);
  }
  return blocks;
}

/** The transcript as it would be stored, without storing anything. */
export function transcriptPreview(text: string, speakers: SpeakerNames = {}) {
  const preview = previewTranscript(parseForImport(text, speakers), speakers);
  return { ...preview, characters: text.length, limit: MAX_TRANSCRIPT_CHARS };
}

export async function createTranscript(
  store: Store,
  input: { projectId: string; title: string; text: string; createdBy: string; speakers?: SpeakerNames },
) {
  const speakers = input.speakers ?? {};
  const doc = new Y.Doc();
  writeTranscript(doc, renameSpeakers(parseForImport(input.text, speakers), speakers));
  const state = Y.encodeStateAsUpdate(doc);
  const summary = summarizeTranscript(doc);
  doc.destroy();
  const now = new Date().toISOString();
  const row = {
    ...summary,
    last_changed_by: input.createdBy,
    id: randomUUID(),
    project_id: input.projectId,
    title: input.title.trim(),
    kind: "transcript" as const,
    created_by: input.createdBy,
    created_at: now,
    updated_at: now,
  };
  await store.db.transaction().execute(async (trx) => {
    await trx.insertInto("documents").values(row).execute();
    await trx.insertInto("doc_snapshots").values({ document_id: row.id, state, last_seq: 0, updated_at: now }).execute();
  });
  return row;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Reads the text of an uploaded .txt or .docx file; anything else is refused with 415. A
 * .docx is checked against the zip limits and parsed in a worker with a deadline and a heap
 * limit, so a zip bomb costs its sender an error and nobody else anything.
 */
export async function textFromUpload(workers: WorkerPool, name: string, bytes: Uint8Array): Promise<string> {
  const lower = name.toLowerCase();
  const isZip = ZIP_MAGIC.every((b, i) => bytes[i] === b);
  if (lower.endsWith(".docx")) {
    if (!isZip) throw errors.unsupportedMedia("This .docx file is damaged or is not a Word document.");
    return workers.run("docxText", bytes, { timeoutMs: DOCX_TIMEOUT_MS, what: "Reading this .docx file", refused: errors.unsupportedMedia });
  }
  if (lower.endsWith(".txt") || !lower.includes(".")) {
    if (bytes.includes(0)) throw errors.unsupportedMedia("This file is not plain text.");
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
    } catch {
      throw errors.unsupportedMedia("This file is not UTF-8 text. Save it as UTF-8 (or as .docx) and retry.");
    }
  }
  throw errors.unsupportedMedia("Upload a plain-text (.txt) or Word (.docx) file.");
}
