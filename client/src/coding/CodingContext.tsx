// What the coding UI of one open transcript shares: the live codebook and layers, where each
// coding lies in the text now, the filters, the selection to code, and the actions (each a
// REST call: the server alone writes the codebook and layers, and the change comes back
// live through their documents). The margin, the palette and the Codes panel all read this.
import type { Editor } from "@tiptap/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { Code } from "@concord/shared/coding/codebook";
import { errorMessage } from "../api/http";
import { queries, queryKeys } from "../api/queries";
import type { DocumentDetail, User } from "../api/types";
import { editsReachedServer, relativeAnchor } from "../editor/relativeAnchor";
import type { Collaboration } from "../editor/useCollaboration";
import { installCodingHighlight, setCodingHighlight } from "./codingHighlight";
import { heldCodeIds as heldIn, layerCodings, visibleCodes, type PlacedCoding } from "./placeCodings";
import { useCodingActions, type CodingActions } from "./useCodingActions";
import { useCodingDocs } from "./useCodingDocs";
import { useCodingSelection, type CodingSelection } from "./useCodingSelection";
import { usePlacedCodings } from "./usePlacedCodings";
import { useRecentCodes } from "./useRecentCodes";

export type { CodingSelection } from "./useCodingSelection";
export type { UndoOffer } from "./useCodingActions";

/** The actions: apply, create, remove, delete, and what just happened, with its undo. */
export type CodingState = CodingActions & {
  editor: Editor | null;
  documentId: string;
  projectId: string;
  userId: string;
  mayCode: boolean;
  /** Live codes, deleted ones left out. */
  codes: Code[];
  codeById: Map<string, Code>;
  /** The codes made during blind coding, kept with it until reveal (one's own, or watched). */
  heldCodeIds: ReadonlySet<string>;
  /** Every visible coding, placed; orphaned ones included. */
  codings: PlacedCoding[];
  /** The codings the filters let through (orphaned ones too). */
  shown: PlacedCoding[];
  coders: { id: string; name: string }[];
  hiddenCoders: ReadonlySet<string>;
  toggleCoder: (coderId: string) => void;
  codeFilter: string | null;
  setCodeFilter: (codeId: string | null) => void;
  /** The selection codes apply to: the editor's, or the last one made if focus has left it (a phone's sheet). */
  selection: () => CodingSelection | null;
  recent: string[];
  /** The coding under the pointer or focus: its words are highlighted. */
  active: string | null;
  setActive: (id: string | null) => void;
  /** Selects a coding's words in the text. */
  selectCoding: (coding: PlacedCoding) => void;
  paletteOpen: boolean;
  setPaletteOpen: (open: boolean) => void;
};

const Context = createContext<CodingState | null>(null);

export function useCoding(): CodingState | null {
  return useContext(Context);
}

type Props = {
  document: DocumentDetail;
  user: User;
  collaboration: Collaboration | null;
  editor: Editor | null;
  readOnly: boolean;
  children: ReactNode;
};

export function CodingProvider({ document, user, collaboration, editor, readOnly, children }: Props) {
  const project = useQuery(queries.project(document.projectId));
  const queryClient = useQueryClient();
  // The server lists what the caller may open: layers on the document, the codebook on the project.
  const wanted = useMemo(
    () => [
      ...(project.data?.collab ?? []).filter((c) => c.kind === "codebook").map((c) => ({ name: c.name, coderId: null })),
      ...document.collab.flatMap((c) => (c.kind === "layer" ? [{ name: c.name, coderId: c.coderId }] : [])),
    ],
    [project.data, document.collab],
  );
  const docs = useCodingDocs(collaboration, wanted);

  // The server tells the transcript's connections when a layer appears (someone's first
  // coding here, a reveal): the listing is fetched again and the new layer opened.
  useEffect(() => {
    const provider = collaboration?.provider;
    if (!provider) return;
    const onStateless = ({ payload }: { payload: string }) => {
      let message: unknown;
      try {
        message = JSON.parse(payload);
      } catch {
        return;
      }
      if ((message as { type?: unknown } | null)?.type === "collab-changed") {
        void queryClient.invalidateQueries({ queryKey: queryKeys.document(document.id), exact: true });
      }
    };
    provider.on("stateless", onStateless);
    return () => {
      provider.off("stateless", onStateless);
    };
  }, [collaboration, queryClient, document.id]);

  const allCodes = useMemo(() => visibleCodes(docs.codebook, docs.layers), [docs]);
  const codes = useMemo(() => allCodes.filter((c) => !c.deletedAt), [allCodes]);
  const codeById = useMemo(() => new Map(allCodes.map((c) => [c.id, c])), [allCodes]);
  const heldCodeIds = useMemo(() => heldIn(docs.layers), [docs]);
  const raw = useMemo(() => layerCodings(docs.layers), [docs]);

  const codings = usePlacedCodings(editor, collaboration, raw);

  // Counts per code come from the server (it sees every layer); refresh them after coding settles.
  useEffect(() => {
    const timer = window.setTimeout(() => void queryClient.invalidateQueries({ queryKey: queryKeys.codes(document.projectId) }), 1000);
    return () => window.clearTimeout(timer);
  }, [docs.version, queryClient, document.projectId]);

  const coders = useMemo(() => {
    const members = new Map((project.data?.members ?? []).map((m) => [m.userId, m.name]));
    return docs.layers.map(({ coderId }) => ({ id: coderId, name: coderId === user.id ? `${members.get(coderId) ?? user.name} (you)` : (members.get(coderId) ?? "A former member") }));
  }, [docs.layers, project.data, user]);

  const [hiddenCoders, setHiddenCoders] = useState<ReadonlySet<string>>(new Set());
  const toggleCoder = useCallback((coderId: string) => {
    setHiddenCoders((hidden) => {
      const next = new Set(hidden);
      if (!next.delete(coderId)) next.add(coderId);
      return next;
    });
  }, []);
  const [codeFilter, setCodeFilter] = useState<string | null>(null);
  const shown = useMemo(
    () => codings.filter((c) => !hiddenCoders.has(c.coderId) && (codeFilter === null || c.codeId === codeFilter)),
    [codings, hiddenCoders, codeFilter],
  );

  const selection = useCodingSelection(editor);
  const { recent, remember } = useRecentCodes(document.projectId);
  const provider = collaboration?.provider;
  const settled = useCallback(() => editsReachedServer(provider), [provider]);
  const anchorOf = useCallback((from: number, to: number) => (editor && !editor.isDestroyed ? relativeAnchor(editor, from, to) : null), [editor]);
  const { apply, createCode, createAndApply, removeCoding, changeNote, deleteCode, offer, setOffer } = useCodingActions({
    documentId: document.id,
    projectId: document.projectId,
    codeById,
    selection,
    remember,
    settled,
    anchorOf,
  });

  const [active, setActive] = useState<string | null>(null);
  useEffect(() => {
    if (!editor) return;
    return installCodingHighlight(editor);
  }, [editor]);
  useEffect(() => {
    if (!editor) return;
    const coding = active ? codings.find((c) => c.id === active) : undefined;
    setCodingHighlight(editor, coding && !coding.orphaned ? { from: coding.from, to: coding.to, color: codeById.get(coding.codeId)?.color ?? "#666666" } : null);
  }, [editor, active, codings, codeById]);

  const selectCoding = useCallback(
    (coding: PlacedCoding) => {
      if (!editor || coding.orphaned) return;
      editor.chain().focus().setTextSelection({ from: coding.from, to: coding.to }).scrollIntoView().run();
    },
    [editor],
  );

  const [paletteOpen, setPaletteOpen] = useState(false);
  const mayCode = !readOnly && document.role !== "viewer";

  // One object for as long as nothing in it changes: the page re-renders on every caret move
  // (presence), and a new value would re-render every stripe with it.
  const value = useMemo<CodingState>(
    () => ({
      editor,
      documentId: document.id,
      projectId: document.projectId,
      userId: user.id,
      mayCode,
      codes,
      codeById,
      heldCodeIds,
      codings,
      shown,
      coders,
      hiddenCoders,
      toggleCoder,
      codeFilter,
      setCodeFilter,
      selection,
      recent,
      apply,
      createCode,
      createAndApply,
      removeCoding,
      changeNote,
      deleteCode,
      offer,
      setOffer,
      active,
      setActive,
      selectCoding,
      paletteOpen,
      setPaletteOpen,
    }),
    [active, apply, changeNote, codeById, heldCodeIds, codeFilter, coders, codes, codings, createAndApply, createCode, deleteCode, editor, hiddenCoders, mayCode, offer, paletteOpen, recent, removeCoding, selectCoding, selection, setActive, setCodeFilter, setOffer, setPaletteOpen, shown, toggleCoder, document.id, document.projectId, user.id],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** Tells what a coding action did, with its undo, in a live region. */
export function CodingNotice() {
  const coding = useCoding();
  const [busy, setBusy] = useState(false);
  const offer = coding?.offer ?? null;
  useEffect(() => {
    if (!offer || !coding) return;
    const timer = window.setTimeout(() => coding.setOffer(null), 12_000);
    return () => window.clearTimeout(timer);
  }, [offer, coding]);
  return (
    <div className="coding-notice" role="status" aria-live="polite">
      {offer ? (
        <>
          <span>{offer.message}</span>
          {offer.undo ? (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                try {
                  await offer.undo?.();
                  coding?.setOffer({ message: "Undone.", undo: null });
                } catch (caught) {
                  coding?.setOffer({ message: errorMessage(caught), undo: null });
                } finally {
                  setBusy(false);
                }
              }}
            >
              Undo
            </button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
