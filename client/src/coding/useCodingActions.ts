// What a coder does to the codebook and their layer, each a REST call (the server alone writes
// them; the change comes back live through their documents), and the notice that tells what
// happened with its undo — also the place errors are told.
import { useCallback, useState } from "react";
import type { Code } from "@concord/shared/coding/codebook";
import type { CodeLevel } from "@concord/shared/coding/limits";
import { api } from "../api/endpoints";
import { errorMessage } from "../api/http";
import type { CodeSummary } from "../api/types";
import type { EncodedAnchor } from "../editor/relativeAnchor";
import type { PlacedCoding } from "./placeCodings";
import type { CodingSelection } from "./useCodingSelection";

export type UndoOffer = { message: string; undo: (() => Promise<void>) | null };

export type CodingActions = {
  apply: (codeId: string) => Promise<void>;
  createCode: (name: string, level?: CodeLevel, parentId?: string | null) => Promise<CodeSummary | null>;
  createAndApply: (name: string) => Promise<void>;
  removeCoding: (coding: PlacedCoding) => Promise<void>;
  /** Saves the note of one of the caller's codings; false when the server refused it (told in the notice). */
  changeNote: (coding: PlacedCoding, note: string) => Promise<boolean>;
  deleteCode: (code: Code) => Promise<void>;
  offer: UndoOffer | null;
  setOffer: (offer: UndoOffer | null) => void;
};

type Deps = {
  documentId: string;
  projectId: string;
  codeById: ReadonlyMap<string, Code>;
  selection: () => CodingSelection | null;
  remember: (codeId: string) => void;
  /** Resolves once this page's own edits have reached the server (a selection may name words just typed). */
  settled: () => Promise<void>;
  /** Editor positions as the relative positions the server anchors on; null without a bound editor. */
  anchorOf: (from: number, to: number) => EncodedAnchor | null;
};

export function useCodingActions({ documentId, projectId, codeById, selection, remember, settled, anchorOf }: Deps): CodingActions {
  const [offer, setOffer] = useState<UndoOffer | null>(null);
  const fail = useCallback((caught: unknown) => setOffer({ message: errorMessage(caught), undo: null }), []);

  const codeOnSelection = useCallback(
    async (code: { id: string; name: string }) => {
      const span = selection();
      if (!span) {
        setOffer({ message: "Select some words in the transcript first, then choose a code.", undo: null });
        return;
      }
      try {
        await settled();
        const coding = await api.createCoding(documentId, span.anchor ? { codeId: code.id, anchor: span.anchor } : { codeId: code.id, start: span.start, end: span.end });
        remember(code.id);
        setOffer({
          message: `Coded “${span.text.length > 40 ? `${span.text.slice(0, 40)}…` : span.text}” as ${code.name}.`,
          undo: () => api.deleteCoding(coding.id),
        });
      } catch (caught) {
        fail(caught);
      }
    },
    [selection, documentId, remember, fail, settled],
  );

  const apply = useCallback(
    async (codeId: string) => {
      const code = codeById.get(codeId);
      if (code) await codeOnSelection(code);
    },
    [codeById, codeOnSelection],
  );

  const createCode = useCallback(
    async (name: string, level: CodeLevel = "initial", parentId: string | null = null) => {
      try {
        return await api.createCode(projectId, { name: name.trim(), level, ...(parentId ? { parentId } : {}) });
      } catch (caught) {
        fail(caught);
        return null;
      }
    },
    [projectId, fail],
  );

  const createAndApply = useCallback(
    async (name: string) => {
      const code = await createCode(name);
      if (code) await codeOnSelection(code);
    },
    [createCode, codeOnSelection],
  );

  const removeCoding = useCallback(
    async (coding: PlacedCoding) => {
      try {
        // Its words, taken before it goes, as positions: an undo puts it back on them even if the text changes meanwhile.
        const anchor = coding.orphaned ? null : anchorOf(coding.from, coding.to);
        await api.deleteCoding(coding.id);
        const name = codeById.get(coding.codeId)?.name ?? "the code";
        const place = anchor ? { anchor } : { start: coding.startOffset, end: coding.endOffset };
        setOffer({
          message: `Removed a coding of ${name}.`,
          undo: coding.orphaned
            ? null
            : async () => {
                await api.createCoding(documentId, { codeId: coding.codeId, ...place, note: coding.note || undefined });
              },
        });
      } catch (caught) {
        fail(caught);
      }
    },
    [codeById, documentId, fail, anchorOf],
  );

  const changeNote = useCallback(
    async (coding: PlacedCoding, note: string) => {
      try {
        await api.changeCodingNote(coding.id, note);
        const name = codeById.get(coding.codeId)?.name ?? "the code";
        setOffer({
          message: note ? `Saved the note on a coding of ${name}.` : `Cleared the note on a coding of ${name}.`,
          undo: async () => {
            await api.changeCodingNote(coding.id, coding.note);
          },
        });
        return true;
      } catch (caught) {
        fail(caught);
        return false;
      }
    },
    [codeById, fail],
  );

  const deleteCode = useCallback(
    async (code: Code) => {
      try {
        await api.deleteCode(projectId, code.id);
        setOffer({
          message: `Deleted the code ${code.name}. Its codings are kept.`,
          undo: async () => {
            await api.restoreCode(projectId, code.id);
          },
        });
      } catch (caught) {
        fail(caught);
      }
    },
    [projectId, fail],
  );

  return { apply, createCode, createAndApply, removeCoding, changeNote, deleteCode, offer, setOffer };
}
