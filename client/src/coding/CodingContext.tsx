// What the coding UI of one open transcript shares: the live codebook and layers, where each
// coding lies in the text now, the filters, the selection to code, and the actions (each a
// REST call: the server alone writes the codebook and layers, and the change comes back
// live through their documents). The margin, the palette and the Codes panel all read this.
import type { Editor } from "@tiptap/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { Code } from "@concord/shared/coding/codebook";
import type { CodeLevel } from "@concord/shared/coding/limits";
import { api } from "../api/endpoints";
import { errorMessage } from "../api/http";
import { queries, queryKeys } from "../api/queries";
import type { CodeSummary, DocumentDetail, User } from "../api/types";
import { offsetAt, textMap } from "../editor/textOffsets";
import type { Collaboration } from "../editor/useCollaboration";
import { installCodingHighlight, setCodingHighlight } from "./codingHighlight";
import { layerCodings, placer, visibleCodes, type PlacedCoding } from "./placeCodings";
import { useCodingDocs } from "./useCodingDocs";

/** A selection in plain-text offsets (what the API takes) and editor positions (to show it again). */
export type CodingSelection = { start: number; end: number; from: number; to: number; text: string };

export type UndoOffer = { message: string; undo: (() => Promise<void>) | null };

export type CodingState = {
  editor: Editor | null;
  documentId: string;
  projectId: string;
  userId: string;
  mayCode: boolean;
  /** Live codes, deleted ones left out. */
  codes: Code[];
  codeById: Map<string, Code>;
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
  apply: (codeId: string) => Promise<void>;
  createCode: (name: string, level?: CodeLevel, parentId?: string | null) => Promise<CodeSummary | null>;
  createAndApply: (name: string) => Promise<void>;
  removeCoding: (coding: PlacedCoding) => Promise<void>;
  deleteCode: (code: Code) => Promise<void>;
  /** What just happened, with its undo; also the place errors are told. */
  offer: UndoOffer | null;
  setOffer: (offer: UndoOffer | null) => void;
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

const RECENT_LIMIT = 8;
const recentKey = (projectId: string) => `concord-recent-codes-${projectId}`;

function readRecent(projectId: string): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(recentKey(projectId)) ?? "[]");
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === "string").slice(0, RECENT_LIMIT) : [];
  } catch {
    return [];
  }
}

/** Re-placing every coding after each keystroke would cost typing time: wait for a pause (or at most this long). */
const PLACE_PAUSE_MS = 250;
const PLACE_MAX_WAIT_MS = 5000;
/** How long one slice of placing may hold the main thread. */
const PLACE_SLICE_MS = 6;

function selectionOf(editor: Editor): CodingSelection | null {
  const { from, to } = editor.state.selection;
  if (to <= from) return null;
  const map = textMap(editor.state.doc);
  const start = offsetAt(map, from);
  const end = offsetAt(map, to);
  if (end <= start) return null;
  return { start, end, from, to, text: map.text.slice(start, end) };
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
  const raw = useMemo(() => layerCodings(docs.layers), [docs]);

  const [codings, setCodings] = useState<PlacedCoding[]>([]);
  useEffect(() => {
    if (!editor || !collaboration) return;
    let timer = 0;
    let firstWait = 0;
    let slice = 0;
    // Places every coding in slices of a few milliseconds between which the browser handles
    // input; a pass the text overtakes is dropped (its maps are stale), and the next pause redoes it.
    const place = () => {
      timer = 0;
      firstWait = 0;
      window.clearTimeout(slice);
      if (editor.isDestroyed) return;
      const pmDoc = editor.state.doc;
      const placeOne = placer(collaboration.doc, pmDoc);
      const placed: PlacedCoding[] = [];
      const step = () => {
        if (editor.isDestroyed || editor.state.doc !== pmDoc) return;
        const until = performance.now() + PLACE_SLICE_MS;
        while (placed.length < raw.length && performance.now() < until) placed.push(placeOne(raw[placed.length]!));
        if (placed.length < raw.length) slice = window.setTimeout(step, 0);
        else setCodings(placed);
      };
      step();
    };
    place();
    const onChange = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (!transaction.docChanged) return;
      const now = performance.now();
      if (!firstWait) firstWait = now;
      window.clearTimeout(timer);
      timer = window.setTimeout(place, now - firstWait > PLACE_MAX_WAIT_MS ? 0 : PLACE_PAUSE_MS);
    };
    editor.on("transaction", onChange);
    return () => {
      editor.off("transaction", onChange);
      window.clearTimeout(timer);
      window.clearTimeout(slice);
    };
  }, [editor, collaboration, raw]);

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

  // The last non-empty selection in the editor, kept when focus leaves it (opening the Codes
  // sheet on a phone, tapping a code) and forgotten when the person collapses it in the text.
  const lastSelection = useRef<CodingSelection | null>(null);
  useEffect(() => {
    if (!editor) return;
    const onSelection = () => {
      if (!editor.isFocused) return;
      lastSelection.current = selectionOf(editor);
    };
    editor.on("selectionUpdate", onSelection);
    return () => {
      editor.off("selectionUpdate", onSelection);
    };
  }, [editor]);
  const selection = useCallback(() => (editor && !editor.isDestroyed ? (selectionOf(editor) ?? lastSelection.current) : null), [editor]);

  const [recent, setRecent] = useState(() => readRecent(document.projectId));
  const remember = useCallback(
    (codeId: string) => {
      setRecent((list) => {
        const next = [codeId, ...list.filter((id) => id !== codeId)].slice(0, RECENT_LIMIT);
        try {
          localStorage.setItem(recentKey(document.projectId), JSON.stringify(next));
        } catch {
          // Private browsing may refuse storage; the list still works for this visit.
        }
        return next;
      });
    },
    [document.projectId],
  );

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
        const coding = await api.createCoding(document.id, { codeId: code.id, start: span.start, end: span.end });
        remember(code.id);
        setOffer({
          message: `Coded “${span.text.length > 40 ? `${span.text.slice(0, 40)}…` : span.text}” as ${code.name}.`,
          undo: () => api.deleteCoding(coding.id),
        });
      } catch (caught) {
        fail(caught);
      }
    },
    [selection, document.id, remember, fail],
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
        return await api.createCode(document.projectId, { name: name.trim(), level, ...(parentId ? { parentId } : {}) });
      } catch (caught) {
        fail(caught);
        return null;
      }
    },
    [document.projectId, fail],
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
        await api.deleteCoding(coding.id);
        const name = codeById.get(coding.codeId)?.name ?? "the code";
        setOffer({
          message: `Removed a coding of ${name}.`,
          undo: coding.orphaned
            ? null
            : async () => {
                await api.createCoding(document.id, { codeId: coding.codeId, start: coding.startOffset, end: coding.endOffset, note: coding.note || undefined });
              },
        });
      } catch (caught) {
        fail(caught);
      }
    },
    [codeById, document.id, fail],
  );

  const deleteCode = useCallback(
    async (code: Code) => {
      try {
        await api.deleteCode(document.projectId, code.id);
        setOffer({
          message: `Deleted the code ${code.name}. Its codings are kept.`,
          undo: async () => {
            await api.restoreCode(document.projectId, code.id);
          },
        });
      } catch (caught) {
        fail(caught);
      }
    },
    [document.projectId, fail],
  );

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
      deleteCode,
      offer,
      setOffer,
      active,
      setActive,
      selectCoding,
      paletteOpen,
      setPaletteOpen,
    }),
    [active, apply, codeById, codeFilter, coders, codes, codings, createAndApply, createCode, deleteCode, editor, hiddenCoders, mayCode, offer, paletteOpen, recent, removeCoding, selectCoding, selection, setActive, setCodeFilter, setOffer, setPaletteOpen, shown, toggleCoder, document.id, document.projectId, user.id],
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
