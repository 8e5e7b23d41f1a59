// What the transcript view keeps for the discussion while its panels come and go: the thread
// about to be started on the selected words (kept when the person switches tabs or closes the
// phone's sheet), and which panel to bring forward — the discussion, when `?thread=` names a
// thread or the person asks to discuss their selection (the button, or Ctrl+Alt+M as in the
// word processors the theses were coded in).
import type { Editor } from "@tiptap/core";
import { useSearch } from "@tanstack/react-router";
import { useCallback, useEffect, useState } from "react";
import { relativeAnchor, type EncodedAnchor } from "../editor/relativeAnchor";
import { offsetAt, positionAt, textMap } from "../editor/textOffsets";
import type { PanelRequest } from "../transcript/SidePanel";

export const DISCUSSION_PANEL_ID = "discussion";

/** The selected words a new thread will be about: in plain-text offsets, and as the relative positions it is sent as. */
export type SelectionDraft = { start: number; end: number; quote: string; anchor: EncodedAnchor | null };


export type Discussion = {
  draft: SelectionDraft | null;
  /** Starts a thread on the editor's selection; false when nothing is selected. */
  discussSelection: () => boolean;
  clearDraft: () => void;
  /** The thread a link names (`?thread=`), to open and scroll to. */
  threadId: string | null;
};

export function isDiscussShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.altKey && event.code === "KeyM";
}

/** The words selected in the editor, or null when the selection is empty. */
export function selectionDraft(editor: Editor | null): SelectionDraft | null {
  if (!editor || editor.isDestroyed) return null;
  const { from, to } = editor.state.selection;
  const map = textMap(editor.state.doc);
  const start = offsetAt(map, from);
  const end = offsetAt(map, to);
  if (start >= end) return null;
  return { start, end, quote: map.text.slice(start, end), anchor: relativeAnchor(editor, positionAt(map, start), positionAt(map, end)) };
}

export function useDiscussion(editor: Editor | null, canWrite: boolean): { discussion: Discussion; request: PanelRequest | null } {
  const search: { thread?: string } = useSearch({ strict: false });
  const threadId = search.thread ?? null;
  const [draft, setDraft] = useState<SelectionDraft | null>(null);
  const [request, setRequest] = useState<PanelRequest | null>(threadId ? { id: DISCUSSION_PANEL_ID, seq: 1 } : null);
  const bringForward = useCallback(() => setRequest((last) => ({ id: DISCUSSION_PANEL_ID, seq: (last?.seq ?? 0) + 1 })), []);

  useEffect(() => {
    if (threadId) bringForward();
  }, [threadId, bringForward]);

  const discussSelection = useCallback(() => {
    const next = selectionDraft(editor);
    if (!next) return false;
    setDraft(next);
    bringForward();
    return true;
  }, [editor, bringForward]);

  useEffect(() => {
    if (!canWrite) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isDiscussShortcut(event)) return;
      event.preventDefault();
      discussSelection();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [canWrite, discussSelection]);

  const clearDraft = useCallback(() => setDraft(null), []);
  return { discussion: { draft, discussSelection, clearDraft, threadId }, request };
}
