// The codebook's commands: each validated change is written to the project's codebook
// document through serverWrites; merges and splits then move the codings in the layers.
import { randomUUID } from "node:crypto";
import {
  buildDocumentName,
  createCode,
  deleteCode,
  findCode,
  liveCode,
  mergeCode,
  readBlindCodes,
  readBlindLineage,
  readCodes,
  readCodings,
  findBlindCode,
  addBlindCode,
  buildCode,
  CODING_LIMITS,
  readLineage,
  recode,
  restoreCode,
  splitCode,
  updateCode,
  CodebookError,
  type Actor,
  type Code,
  type CodeChanges,
  type CodeLevel,
  type LineageEntry,
  type LiveElsewhere,
} from "@concord/shared";
import { readDocument, writeDocument, type DocumentHost } from "../collab/serverWrites";
import { listLayers, registerLayer, type Layer } from "../coding/layers";
import { refusalsAsErrors } from "../coding/problems";
import { errors } from "../errors";

export const codebookName = (projectId: string) => buildDocumentName({ kind: "codebook", projectId });
export const layerName = (documentId: string, coderId: string) => buildDocumentName({ kind: "layer", documentId, coderId });

export interface CodeCounts {
  codings: number;
  documents: number;
  coders: number;
}

/** A code a blind coder made, kept in their layer of `documentId` until reveal. */
export type HeldCode = Code & { blindDocumentId: string };

/**
 * The codebook and lineage, each code with how many codings, documents and coders use it,
 * counted in the layers `maySee` lets through (a blind coder's work counts for no one
 * else), and the codes held in those layers since blind coding began.
 */
export async function readCodebook(
  host: DocumentHost,
  projectId: string,
  maySee: (layer: Layer) => Promise<boolean>,
): Promise<{ codes: ((Code | HeldCode) & { counts: CodeCounts })[]; lineage: LineageEntry[] }> {
  const { codes, lineage } = await readDocument(host, codebookName(projectId), (doc) => ({ codes: readCodes(doc), lineage: readLineage(doc) }));
  const held: HeldCode[] = [];
  const heldSteps: LineageEntry[] = [];
  const uses = new Map<string, { codings: number; documents: Set<string>; coders: Set<string> }>();
  for (const layer of await listLayers(host.store.db, { projectId })) {
    if (!(await maySee(layer))) continue;
    const { codings, blindCodes, steps } = await readDocument(host, layerName(layer.documentId, layer.coderId), (doc) => ({
      codings: readCodings(doc),
      blindCodes: readBlindCodes(doc),
      steps: readBlindLineage(doc),
    }));
    held.push(...blindCodes.map((code) => ({ ...code, blindDocumentId: layer.documentId })));
    heldSteps.push(...steps);
    for (const coding of codings) {
      let use = uses.get(coding.codeId);
      if (!use) uses.set(coding.codeId, (use = { codings: 0, documents: new Set(), coders: new Set() }));
      use.codings++;
      use.documents.add(layer.documentId);
      use.coders.add(layer.coderId);
    }
  }
  return {
    codes: [...codes, ...held].map((code) => {
      const use = uses.get(code.id);
      return { ...code, counts: { codings: use?.codings ?? 0, documents: use?.documents.size ?? 0, coders: use?.coders.size ?? 0 } };
    }),
    // The steps of held codes, kept in their layers, in time order among the codebook's.
    lineage: heldSteps.length === 0 ? lineage : [...lineage, ...heldSteps].sort((a, b) => a.at.localeCompare(b.at)),
  };
}

/**
 * A code by id as `maySee` allows: from the codebook, or held in a layer the caller may see.
 * `home` is the document it lives in.
 */
export async function findVisibleCode(host: DocumentHost, projectId: string, codeId: string, maySee: (layer: Layer) => Promise<boolean>): Promise<{ code: Code; home: string } | undefined> {
  const inCodebook = await readDocument(host, codebookName(projectId), (doc) => findCode(doc, codeId));
  if (inCodebook) return { code: inCodebook, home: codebookName(projectId) };
  for (const layer of await listLayers(host.store.db, { projectId })) {
    const name = layerName(layer.documentId, layer.coderId);
    const held = await readDocument(host, name, (doc) => findBlindCode(doc, codeId));
    if (held && (await maySee(layer))) return { code: held, home: name };
  }
  return undefined;
}

const actorNow = (by: string, memo?: string): Actor => ({ by, at: new Date().toISOString(), ...(memo ? { memo } : {}) });

export interface CodeInput {
  name: string;
  level: CodeLevel;
  parentId?: string | null;
  color?: string;
  description?: string;
}

export function addCode(host: DocumentHost, projectId: string, input: CodeInput, by: string): Promise<Code> {
  return refusalsAsErrors(() => writeDocument(host, codebookName(projectId), (doc) => createCode(doc, { id: randomUUID(), ...input }, actorNow(by))));
}

/**
 * Adds a code a blind coder makes while coding `documentId`: it is kept in their layer (which
 * only they, and a watching lead, receive) until reveal moves it into the codebook. Its parent
 * may be a code of the codebook or one of their own held codes.
 */
export async function holdBlindCode(host: DocumentHost, projectId: string, documentId: string, input: CodeInput, by: string): Promise<HeldCode> {
  const name = layerName(documentId, by);
  const room = await refusalsAsErrors(() =>
    readDocument(host, codebookName(projectId), (doc) => {
      if (input.parentId && findCode(doc, input.parentId)) liveCode(doc, input.parentId, "The parent code");
      return { size: readCodes(doc).length, parentInCodebook: !!input.parentId && !!findCode(doc, input.parentId) };
    }),
  );
  const code = await refusalsAsErrors(() =>
    writeDocument(host, name, (doc) => {
      const held = readBlindCodes(doc);
      if (input.parentId && !room.parentInCodebook) {
        const parent = held.find((code) => code.id === input.parentId);
        if (!parent) throw new CodebookError("unknown", "The parent code does not exist in this project's codebook.");
      }
      const made = buildCode({ id: randomUUID(), ...input }, actorNow(by), room.size + held.length);
      return addBlindCode(doc, made, CODING_LIMITS.codesPerProject - room.size);
    }),
  );
  await registerLayer(host.store.db, host.hocuspocus, documentId, by);
  return { ...code, blindDocumentId: documentId };
}

/** A code named in the path: 404 when the codebook has no such code. */
function pathCode(doc: Parameters<typeof findCode>[0], codeId: string): Code {
  const code = findCode(doc, codeId);
  if (!code) throw errors.missing("This project's codebook has no such code.");
  return code;
}

/** Who asks for a change to a code, and which layers they may see. */
export interface CodeEditor {
  userId: string;
  maySee: (layer: Pick<Layer, "documentId" | "coderId">) => Promise<boolean>;
}

/** The layer holding `codeId` when it is a code a blind coder made, not (yet) in the codebook. */
async function findHeld(host: DocumentHost, projectId: string, codeId: string): Promise<(Layer & { name: string }) | undefined> {
  if (await readDocument(host, codebookName(projectId), (doc) => findCode(doc, codeId) !== undefined)) return undefined;
  for (const layer of await listLayers(host.store.db, { projectId })) {
    const name = layerName(layer.documentId, layer.coderId);
    if (await readDocument(host, name, (doc) => findBlindCode(doc, codeId) !== undefined)) return { ...layer, name };
  }
  return undefined;
}

/**
 * The layer holding a code named in the path, when it is one a blind coder made; undefined
 * otherwise. To whoever may not see that layer it does not exist (404), as GET …/codes hides it.
 */
async function heldHome(host: DocumentHost, projectId: string, codeId: string, editor: CodeEditor): Promise<(Layer & { name: string }) | undefined> {
  const home = await findHeld(host, projectId, codeId);
  if (home && !(await editor.maySee(home))) throw errors.missing("This project's codebook has no such code.");
  return home;
}

/** The layer of a held code its own coder changes; anyone else who may see it (a watching lead) may not. */
async function ownHeldHome(host: DocumentHost, projectId: string, codeId: string, editor: CodeEditor): Promise<(Layer & { name: string }) | undefined> {
  const home = await heldHome(host, projectId, codeId, editor);
  if (home && home.coderId !== editor.userId) throw errors.forbidden("Until reveal, only the coder who made this code may change it.");
  return home;
}

/**
 * A code kept with blind work is not merged or split before it joins the codebook (409).
 * `fromId` is the code in the path (hidden: 404); `intoId`, a merge's survivor, is left to
 * the codebook's own refusal when hidden, as any code it does not hold.
 */
async function refuseHeld(host: DocumentHost, projectId: string, editor: CodeEditor, doing: string, fromId: string, intoId?: string): Promise<void> {
  const refusal = () =>
    errors.conflict(`A code made during blind coding joins the codebook at reveal; it can be ${doing} from then on. Until then it can be renamed, moved or deleted.`);
  if (await heldHome(host, projectId, fromId, editor)) throw refusal();
  const into = intoId === undefined ? undefined : await findHeld(host, projectId, intoId);
  if (into && (await editor.maySee(into))) throw refusal();
}

/**
 * Vouches for `codeId` as the parent of a held code when the codebook holds it live; a
 * deleted one is refused when `refuseDeleted` (a move under it), else passed over (a restore
 * then puts the code at the top).
 */
async function liveInCodebook(host: DocumentHost, projectId: string, codeId: string | null | undefined, refuseDeleted: boolean): Promise<LiveElsewhere> {
  if (!codeId) return () => false;
  const code = await readDocument(host, codebookName(projectId), (doc) => findCode(doc, codeId));
  if (code?.deletedAt && refuseDeleted) throw errors.validation(`The parent code "${code.name}" has been ${code.mergedInto ? "merged into another code" : "deleted"}.`, { problem: "deleted" });
  return (id) => id === codeId && !!code && !code.deletedAt;
}

/** Changes a code held in its layer, in place; refused (409) if reveal took it into the codebook meanwhile. */
async function changeHeld(host: DocumentHost, home: Layer & { name: string }, codeId: string, change: (doc: Parameters<typeof findCode>[0]) => Code): Promise<HeldCode> {
  const code = await refusalsAsErrors(() =>
    writeDocument(host, home.name, (doc) => {
      if (!findBlindCode(doc, codeId)) throw errors.conflict("This code joined the codebook at reveal a moment ago; try again.");
      return change(doc);
    }),
  );
  return { ...code, blindDocumentId: home.documentId };
}

export async function changeCode(host: DocumentHost, projectId: string, codeId: string, changes: CodeChanges, editor: CodeEditor): Promise<Code> {
  const held = await ownHeldHome(host, projectId, codeId, editor);
  const actor = actorNow(editor.userId);
  if (held) {
    const parentOutside = await liveInCodebook(host, projectId, changes.parentId, true);
    return changeHeld(host, held, codeId, (doc) => updateCode(doc, codeId, changes, actor, parentOutside));
  }
  return refusalsAsErrors(() =>
    writeDocument(host, codebookName(projectId), (doc) => {
      pathCode(doc, codeId);
      return updateCode(doc, codeId, changes, actor);
    }),
  );
}

export async function removeCode(host: DocumentHost, projectId: string, codeId: string, editor: CodeEditor): Promise<Code> {
  const held = await ownHeldHome(host, projectId, codeId, editor);
  const actor = actorNow(editor.userId);
  if (held) return changeHeld(host, held, codeId, (doc) => deleteCode(doc, codeId, actor));
  return refusalsAsErrors(() =>
    writeDocument(host, codebookName(projectId), (doc) => {
      pathCode(doc, codeId);
      return deleteCode(doc, codeId, actor);
    }),
  );
}

export async function bringBackCode(host: DocumentHost, projectId: string, codeId: string, editor: CodeEditor): Promise<Code> {
  const held = await ownHeldHome(host, projectId, codeId, editor);
  const actor = actorNow(editor.userId);
  if (held) {
    const parentId = (await readDocument(host, held.name, (doc) => findBlindCode(doc, codeId)))?.parentId;
    const parentOutside = await liveInCodebook(host, projectId, parentId, false);
    return changeHeld(host, held, codeId, (doc) => restoreCode(doc, codeId, actor, parentOutside));
  }
  return refusalsAsErrors(() =>
    writeDocument(host, codebookName(projectId), (doc) => {
      pathCode(doc, codeId);
      return restoreCode(doc, codeId, actor);
    }),
  );
}

/**
 * Merges a code into another: the codebook first (from then on no new coding can use the
 * merged code), then every layer of the project moves its codings to the survivor.
 */
export async function mergeCodes(host: DocumentHost, projectId: string, fromId: string, intoId: string, editor: CodeEditor, memo?: string): Promise<{ into: Code; moved: number }> {
  await refuseHeld(host, projectId, editor, "merged", fromId, intoId);
  const by = editor.userId;
  const into = await refusalsAsErrors(() =>
    writeDocument(host, codebookName(projectId), (doc) => {
      pathCode(doc, fromId);
      return mergeCode(doc, fromId, intoId, actorNow(by, memo));
    }),
  );
  let moved = 0;
  for (const layer of await listLayers(host.store.db, { projectId })) {
    moved += await writeDocument(host, layerName(layer.documentId, layer.coderId), (doc) => recode(doc, intoId, { fromCodeId: fromId }));
  }
  return { into, moved };
}

export interface SplitInput {
  name: string;
  codingIds: string[];
  level?: CodeLevel;
  color?: string;
  description?: string;
  memo?: string;
}

/**
 * Splits a new code off `fromId` and gives it the chosen codings. Every chosen coding must be
 * one of this code's in this project, checked before anything changes.
 */
export async function splitCodes(
  host: DocumentHost,
  projectId: string,
  fromId: string,
  input: SplitInput,
  editor: CodeEditor,
): Promise<{ code: Code; moved: number }> {
  await refuseHeld(host, projectId, editor, "split", fromId);
  const { userId: by, maySee } = editor;
  const chosen = new Set(input.codingIds);
  const rows =
    chosen.size === 0
      ? []
      : await host.store.db
          .selectFrom("codings")
          .innerJoin("documents", "documents.id", "codings.document_id")
          .select(["codings.id", "codings.document_id", "codings.coder_id"])
          .where("documents.project_id", "=", projectId)
          .where("codings.id", "in", [...chosen])
          .execute();
  const byLayer = new Map<string, Set<string>>();
  for (const row of rows) {
    // A coding in a layer the caller may not see (blind work) is, to them, not there.
    if (!(await maySee({ documentId: row.document_id, coderId: row.coder_id }))) continue;
    const name = layerName(row.document_id, row.coder_id);
    byLayer.set(name, (byLayer.get(name) ?? new Set()).add(row.id));
  }
  const found = new Set<string>();
  for (const [name, ids] of byLayer) {
    for (const coding of await readDocument(host, name, readCodings)) if (ids.has(coding.id) && coding.codeId === fromId) found.add(coding.id);
  }
  const missing = [...chosen].filter((id) => !found.has(id));
  if (missing.length > 0) throw errors.validation(`${missing.length} of the chosen codings are not codings of this code in this project (the first: ${missing[0]}).`, { codingIds: missing.slice(0, 20) });
  const code = await refusalsAsErrors(() =>
    writeDocument(host, codebookName(projectId), (doc) => {
      pathCode(doc, fromId);
      liveCode(doc, fromId);
      const { memo, codingIds: _ids, ...rest } = input;
      return splitCode(doc, fromId, { id: randomUUID(), ...rest }, actorNow(by, memo));
    }),
  );
  let moved = 0;
  for (const [name, ids] of byLayer) moved += await writeDocument(host, name, (doc) => recode(doc, code.id, { ids }));
  return { code, moved };
}
